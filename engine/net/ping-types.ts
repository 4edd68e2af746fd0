import type { Ipv4Address } from '../wire/ipv4-address.ts';

/** One ping run, as a host or a router's `ping` command asks for it. */
export interface PingRequest {
  destination: Ipv4Address;
  /** Defaults: 5 echoes, 100-byte datagrams (IOS counts the IP header), 2 s timeout. */
  count?: number;
  size?: number;
  timeoutMs?: number;
  source?: Ipv4Address;
  /** Don't-fragment bit. */
  dontFragment?: boolean;
}

/** IOS's per-echo marks: `!` reply, `.` timeout, `U` unreachable, `&` TTL expired, `Q` source quench, `M` could not fragment, `?` unknown. */
export type PingMark = '!' | '.' | 'U' | '&' | 'Q' | 'M' | '?';

export interface PingResult {
  destination: Ipv4Address;
  count: number;
  size: number;
  timeoutMs: number;
  marks: string;
  /** Round-trip times in virtual milliseconds of the echoes answered. */
  roundTrips: number[];
  received: number;
  successRate: number;
}
