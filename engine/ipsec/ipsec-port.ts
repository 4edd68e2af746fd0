import { AH_TRANSFORM_ID, authAlgorithmByKeyword, espTransformByKeyword } from '../crypto/index.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { AccessList } from '../net/acl-types.ts';

/**
 * The boundary between IKE (engine/ike) and the IPsec data plane (engine/ipsec), in the manner
 * of strongSwan's kernel_ipsec interface: IKE negotiates, IPsec protects packets. IKE imports
 * only these types from engine/ipsec; the router wires an IpsecEngine to an IkeDaemon.
 */

/** A proxy identity: what one side of an SA protects (IOS: addr/mask/prot/port). */
export interface ProxyIdentity {
  address: Ipv4Address;
  /** 255.255.255.255 for a single host (ID_IPV4_ADDR), else a subnet (ID_IPV4_ADDR_SUBNET). */
  mask: Ipv4Address;
  /** IP protocol; 0 = any. */
  protocol: number;
  /** Port; 0 = any. */
  port: number;
}

/** One transform set, resolved from the configuration. */
export interface TransformProposal {
  /** The transform set's name. */
  name: string;
  /** `esp-des`, `esp-3des`, `esp-aes` (with keyBits), `esp-null`, or undefined (AH only). */
  espCipher?: { transform: 'esp-des' | 'esp-3des' | 'esp-aes' | 'esp-null'; keyBits?: number };
  /** `esp-md5-hmac` / `esp-sha-hmac`, or undefined. */
  espAuth?: 'esp-md5-hmac' | 'esp-sha-hmac';
  /** `ah-md5-hmac` / `ah-sha-hmac`, or undefined. */
  ah?: 'ah-md5-hmac' | 'ah-sha-hmac';
  mode: 'tunnel' | 'transport';
}

export type DhGroupNumber = 1 | 2 | 5 | 14;

/** The IPsec protocols of an SA bundle. */
export type IpsecProtocol = 'ah' | 'esp';

/** One value for each protocol of a bundle: AH, ESP or both. */
export type PerProtocol<T> = Partial<Record<IpsecProtocol, T>>;

/** The engine connections of one protocol's SA pair (IOS numbers them 2000, 2001, ...). */
export interface FlowIds {
  inboundConnId: number;
  outboundConnId: number;
}

/** ISAKMP protocol ids (RFC 2407 4.4.1) of the IPsec protocols. */
export const ISAKMP_PROTOCOL_ID: Record<IpsecProtocol, number> = { ah: 2, esp: 3 };
/** IP protocol numbers (RFC 2402, RFC 2406). */
export const IP_PROTOCOL_OF: Record<IpsecProtocol, number> = { ah: 51, esp: 50 };

/** A protocol part as ISAKMP numbers it: protocol id, transform id, authentication algorithm (0 for none). */
export interface TransformNumbers {
  protocolId: number;
  transformId: number;
  hmac: number;
}

/** The numbers of each protocol part of a set, as IOS prints them (`prot 3, trans 2, hmac_alg 1`). */
export function ipsecTransformNumbers(set: TransformProposal): PerProtocol<TransformNumbers> {
  const hmacOf = (keyword: string | undefined): number => {
    const auth = keyword === undefined ? undefined : authAlgorithmByKeyword(keyword);
    return auth?.ok ? auth.value.id : 0;
  };
  const numbers: PerProtocol<TransformNumbers> = {};
  if (set.ah !== undefined) {
    const transformId = set.ah === 'ah-sha-hmac' ? AH_TRANSFORM_ID.AH_SHA : AH_TRANSFORM_ID.AH_MD5;
    numbers.ah = { protocolId: ISAKMP_PROTOCOL_ID.ah, transformId, hmac: hmacOf(set.ah) };
  }
  if (set.espCipher !== undefined || set.espAuth !== undefined) {
    const cipher = espTransformByKeyword(set.espCipher?.transform ?? 'esp-null', set.espCipher?.keyBits);
    numbers.esp = { protocolId: ISAKMP_PROTOCOL_ID.esp, transformId: cipher.ok ? cipher.value.id : 0, hmac: hmacOf(set.espAuth) };
  }
  return numbers;
}

/** The protocols whose SAs a transform set makes, outermost first: AH, then ESP (RFC 2401 4.5). */
export function protocolsOf(set: TransformProposal): IpsecProtocol[] {
  const protocols: IpsecProtocol[] = [];
  if (set.ah !== undefined) protocols.push('ah');
  if (set.espCipher !== undefined || set.espAuth !== undefined) protocols.push('esp');
  return protocols;
}

/** The part of a transform set one protocol carries out: its transforms, the set's name and mode. */
export function protocolPart(set: TransformProposal, protocol: IpsecProtocol): TransformProposal {
  if (protocol === 'ah') return { name: set.name, mode: set.mode, ...(set.ah === undefined ? {} : { ah: set.ah }) };
  return {
    name: set.name, mode: set.mode,
    ...(set.espCipher === undefined ? {} : { espCipher: set.espCipher }),
    ...(set.espAuth === undefined ? {} : { espAuth: set.espAuth }),
  };
}

/** A crypto map entry as the data plane and IKE see it (static, or a dynamic map's template). */
export interface CryptoPolicy {
  mapName: string;
  seq: number;
  /** Set when this entry was instantiated from `crypto dynamic-map NAME SEQ`. */
  dynamicMap?: { name: string; seq: number };
  /** `discover`: find the peer with TED. */
  discover: boolean;
  interfaceName: string;
  /** The crypto map interface's address: the local tunnel endpoint. */
  localAddress: Ipv4Address;
  /** `set peer` addresses in order (empty for dynamic maps). */
  peers: Ipv4Address[];
  /** The `match address` list's name and its permit entries as proxy pairs, in order. */
  accessList?: string;
  /**
   * The list itself: evaluate it first-match with `evaluateAcl` semantics, so a `deny` entry before a
   * permit leaves that traffic unprotected; `selectors[i]` is the proxy pair of the i-th permit entry.
   */
  acl?: AccessList;
  selectors: Array<{ local: ProxyIdentity; remote: ProxyIdentity }>;
  transformSets: TransformProposal[];
  pfsGroup?: DhGroupNumber;
  /** Global `crypto ipsec security-association lifetime` unless the entry sets its own. */
  lifetimeSeconds: number;
  lifetimeKilobytes: number;
}

/** Raised by the data plane when an outbound packet matches a policy that has no SA yet. */
export interface Acquire {
  policy: CryptoPolicy;
  /** The selector the packet matched (IOS negotiates the ACL entry, not the single packet). */
  local: ProxyIdentity;
  remote: ProxyIdentity;
  /** The packet that triggered it (dropped): TED probes go to its destination, from its source. */
  packetSource: Ipv4Address;
  packetDestination: Ipv4Address;
  /** The peer to negotiate with (first `set peer`), undefined for a discover entry. */
  peer?: Ipv4Address;
}

/** Key material and parameters of one direction of an SA, as quick mode derived them. */
export interface SaKeys {
  spi: number;
  encryptionKey: Uint8Array;
  integrityKey: Uint8Array;
}

/** A negotiated SA pair that IKE asks the data plane to install. */
export interface SaPairInstall {
  policy: CryptoPolicy;
  local: Ipv4Address;
  remote: Ipv4Address;
  localProxy: ProxyIdentity;
  remoteProxy: ProxyIdentity;
  transform: TransformProposal;
  /** The SAs protecting packets from the peer to us, per protocol of the set: our SPIs. */
  inbound: PerProtocol<SaKeys>;
  /** The SAs protecting packets from us to the peer: the peer's SPIs. */
  outbound: PerProtocol<SaKeys>;
  lifetimeSeconds: number;
  lifetimeKilobytes: number;
  pfsGroup?: DhGroupNumber;
  /** The ISAKMP SA's connection id the pair was negotiated under. */
  isakmpConnId: number;
  /**
   * Whether this router started the quick mode. The initiator renegotiates the pair when its
   * soft lifetime runs out; the responder waits for that, so the two ends do not both replace
   * the same pair.
   */
  initiator: boolean;
}

/** What the data plane answers to a proposal check (IOS's validate_proposal_request). */
export type ProposalVerdict =
  | { ok: true; policy: CryptoPolicy; transform: TransformProposal }
  | { ok: false; reason: 'proxy-identities-not-supported' };

/** The data plane's services to IKE. */
export interface IpsecPort {
  /** A fresh inbound SPI for an SA from `remote` to `local` (drawn from the seeded stream, unique, >= 256). */
  allocateSpi(local: Ipv4Address, remote: Ipv4Address, protocol: number): number;
  /**
   * One protocol's offered transform (IOS validate_proposal): does any crypto map entry at `local`
   * that takes this peer hold a transform set with this part, and take this PFS offer?
   */
  validateTransform(local: Ipv4Address, remote: Ipv4Address, part: TransformProposal, pfsGroup: DhGroupNumber | undefined): boolean;
  /**
   * The whole proposal (IOS validate_proposal_request): does an entry at `local` cover these
   * proxies, take the peer, hold this transform set and take this PFS offer?
   */
  validateProposal(
    local: Ipv4Address,
    remote: Ipv4Address,
    localProxy: ProxyIdentity,
    remoteProxy: ProxyIdentity,
    transform: TransformProposal,
    pfsGroup: DhGroupNumber | undefined,
  ): ProposalVerdict;
  /**
   * Reserves the crypto engine connections of a new bundle, two per protocol (IOS: `ipsec
   * allocate flow 0`, twice each), e.g. 2000 and 2001. IKE prints them in `Creating IPsec SAs`
   * before the pair is installed.
   */
  allocateFlows(protocols: readonly IpsecProtocol[]): PerProtocol<FlowIds>;
  /** Installs the bundle under the connections `allocateFlows` reserved (IOS: initialize_sas, create_sa). */
  installSaPair(install: SaPairInstall, connIds: PerProtocol<FlowIds>): void;
  /** Removes the SA pairs one of whose SAs of this protocol has one of these SPIs (a DELETE from the peer). */
  deleteSas(peer: Ipv4Address, protocol: IpsecProtocol, spis: number[]): void;
  /** Removes every SA pair with the peer, without telling it (it sent INITIAL-CONTACT: it has none). */
  deletePeerSas(peer: Ipv4Address): void;
}

/**
 * An ISAKMP datagram (UDP 500 to 500) that arrived on a crypto map interface with entries that take
 * unknown peers: it may be a TED probe for a host this router protects (IKE answers it, the data plane
 * drops it) or anything else (it goes on: delivered or forwarded).
 */
export interface ProbeCandidate {
  source: Ipv4Address;
  destination: Ipv4Address;
  /** The UDP payload. */
  payload: Uint8Array;
  interfaceName: string;
  /** The crypto map entries of the interface it arrived on. */
  policies: readonly CryptoPolicy[];
}

/** The data plane's notices to IKE. */
export interface IpsecEvents {
  acquire(acquire: Acquire): void;
  /** The soft lifetime of an outbound SA ran out: negotiate its replacement now. */
  rekey(policy: CryptoPolicy, local: ProxyIdentity, remote: ProxyIdentity, peer: Ipv4Address): void;
  /** An SA bundle expired or was cleared here: tell the peer with a DELETE per protocol, naming our inbound SPIs. */
  expired(peer: Ipv4Address, inboundSpis: PerProtocol<number>, isakmpConnId: number): void;
  /** A possible TED probe on its way in: true when IKE takes it (and the data plane drops it). */
  interceptProbe?(candidate: ProbeCandidate): boolean;
}
