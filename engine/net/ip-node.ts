import type { Sim } from '../sim/sim.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { MacAddress } from '../wire/mac-address.ts';
import { decodeIpv4, encodeIpv4, ipv4EncodingProblem, type Ipv4Datagram } from '../wire/ipv4.ts';
import { encodeUdp, UDP_MAX_PAYLOAD } from '../wire/udp.ts';
import { IpProtocol, UnreachableCode } from '../wire/ip-protocols.ts';
import type { PingRequest } from './ping-types.ts';
import type { StaticRouteConfig } from './route-types.ts';
import { evaluateAcl, packetFieldsOf } from './acl.ts';
import type { ArpTableRow } from './arp-cache.ts';
import { IOS_ARP_POLICY, PC_ARP_POLICY, type ArpPolicy } from './arp-policy.ts';
import { ArpResolver } from './arp-resolver.ts';
import { IcmpErrorSender, ICMP_UNREACHABLE_INTERVAL_MS } from './icmp-errors.ts';
import { LocalDelivery, type IcmpListener, type ProtocolHandler, type UdpHandler } from './local-delivery.ts';
import { NetInterface, type InterfaceOwner } from './net-interface.ts';
import { emptyDropCounters, emptyTrafficCounters, type DropReason } from './node-counters.ts';
import { completeDatagram, type OutgoingDatagram, type SendResult } from './outgoing-datagram.ts';
import type { InboundHook, OutboundHook } from './packet-hooks.ts';
import { LOCAL_OUI, MAC_BLOCK_SIZE, macFrom, nameHash } from './mac-addresses.ts';
import { NatTranslator } from './nat.ts';
import { PingSession } from './ping.ts';
import { RoutingTable, type Forwarding, type InterfaceState } from './routing-table.ts';

/** IOS sends its own datagrams with TTL 255. */
export const IOS_DEFAULT_TTL = 255;
const LIMITED_BROADCAST = 0xffffffff;

export interface IpNodeOptions {
  forwarding?: boolean;
  defaultTtl?: number;
  /** `ip classless` (default true, as in IOS 12.2). */
  classless?: boolean;
  icmpUnreachableIntervalMs?: number;
  /** How it resolves neighbours: IOS's way for a forwarding node, a PC's otherwise, unless given. */
  arpPolicy?: ArpPolicy;
  /** The MAC of its first interface; the next ones follow consecutively. Default: from its name, locally administered. */
  macBase?: MacAddress;
}

export interface UdpSend {
  destination: Ipv4Address;
  sourcePort: number;
  destinationPort: number;
  payload: Uint8Array;
  source?: Ipv4Address;
}

type Disposition = DropReason | 'sent' | 'consumed';

/** The table and the interface states and static routes it was built from. */
interface CachedRoutingTable {
  readonly staticsVersion: number;
  readonly states: readonly InterfaceState[];
  readonly table: RoutingTable;
}

/**
 * The IPv4 stack of a node, host or router: interfaces, routing, forwarding, ACLs,
 * local delivery, ICMP errors, and the hooks the crypto layer uses.
 */
export class IpNode implements InterfaceOwner {
  readonly sim: Sim;
  readonly name: string;
  forwarding: boolean;
  classless: boolean;
  defaultTtl: number;
  readonly drops = emptyDropCounters();
  readonly traffic = emptyTrafficCounters();
  readonly icmpErrors: IcmpErrorSender;
  /** Inside source NAT; it translates nothing until interfaces are made inside and outside. */
  readonly nat: NatTranslator;
  /** Neighbour resolution: every datagram leaves through it, every ARP packet arrives at it. */
  readonly arp: ArpResolver;
  private readonly macBase: MacAddress;
  private readonly ifaces = new Map<string, NetInterface>();
  private statics: StaticRouteConfig[] = [];
  private staticsVersion = 0;
  private cachedTable: CachedRoutingTable | undefined;
  private readonly local: LocalDelivery;
  private readonly outboundHooks = new Map<string, OutboundHook>();
  private inboundHook: InboundHook | undefined;
  private identification = 0;
  private pingIdentifier = 0;

  constructor(sim: Sim, name: string, options: IpNodeOptions = {}) {
    this.sim = sim;
    this.name = name;
    this.forwarding = options.forwarding ?? false;
    this.classless = options.classless ?? true;
    this.defaultTtl = options.defaultTtl ?? IOS_DEFAULT_TTL;
    const unreachableInterval = options.icmpUnreachableIntervalMs ?? ICMP_UNREACHABLE_INTERVAL_MS;
    this.icmpErrors = new IcmpErrorSender(
      { now: () => sim.now(), send: (outgoing) => this.send(outgoing), traffic: this.traffic },
      unreachableInterval,
    );
    this.local = new LocalDelivery({
      send: (outgoing) => this.send(outgoing),
      drop: (reason) => this.drop(reason),
      icmpErrors: this.icmpErrors,
      traffic: this.traffic,
    });
    this.nat = new NatTranslator({ sim, interfaceAddress: (name) => this.ifaces.get(name)?.address });
    const policy = options.arpPolicy ?? (this.forwarding ? IOS_ARP_POLICY : PC_ARP_POLICY);
    this.arp = new ArpResolver({ sim, routesElsewhere: (address, arrivedOn) => this.routesElsewhere(address, arrivedOn) }, policy);
    this.macBase = options.macBase ?? macFrom(LOCAL_OUI, nameHash(name) & ~(MAC_BLOCK_SIZE - 1));
  }

  /** Virtual time: what the node's interfaces stamp their last frames with. */
  now(): number {
    return this.sim.now();
  }

  // ---- configuration -------------------------------------------------------------

  addInterface(name: string, address?: Ipv4Address, mask?: Ipv4Address): NetInterface {
    const existing = this.ifaces.get(name);
    if (existing) return existing;
    // `FastEthernet0/0.10` is a subinterface of FastEthernet0/0: it sends with its port's MAC.
    const parent = name.includes('.') ? this.ifaces.get(name.slice(0, name.indexOf('.'))) : undefined;
    const iface = new NetInterface(this, name, parent?.mac ?? this.macBase + this.ifaces.size, address, mask);
    if (parent !== undefined) {
      iface.parentPort = parent;
      parent.subinterfaces.push(iface);
    }
    this.ifaces.set(name, iface);
    return iface;
  }

  interface(name: string): NetInterface | undefined {
    return this.ifaces.get(name);
  }

  get interfaces(): NetInterface[] {
    return [...this.ifaces.values()];
  }

  get staticRoutes(): readonly StaticRouteConfig[] {
    return this.statics;
  }

  setStaticRoutes(routes: readonly StaticRouteConfig[]): void {
    this.statics = [...routes];
    this.staticsVersion++;
  }

  /** The table as things stand now; rebuilt whenever an address, a line state or a static route changed. */
  routingTable(): RoutingTable {
    if (this.cachedTable === undefined || !this.tableStillValid(this.cachedTable)) {
      const states = this.interfaces.map((i) => ({ name: i.name, address: i.address, mask: i.mask, lineUp: i.lineUp }));
      this.cachedTable = { staticsVersion: this.staticsVersion, states, table: RoutingTable.build(states, this.statics) };
    }
    return this.cachedTable.table;
  }

  /** Every datagram asks for the table, so the check compares the interfaces in place, allocating nothing. */
  private tableStillValid(cached: CachedRoutingTable): boolean {
    if (cached.staticsVersion !== this.staticsVersion || cached.states.length !== this.ifaces.size) return false;
    let index = 0;
    for (const i of this.ifaces.values()) {
      const state = cached.states[index++]!;
      if (state.name !== i.name || state.address !== i.address || state.mask !== i.mask || state.lineUp !== i.lineUp) return false;
    }
    return true;
  }

  lookup(destination: Ipv4Address): Forwarding | undefined {
    return this.routingTable().lookup(destination, { classless: this.classless });
  }

  isLocalAddress(address: Ipv4Address): boolean {
    for (const i of this.ifaces.values()) if (i.address === address) return true;
    return false;
  }

  /** The source address the node would use towards `destination`: its outgoing interface's. */
  sourceAddressFor(destination: Ipv4Address): Ipv4Address | undefined {
    if (this.isLocalAddress(destination)) return destination;
    const forwarding = this.lookup(destination);
    return forwarding && this.ifaces.get(forwarding.interfaceName)?.address;
  }

  /**
   * The ARP table as `show arp` lists it: the node's own addresses (and aliases) on interfaces
   * that are up, with no age, and what it learned, in address order.
   */
  arpTable(): ArpTableRow[] {
    const own: ArpTableRow[] = this.interfaces
      .filter((iface) => iface.lineUp && !iface.virtual && iface.serial === undefined)
      .flatMap((iface) => iface.addresses().map((address) => ({ address, ageMinutes: undefined, mac: iface.mac, interfaceName: iface.name })));
    const learned = this.arp.cache.rows(this.sim.now()).filter((row) => !own.some((mine) => mine.address === row.address));
    return [...own, ...learned].sort((a, b) => a.address - b.address);
  }

  /** Proxy ARP's question: is `address` routed out of another interface, by more than the default route? */
  private routesElsewhere(address: Ipv4Address, arrivedOn: NetInterface): boolean {
    const forwarding = this.lookup(address);
    return forwarding !== undefined && forwarding.interfaceName !== arrivedOn.name && forwarding.route.mask !== 0;
  }

  setOutboundHook(interfaceName: string, hook: OutboundHook | undefined): void {
    if (hook) this.outboundHooks.set(interfaceName, hook);
    else this.outboundHooks.delete(interfaceName);
  }

  setInboundHook(hook: InboundHook | undefined): void {
    this.inboundHook = hook;
  }

  bindUdp(port: number, handler: UdpHandler): () => void {
    return this.local.bindUdp(port, handler);
  }

  bindProtocol(protocol: number, handler: ProtocolHandler): () => void {
    return this.local.bindProtocol(protocol, handler);
  }

  addIcmpListener(listener: IcmpListener): () => void {
    return this.local.addIcmpListener(listener);
  }

  /** Starts a ping; run the Sim until `session.done`. */
  ping(request: PingRequest): PingSession {
    this.pingIdentifier = (this.pingIdentifier + 1) & 0xffff;
    const session = new PingSession(this, request, this.pingIdentifier);
    session.start();
    return session;
  }

  // ---- receive path --------------------------------------------------------------

  /** A datagram arrives on `iface` from its link. Malformed input is counted, never thrown. */
  receive(iface: NetInterface, bytes: Uint8Array): void {
    if (!iface.lineUp) return this.drop('interface-down');
    const decoded = decodeIpv4(bytes);
    if (!decoded.ok) return this.drop('malformed');
    this.traffic.received++;
    this.process(iface, decoded.value, true);
  }

  /**
   * Takes a datagram the inbound hook consumed and produced later (a decrypted packet):
   * it is checked against the inbound ACL and handled as if it had arrived on `iface`.
   */
  injectInbound(iface: NetInterface, datagram: Ipv4Datagram): void {
    this.process(iface, datagram, false);
  }

  private process(iface: NetInterface, datagram: Ipv4Datagram, runHook: boolean): void {
    if (iface.inboundAcl && evaluateAcl(iface.inboundAcl, packetFieldsOf(datagram)).action === 'deny') {
      this.drop('acl-in');
      this.icmpErrors.unreachable(datagram, UnreachableCode.administrativelyProhibited);
      return;
    }
    if (runHook && this.inboundHook) {
      const verdict = this.inboundHook(datagram, { iface });
      if (verdict.action === 'consume') return;
      if (verdict.action === 'replace') return this.process(iface, verdict.datagram, false);
    }
    // IOS order: decryption first, then outside-to-inside translation, then routing.
    datagram = this.nat.translateInbound(datagram, iface.name);
    if (this.isLocalAddress(datagram.destination) || datagram.destination === LIMITED_BROADCAST) {
      return this.local.deliver(iface, datagram);
    }
    if (!this.forwarding) return this.drop('not-forwarding');
    this.forward(iface, datagram);
  }

  private forward(from: NetInterface, datagram: Ipv4Datagram): void {
    if (datagram.ttl <= 1) {
      this.drop('ttl-expired');
      this.icmpErrors.timeExceeded(datagram);
      return;
    }
    const route = this.lookup(datagram.destination);
    const out = route && this.ifaces.get(route.interfaceName);
    if (route === undefined || out === undefined) {
      this.drop('no-route');
      this.icmpErrors.unreachable(datagram, UnreachableCode.host);
      return;
    }
    // IOS order: routing, then inside-to-outside translation, then the outbound ACL and crypto.
    const translated = this.nat.translateOutbound(datagram, from.name, out.name);
    if (translated === undefined) return;
    if (out.outboundAcl && evaluateAcl(out.outboundAcl, packetFieldsOf(translated)).action === 'deny') {
      this.drop('acl-out');
      // The error goes to the sender about the datagram as it sent it.
      this.icmpErrors.unreachable(datagram, UnreachableCode.administrativelyProhibited);
      return;
    }
    this.traffic.forwarded++;
    this.output(out, route.nextHop, { ...translated, ttl: translated.ttl - 1 }, false, true);
  }

  // ---- send path -----------------------------------------------------------------

  /**
   * Sends a datagram the node originates. Outbound ACLs do not apply to it (as in IOS);
   * outbound hooks do unless `bypassOutboundHook`.
   */
  send(outgoing: OutgoingDatagram, options: { bypassOutboundHook?: boolean } = {}): SendResult {
    if (this.isLocalAddress(outgoing.destination)) return this.sendToSelf(outgoing);
    const route = this.lookup(outgoing.destination);
    const out = route && this.ifaces.get(route.interfaceName);
    if (route === undefined || out === undefined) return this.refuse('no-route');
    const source = outgoing.source ?? out.address;
    if (source === undefined) return this.refuse('no-source-address');
    const datagram = completeDatagram(outgoing, { source, ttl: this.defaultTtl, identification: this.nextIdentification() });
    if (ipv4EncodingProblem(datagram) !== undefined) return this.refuse('too-big');
    this.traffic.originated++;
    const disposition = this.output(out, route.nextHop, datagram, true, !options.bypassOutboundHook);
    return disposition === 'sent' || disposition === 'consumed' ? { ok: true, datagram } : { ok: false, reason: disposition };
  }

  /** Sends a UDP datagram, choosing the source address first since the checksum covers it. */
  sendUdp(spec: UdpSend): SendResult {
    const source = spec.source ?? this.sourceAddressFor(spec.destination);
    if (source === undefined) return this.refuse('no-route');
    if (spec.payload.length > UDP_MAX_PAYLOAD) return this.refuse('too-big');
    const payload = encodeUdp(spec, source, spec.destination);
    return this.send({ protocol: IpProtocol.udp, source, destination: spec.destination, payload });
  }

  /** Traffic to one of the node's own addresses loops back through the clock, like a link would. */
  private sendToSelf(outgoing: OutgoingDatagram): SendResult {
    const iface = this.interfaces.find((i) => i.address === outgoing.destination)!;
    const datagram = completeDatagram(outgoing, {
      source: outgoing.destination, ttl: this.defaultTtl, identification: this.nextIdentification(),
    });
    this.traffic.originated++;
    this.sim.schedule(0, () => this.local.deliver(iface, datagram));
    return { ok: true, datagram };
  }

  private output(
    out: NetInterface, nextHop: Ipv4Address, datagram: Ipv4Datagram, locallyOriginated: boolean, runHook: boolean,
  ): Disposition {
    if (!out.lineUp || out.link === undefined) return this.dropped('interface-down');
    const hook = runHook ? this.outboundHooks.get(out.name) : undefined;
    if (hook) {
      const verdict = hook(datagram, { iface: out, nextHop, locallyOriginated });
      if (verdict.action === 'consume') return 'consumed';
      if (verdict.action === 'replace') return this.reroute(verdict.datagram, locallyOriginated);
    }
    if (ipv4EncodingProblem(datagram) !== undefined) return this.dropped('too-big');
    // A point-to-point serial line has no neighbour to resolve: the datagram goes straight onto it.
    if (out.serial !== undefined) {
      out.serial.sendDatagram(encodeIpv4(datagram));
      return 'sent';
    }
    // IOS drops a datagram whose next hop it must first resolve: to the sender it left, and was lost.
    if (this.arp.sendDatagram(out, nextHop, encodeIpv4(datagram)) === 'unresolved') this.drops.unresolved++;
    return 'sent';
  }

  /** A hook's replacement (an ESP packet to the peer) goes by its own destination's route. */
  private reroute(datagram: Ipv4Datagram, locallyOriginated: boolean): Disposition {
    const route = this.lookup(datagram.destination);
    const out = route && this.ifaces.get(route.interfaceName);
    if (route === undefined || out === undefined) return this.dropped('no-route');
    return this.output(out, route.nextHop, datagram, locallyOriginated, false);
  }

  nextIdentification(): number {
    this.identification = (this.identification + 1) & 0xffff;
    return this.identification;
  }

  private drop(reason: DropReason): void {
    this.drops[reason]++;
  }

  private dropped(reason: DropReason): DropReason {
    this.drops[reason]++;
    return reason;
  }

  private refuse(reason: DropReason): SendResult {
    this.drops[reason]++;
    return { ok: false, reason };
  }
}
