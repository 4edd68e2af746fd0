import type { Sim } from '../sim/sim.ts';
import { KeyedLists } from '../sim/keyed-lists.ts';
import type { SeededRandom } from '../sim/random.ts';
import { ETHERNET_MEDIUM, type LinkMedium } from './link-medium.ts';
import type { MacAddress } from '../wire/mac-address.ts';
import type { NetInterface } from './net-interface.ts';

export const DEFAULT_LINK_DELAY_MS = 1;

export interface LinkOptions {
  delayMs?: number;
  /** Probability in [0, 1] that a frame is lost in transit. */
  lossRate?: number;
  /** Whether the link starts up (default true). */
  up?: boolean;
  /** What it is made of (default: an Ethernet segment). */
  medium?: LinkMedium;
}

/** Sees every IPv4 datagram once, as transmitted (before any loss), without its frame, with its sending interface. */
export type LinkTap = (timeMs: number, bytes: Uint8Array, fromInterface: NetInterface) => void;
/** Sees every frame once, as transmitted: Ethernet header, payload and padding. */
export type FrameTap = (timeMs: number, frame: Uint8Array, fromInterface: NetInterface) => void;
/**
 * Told when the link loses a frame its frame taps saw: to its loss rate, or in flight when the
 * link went down. `sequence` is the frame's number on the link (its `transmitted` count when sent).
 */
export type LossTap = (sequence: number) => void;
export type LinkStateListener = (up: boolean) => void;

/** Counted in frames. */
export interface LinkCounters {
  transmitted: number;
  /** Copies handed to ends that accept them (a broadcast counts once per end). */
  delivered: number;
  /** Lost to `lossRate`. */
  lost: number;
  /** No other end accepts the frame's destination MAC (a stale entry, a forged frame): it reaches nobody. */
  undeliverable: number;
  /** Offered while the link was down, or in flight when it went down. */
  droppedDown: number;
}

/**
 * A cable: by default an Ethernet segment (its medium says; a serial cable has two ends and no ARP).
 * An Ethernet segment has two ends (a crossover cable) or more (a hub). Every frame goes to every
 * other end, and each end keeps those for its MAC and broadcasts. Delivery always goes through
 * the clock, as a copy, never by direct call. Loss draws from the link's own random stream, once
 * per frame that some end would take, so a lab's seed fixes which frames are lost whatever else
 * happens.
 */
export class Link {
  readonly name: string;
  readonly medium: LinkMedium;
  readonly ends: NetInterface[] = [];
  delayMs: number;
  lossRate: number;
  readonly counters: LinkCounters = { transmitted: 0, delivered: 0, lost: 0, undeliverable: 0, droppedDown: 0 };
  private isUp: boolean;
  private readonly sim: Sim;
  private readonly random: SeededRandom;
  private readonly taps = new Set<LinkTap>();
  private readonly frameTaps = new Set<FrameTap>();
  private readonly lossTaps = new Set<LossTap>();
  private readonly stateListeners = new Set<LinkStateListener>();
  /** The ends by MAC, each list in `ends` order: a unicast frame on a big segment is offered to these only. */
  private readonly endsByMac = new KeyedLists<MacAddress, NetInterface>();

  constructor(sim: Sim, name: string, ends: NetInterface[] = [], options: LinkOptions = {}) {
    this.sim = sim;
    this.name = name;
    this.medium = options.medium ?? ETHERNET_MEDIUM;
    this.delayMs = Math.max(0, options.delayMs ?? DEFAULT_LINK_DELAY_MS);
    this.lossRate = Math.min(1, Math.max(0, options.lossRate ?? 0));
    this.isUp = options.up ?? true;
    this.random = sim.random.fork(`link:${name}`);
    for (const end of ends) this.attach(end);
  }

  get up(): boolean {
    return this.isUp;
  }

  get undeliverable(): number {
    return this.counters.undeliverable;
  }

  /**
   * Cables an interface to this link (unplugging it from any other). On a link that is up, it
   * and the ends already there learn each other's addresses (those of their subnet): a lab
   * starts as a network that has been running, not as one whose every first packet waits for ARP.
   *
   * This is an assumption, and the TED document needs it: its routers had been up for hours
   * (fred's clock reads 02:07) and its first ping loses only the echo that starts TED. Had Daphne
   * had to resolve fred for the probe, or fred to resolve pc-fred for the first echo through the
   * tunnel, IOS would have dropped those packets too and the document would show `..!!!` or
   * worse. So the caches are as a running network's would be: nothing is resolved on the wire
   * when a lab starts, and the document's transcripts are the same with ARP as without it.
   */
  attach(iface: NetInterface): void {
    if (iface.link === this) return;
    if (this.ends.length >= this.medium.maxEnds) throw new Error(`link ${this.name}: a ${this.medium.kind} link takes at most ${this.medium.maxEnds} ends`);
    iface.link?.detach(iface);
    iface.link = this;
    if (this.isUp && this.medium.resolvesNeighbours) for (const other of this.ends) introduce(iface, other);
    this.ends.push(iface);
    this.endsByMac.add(iface.mac, iface);
    // A port brings its VLAN subinterfaces onto the cable with it.
    for (const sub of iface.subinterfaces) if (sub.vlan !== undefined) this.attach(sub);
  }

  detach(iface: NetInterface): void {
    const index = this.ends.indexOf(iface);
    if (index < 0) return;
    this.ends.splice(index, 1);
    this.endsByMac.remove(iface.mac, iface);
    iface.link = undefined;
  }

  goDown(): void {
    this.setUp(false);
  }

  comeUp(): void {
    this.setUp(true);
  }

  /** IPv4 datagrams only (what `Lab.watch` reports); ARP and other frames are not shown here. */
  addTap(tap: LinkTap): () => void {
    this.taps.add(tap);
    return () => this.taps.delete(tap);
  }

  /** Every frame, ARP included (what a capture records). */
  addFrameTap(tap: FrameTap): () => void {
    this.frameTaps.add(tap);
    return () => this.frameTaps.delete(tap);
  }

  /** Calls `tap` each time the link loses the frame it has just shown its frame taps; returns what stops it. */
  addLossTap(tap: LossTap): () => void {
    this.lossTaps.add(tap);
    return () => this.lossTaps.delete(tap);
  }

  onStateChange(listener: LinkStateListener): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Puts an encoded Ethernet frame on the link from `from`; the ends that accept it get a copy after the delay. */
  send(from: NetInterface, frame: Uint8Array): void {
    if (!this.isUp) {
      this.counters.droppedDown++;
      return;
    }
    this.counters.transmitted++;
    from.noteTransmitted(frame);
    this.tap(from, frame);
    const unicast = this.medium.unicastDestination?.(frame);
    const candidates = unicast === undefined ? this.ends : this.endsByMac.get(unicast);
    const receivers = this.medium.receivers(frame, from, candidates);
    if (receivers.length === 0) {
      this.counters.undeliverable++;
      return;
    }
    if (this.lossRate > 0 && this.random.float() < this.lossRate) {
      this.counters.lost++;
      for (const tap of this.lossTaps) tap(this.counters.transmitted);
      return;
    }
    const copy = frame.slice();
    const sequence = this.counters.transmitted;
    this.sim.schedule(this.delayMs, () => this.arrive(receivers, copy, sequence));
  }

  private tap(from: NetInterface, frame: Uint8Array): void {
    const now = this.sim.now();
    for (const tap of this.frameTaps) tap(now, frame.slice(), from);
    if (this.taps.size === 0) return;
    const datagram = this.medium.ipv4Of(frame);
    if (datagram !== undefined) for (const tap of this.taps) tap(now, datagram.slice(), from);
  }

  private arrive(receivers: NetInterface[], frame: Uint8Array, sequence: number): void {
    if (!this.isUp) for (const tap of this.lossTaps) tap(sequence);
    for (const end of receivers) {
      if (!this.isUp || end.link !== this) {
        this.counters.droppedDown++;
        continue;
      }
      this.counters.delivered++;
      end.deliverFrame(receivers.length === 1 ? frame : frame.slice());
    }
  }

  /**
   * An end's own settings changed in a way its neighbour's line protocol depends on (a serial
   * encapsulation, keepalives, clocking): the ends' owners look at their interfaces again.
   */
  endSettingsChanged(): void {
    for (const listener of this.stateListeners) listener(this.isUp);
  }

  private setUp(up: boolean): void {
    if (this.isUp === up) return;
    this.isUp = up;
    for (const listener of this.stateListeners) listener(up);
  }
}

/** Two ends cabled together learn each other's addresses (and the aliases they answer for). */
function introduce(a: NetInterface, b: NetInterface): void {
  for (const [learner, neighbour] of [[a, b], [b, a]] as const) {
    if (!learner.adminUp || !neighbour.adminUp || learner.vlan !== neighbour.vlan) continue;
    for (const address of neighbour.addresses()) learner.node.arp.learnNeighbour(learner, address, neighbour.mac);
  }
}
