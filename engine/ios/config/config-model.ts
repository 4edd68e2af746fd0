import type {
  IkeAuthentication, IkeEncryption, IkeGroup, IkeHash, IkePolicy, IkePresharedKey,
} from '../../ike/ike-config.ts';
import type { AccessList } from '../../net/acl-types.ts';
import type { NatTimeoutName } from '../../net/nat-types.ts';
import type { StaticRouteConfig } from '../../net/route-types.ts';
import type { Ipv4Address } from '../../wire/ipv4-address.ts';
import { defaultInterfaces, type InterfaceConfig } from './interfaces.ts';

/**
 * The typed configuration of one router: the source of truth the router applies to the
 * network. Commands edit it, `show running-config` renders it, and lines the lab accepts
 * without modelling are kept as text in their IOS place.
 */

export type TimestampKind = 'uptime' | 'datetime';

export interface TimestampFormat {
  kind: TimestampKind;
  msec: boolean;
  localtime: boolean;
  showTimezone: boolean;
  year: boolean;
}

export type ServiceName =
  | 'pad'
  | 'password-encryption'
  | 'tcp-small-servers'
  | 'udp-small-servers'
  | 'finger'
  | 'config'
  | 'nagle'
  | 'sequence-numbers'
  | 'tcp-keepalives-in'
  | 'tcp-keepalives-out';

export interface EnablePasswords {
  /** The clear text (type 7 text loaded from a config is decoded). */
  password?: string;
  /** The type 7 text exactly as loaded, rendered back unchanged. */
  passwordType7?: string;
  /** The MD5-crypt hash (`$1$salt$hash`) of `enable secret`. */
  secret?: string;
}

export interface IpGlobalFlags {
  subnetZero: boolean;
  classless: boolean;
  domainLookup: boolean;
  httpServer: boolean;
}

// IKE takes its policies and keys in IOS's own terms, so the configuration stores them as IKE's types.
export type IsakmpEncryption = IkeEncryption;
export type IsakmpHash = IkeHash;
export type IsakmpAuthentication = IkeAuthentication;
export type DhGroup = IkeGroup;
/** `crypto isakmp policy N` with its settings. */
export type IsakmpPolicy = IkePolicy;
/**
 * `crypto isakmp key KEY address A [MASK] [no-xauth]`: without a mask it names a single peer.
 * The lab never runs XAUTH, so `no-xauth` is what it does anyway: kept to be shown.
 */
export type IsakmpKey = IkePresharedKey & { noXauth?: boolean };

/** `set aggressive-mode client-endpoint ...`: the identity the router gives in its aggressive mode. */
export type ClientEndpoint =
  | { kind: 'ipv4-address'; address: Ipv4Address }
  | { kind: 'fqdn' | 'user-fqdn'; name: string };

/** `crypto isakmp peer address A` with its `set aggressive-mode ...` lines. */
export interface IsakmpPeer {
  address: Ipv4Address;
  /** The pre-shared key of the aggressive mode this router starts with the peer. */
  aggressiveModePassword?: string;
  aggressiveModeClientEndpoint?: ClientEndpoint;
}

export type TransformName =
  | 'ah-md5-hmac'
  | 'ah-sha-hmac'
  | 'esp-des'
  | 'esp-3des'
  | 'esp-aes'
  | 'esp-null'
  | 'esp-md5-hmac'
  | 'esp-sha-hmac';

export interface Transform {
  name: TransformName;
  /** esp-aes only; 128 when absent. */
  keyBits?: 128 | 192 | 256;
}

export interface TransformSet {
  name: string;
  transforms: Transform[];
  mode: 'tunnel' | 'transport';
}

export type PfsGroup = 'group1' | 'group2' | 'group5';

/** The `set` and `match` lines shared by crypto map entries and dynamic map entries. */
export interface CryptoMapSettings {
  /** `description TEXT`: shown first in the entry, nothing else. */
  description?: string;
  peers: Ipv4Address[];
  transformSets: string[];
  /** Number or name of the access list of `match address`. */
  matchAddress?: string;
  pfs?: PfsGroup;
  lifetimeSeconds?: number;
  lifetimeKilobytes?: number;
}

export interface CryptoMapEntry extends CryptoMapSettings {
  map: string;
  seq: number;
  /** `ipsec-isakmp dynamic NAME [discover]` entries take their settings from a dynamic map. */
  dynamicMap?: string;
  discover: boolean;
}

export interface DynamicMapEntry extends CryptoMapSettings {
  name: string;
  seq: number;
}

/** IOS's global IPsec SA lifetimes (`crypto ipsec security-association lifetime ...`). */
export const DEFAULT_SA_LIFETIME = { seconds: 3600, kilobytes: 4608000 } as const;

export interface CryptoConfig {
  /** Global lifetimes when configured; a map entry's own `set security-association lifetime` wins. */
  saLifetime: { seconds?: number; kilobytes?: number };
  isakmpPolicies: IsakmpPolicy[];
  isakmpKeys: IsakmpKey[];
  /** In configured order. */
  isakmpPeers: IsakmpPeer[];
  /** `crypto isakmp aggressive-mode disable`. */
  aggressiveModeDisabled: boolean;
  transformSets: TransformSet[];
  /** Kept sorted by map (first configured first) and sequence number. */
  cryptoMaps: CryptoMapEntry[];
  dynamicMaps: DynamicMapEntry[];
  /** `crypto map MAP local-address INTERFACE`: map name -> the interface whose address the map's SAs use. */
  mapLocalAddresses: Record<string, string>;
}

/** `ip nat inside source static LOCAL GLOBAL`. */
export interface NatStaticConfig {
  local: Ipv4Address;
  global: Ipv4Address;
}

/** `ip nat inside source list ACL interface IF [overload]`; one per access list. */
export interface NatListConfig {
  accessList: string;
  interfaceName: string;
  overload: boolean;
}

/** The global NAT lines (the interface roles are in each interface's `nat`). */
export interface NatConfig {
  /** Both in configured order. */
  insideSourceLists: NatListConfig[];
  insideSourceStatics: NatStaticConfig[];
  /** `ip nat translation NAME SECONDS|never`, only where it differs from IOS's default. */
  timeouts: Partial<Record<NatTimeoutName, number | 'never'>>;
}

/** Where an unmodelled line goes in `show running-config`. */
export type ConfigSlot =
  | 'after-boot'
  | 'after-enable'
  | 'before-subnet-zero'
  | 'after-subnet-zero'
  | 'ip-global'
  | 'isakmp-globals'
  | 'after-numbered-acls'
  | 'before-access-lists'
  | 'after-access-lists'
  | 'before-lines'
  | 'after-lines'
  | 'services';

export interface KeptLine {
  slot: ConfigSlot;
  /** The line as IOS stores it (keywords spelled out); banners may span several lines. */
  text: string;
  /** The leading words that identify the setting, so a later line replaces it. */
  key: string;
}

/** Sections the lab keeps without modelling them, each rendered in its own place. */
export type KeptSectionKind =
  | 'router' | 'dhcp-pool' | 'route-map' | 'class-map' | 'policy-map' | 'key-chain' | 'time-range' | 'dial-peer' | 'controller' | 'voice-port';

/** `router ospf 1`, `ip dhcp pool LAN`, `route-map NAME permit 10`: the head line and its sub-lines as IOS stores them. */
export interface KeptSection {
  kind: KeptSectionKind;
  head: string;
  lines: string[];
  /** Sections inside this one (`class X` of a policy-map, `key N` of a key chain), in configured order. */
  children?: KeptSection[];
}

/** `line con 0`, `line vty 0 4` ...: kept as text, with their sub-lines. */
export interface LineSection {
  name: string;
  lines: string[];
}

export interface IosConfig {
  hostname: string;
  services: Record<ServiceName, boolean>;
  timestamps: { debug?: TimestampFormat; log?: TimestampFormat };
  enable: EnablePasswords;
  bootSystem: string[];
  iomemPercent?: number;
  ip: IpGlobalFlags;
  interfaces: InterfaceConfig[];
  staticRoutes: StaticRouteConfig[];
  /** Numbered and named lists in configured order. */
  accessLists: AccessList[];
  crypto: CryptoConfig;
  nat: NatConfig;
  lineSections: LineSection[];
  kept: KeptLine[];
  keptSections: KeptSection[];
}

export const DEFAULT_HOSTNAME = 'Router';

/** Services on when a router starts without configuration. */
const SERVICE_DEFAULTS: Record<ServiceName, boolean> = {
  pad: true,
  'password-encryption': false,
  'tcp-small-servers': false,
  'udp-small-servers': false,
  finger: false,
  config: false,
  nagle: false,
  'sequence-numbers': false,
  'tcp-keepalives-in': false,
  'tcp-keepalives-out': false,
};

export function defaultTimestamp(): TimestampFormat {
  return { kind: 'uptime', msec: false, localtime: false, showTimezone: false, year: false };
}

export function defaultIsakmpPolicy(priority: number): IsakmpPolicy {
  return { priority, encryption: 'des', hash: 'sha', authentication: 'rsa-sig', group: 1, lifetimeSeconds: 86400 };
}

/** The configuration of a c2600 with an empty NVRAM; `hardware` lists its ports (default: the two FastEthernets). */
export function createDefaultConfig(hostname = DEFAULT_HOSTNAME, hardware?: readonly string[]): IosConfig {
  return {
    hostname,
    services: { ...SERVICE_DEFAULTS },
    timestamps: { debug: defaultTimestamp(), log: defaultTimestamp() },
    enable: {},
    bootSystem: [],
    ip: { subnetZero: true, classless: true, domainLookup: true, httpServer: false },
    interfaces: defaultInterfaces(hardware),
    staticRoutes: [],
    accessLists: [],
    crypto: {
      saLifetime: {},
      isakmpPolicies: [],
      isakmpKeys: [],
      isakmpPeers: [],
      aggressiveModeDisabled: false,
      transformSets: [],
      cryptoMaps: [],
      dynamicMaps: [],
      mapLocalAddresses: {},
    },
    nat: { insideSourceLists: [], insideSourceStatics: [], timeouts: {} },
    lineSections: [
      { name: 'con 0', lines: [] },
      { name: 'aux 0', lines: [] },
      { name: 'vty 0 4', lines: [] },
    ],
    kept: [],
    keptSections: [],
  };
}

export function findAccessList(config: IosConfig, name: string): AccessList | undefined {
  return config.accessLists.find((list) => list.name === name);
}
