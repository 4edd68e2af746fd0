import type { Sim } from '../sim/sim.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { Ipv4Datagram } from '../wire/ipv4.ts';
import { evaluateAcl, packetFieldsOf } from './acl.ts';
import { natFlowOf, TCP_FLAG, type PortedFlow, type QuotedFlow } from './nat-flow.ts';
import { rewriteDatagram, rewriteIcmpError } from './nat-rewrite.ts';
import { NatTable, type NatEntry, type TcpState } from './nat-table.ts';
import {
  NAT_DISABLED,
  type NatCounters, type NatListRule, type NatProtocol, type NatRule, type NatRuleId, type NatService,
  type NatSettings, type NatStaticRule, type NatTranslation,
} from './nat-types.ts';

/**
 * Inside source NAT on one node. Datagrams forwarded from an `ip nat inside` interface to an
 * `ip nat outside` one have their source translated; datagrams arriving on an outside
 * interface have their destination translated back, before they are routed.
 */

/** What NAT needs of its node. */
export interface NatPort {
  readonly sim: Sim;
  interfaceAddress(interfaceName: string): Ipv4Address | undefined;
}

/** The result of a translation: the datagram to carry on with, or undefined to drop it. */
export type NatOutcome = Ipv4Datagram | undefined;

const DNS_PORT = 53;

function ruleKey(rule: NatRuleId): string {
  return rule.kind === 'static' ? `static ${rule.local} ${rule.global}` : `list ${rule.accessList} ${rule.interfaceName} ${rule.overload}`;
}

function ruleIdOf(rule: NatRule): NatRuleId {
  if (rule.kind === 'static') return rule;
  return { kind: 'list', accessList: rule.accessList, interfaceName: rule.interfaceName, overload: rule.overload };
}

/** ICMP flows are keyed on the outside by address alone: the identifier is the inside port. */
function outsideOf(protocol: NatProtocol, address: Ipv4Address, port: number) {
  return { address, port: protocol === 'icmp' ? 0 : port };
}

function nextTcpState(state: TcpState | undefined, flags: number | undefined): TcpState {
  const f = flags ?? 0;
  if (state === 'closing' || (f & (TCP_FLAG.fin | TCP_FLAG.rst)) !== 0) return 'closing';
  if ((state === undefined || state === 'syn') && (f & (TCP_FLAG.syn | TCP_FLAG.ack)) === TCP_FLAG.syn) return 'syn';
  return 'open';
}

export class NatTranslator implements NatService {
  private settings: NatSettings = NAT_DISABLED;
  private inside = new Set<string>();
  private outside = new Set<string>();
  private readonly table: NatTable;

  constructor(private readonly port: NatPort) {
    this.table = new NatTable(port.sim);
  }

  /** Takes new settings: static entries follow the static rules, entries of removed rules go. */
  configure(settings: NatSettings): void {
    this.settings = settings;
    this.inside = new Set(settings.inside);
    this.outside = new Set(settings.outside);
    const live = new Set(settings.rules.map((rule) => ruleKey(rule)));
    this.table.retain((entry) => live.has(ruleKey(entry.rule)));
    this.installStatics();
  }

  /** A static rule whose addresses a dynamic entry holds gets its entry once that one is gone. */
  private installStatics(): void {
    for (const rule of this.staticRules()) {
      this.table.addSimple({ rule, local: rule.local, global: rule.global, static: true, portlessOnly: false });
    }
  }

  /** A datagram routed from `from` to `to`: translated when that is inside to outside. */
  translateOutbound(datagram: Ipv4Datagram, from: string, to: string): NatOutcome {
    if (!this.inside.has(from) || !this.outside.has(to)) return datagram;
    const flow = natFlowOf(datagram);
    if (flow.kind === 'ported') return this.outboundFlow(datagram, flow);
    if (flow.kind === 'icmp-error') return this.outboundIcmpError(datagram, flow.quoted);
    return this.outboundPortless(datagram);
  }

  /** A datagram that arrived on `on`: its destination translated back when `on` is outside. */
  translateInbound(datagram: Ipv4Datagram, on: string): Ipv4Datagram {
    if (!this.outside.has(on) || this.inside.size === 0) return datagram;
    const flow = natFlowOf(datagram);
    if (flow.kind === 'ported') return this.inboundFlow(datagram, flow);
    if (flow.kind === 'icmp-error') return this.inboundIcmpError(datagram, flow.quoted);
    return this.inboundPortless(datagram);
  }

  // ---- inside to outside ----------------------------------------------------------

  private outboundFlow(datagram: Ipv4Datagram, flow: PortedFlow): NatOutcome {
    const local = { address: datagram.source, port: flow.sourcePort };
    const outside = outsideOf(flow.protocol, datagram.destination, flow.destinationPort);
    const existing = this.table.outbound(flow.protocol, local, outside) ?? this.childOfSimple(flow, local, outside, 'local');
    if (existing) return this.hit(this.through(existing, datagram, flow));
    this.table.counters.misses++;
    const rule = this.listRuleFor(datagram);
    if (rule === undefined) return datagram;
    const created = rule.overload ? this.patEntry(rule, flow, local, outside) : this.simpleEntry(rule, datagram.source, false);
    if (created === undefined) return this.fail();
    return this.through(created, datagram, flow);
  }

  private outboundPortless(datagram: Ipv4Datagram): NatOutcome {
    let entry = this.table.simpleForLocal(datagram.source);
    if (entry) this.table.counters.hits++;
    else {
      this.table.counters.misses++;
      const rule = this.listRuleFor(datagram);
      if (rule === undefined) return datagram;
      entry = this.simpleEntry(rule, datagram.source, rule.overload);
      if (entry === undefined) return this.fail();
    }
    this.table.use(entry, this.timeoutOf(entry));
    return rewriteDatagram(datagram, 'source', { address: entry.insideGlobal.address });
  }

  /** An inside host's error about a datagram that came in: the quote's destination is the inside local. */
  private outboundIcmpError(datagram: Ipv4Datagram, quoted: QuotedFlow): NatOutcome {
    const ports = quoted.ports;
    const entry = ports
      ? this.table.outbound(ports.protocol, { address: quoted.destination, port: ports.destinationPort },
        outsideOf(ports.protocol, quoted.source, ports.sourcePort))
      : undefined;
    if (entry) return this.hit(rewriteIcmpError(datagram, 'source', entry.insideGlobal.address, 'destination', entry.insideGlobal));
    const simple = this.simpleFor(this.table.simpleForLocal(datagram.source), quoted);
    if (simple === undefined || quoted.destination !== datagram.source) return datagram;
    const global = simple.insideGlobal.address;
    return this.hit(rewriteIcmpError(datagram, 'source', global, 'destination', { address: global }));
  }

  // ---- outside to inside ----------------------------------------------------------

  private inboundFlow(datagram: Ipv4Datagram, flow: PortedFlow): Ipv4Datagram {
    const global = { address: datagram.destination, port: flow.destinationPort };
    const outside = outsideOf(flow.protocol, datagram.source, flow.sourcePort);
    const entry = this.table.inbound(flow.protocol, global, outside) ?? this.childOfSimple(flow, global, outside, 'global');
    if (entry === undefined) {
      this.table.counters.misses++;
      return datagram;
    }
    this.table.use(entry, this.timeoutOf(entry, flow.tcpFlags));
    return this.hit(rewriteDatagram(datagram, 'destination', this.localSideOf(entry, flow.destinationPort)));
  }

  private inboundPortless(datagram: Ipv4Datagram): Ipv4Datagram {
    const simple = this.table.simpleForGlobal(datagram.destination);
    if (simple === undefined) {
      this.table.counters.misses++;
      return datagram;
    }
    this.table.use(simple, this.timeoutOf(simple));
    return this.hit(rewriteDatagram(datagram, 'destination', { address: simple.insideLocal.address }));
  }

  /** An error from outside about a datagram that went out: the quote's source is the inside global. */
  private inboundIcmpError(datagram: Ipv4Datagram, quoted: QuotedFlow): Ipv4Datagram {
    if (quoted.source !== datagram.destination) return datagram;
    const ports = quoted.ports;
    const entry = ports
      ? this.table.inbound(ports.protocol, { address: quoted.source, port: ports.sourcePort },
        outsideOf(ports.protocol, quoted.destination, ports.destinationPort))
      : undefined;
    if (entry) return this.hit(rewriteIcmpError(datagram, 'destination', entry.insideLocal.address, 'source', entry.insideLocal));
    const simple = this.simpleFor(this.table.simpleForGlobal(quoted.source), quoted);
    if (simple === undefined) return datagram;
    const local = simple.insideLocal.address;
    return this.hit(rewriteIcmpError(datagram, 'destination', local, 'source', { address: local }));
  }

  // ---- entries ----------------------------------------------------------------------

  /**
   * A flow that a simple entry covers: a static rule gets an extended entry per flow (ports
   * kept), a dynamic one-to-one entry translates the address alone. Undefined when no simple
   * entry applies to the flow.
   */
  private childOfSimple(
    flow: PortedFlow, endpoint: { address: Ipv4Address; port: number }, outside: { address: Ipv4Address; port: number },
    side: 'local' | 'global',
  ): NatEntry | undefined {
    const simple = side === 'local' ? this.table.simpleForLocal(endpoint.address) : this.table.simpleForGlobal(endpoint.address);
    if (simple === undefined || simple.portlessOnly) return undefined;
    if (!simple.static) return simple;
    const port = endpoint.port;
    return this.table.addExtended({
      rule: simple.rule,
      protocol: flow.protocol,
      insideLocal: { address: simple.insideLocal.address, port },
      insideGlobal: { address: simple.insideGlobal.address, port },
      outside,
    });
  }

  /** A simple entry PAT made for protocols without ports says nothing about an error quoting a flow with ports. */
  private simpleFor(simple: NatEntry | undefined, quoted: QuotedFlow): NatEntry | undefined {
    return simple?.portlessOnly && quoted.ports ? undefined : simple;
  }

  private patEntry(
    rule: NatListRule, flow: PortedFlow, local: { address: Ipv4Address; port: number }, outside: { address: Ipv4Address; port: number },
  ): NatEntry | undefined {
    const global = this.port.interfaceAddress(rule.interfaceName);
    if (global === undefined) return undefined;
    const port = this.table.allocatePort(flow.protocol, local, global);
    if (port === undefined) return undefined;
    return this.table.addExtended({
      rule: ruleIdOf(rule),
      protocol: flow.protocol,
      insideLocal: local,
      insideGlobal: { address: global, port },
      outside,
    });
  }

  private simpleEntry(rule: NatListRule, local: Ipv4Address, portlessOnly: boolean): NatEntry | undefined {
    const global = this.port.interfaceAddress(rule.interfaceName);
    if (global === undefined) return undefined;
    return this.table.addSimple({ rule: ruleIdOf(rule), local, global, static: false, portlessOnly });
  }

  /** Translates an outbound datagram by its entry and keeps the entry alive. */
  private through(entry: NatEntry, datagram: Ipv4Datagram, flow: PortedFlow): Ipv4Datagram {
    this.table.use(entry, this.timeoutOf(entry, flow.tcpFlags));
    const to = entry.protocol === undefined ? { address: entry.insideGlobal.address } : entry.insideGlobal;
    return rewriteDatagram(datagram, 'source', to);
  }

  /** The inside local side of an entry; a simple entry keeps the port the datagram has. */
  private localSideOf(entry: NatEntry, port: number) {
    return entry.protocol === undefined ? { address: entry.insideLocal.address, port } : entry.insideLocal;
  }

  private timeoutOf(entry: NatEntry, tcpFlags?: number): number {
    const timeouts = this.settings.timeouts;
    if (entry.static) return Infinity;
    switch (entry.protocol) {
      case undefined:
        return timeouts.timeout;
      case 'icmp':
        return timeouts['icmp-timeout'];
      case 'udp':
        return entry.outside?.port === DNS_PORT || entry.insideLocal.port === DNS_PORT
          ? timeouts['dns-timeout']
          : timeouts['udp-timeout'];
      case 'tcp':
        entry.tcpState = nextTcpState(entry.tcpState, tcpFlags);
        if (entry.tcpState === 'closing') return timeouts['finrst-timeout'];
        return entry.tcpState === 'syn' ? timeouts['syn-timeout'] : timeouts['tcp-timeout'];
    }
  }

  /** The first dynamic rule whose access list permits the datagram (IOS counts the match there). */
  private listRuleFor(datagram: Ipv4Datagram): NatListRule | undefined {
    const fields = packetFieldsOf(datagram);
    return this.settings.rules.find(
      (rule): rule is NatListRule => rule.kind === 'list' && rule.acl !== undefined && evaluateAcl(rule.acl, fields).action === 'permit',
    );
  }

  private staticRules(): NatStaticRule[] {
    return this.settings.rules.filter((rule): rule is NatStaticRule => rule.kind === 'static');
  }

  private hit<T>(value: T): T {
    this.table.counters.hits++;
    return value;
  }

  private fail(): undefined {
    this.table.counters.failed++;
    return undefined;
  }

  // ---- NatService ---------------------------------------------------------------------

  translations(): NatTranslation[] {
    const entries = this.table.list();
    const statics = this.staticRules().flatMap((rule) => entries.filter((e) => e.static && ruleKey(e.rule) === ruleKey(rule)));
    return [...entries.filter((entry) => !entry.static), ...statics].map(translationView);
  }

  counters(): NatCounters {
    return { ...this.table.counters };
  }

  clearDynamic(): number {
    const cleared = this.table.retain((entry) => entry.static);
    this.installStatics();
    return cleared;
  }

  clearCounters(): void {
    Object.assign(this.table.counters, { hits: 0, misses: 0, expired: 0, failed: 0 });
  }
}

function translationView(entry: NatEntry): NatTranslation {
  const view: NatTranslation = {
    insideGlobal: { ...entry.insideGlobal },
    insideLocal: { ...entry.insideLocal },
    static: entry.static,
    rule: entry.rule,
    createdAt: entry.createdAt,
    lastUsedAt: entry.lastUsedAt,
    timeoutSeconds: entry.timeoutSeconds,
  };
  if (entry.protocol === undefined || entry.outside === undefined) return view;
  const { address, port } = entry.outside;
  // IOS shows an ICMP flow's outside ports as the identifier on each side of the router.
  const icmp = entry.protocol === 'icmp';
  return {
    ...view,
    protocol: entry.protocol,
    outsideLocal: { address, port: icmp ? entry.insideLocal.port! : port },
    outsideGlobal: { address, port: icmp ? entry.insideGlobal.port! : port },
  };
}
