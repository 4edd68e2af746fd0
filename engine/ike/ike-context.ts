import type { IpsecPort } from '../ipsec/ipsec-port.ts';
import type { Sim } from '../sim/sim.ts';
import type { SeededRandom } from '../sim/random.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { IsakmpPayload } from '../wire/isakmp/index.ts';
import type { CpuJob, CpuQueue } from './cpu-queue.ts';
import type { IkeConfig } from './ike-config.ts';
import type { IkeLimits } from './ike-limits.ts';
import type { DeleteReason, IkeEvent, OutboundRoute } from './ike-events.ts';
import type { IsakmpSa } from './isakmp-sa.ts';
import type { SaTable } from './sa-table.ts';

/** IOS 12.2's timers: a retransmission every 10 s, five of them, then the exchange is given up. */
export interface IkeTiming {
  retransmitIntervalMs: number;
  maxRetransmissions: number;
  /** A deleted SA lingers this long (`delme`) before it is purged. */
  purgeDelayMs: number;
  /** A finished exchange's node is purged this long after it was deleted. */
  nodePurgeDelayMs: number;
  /**
   * A duplicate is not answered when the exchange transmitted less than this long ago: the
   * answer and the peer's copy crossed on a slow link, and answering would only double traffic.
   */
  duplicateHoldoffMs: number;
}

export const IOS_TIMING: IkeTiming = {
  retransmitIntervalMs: 10_000,
  maxRetransmissions: 5,
  purgeDelayMs: 1_000,
  nodePurgeDelayMs: 60_000,
  duplicateHoldoffMs: 2_000,
};

/** Why datagrams on UDP/500 were dropped, and how much went through. */
export interface IkeCounters {
  received: number;
  sent: number;
  retransmitted: number;
  malformed: number;
  noSa: number;
  /** First messages of an exchange the configuration forbids (aggressive mode while disabled). */
  refused: number;
  badHash: number;
  unexpected: number;
  duplicates: number;
  /** Duplicates that came too soon after our last transmission to be answered. */
  duplicatesNotAnswered: number;
  /** Datagrams dropped on arrival because the input queue was full. */
  inputQueueDrops: number;
  /** First messages refused because too many responder SAs were half open. */
  halfOpenRefused: number;
  /** TED probes this router sent (first copies; resent ones count as retransmitted). */
  tedProbesSent: number;
  /** Replies to its probes that it took and started IKE from. */
  tedRepliesReceived: number;
  /** Its probes that went unanswered through every retransmission. */
  tedProbesGivenUp: number;
  /** Probes for its hosts that it answered (as a responder). */
  tedProbesAnswered: number;
}

export function emptyIkeCounters(): IkeCounters {
  return {
    received: 0, sent: 0, retransmitted: 0, malformed: 0, noSa: 0, refused: 0, badHash: 0, unexpected: 0, duplicates: 0, duplicatesNotAnswered: 0, inputQueueDrops: 0, halfOpenRefused: 0,
    tedProbesSent: 0, tedRepliesReceived: 0, tedProbesGivenUp: 0, tedProbesAnswered: 0,
  };
}

/** The services the exchanges share, provided by the daemon: one per router. */
export interface IkeContext {
  readonly sim: Sim;
  readonly random: SeededRandom;
  readonly cpu: CpuQueue;
  readonly port: IpsecPort;
  readonly table: SaTable;
  readonly counters: IkeCounters;
  readonly timing: IkeTiming;
  readonly limits: IkeLimits;
  config(): IkeConfig;
  emit(event: IkeEvent): void;
  /**
   * Sends an ISAKMP datagram from port 500 at `local` (a TED probe: a host's address) to `peer`,
   * at the UDP port the peer's messages come from (500 unless a peer or a port translation chose another).
   */
  transmit(local: Ipv4Address, peer: Ipv4Address, bytes: Uint8Array, peerPort: number): void;
  /** The interface and next hop a datagram to `destination` leaves by, if there is a route. */
  route(destination: Ipv4Address): OutboundRoute | undefined;
  /** A quick mode created its SA pair: its message ID is kept for the lab. */
  quickModeDone(messageId: number): void;
  /** Phase 1 has keys: keep the initiator cookie and Ka for Wireshark. */
  recordKeys(sa: IsakmpSa): void;
  /** Phase 1 is done: the SA starts its lifetime and serves the requests that waited for it. */
  phase1Established(sa: IsakmpSa): void;
  deleteSa(sa: IsakmpSa, reason: DeleteReason): void;
  /** The peer of `sa` sent INITIAL-CONTACT: every other SA with it, and its IPsec SAs, go. */
  initialContact(sa: IsakmpSa): void;
}

/** Handles one phase-1 message for an SA in the state the transition table names. */
export type Phase1Handler = (ctx: IkeContext, sa: IsakmpSa, payloads: IsakmpPayload[], job: CpuJob) => void;
