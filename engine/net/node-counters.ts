/** Why an IP node dropped a datagram; each reason has its own counter. */
export const DROP_REASONS = [
  'malformed',
  'interface-down',
  'ttl-expired',
  'no-route',
  'no-source-address',
  'acl-in',
  'acl-out',
  'not-forwarding',
  'protocol-unreachable',
  'port-unreachable',
  'too-big',
  /** IOS's "encapsulation failed": the next hop had no ARP entry yet (a request went out instead). */
  'unresolved',
] as const;

export type DropReason = (typeof DROP_REASONS)[number];

export type DropCounters = Record<DropReason, number>;

export function emptyDropCounters(): DropCounters {
  return Object.fromEntries(DROP_REASONS.map((reason) => [reason, 0])) as DropCounters;
}

export interface TrafficCounters {
  /** Datagrams that decoded on arrival. */
  received: number;
  /** Handed to the node's own protocols. */
  delivered: number;
  forwarded: number;
  /** Originated by the node itself (replies and errors included). */
  originated: number;
  icmpErrorsSent: number;
  /** Unreachables withheld by the rate limit. */
  icmpErrorsRateLimited: number;
}

export function emptyTrafficCounters(): TrafficCounters {
  return { received: 0, delivered: 0, forwarded: 0, originated: 0, icmpErrorsSent: 0, icmpErrorsRateLimited: 0 };
}
