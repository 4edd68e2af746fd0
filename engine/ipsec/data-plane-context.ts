import type { IpNode } from '../net/ip-node.ts';
import type { NetInterface } from '../net/net-interface.ts';
import type { OutboundContext } from '../net/packet-hooks.ts';
import type { SeededRandom } from '../sim/random.ts';
import type { Ipv4Datagram } from '../wire/ipv4.ts';
import { IpProtocol } from '../wire/ip-protocols.ts';
import { ISAKMP_UDP_PORT, NAT_TRAVERSAL_UDP_PORT } from '../wire/isakmp/nat-traversal.ts';
import type { PacketFields } from '../net/acl-types.ts';
import type { IpsecTraceEvent } from './ipsec-trace.ts';
import type { SaDatabase } from './sa-database.ts';
import type { SaLifetimes } from './sa-lifetime.ts';
import type { PolicyMatch, SecurityPolicyDatabase } from './security-policy.ts';

/** Why the data plane dropped a packet; each reason has its own counter. */
export const IPSEC_DROP_REASONS = [
  /** Matched a crypto map entry that has no SA yet (the packet that triggers IKE, and those after it). */
  'awaiting-sa',
  'invalid-spi',
  'malformed',
  'replay',
  'icv-mismatch',
  'bad-padding',
  /** ESP of a bundle that requires AH around it, arriving without. */
  'missing-ah',
  /** Decrypted fine but is not what the SA's proxies allow. */
  'invalid-identity',
  /** Clear text that an installed SA says must arrive protected. */
  'not-ipsec',
  /** A TED probe for one of our hosts: IKE answers it in the host's stead. */
  'ted-probe',
  'too-big',
] as const;

export type IpsecDropReason = (typeof IPSEC_DROP_REASONS)[number];
export type IpsecDropCounters = Record<IpsecDropReason, number>;

export function emptyIpsecDropCounters(): IpsecDropCounters {
  return Object.fromEntries(IPSEC_DROP_REASONS.map((reason) => [reason, 0])) as IpsecDropCounters;
}

/** What the inbound and outbound packet paths share with the engine that owns them. */
export interface DataPlaneContext {
  readonly node: IpNode;
  readonly spd: SecurityPolicyDatabase;
  readonly sad: SaDatabase;
  readonly random: SeededRandom;
  readonly lifetimes: SaLifetimes;
  readonly drops: IpsecDropCounters;
  trace(event: IpsecTraceEvent): void;
  /** A packet matched a map entry without SA: start negotiating (once per selector); true when this packet started it. */
  acquire(match: PolicyMatch, datagram: Ipv4Datagram, context: OutboundContext): boolean;
  /** An arriving datagram IKE takes as a TED probe to answer (it goes no further). */
  interceptProbe(datagram: Ipv4Datagram, iface: NetInterface): boolean;
}

/**
 * IKE itself (UDP 500, and 4500 for NAT traversal) is never protected by the crypto map
 * nor refused as clear text, whatever the ACL says: otherwise no SA could ever be built.
 */
export function isIkeTraffic(fields: PacketFields): boolean {
  if (fields.protocol !== IpProtocol.udp) return false;
  const ports = [fields.sourcePort, fields.destinationPort];
  return ports.includes(ISAKMP_UDP_PORT) || ports.includes(NAT_TRAVERSAL_UDP_PORT);
}
