import type { PingResult } from '../net/ping-types.ts';

/** The shapes the Lab API takes and gives (re-exported by lab.ts). */

export interface LoadOptions {
  /** Overrides the topology's seed. */
  seed?: number;
}

export interface PingOptions {
  count?: number;
  size?: number;
  timeoutMs?: number;
}

/** A ping under way: when it is done, and its outcome then. */
export interface StartedPing {
  /** How long it can take at most, every echo timed out (ms). */
  longestMs: number;
  done(): boolean;
  outcome(): PingOutcome;
}

/** A ping's result with the IOS-style text it printed. */
export interface PingOutcome extends PingResult {
  output: string;
}

/** The SPIs of a router's live IPsec SAs: its own (inbound) and its peers' (outbound), as `show crypto ipsec sa` lists them. */
export interface IpsecSpis {
  inbound: number[];
  outbound: number[];
}

/** A datagram (or, for `watchFrames`, a frame) a link carried: when (virtual ms), its bytes, and the end that sent it. */
export interface LinkPacket {
  timeMs: number;
  bytes: Uint8Array;
  from: string;
}
