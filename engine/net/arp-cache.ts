import type { Timer } from '../sim/sim.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { MacAddress } from '../wire/mac-address.ts';
import type { ArpPolicy } from './arp-policy.ts';
import type { NetInterface } from './net-interface.ts';

/** One neighbour the node knows, or is asking for (incomplete: no MAC yet). */
export interface ArpEntry {
  readonly address: Ipv4Address;
  iface: NetInterface;
  mac: MacAddress | undefined;
  /** When the entry was learned or last confirmed by an ARP packet from its owner; for an incomplete one, created. */
  updatedAtMs: number;
  /** When the last request for it went out, and how many went out since it became incomplete. */
  lastRequestMs: number;
  requests: number;
  /** A PC's datagrams waiting for the reply, as they will go out (IPv4 bytes). */
  waiting: Uint8Array[];
  retry: Timer | undefined;
}

/** A row of `show arp`: the router's own addresses have no age. */
export interface ArpTableRow {
  address: Ipv4Address;
  /** Minutes since learned; undefined for the node's own addresses (`-`). */
  ageMinutes: number | undefined;
  /** Undefined while incomplete. */
  mac: MacAddress | undefined;
  /** Undefined while incomplete: IOS shows no interface then. */
  interfaceName: string | undefined;
}

/** What the CLI reaches of a router's ARP (the RouterServices port). */
export interface ArpService {
  /** `show arp`: the router's own addresses and its entries, in address order. */
  table(): ArpTableRow[];
  /** `clear arp-cache`: the learned and incomplete entries go; the router's own stay. */
  clear(): void;
}

/**
 * A node's ARP table: one entry per neighbour address, each on the interface it was learned
 * on. Entries expire lazily, when looked at: nothing is scheduled for an entry that nobody
 * uses, so a long quiet lab costs no events.
 */
export class ArpCache {
  private readonly entries = new Map<Ipv4Address, ArpEntry>();

  constructor(private readonly policy: ArpPolicy) {}

  /** The entry for `address` if it is still alive at `nowMs`. */
  get(address: Ipv4Address, nowMs: number): ArpEntry | undefined {
    const entry = this.entries.get(address);
    if (entry === undefined) return undefined;
    if (this.expired(entry, nowMs)) {
      this.remove(entry);
      return undefined;
    }
    return entry;
  }

  /** Records what an ARP packet (or the cabling) taught: a complete entry, confirmed now. */
  learn(address: Ipv4Address, mac: MacAddress, iface: NetInterface, nowMs: number): ArpEntry {
    const entry = this.entries.get(address) ?? this.blank(address, iface, nowMs);
    entry.iface = iface;
    entry.mac = mac;
    entry.updatedAtMs = nowMs;
    entry.requests = 0;
    entry.retry?.cancel();
    entry.retry = undefined;
    this.entries.set(address, entry);
    return entry;
  }

  /** A new incomplete entry: the node is about to ask for `address`. */
  startIncomplete(address: Ipv4Address, iface: NetInterface, nowMs: number): ArpEntry {
    const entry = this.blank(address, iface, nowMs);
    this.entries.set(address, entry);
    return entry;
  }

  remove(entry: ArpEntry): void {
    entry.retry?.cancel();
    entry.waiting.length = 0;
    if (this.entries.get(entry.address) === entry) this.entries.delete(entry.address);
  }

  /** `clear arp-cache` (and a reload): every learned and incomplete entry goes. */
  clear(): void {
    for (const entry of [...this.entries.values()]) this.remove(entry);
  }

  /** The live entries as `show arp` rows, in address order. */
  rows(nowMs: number): ArpTableRow[] {
    const live = [...this.entries.values()].filter((entry) => this.get(entry.address, nowMs) === entry);
    return live
      .sort((a, b) => a.address - b.address)
      .map((entry) => ({
        address: entry.address,
        ageMinutes: Math.floor((nowMs - entry.updatedAtMs) / 60_000),
        mac: entry.mac,
        interfaceName: entry.mac === undefined ? undefined : entry.iface.name,
      }));
  }

  private expired(entry: ArpEntry, nowMs: number): boolean {
    if (entry.mac !== undefined) return nowMs - entry.updatedAtMs >= this.policy.timeoutMs;
    // A PC's incomplete entry ends with its last retry; IOS keeps one a while after its last request.
    return this.policy.onMiss === 'drop' && nowMs - entry.lastRequestMs >= this.policy.incompleteHoldMs;
  }

  private blank(address: Ipv4Address, iface: NetInterface, nowMs: number): ArpEntry {
    return { address, iface, mac: undefined, updatedAtMs: nowMs, lastRequestMs: nowMs, requests: 0, waiting: [], retry: undefined };
  }
}
