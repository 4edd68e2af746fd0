import type { Ipv4Address } from '../wire/ipv4-address.ts';

/**
 * Access lists as data. The IOS layer parses and renders them; the net layer evaluates them
 * and counts matches on the entries themselves, so `show access-lists` sees live counters.
 */
export type AclAction = 'permit' | 'deny';

/** `any` is { address: 0, wildcard: 0xffffffff }; `host A` is { address: A, wildcard: 0 }. */
export interface AddressMatch {
  address: Ipv4Address;
  wildcard: Ipv4Address;
}

export type PortOperator = 'eq' | 'neq' | 'lt' | 'gt' | 'range';

/** `range` has two ports; the others one. */
export interface PortMatch {
  operator: PortOperator;
  ports: number[];
}

export interface AclEntry {
  action: AclAction;
  /** IP protocol number; undefined for the `ip` keyword (any protocol). Standard ACLs: undefined. */
  protocol?: number;
  source: AddressMatch;
  sourcePort?: PortMatch;
  /** Absent in standard ACLs. */
  destination?: AddressMatch;
  destinationPort?: PortMatch;
  /** ICMP type (and optional code) for `icmp` entries such as `echo` or `echo-reply`. */
  icmpType?: number;
  icmpCode?: number;
  /** `established`: TCP segments with ACK or RST. */
  established?: boolean;
  log?: boolean;
  /** Packets this entry decided; reset by `clear access-list counters`. */
  matches: number;
}

export type AclKind = 'standard' | 'extended';

export interface AccessList {
  /** The number as text ("101") or the name of a named list. */
  name: string;
  kind: AclKind;
  /** Whether it was made with `ip access-list ...` (rendered differently in running-config). */
  named: boolean;
  /** Entries and remarks in configured order. */
  lines: Array<AclEntry | { remark: string }>;
}

/** What an ACL looks at in a packet. */
export interface PacketFields {
  protocol: number;
  source: Ipv4Address;
  destination: Ipv4Address;
  sourcePort?: number;
  destinationPort?: number;
  icmpType?: number;
  icmpCode?: number;
  tcpFlags?: number;
}

export function isAclEntry(line: AclEntry | { remark: string }): line is AclEntry {
  return !('remark' in line);
}
