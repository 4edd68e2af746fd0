import type { Sim } from '../sim/sim.ts';
import type { SeededRandom } from '../sim/random.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { NetInterface } from './net-interface.ts';

export const DEFAULT_LINK_DELAY_MS = 1;

export interface LinkOptions {
  delayMs?: number;
  /** Probability in [0, 1] that a datagram is lost in transit. */
  lossRate?: number;
}

/** Sees every datagram once, as transmitted (before any loss), with its sending interface. */
export type LinkTap = (timeMs: number, bytes: Uint8Array, fromInterface: NetInterface) => void;
export type LinkStateListener = (up: boolean) => void;

export interface LinkCounters {
  transmitted: number;
  delivered: number;
  /** Lost to `lossRate`. */
  lost: number;
  /** No end had the next hop's address (neighbours resolve without ARP). */
  undeliverable: number;
  /** Offered while the link was down, or in flight when it went down. */
  droppedDown: number;
}

/**
 * A point-to-point link (2 ends) or a shared segment (more). Delivery always goes through
 * the clock, as a copy, never by direct call. Loss draws from the link's own random stream,
 * so a lab's seed fixes which datagrams are lost whatever else happens.
 */
export class Link {
  readonly name: string;
  readonly ends: NetInterface[] = [];
  delayMs: number;
  lossRate: number;
  readonly counters: LinkCounters = { transmitted: 0, delivered: 0, lost: 0, undeliverable: 0, droppedDown: 0 };
  private isUp = true;
  private readonly sim: Sim;
  private readonly random: SeededRandom;
  private readonly taps = new Set<LinkTap>();
  private readonly stateListeners = new Set<LinkStateListener>();

  constructor(sim: Sim, name: string, ends: NetInterface[] = [], options: LinkOptions = {}) {
    this.sim = sim;
    this.name = name;
    this.delayMs = Math.max(0, options.delayMs ?? DEFAULT_LINK_DELAY_MS);
    this.lossRate = Math.min(1, Math.max(0, options.lossRate ?? 0));
    this.random = sim.random.fork(`link:${name}`);
    for (const end of ends) this.attach(end);
  }

  get up(): boolean {
    return this.isUp;
  }

  get undeliverable(): number {
    return this.counters.undeliverable;
  }

  /** Cables an interface to this link (unplugging it from any other). */
  attach(iface: NetInterface): void {
    if (iface.link === this) return;
    iface.link?.detach(iface);
    iface.link = this;
    this.ends.push(iface);
  }

  detach(iface: NetInterface): void {
    const index = this.ends.indexOf(iface);
    if (index < 0) return;
    this.ends.splice(index, 1);
    iface.link = undefined;
  }

  goDown(): void {
    this.setUp(false);
  }

  comeUp(): void {
    this.setUp(true);
  }

  addTap(tap: LinkTap): () => void {
    this.taps.add(tap);
    return () => this.taps.delete(tap);
  }

  onStateChange(listener: LinkStateListener): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Sends `bytes` from `from` towards the end whose address is `nextHop`. */
  transmit(from: NetInterface, nextHop: Ipv4Address, bytes: Uint8Array): void {
    if (!this.isUp) {
      this.counters.droppedDown++;
      return;
    }
    this.counters.transmitted++;
    from.noteTransmitted(bytes);
    for (const tap of this.taps) tap(this.sim.now(), bytes.slice(), from);
    const target = this.ends.find((end) => end !== from && end.answersFor(nextHop));
    if (target === undefined) {
      this.counters.undeliverable++;
      return;
    }
    if (this.lossRate > 0 && this.random.float() < this.lossRate) {
      this.counters.lost++;
      return;
    }
    const copy = bytes.slice();
    this.sim.schedule(this.delayMs, () => this.arrive(target, copy));
  }

  private arrive(target: NetInterface, bytes: Uint8Array): void {
    if (!this.isUp || target.link !== this) {
      this.counters.droppedDown++;
      return;
    }
    this.counters.delivered++;
    target.deliver(bytes);
  }

  private setUp(up: boolean): void {
    if (this.isUp === up) return;
    this.isUp = up;
    for (const listener of this.stateListeners) listener(up);
  }
}
