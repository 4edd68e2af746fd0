import type { Sim, Timer } from '../sim/sim.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { NatCounters, NatEndpoint, NatProtocol, NatRuleId } from './nat-types.ts';

/**
 * The translation table: simple entries (address for address) and extended ones (one per
 * flow, with ports), the inside global ports PAT hands out, and the idle timers that remove
 * entries in virtual time.
 */

/** PAT hands out the inside local port when it is free, else the first free one from here. */
export const PAT_FIRST_PORT = 1024;
const LAST_PORT = 0xffff;

export type TcpState = 'syn' | 'open' | 'closing';

export interface NatEntry {
  readonly id: number;
  readonly rule: NatRuleId;
  /** Absent for simple entries. */
  readonly protocol?: NatProtocol;
  readonly insideLocal: NatEndpoint;
  readonly insideGlobal: NatEndpoint;
  /** Extended entries: the outside host and port (0 for ICMP, whose identifier is the inside port). */
  readonly outside?: { address: Ipv4Address; port: number };
  /** The permanent entry of a static rule. */
  readonly static: boolean;
  /** A simple entry PAT made for a protocol without ports: it translates such protocols only. */
  readonly portlessOnly: boolean;
  readonly createdAt: number;
  lastUsedAt: number;
  timeoutSeconds: number;
  tcpState?: TcpState;
}

export interface ExtendedSpec {
  rule: NatRuleId;
  protocol: NatProtocol;
  insideLocal: Required<NatEndpoint>;
  insideGlobal: Required<NatEndpoint>;
  outside: { address: Ipv4Address; port: number };
}

export interface SimpleSpec {
  rule: NatRuleId;
  local: Ipv4Address;
  global: Ipv4Address;
  static: boolean;
  portlessOnly: boolean;
}

function flowKey(protocol: NatProtocol, address: Ipv4Address, port: number, outside: { address: Ipv4Address; port: number }): string {
  return `${protocol}|${address}|${port}|${outside.address}|${outside.port}`;
}

function portKey(protocol: NatProtocol, address: Ipv4Address, port: number): string {
  return `${protocol}|${address}|${port}`;
}

/** Who holds an inside global port, and by how many flows. */
interface PortOwner {
  local: string;
  flows: number;
}

export class NatTable {
  readonly counters: NatCounters = { hits: 0, misses: 0, expired: 0, failed: 0 };
  private readonly entries = new Map<number, NatEntry>();
  private readonly byOutboundFlow = new Map<string, NatEntry>();
  private readonly byInboundFlow = new Map<string, NatEntry>();
  private readonly simpleByLocal = new Map<Ipv4Address, NatEntry>();
  private readonly simpleByGlobal = new Map<Ipv4Address, NatEntry>();
  private readonly portOwners = new Map<string, PortOwner>();
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;

  constructor(private readonly sim: Sim) {}

  outbound(protocol: NatProtocol, local: Required<NatEndpoint>, outside: { address: Ipv4Address; port: number }): NatEntry | undefined {
    return this.byOutboundFlow.get(flowKey(protocol, local.address, local.port, outside));
  }

  inbound(protocol: NatProtocol, global: Required<NatEndpoint>, outside: { address: Ipv4Address; port: number }): NatEntry | undefined {
    return this.byInboundFlow.get(flowKey(protocol, global.address, global.port, outside));
  }

  simpleForLocal(address: Ipv4Address): NatEntry | undefined {
    return this.simpleByLocal.get(address);
  }

  simpleForGlobal(address: Ipv4Address): NatEntry | undefined {
    return this.simpleByGlobal.get(address);
  }

  /**
   * The inside global port for an inside endpoint: the one it already holds on that address,
   * else its own port if no one else holds it, else the first free one from 1024.
   */
  allocatePort(protocol: NatProtocol, local: Required<NatEndpoint>, global: Ipv4Address): number | undefined {
    const holder = `${local.address}|${local.port}`;
    const isFree = (port: number) => {
      const owner = this.portOwners.get(portKey(protocol, global, port));
      return owner === undefined || owner.local === holder;
    };
    if (isFree(local.port)) return local.port;
    for (let port = PAT_FIRST_PORT; port <= LAST_PORT; port++) if (isFree(port)) return port;
    return undefined;
  }

  /** Adds a flow's entry; it has no timeout until its first `use`. */
  addExtended(spec: ExtendedSpec): NatEntry {
    const entry: NatEntry = { ...this.newEntry(spec.rule), ...spec, static: false, portlessOnly: false };
    this.byOutboundFlow.set(flowKey(spec.protocol, spec.insideLocal.address, spec.insideLocal.port, spec.outside), entry);
    this.byInboundFlow.set(flowKey(spec.protocol, spec.insideGlobal.address, spec.insideGlobal.port, spec.outside), entry);
    const key = portKey(spec.protocol, spec.insideGlobal.address, spec.insideGlobal.port);
    const owner = this.portOwners.get(key) ?? { local: `${spec.insideLocal.address}|${spec.insideLocal.port}`, flows: 0 };
    owner.flows++;
    this.portOwners.set(key, owner);
    return this.install(entry);
  }

  /** Adds a simple entry unless its local or global address is taken; no timeout until its first `use`. */
  addSimple(spec: SimpleSpec): NatEntry | undefined {
    if (this.simpleByLocal.has(spec.local) || this.simpleByGlobal.has(spec.global)) return undefined;
    const entry: NatEntry = {
      ...this.newEntry(spec.rule),
      insideLocal: { address: spec.local },
      insideGlobal: { address: spec.global },
      static: spec.static,
      portlessOnly: spec.portlessOnly,
    };
    this.simpleByLocal.set(spec.local, entry);
    this.simpleByGlobal.set(spec.global, entry);
    return this.install(entry);
  }

  /** A packet went through `entry`: it stays for `timeoutSeconds` more from now. */
  use(entry: NatEntry, timeoutSeconds: number): void {
    entry.lastUsedAt = this.sim.now();
    entry.timeoutSeconds = timeoutSeconds;
    const timer = this.timers.get(entry.id);
    if (timer === undefined || this.expiryOf(entry) < timer.due) this.arm(entry);
  }

  remove(entry: NatEntry): void {
    if (!this.entries.delete(entry.id)) return;
    this.timers.get(entry.id)?.cancel();
    this.timers.delete(entry.id);
    if (entry.protocol === undefined || entry.outside === undefined) {
      this.simpleByLocal.delete(entry.insideLocal.address);
      this.simpleByGlobal.delete(entry.insideGlobal.address);
      return;
    }
    const { protocol, insideLocal, insideGlobal, outside } = entry;
    this.byOutboundFlow.delete(flowKey(protocol, insideLocal.address, insideLocal.port!, outside));
    this.byInboundFlow.delete(flowKey(protocol, insideGlobal.address, insideGlobal.port!, outside));
    const key = portKey(protocol, insideGlobal.address, insideGlobal.port!);
    const owner = this.portOwners.get(key);
    if (owner && --owner.flows <= 0) this.portOwners.delete(key);
  }

  /** Removes every entry `keep` refuses; returns how many went. */
  retain(keep: (entry: NatEntry) => boolean): number {
    const doomed = [...this.entries.values()].filter((entry) => !keep(entry));
    for (const entry of doomed) this.remove(entry);
    return doomed.length;
  }

  /** Every entry, oldest first. */
  list(): NatEntry[] {
    return [...this.entries.values()];
  }

  private newEntry(rule: NatRuleId) {
    const now = this.sim.now();
    return { id: this.nextId++, rule, createdAt: now, lastUsedAt: now, timeoutSeconds: Infinity };
  }

  private install(entry: NatEntry): NatEntry {
    this.entries.set(entry.id, entry);
    return entry;
  }

  private expiryOf(entry: NatEntry): number {
    return entry.lastUsedAt + entry.timeoutSeconds * 1000;
  }

  /** One timer per entry, due at its expiry; use only moves it when the expiry comes sooner. */
  private arm(entry: NatEntry): void {
    this.timers.get(entry.id)?.cancel();
    this.timers.delete(entry.id);
    const expiry = this.expiryOf(entry);
    if (!Number.isFinite(expiry)) return;
    this.timers.set(entry.id, this.sim.schedule(Math.max(0, expiry - this.sim.now()), () => this.check(entry)));
  }

  private check(entry: NatEntry): void {
    this.timers.delete(entry.id);
    if (!this.entries.has(entry.id)) return;
    if (this.sim.now() < this.expiryOf(entry)) return this.arm(entry);
    this.remove(entry);
    this.counters.expired++;
  }
}
