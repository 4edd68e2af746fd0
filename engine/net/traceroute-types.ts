import type { Ipv4Address } from '../wire/ipv4-address.ts';

/** A traceroute run, as IOS's `traceroute` (and its extended dialog) asks for it. */
export interface TracerouteRequest {
  destination: Ipv4Address;
  source?: Ipv4Address;
  /** Defaults as IOS's: 3 probes a hop, 3 s each, TTL 1 to 30, UDP ports from 33434 up. */
  probesPerHop?: number;
  timeoutMs?: number;
  minTtl?: number;
  maxTtl?: number;
  port?: number;
}

export const TRACEROUTE_DEFAULTS = {
  probesPerHop: 3,
  timeoutMs: 3000,
  minTtl: 1,
  maxTtl: 30,
  port: 33434,
} as const;

/**
 * What came back for one probe. `time exceeded` from a router on the way and `port unreachable`
 * from the destination are answers (`reached` for the latter); other ICMP errors carry the code
 * IOS prints for them.
 */
export type ProbeOutcome =
  | { kind: 'timeout' }
  | { kind: 'answer'; from: Ipv4Address; rttMs: number; reached: boolean }
  | { kind: 'unreachable'; from: Ipv4Address; rttMs: number; code: UnreachableMark };

/** IOS's letters: N network, H host, P protocol, U port (from another than the target), A prohibited, M fragmentation needed, Q source quench. */
export type UnreachableMark = 'N' | 'H' | 'P' | 'U' | 'A' | 'M' | 'Q';

export interface TracerouteHop {
  ttl: number;
  probes: ProbeOutcome[];
}

export interface TracerouteResult {
  destination: Ipv4Address;
  hops: TracerouteHop[];
  /** Whether the destination answered (a port unreachable from it). */
  reached: boolean;
}
