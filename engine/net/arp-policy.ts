/**
 * How a stack resolves its neighbours: what IOS 12.2 does, and what a PC does. Every figure
 * says where it comes from; engine/ios/TEXT-SOURCES.md and the README list the ones that are
 * inferred rather than confirmed.
 */
export interface ArpPolicy {
  readonly kind: 'ios' | 'pc';
  /**
   * The datagram that finds no entry: IOS drops it and sends a request (which is why a first
   * ping to a new neighbour shows `.!!!!`); a PC keeps it until the reply comes.
   */
  readonly onMiss: 'drop' | 'queue';
  /** How long a learned entry lives without being confirmed by an ARP packet from its owner. */
  readonly timeoutMs: number;
  /**
   * IOS: requests for an incomplete entry go out as datagrams ask for it, at most one per this
   * interval. PC: the interval between its own retransmissions.
   */
  readonly retryIntervalMs: number;
  /** PC: requests before it gives up and drops what waits. IOS asks again as long as traffic asks. */
  readonly maxRequests: number;
  /** PC: datagrams kept per address while it waits; the oldest goes when a new one comes. */
  readonly queueLength: number;
  /** IOS: how long an unanswered (incomplete) entry stays after its last request. */
  readonly incompleteHoldMs: number;
  /** Whether an unsolicited announcement (gratuitous ARP) creates an entry, not just updates one. */
  readonly learnsFromGratuitous: boolean;
  /** `ip proxy-arp`, on by default in IOS 12.2: answer for addresses routed out of another interface. */
  readonly proxyArp: boolean;
  /** Whether it announces its addresses (gratuitous ARP) when an interface comes up or gets one. */
  readonly announces: boolean;
}

/** `arp timeout` default (12.2 command reference: 14400 seconds, four hours). */
export const IOS_ARP_TIMEOUT_MS = 4 * 60 * 60 * 1000;

export const IOS_ARP_POLICY: ArpPolicy = {
  kind: 'ios',
  onMiss: 'drop',
  timeoutMs: IOS_ARP_TIMEOUT_MS,
  // Inferred: one request per echo of a 2-second ping to an absent neighbour, as 12.2 shows it.
  retryIntervalMs: 2000,
  maxRequests: Infinity,
  queueLength: 0,
  // Inferred (tedlab's own figure): IOS keeps an `Incomplete` entry for a while; a minute here.
  incompleteHoldMs: 60_000,
  // Later IOS's `ip arp gratuitous local` default; 12.2 learned them before the command existed.
  learnsFromGratuitous: true,
  proxyArp: true,
  announces: true,
};

/**
 * A Linux PC: up to 3 waiting datagrams (`unres_qlen`), 3 broadcast requests 1 s apart
 * (`mcast_solicit`, `retrans_time`), then it gives up. A learned entry stays in use: Linux
 * re-confirms it in the background with unicast probes, which the lab does not send; it takes
 * no gratuitous ARP it did not ask for (`arp_accept` 0) and proxies nothing.
 */
export const PC_ARP_POLICY: ArpPolicy = {
  kind: 'pc',
  onMiss: 'queue',
  timeoutMs: Infinity,
  retryIntervalMs: 1000,
  maxRequests: 3,
  queueLength: 3,
  incompleteHoldMs: 0,
  learnsFromGratuitous: false,
  proxyArp: false,
  announces: false,
};
