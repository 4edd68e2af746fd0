import type { SeededRandom } from '../../sim/random.ts';
import type { Lab } from '../lab.ts';
import { LinkTraffic, type SeenPacket } from '../testing/link-traffic.ts';
import type { FuzzCase } from './fuzz-cases.ts';
import { mutate } from './mutations.ts';
import { dissect, type Dissected } from './packet-layout.ts';
import { StateLabeler, type Phase } from './state-labels.ts';

/**
 * Watches the WAN of one episode and, right after each ISAKMP message (and some ESP or AH
 * packets) the lab sends, puts mutations of packets seen so far back on the link, in both
 * directions: the state of the moment is whatever that packet just moved the exchange to.
 * Only packets the lab already sent are mutated, never ones from the episode's future.
 */

export interface InjectorOptions {
  /** Mutations injected at each injection point. */
  perPoint: number;
  /** Injection points per episode at most: fuzz-provoked answers must not feed on themselves. */
  maxPoints: number;
  /** Injection points per state label at most (retransmissions and answers to the fuzz repeat labels). */
  perLabel: number;
  /** The share of a state's later ESP and AH packets that become injection points (its first always does). */
  ipsecShare: number;
  /** Mutators not to use, by name (to fuzz on past a known bug). */
  excluded: readonly string[];
}

export const DEFAULT_INJECTOR_OPTIONS: InjectorOptions = { perPoint: 4, maxPoints: 60, perLabel: 2, ipsecShare: 0.25, excluded: [] };

/** One injected mutation, as a failure reports it. */
export interface InjectionRecord {
  /** Virtual ms at which it was put on the link. */
  timeMs: number;
  state: string;
  mutation: string;
  detail: string;
  /** The captured packet it was made from: "R1 -> R2 isakmp 2 @807ms". */
  source: string;
}

/** One datagram put on the WAN, with the mutation it came from: what a minimisation replays. */
export interface InjectedDatagram {
  timeMs: number;
  bytes: Uint8Array;
  /** The end of the WAN it was sent from. */
  from: string;
  record: InjectionRecord;
}

const RECENT = 12;
const ORIGINATED_TTL = 255;

export class Injector {
  phase: Phase = 'setup';
  readonly traffic: LinkTraffic;
  readonly mutations = new Map<string, number>();
  readonly states = new Map<string, number>();
  readonly recent: InjectionRecord[] = [];
  packetsTried = 0;
  datagramsInjected = 0;
  private active = true;
  private points = 0;
  private readonly pointsAt = new Map<string, number>();
  private readonly labeler = new StateLabeler();
  private readonly seen: SeenPacket[] = [];
  private readonly pool: Dissected[] = [];
  private readonly excluded: ReadonlySet<string>;

  constructor(private readonly lab: Lab, fuzzCase: FuzzCase, private readonly random: SeededRandom,
    private readonly options: InjectorOptions = DEFAULT_INJECTOR_OPTIONS,
    private readonly onInjected?: (injected: InjectedDatagram) => void) {
    this.excluded = new Set(options.excluded);
    this.traffic = new LinkTraffic(lab, 'wan', [fuzzCase.routers[0], fuzzCase.routers[1]], (packet) => this.onPacket(packet));
  }

  /** Injects at a moment the episode chose (idle, after a clear), labelled as given. */
  injectNow(state: string): void {
    if (!this.active || this.pool.length === 0) return;
    this.injectAt(state, undefined);
  }

  /** No more injections, and the link is no longer watched. */
  stop(): void {
    this.active = false;
    this.traffic.close();
  }

  private onPacket(packet: SeenPacket): void {
    // Only what a router originates (TTL 255) is a step of an exchange: a datagram it
    // forwards (a TED reply looping towards a bit-flipped prober address) is not.
    if (packet.kind === 'other' || packet.bytes[8] !== ORIGINATED_TTL) return;
    this.seen.push(packet);
    this.pool.push(dissect(packet.bytes));
    const label = this.labeler.label(packet, this.phase);
    if (!this.takesPoint(packet, label)) return;
    const trigger = this.seen.length - 1;
    // After the sender's own work of the moment, as a packet on the wire would arrive.
    this.lab.sim.schedule(0, () => this.injectAt(label, trigger));
  }

  private takesPoint(packet: SeenPacket, label: string): boolean {
    if (!this.active || this.points >= this.options.maxPoints) return false;
    if ((this.pointsAt.get(label) ?? 0) >= this.options.perLabel) return false;
    // The first ESP or AH packet of a state always counts; later ones only by their share.
    const first = !this.pointsAt.has(label);
    if (packet.kind !== 'isakmp' && !first && this.random.float() >= this.options.ipsecShare) return false;
    this.points++;
    this.pointsAt.set(label, (this.pointsAt.get(label) ?? 0) + 1);
    return true;
  }

  private injectAt(state: string, trigger: number | undefined): void {
    if (!this.active) return;
    this.states.set(state, (this.states.get(state) ?? 0) + 1);
    for (let i = 0; i < this.options.perPoint; i++) {
      // Often the packet that made the state (mostly, for the fields only ESP and AH have), else any seen so far.
      const share = trigger === undefined ? 0 : this.seen[trigger]!.kind === 'isakmp' ? 0.5 : 0.75;
      const index = trigger !== undefined && this.random.float() < share ? trigger : this.random.int(0, this.pool.length - 1);
      this.injectOne(state, index);
    }
  }

  private injectOne(state: string, index: number): void {
    const source = this.seen[index]!;
    const mutation = mutate({ packet: this.pool[index]!, pool: this.pool, random: this.random }, this.mutations, this.excluded);
    const from = mutation.reflect ? source.to : source.from;
    const record: InjectionRecord = {
      timeMs: this.lab.sim.now(),
      state,
      mutation: mutation.name,
      detail: mutation.detail,
      source: `${source.from} -> ${source.to} ${source.kind}${source.exchangeType === undefined ? '' : ` ${source.exchangeType}`} @${source.timeMs}ms`,
    };
    for (const datagram of mutation.datagrams) {
      this.traffic.inject(datagram, from);
      this.onInjected?.({ timeMs: record.timeMs, bytes: datagram, from, record });
    }
    this.packetsTried++;
    this.datagramsInjected += mutation.datagrams.length;
    this.recent.push(record);
    if (this.recent.length > RECENT) this.recent.shift();
  }
}
