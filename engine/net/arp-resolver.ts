import type { Sim } from '../sim/sim.ts';
import { ArpOperation, decodeArp, encodeArp, type ArpPacket } from '../wire/arp.ts';
import { EtherType } from '../wire/ethernet.ts';
import { encodeTaggedEthernet } from '../wire/dot1q.ts';
import { inSubnet, type Ipv4Address } from '../wire/ipv4-address.ts';
import { BROADCAST_MAC, ZERO_MAC, type MacAddress } from '../wire/mac-address.ts';
import { ArpCache, type ArpEntry } from './arp-cache.ts';
import type { ArpPolicy } from './arp-policy.ts';
import type { NetInterface } from './net-interface.ts';

/** An ARP packet a node sent or received, for `debug arp`. */
export interface ArpEvent {
  direction: 'sent' | 'rcvd';
  packet: ArpPacket;
  /** The frame's destination (a request's broadcast, a reply's unicast). */
  frameDestination: MacAddress;
  interfaceName: string;
}

/** What ARP asks of the node it serves. */
export interface ArpNodePort {
  readonly sim: Sim;
  /** Proxy ARP: whether the node routes `address` out of an interface other than `arrivedOn` (the default route does not count). */
  routesElsewhere?(address: Ipv4Address, arrivedOn: NetInterface): boolean;
  /** An address the node reaches on the link though it is outside the interface's subnet (a /32 end's gateway). */
  onLinkBeyondSubnet?(address: Ipv4Address): boolean;
}

/** What became of a datagram handed to ARP. */
export type ArpDisposition = 'sent' | 'waiting' | 'unresolved';

const LIMITED_BROADCAST = 0xffffffff;

/**
 * Neighbour resolution for one node (RFC 826): it turns a next hop into a MAC before a datagram
 * leaves, answers requests for the node's addresses, learns from what it hears, and announces
 * the node's addresses. What differs between IOS and a PC is its policy.
 */
export class ArpResolver {
  readonly cache: ArpCache;
  private readonly listeners = new Set<(event: ArpEvent) => void>();

  constructor(private readonly port: ArpNodePort, readonly policy: ArpPolicy) {
    this.cache = new ArpCache(policy);
  }

  onEvent(listener: (event: ArpEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- sending datagrams -----------------------------------------------------------

  /** Puts an IPv4 datagram on `iface`'s link towards `nextHop`, resolving it first. */
  sendDatagram(iface: NetInterface, nextHop: Ipv4Address, datagram: Uint8Array): ArpDisposition {
    const direct = groupMacFor(iface, nextHop);
    if (direct !== undefined) return this.putIpv4(iface, direct, datagram);
    const now = this.port.sim.now();
    const entry = this.cache.get(nextHop, now);
    if (entry?.mac !== undefined && entry.iface === iface) return this.putIpv4(iface, entry.mac, datagram);
    if (this.policy.onMiss === 'drop') {
      this.askOnDemand(iface, nextHop, entry, now);
      return 'unresolved';
    }
    this.queue(iface, nextHop, entry, datagram, now);
    return 'waiting';
  }

  /** IOS: the datagram is dropped; a request goes out unless one went out very recently. */
  private askOnDemand(iface: NetInterface, nextHop: Ipv4Address, known: ArpEntry | undefined, now: number): void {
    const entry = known?.mac === undefined && known?.iface === iface ? known : this.cache.startIncomplete(nextHop, iface, now);
    if (entry.requests > 0 && now - entry.lastRequestMs < this.policy.retryIntervalMs) return;
    this.request(entry, now);
  }

  /** A PC: the datagram waits; the first one starts the requests and their retries. */
  private queue(iface: NetInterface, nextHop: Ipv4Address, known: ArpEntry | undefined, datagram: Uint8Array, now: number): void {
    const entry = known?.mac === undefined && known?.iface === iface ? known : this.cache.startIncomplete(nextHop, iface, now);
    entry.waiting.push(datagram.slice());
    if (entry.waiting.length > this.policy.queueLength) entry.waiting.shift();
    if (entry.requests === 0) this.requestWithRetries(entry);
  }

  private requestWithRetries(entry: ArpEntry): void {
    if (entry.requests >= this.policy.maxRequests) {
      this.cache.remove(entry);
      return;
    }
    this.request(entry, this.port.sim.now());
    entry.retry = this.port.sim.schedule(this.policy.retryIntervalMs, () => this.requestWithRetries(entry));
  }

  private request(entry: ArpEntry, now: number): void {
    entry.lastRequestMs = now;
    entry.requests++;
    const source = entry.iface.address ?? 0;
    this.putArp(entry.iface, BROADCAST_MAC, {
      operation: ArpOperation.request, senderMac: entry.iface.mac, senderAddress: source, targetMac: ZERO_MAC, targetAddress: entry.address,
    });
  }

  // ---- receiving ARP ------------------------------------------------------------------

  /** An ARP packet arrived on `iface` (its frame was for us or broadcast). Malformed ones are ignored. */
  receive(iface: NetInterface, payload: Uint8Array): void {
    const decoded = decodeArp(payload);
    if (!decoded.ok || !iface.lineUp || iface.address === undefined) return;
    const packet = decoded.value;
    this.emit({ direction: 'rcvd', packet, frameDestination: packet.targetMac, interfaceName: iface.name });
    if (packet.senderAddress === 0 || iface.answersFor(packet.senderAddress)) return;
    const forUs = iface.answersFor(packet.targetAddress);
    this.merge(iface, packet, forUs);
    if (packet.operation !== ArpOperation.request) return;
    if (forUs || this.proxies(iface, packet)) this.reply(iface, packet);
  }

  /**
   * RFC 826's merge: an entry for the sender is updated whatever the packet; a new one is made
   * when the packet was for us, or when the policy takes announcements, for the interface's subnet.
   */
  private merge(iface: NetInterface, packet: ArpPacket, forUs: boolean): void {
    const now = this.port.sim.now();
    const known = this.cache.get(packet.senderAddress, now);
    const announcement = packet.senderAddress === packet.targetAddress || (packet.operation === ArpOperation.reply && known === undefined);
    const create = forUs || (announcement && this.policy.learnsFromGratuitous);
    if (known === undefined && !(create && this.onLink(iface, packet.senderAddress))) return;
    const entry = this.cache.learn(packet.senderAddress, packet.senderMac, iface, now);
    const waiting = entry.waiting.splice(0);
    for (const datagram of waiting) this.putIpv4(iface, packet.senderMac, datagram);
  }

  private proxies(iface: NetInterface, packet: ArpPacket): boolean {
    if (!this.policy.proxyArp || !iface.proxyArp || onSubnet(iface, packet.targetAddress)) return false;
    return this.port.routesElsewhere?.(packet.targetAddress, iface) ?? false;
  }

  private reply(iface: NetInterface, request: ArpPacket): void {
    this.putArp(iface, request.senderMac, {
      operation: ArpOperation.reply, senderMac: iface.mac, senderAddress: request.targetAddress,
      targetMac: request.senderMac, targetAddress: request.senderAddress,
    });
  }

  // ---- announcing, cabling, clearing ----------------------------------------------------

  /** A gratuitous ARP for one of the interface's addresses: a broadcast reply about itself. */
  announce(iface: NetInterface, address: Ipv4Address): void {
    if (!this.policy.announces || !iface.lineUp) return;
    this.putArp(iface, BROADCAST_MAC, {
      operation: ArpOperation.reply, senderMac: iface.mac, senderAddress: address, targetMac: BROADCAST_MAC, targetAddress: address,
    });
  }

  /**
   * A neighbour cabled to the same link when the lab is built: the lab starts as a network that
   * has been up for a while, in which every node knows the neighbours of its subnet.
   */
  learnNeighbour(iface: NetInterface, address: Ipv4Address, mac: MacAddress): void {
    if (!this.onLink(iface, address) || iface.answersFor(address)) return;
    this.cache.learn(address, mac, iface, this.port.sim.now());
  }

  private onLink(iface: NetInterface, address: Ipv4Address): boolean {
    return onSubnet(iface, address) || (this.port.onLinkBeyondSubnet?.(address) ?? false);
  }

  /** Forgets every learned and incomplete entry (`clear arp-cache`, and a reload). */
  clear(): void {
    this.cache.clear();
  }

  // ---- frames ---------------------------------------------------------------------------

  private putIpv4(iface: NetInterface, destination: MacAddress, datagram: Uint8Array): 'sent' {
    iface.link?.send(iface, encodeTaggedEthernet({ destination, source: iface.mac, etherType: EtherType.ipv4, payload: datagram }, iface.vlan));
    return 'sent';
  }

  private putArp(iface: NetInterface, destination: MacAddress, packet: ArpPacket): void {
    this.emit({ direction: 'sent', packet, frameDestination: destination, interfaceName: iface.name });
    iface.link?.send(iface, encodeTaggedEthernet({ destination, source: iface.mac, etherType: EtherType.arp, payload: encodeArp(packet) }, iface.vlan));
  }

  private emit(event: ArpEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

function onSubnet(iface: NetInterface, address: Ipv4Address): boolean {
  return iface.address !== undefined && iface.mask !== undefined && inSubnet(address, iface.address, iface.mask);
}

/** Broadcasts need no resolution: the limited broadcast and the interface's directed broadcast. */
function groupMacFor(iface: NetInterface, nextHop: Ipv4Address): MacAddress | undefined {
  if (nextHop === LIMITED_BROADCAST) return BROADCAST_MAC;
  const { address, mask } = iface;
  if (address === undefined || mask === undefined || mask >>> 0 >= 0xfffffffe) return undefined;
  return ((address | ~mask) >>> 0) === nextHop ? BROADCAST_MAC : undefined;
}
