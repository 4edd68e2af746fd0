import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { AccessList } from './acl-types.ts';

/**
 * Inside source NAT as IOS 12.2 does it, as data: the settings the IOS layer hands down and
 * the views `show ip nat translations` and `show ip nat statistics` are rendered from.
 */

/** The protocols whose flows NAT tells apart by port; for ICMP, by echo identifier. */
export type NatProtocol = 'tcp' | 'udp' | 'icmp';

/** IOS's `ip nat translation` timeout names. */
export const NAT_TIMEOUT_NAMES = [
  'timeout', 'tcp-timeout', 'udp-timeout', 'finrst-timeout', 'syn-timeout', 'dns-timeout', 'icmp-timeout',
] as const;

export type NatTimeoutName = (typeof NAT_TIMEOUT_NAMES)[number];

/** Seconds; `Infinity` stands for `never`. */
export type NatTimeouts = Record<NatTimeoutName, number>;

/** IOS 12.2's defaults. `timeout` is for translations without ports. */
export const NAT_DEFAULT_TIMEOUTS: Readonly<NatTimeouts> = {
  timeout: 86400,
  'tcp-timeout': 86400,
  'udp-timeout': 300,
  'finrst-timeout': 60,
  'syn-timeout': 60,
  'dns-timeout': 60,
  'icmp-timeout': 60,
};

/** `ip nat inside source static LOCAL GLOBAL`. */
export interface NatStaticRule {
  kind: 'static';
  local: Ipv4Address;
  global: Ipv4Address;
}

/** `ip nat inside source list ACL interface IF [overload]`. */
export interface NatListRule {
  kind: 'list';
  /** The list's number or name as configured. */
  accessList: string;
  /** The list itself; absent while it does not exist (then nothing is translated by it). */
  acl?: AccessList;
  interfaceName: string;
  overload: boolean;
}

export type NatRule = NatStaticRule | NatListRule;

/** Which rule made a translation, without the live list object. */
export type NatRuleId = NatStaticRule | Omit<NatListRule, 'acl'>;

export interface NatSettings {
  /** Interfaces with `ip nat inside` / `ip nat outside`. */
  inside: readonly string[];
  outside: readonly string[];
  /** In configured order; IOS tries the static rules before the dynamic ones. */
  rules: readonly NatRule[];
  timeouts: Readonly<NatTimeouts>;
}

export const NAT_DISABLED: NatSettings = { inside: [], outside: [], rules: [], timeouts: NAT_DEFAULT_TIMEOUTS };

export interface NatEndpoint {
  address: Ipv4Address;
  /** Absent in simple (address-only) translations. */
  port?: number;
}

/** One row of the translation table. */
export interface NatTranslation {
  /** Absent for simple translations (`---` in the table). */
  protocol?: NatProtocol;
  insideGlobal: NatEndpoint;
  insideLocal: NatEndpoint;
  /** Absent for simple translations; without outside NAT both outside columns show the same address. */
  outsideLocal?: NatEndpoint;
  outsideGlobal?: NatEndpoint;
  /** The permanent entry of a static rule (not removed by `clear ip nat translation *`). */
  static: boolean;
  rule: NatRuleId;
  /** Virtual milliseconds. */
  createdAt: number;
  lastUsedAt: number;
  /** Seconds of idleness before the entry goes; `Infinity` for static entries and `never`. */
  timeoutSeconds: number;
}

/** `show ip nat statistics` counters. */
export interface NatCounters {
  /** Packets translated by an entry that existed. */
  hits: number;
  /** Packets for which no entry existed (one may then have been created). */
  misses: number;
  expired: number;
  /** Packets dropped because the rule that matched them could not translate (no address, no free port). */
  failed: number;
}

/** What the CLI sees of a router's NAT. */
export interface NatService {
  /** The table in display order: dynamic entries by age, then the static entries in rule order. */
  translations(): NatTranslation[];
  counters(): NatCounters;
  /** `clear ip nat translation *`: every dynamic entry goes; returns how many. */
  clearDynamic(): number;
  /** `clear ip nat statistics`. */
  clearCounters(): void;
}
