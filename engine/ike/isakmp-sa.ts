import type { DhKeyPair, IkeEncryptionChoice, IkeHashChoice, ModpGroup } from '../crypto/index.ts';
import type { Acquire, CryptoPolicy, DhGroupNumber, PerProtocol, ProxyIdentity, TransformProposal } from '../ipsec/ipsec-port.ts';
import type { Timer } from '../sim/sim.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { IkeRole, IsakmpState, OutboundRoute } from './ike-events.ts';
import type { Phase1Keys } from './keymat.ts';

/** The phase-1 protection suite both sides agreed on. */
export interface Phase1Suite {
  /** The local policy that matched (65535 for the default suite). */
  priority: number;
  encryption: IkeEncryptionChoice;
  hash: IkeHashChoice;
  group: ModpGroup;
  lifetimeSeconds: number;
}

/** A Diffie-Hellman exchange in progress: the crypto engine's slot number and our key pair. */
export interface DhState {
  slot: number;
  keyPair: DhKeyPair;
}

/**
 * Our answer to the last message accepted from the peer. A copy of that message is answered
 * with it again; a message we did not answer (the last of an exchange) gets nothing back, so
 * two routers never answer each other's answers.
 */
export interface SentAnswer {
  /** The message answered, as it arrived. */
  to: Uint8Array;
  bytes: Uint8Array;
}

/** The last message sent that waits for an answer, resent by timer until the answer comes. */
export interface PendingRetransmission {
  bytes: Uint8Array;
  count: number;
  timer: Timer;
  /** What the timer does when it fires: resend, or give the exchange up. */
  onTimeout: (armed: PendingRetransmission) => void;
}

/** What quick mode is asked to negotiate: one selector of one crypto map entry with one peer. */
export interface QuickModeRequest {
  policy: CryptoPolicy;
  localProxy: ProxyIdentity;
  remoteProxy: ProxyIdentity;
  peer: Ipv4Address;
  /** Our tunnel endpoint: the crypto map interface's address. */
  localAddress: Ipv4Address;
}

/** The IPsec side of one quick mode, agreed or offered. */
export interface Phase2Offer {
  /** The transform sets offered (initiator) or the one chosen (both, once agreed). */
  transforms: TransformProposal[];
  pfsGroup?: DhGroupNumber;
  lifetimeSeconds: number;
  lifetimeKilobytes: number;
}

/** One quick-mode exchange (IOS: a "node" of the ISAKMP SA), keyed by its message ID. */
export interface QuickModeExchange {
  messageId: number;
  role: IkeRole;
  /** The message this exchange waits for; `done` once the SAs are created or the exchange failed. */
  awaiting: 'QM1' | 'QM2' | 'QM3' | 'done';
  request: QuickModeRequest;
  offer: Phase2Offer;
  /** The SPIs we chose for our inbound SAs, one per protocol of the bundle. */
  inboundSpis: PerProtocol<number>;
  /** The peer's SPIs: our outbound SAs. */
  outboundSpis?: PerProtocol<number>;
  /** What the data plane agreed to: its crypto map entry and transform set. */
  policy?: CryptoPolicy;
  chosen?: TransformProposal;
  pfsSecret?: Uint8Array;
  initiatorNonce?: Uint8Array;
  responderNonce?: Uint8Array;
  dh?: DhState;
  /** Our PFS public value, sent in the KE payload. */
  ownPublic?: Uint8Array;
  peerPublic?: Uint8Array;
  /** The CBC chain of this exchange (RFC 2409 appendix B). */
  iv: Uint8Array;
  /** The chain as it stood before the last message: a forged message must not move it. */
  ivBeforeLastMessage?: Uint8Array;
  lastReceived?: Uint8Array;
  answer?: SentAnswer;
  /** When this exchange last put a message on the wire (virtual ms): duplicates do not make it resend sooner. */
  lastTransmitAt?: number;
  retransmission?: PendingRetransmission;
}

/** What a TED probe's SA at the prober remembers: the acquire it answers and the probe's message ID. */
export interface PeerDiscovery {
  acquire: Acquire;
  messageId: number;
}

export type IsakmpExchange = 'main' | 'aggressive' | 'peer-discovery';

const FIRST_STATE: Record<IsakmpExchange, IsakmpState> = {
  main: 'MM_NO_STATE',
  aggressive: 'AG_NO_STATE',
  'peer-discovery': 'PEER_DISCOVERY',
};

/** An ISAKMP SA and its phase-1 exchange, from the first packet to its deletion. */
export class IsakmpSa {
  state: IsakmpState;
  responderCookie: Uint8Array;
  suite?: Phase1Suite;
  presharedKey?: Uint8Array;
  /** SAi_b: the initiator's SA payload body, which both HASH_I and HASH_R cover. */
  initiatorSaBody?: Uint8Array;
  dh?: DhState;
  initiatorPublic?: Uint8Array;
  responderPublic?: Uint8Array;
  initiatorNonce?: Uint8Array;
  responderNonce?: Uint8Array;
  /** IDii_b / IDir_b as sent, for the hashes. */
  initiatorIdBody?: Uint8Array;
  responderIdBody?: Uint8Array;
  keys?: Phase1Keys;
  /** The phase-1 CBC chain; once phase 1 is done, its last block seeds every later exchange's IV. */
  phase1Iv?: Uint8Array;
  /** The chain as it stood before the last message: a forged message must not move it. */
  ivBeforeLastMessage?: Uint8Array;
  established = false;
  deleted = false;
  /** The last message accepted from the peer and our answer to it, for duplicates. */
  lastReceived?: Uint8Array;
  answer?: SentAnswer;
  /** When phase 1 last put a message on the wire (virtual ms): duplicates do not make it resend sooner. */
  lastTransmitAt?: number;
  retransmission?: PendingRetransmission;
  /**
   * Every quick-mode message ID seen under this SA, ours and the peer's, in progress or done:
   * a quick mode replayed after its exchange was purged must not start again (RFC 2408 3.1).
   */
  readonly messageIds = new Set<number>();
  /** Requests waiting for phase 1 to finish. */
  readonly waiting: QuickModeRequest[] = [];
  readonly exchanges = new Map<number, QuickModeExchange>();
  expiry?: Timer;
  /** An address for `purging SA., sa=...`: IOS prints where the SA lives in its memory. */
  readonly memoryAddress: number;
  /** A probe's SA at the prober: what it was sent for. */
  discovery?: PeerDiscovery;
  /** A probe is sent to a host, not a peer: `sending packet` names the way out. */
  via?: OutboundRoute;
  /**
   * The UDP port the peer's first message came from: answers go there (RFC 2408 allows any
   * source port). Learnt once, when the SA is made: cookies travel in the clear, so a later
   * datagram with them proves nothing and must not move our answers elsewhere.
   */
  peerPort = 500;
  /** A probe's SA at the responder keeps the probe's node (0) until the SA is deleted, and prints it. */
  holdsNodeZero = false;

  constructor(
    readonly connId: number,
    readonly role: IkeRole,
    readonly exchange: IsakmpExchange,
    readonly local: Ipv4Address,
    readonly peer: Ipv4Address,
    readonly initiatorCookie: Uint8Array,
    responderCookie: Uint8Array,
    memoryAddress: number,
  ) {
    this.state = FIRST_STATE[exchange];
    this.responderCookie = responderCookie;
    this.memoryAddress = memoryAddress;
  }

  /** `show crypto isakmp sa` names the responder as dst and the initiator as src. */
  get destination(): Ipv4Address {
    return this.role === 'I' ? this.peer : this.local;
  }

  get source(): Ipv4Address {
    return this.role === 'I' ? this.local : this.peer;
  }

  get usable(): boolean {
    return this.established && !this.deleted;
  }
}
