import type { IpNode } from '../net/ip-node.ts';
import type { NetInterface } from '../net/net-interface.ts';
import { IpProtocol } from '../wire/ip-protocols.ts';
import type { Ipv4Datagram } from '../wire/ipv4.ts';
import { ISAKMP_UDP_PORT } from '../wire/isakmp/nat-traversal.ts';
import { decodeUdp } from '../wire/udp.ts';
import type { SeededRandom } from '../sim/random.ts';
import type { Sim } from '../sim/sim.ts';
import { formatIpv4, type Ipv4Address } from '../wire/ipv4-address.ts';
import { AcquireRequests, SA_REQUEST_TIMER_MS } from './acquire-requests.ts';
import { emptyIpsecDropCounters, type DataPlaneContext, type IpsecDropCounters } from './data-plane-context.ts';
import { processInbound } from './ipsec-inbound.ts';
import { processOutbound } from './ipsec-outbound.ts';
import { cryptoFailure, cryptoOk, type CryptoResult } from '../crypto/crypto-result.ts';
import { ahSaCrypto, type AhSaCrypto } from './ah-transform.ts';
import { espSaCrypto, type EspSaCrypto } from './esp-transform.ts';
import {
  IP_PROTOCOL_OF, protocolPart, protocolsOf,
  type CryptoPolicy, type DhGroupNumber, type FlowIds, type IpsecEvents, type IpsecPort, type IpsecProtocol, type PerProtocol,
  type ProposalVerdict, type ProxyIdentity, type SaPairInstall, type TransformProposal,
} from './ipsec-port.ts';
import { engineConnectionSnapshots, interfaceSnapshots, type EngineConnectionSnapshot, type InterfaceSnapshot } from './ipsec-snapshot.ts';
import type { IpsecSubsystem, IpsecTraceEvent, IpsecTraceSink } from './ipsec-trace.ts';
import { checkProposal, checkTransform } from './proposal-validation.ts';
import { SaDatabase, sasOf, type NewPair, type SaPair } from './sa-database.ts';
import { deleteTrace, expiringTrace, installTrace } from './sa-trace.ts';
import { SaLifetimes } from './sa-lifetime.ts';
import { SecurityPolicyDatabase, type AccessListLookup } from './security-policy.ts';
import { ipsecSyslogRateLimit } from './syslog-rate-limit.ts';
import { ahSaFacts, espSaFacts, formatSaRow, type SaRowFacts } from './wireshark-esp-sa.ts';

/** A peer whose SAs came from a dynamic map template, with the proxies they protect. */
export interface DynamicPeer {
  policy: CryptoPolicy;
  peer: Ipv4Address;
  localProxy: ProxyIdentity;
  remoteProxy: ProxyIdentity;
}

export interface IpsecEngineOptions {
  /** The router's IP stack: the engine hooks into its crypto map interfaces and its receive path. */
  node: IpNode;
  /** The router's own random stream: SPIs and IVs. */
  random: SeededRandom;
  /** IKE's side of the port; may also be given later with `connect`. */
  events?: IpsecEvents;
  /** Receives every debug and syslog event. */
  trace?: IpsecTraceSink;
  /**
   * Whether the sink would print events of a subsystem now; the engine then skips describing
   * SAs nobody reads about (a big mesh installs thousands). Without it every event goes to the sink.
   */
  traceWanted?: (subsystem: IpsecSubsystem) => boolean;
  /** The router's access lists, so crypto ACL `deny` entries and counters work as in IOS. */
  accessLists?: AccessListLookup;
  /** How long an unanswered SA request blocks new ones (IOS's request timer). */
  requestTimerMs?: number;
}

const IGNORE_EVENTS: IpsecEvents = { acquire: () => {}, rekey: () => {}, expired: () => {} };

/**
 * The IPsec data plane of one router (IOS's SA manager and crypto engine): policies from
 * its crypto maps, SAs from IKE, ESP on the wire, counters, lifetimes, and the facts that
 * `show crypto ipsec sa` and the debug output are made of.
 */
export class IpsecEngine implements IpsecPort {
  readonly drops: IpsecDropCounters = emptyIpsecDropCounters();
  /** Pairs IKE asked for that could not be installed (a transform without ESP, keys of the wrong length). */
  readonly installErrors: string[] = [];
  private readonly node: IpNode;
  private readonly sim: Sim;
  private readonly random: SeededRandom;
  private readonly spd: SecurityPolicyDatabase;
  private readonly sad = new SaDatabase();
  private readonly lifetimes: SaLifetimes;
  private readonly requests: AcquireRequests;
  private readonly syslogLimit = ipsecSyslogRateLimit();
  private readonly traceSink: IpsecTraceSink | undefined;
  private readonly traceWanted: ((subsystem: IpsecSubsystem) => boolean) | undefined;
  private readonly context: DataPlaneContext;
  private readonly espSaHistory: SaRowFacts[] = [];
  private readonly ahSaHistory: SaRowFacts[] = [];
  private events: IpsecEvents;
  private hookedInterfaces: string[] = [];

  constructor(options: IpsecEngineOptions) {
    this.node = options.node;
    this.sim = options.node.sim;
    this.random = options.random;
    this.events = options.events ?? IGNORE_EVENTS;
    this.traceSink = options.trace;
    this.traceWanted = options.traceWanted;
    this.spd = new SecurityPolicyDatabase(options.accessLists);
    this.lifetimes = new SaLifetimes(this.sim, { soft: (pair) => this.softExpiry(pair), hard: (pair) => this.hardExpiry(pair) });
    this.requests = new AcquireRequests({
      sim: this.sim,
      timerMs: options.requestTimerMs ?? SA_REQUEST_TIMER_MS,
      trace: (event) => this.trace(event),
      raise: (acquire) => this.events.acquire(acquire),
    });
    this.context = {
      node: this.node, spd: this.spd, sad: this.sad, random: this.random, lifetimes: this.lifetimes, drops: this.drops,
      trace: (event) => this.trace(event),
      acquire: (match, datagram, context) => this.requests.request(match, datagram, context),
      interceptProbe: (datagram, iface) => this.interceptProbe(datagram, iface),
    };
    this.node.setInboundHook((datagram, { iface }) => processInbound(this.context, datagram, iface));
  }

  connect(events: IpsecEvents): void {
    this.events = events;
  }

  /** The crypto map entries of every interface, as the configuration now stands. */
  setPolicies(policies: readonly CryptoPolicy[]): void {
    this.spd.replace(policies);
    for (const name of this.hookedInterfaces) this.node.setOutboundHook(name, undefined);
    this.hookedInterfaces = this.spd.interfaceNames();
    for (const name of this.hookedInterfaces) {
      this.node.setOutboundHook(name, (datagram, context) => processOutbound(this.context, datagram, context));
    }
  }

  policies(): CryptoPolicy[] {
    return this.spd.all();
  }

  /** Unhooks the engine from the IP stack; its SAs stop counting time. */
  detach(): void {
    this.setPolicies([]);
    this.node.setInboundHook(undefined);
    for (const pair of this.sad.pairs()) this.lifetimes.stop(pair);
    this.requests.clear();
  }

  // ---- IpsecPort ---------------------------------------------------------------------

  allocateSpi(local: Ipv4Address, remote: Ipv4Address, protocol: number): number {
    const spi = this.sad.allocateSpi(this.random);
    this.trace({ subsystem: 'ipsec', kind: 'key-engine-queue-event' });
    this.trace({ subsystem: 'ipsec', kind: 'spi-response', spi, from: local, to: remote, protocol });
    return spi;
  }

  validateTransform(local: Ipv4Address, remote: Ipv4Address, part: TransformProposal, pfsGroup: DhGroupNumber | undefined): boolean {
    const check = checkTransform(this.spd.all(), { local, remote, part, pfsGroup });
    for (const event of check.trace) this.trace(event);
    return check.verdict;
  }

  validateProposal(
    local: Ipv4Address,
    remote: Ipv4Address,
    localProxy: ProxyIdentity,
    remoteProxy: ProxyIdentity,
    transform: TransformProposal,
    pfsGroup: DhGroupNumber | undefined,
  ): ProposalVerdict {
    const check = checkProposal(this.spd.all(), { local, remote, localProxy, remoteProxy, transform, pfsGroup });
    for (const event of check.trace) this.trace(event);
    return check.verdict;
  }

  allocateFlows(protocols: readonly IpsecProtocol[]): PerProtocol<FlowIds> {
    const flows = this.sad.allocateFlows(protocols);
    for (let i = 0; i < protocols.length; i++) {
      this.trace({ subsystem: 'ipsec', kind: 'allocate-flow', status: 0 });
      this.trace({ subsystem: 'ipsec', kind: 'allocate-flow', status: 0 });
    }
    return flows;
  }

  installSaPair(install: SaPairInstall, connIds: PerProtocol<FlowIds>): void {
    const crypto = bundleCrypto(install);
    if (!crypto.ok) {
      this.installErrors.push(`SA pair with ${formatIpv4(install.remote)}: ${crypto.error.message}`);
      return;
    }
    const pair = this.sad.addPair({ install, connIds, ...crypto.value, now: this.sim.now() });
    if (this.tracing('ipsec')) for (const event of installTrace(pair)) this.trace(event);
    this.lifetimes.start(pair);
    this.requests.settle(install.policy.interfaceName, install.localProxy, install.remoteProxy);
    this.espSaHistory.push(...espSaFacts([pair]));
    this.ahSaHistory.push(...ahSaFacts([pair]));
  }

  /** A DELETE from the peer: the bundles with one of these SPIs go, without a DELETE back. */
  deleteSas(peer: Ipv4Address, protocol: IpsecProtocol, spis: number[]): void {
    const wanted = new Set(spis.map((spi) => spi >>> 0));
    this.trace({ subsystem: 'ipsec', kind: 'key-engine-queue-event' });
    this.trace({ subsystem: 'ipsec', kind: 'delete-notify-received' });
    for (const spi of wanted) {
      this.trace({ subsystem: 'ipsec', kind: 'delete-sa-by-spi', spi, protocol: IP_PROTOCOL_OF[protocol], destination: peer });
    }
    const doomed = this.sad.pairs().filter((pair) => pair.install.remote === peer
      && sasOf(pair).some((sa) => sa.protocol === protocol && wanted.has(sa.crypto.spi >>> 0)));
    for (const pair of doomed) this.removePair(pair);
  }

  deletePeerSas(peer: Ipv4Address): void {
    for (const pair of this.sad.pairs().filter((candidate) => candidate.install.remote === peer)) this.removePair(pair);
  }

  // ---- exec commands -------------------------------------------------------------------

  /** `clear crypto sa` (all pairs, or those with `peer`): each pair goes and IKE tells the peer. */
  clearSas(filter: { peer?: Ipv4Address } = {}): void {
    const doomed = this.sad.pairs().filter((pair) => filter.peer === undefined || pair.install.remote === filter.peer);
    for (const pair of doomed) this.endPair(pair);
    // The flows start again from zero, as IOS's counters do after `clear crypto sa`.
    this.sad.forgetIdleIdents((ident) => filter.peer !== undefined && (ident.policy.peers[0] ?? 0) !== filter.peer);
    if (filter.peer === undefined) this.requests.clear();
  }

  /** `show crypto ipsec sa`: every crypto map interface and its idents. */
  snapshot(): InterfaceSnapshot[] {
    return interfaceSnapshots(this.spd.all(), this.sad.idents(), this.sim.now());
  }

  /** The IPsec rows of `show crypto engine connections active`. */
  engineConnections(): EngineConnectionSnapshot[] {
    return engineConnectionSnapshots(this.sad.pairs());
  }

  /** Wireshark `esp_sa` rows of every ESP SA installed since the start, live or gone. */
  espSaRows(): string[] {
    return this.espSaHistory.map(formatSaRow);
  }

  /** The same rows for every AH SA (Wireshark has no AH key table: see wireshark-esp-sa.ts). */
  ahSaRows(): string[] {
    return this.ahSaHistory.map(formatSaRow);
  }

  /** The peers up under crypto map entries made from dynamic maps: one per ident with SAs. */
  dynamicPeers(): DynamicPeer[] {
    return this.sad.idents()
      .filter((ident) => ident.pairs.length > 0 && ident.policy.dynamicMap !== undefined)
      .map((ident) => ({
        policy: ident.policy, peer: ident.pairs[ident.pairs.length - 1]!.install.remote,
        localProxy: ident.localProxy, remoteProxy: ident.remoteProxy,
      }));
  }

  /** SA requests still waiting for IKE. */
  get pendingRequests(): number {
    return this.requests.size;
  }

  // ---- lifetimes -----------------------------------------------------------------------

  private softExpiry(pair: SaPair): void {
    this.trace(expiringTrace(pair));
    const { install } = pair;
    this.events.rekey(install.policy, install.localProxy, install.remoteProxy, install.remote);
  }

  private hardExpiry(pair: SaPair): void {
    this.endPair(pair);
  }

  /** Ends a pair here and asks IKE to tell the peer (expiry, `clear crypto sa`). */
  private endPair(pair: SaPair): void {
    if (!this.removePair(pair)) return;
    const inboundSpis: PerProtocol<number> = {};
    for (const sa of sasOf(pair)) if (sa.direction === 'inbound') inboundSpis[sa.protocol] = sa.crypto.spi;
    this.events.expired(pair.install.remote, inboundSpis, pair.install.isakmpConnId);
  }

  private removePair(pair: SaPair): boolean {
    this.lifetimes.stop(pair);
    if (!this.sad.removePair(pair)) return false;
    for (const event of deleteTrace(pair)) this.trace(event);
    return true;
  }

  /**
   * ISAKMP arriving on an interface whose map has entries for unknown peers (dynamic maps) may
   * be a TED probe for a host behind us: IKE decides, and a probe it answers goes no further.
   */
  private interceptProbe(datagram: Ipv4Datagram, iface: NetInterface): boolean {
    if (this.events.interceptProbe === undefined || datagram.protocol !== IpProtocol.udp) return false;
    const policies = this.spd.policiesOn(iface.name);
    if (!policies.some((policy) => policy.dynamicMap !== undefined || policy.discover)) return false;
    const udp = decodeUdp(datagram.payload, datagram.source, datagram.destination);
    if (!udp.ok || udp.value.sourcePort !== ISAKMP_UDP_PORT || udp.value.destinationPort !== ISAKMP_UDP_PORT) return false;
    return this.events.interceptProbe({
      source: datagram.source, destination: datagram.destination, payload: udp.value.payload, interfaceName: iface.name, policies,
    });
  }

  private trace(event: IpsecTraceEvent): void {
    // The syslog limit counts every message, printed or not, so switching debug on changes nothing.
    if (event.subsystem === 'syslog' && !this.syslogLimit.allow(event.kind, this.sim.now())) return;
    if (this.tracing(event.subsystem)) this.traceSink?.(event);
  }

  private tracing(subsystem: IpsecSubsystem): boolean {
    return this.traceSink !== undefined && (this.traceWanted === undefined || this.traceWanted(subsystem));
  }
}

/** The keyed crypto of each protocol's SAs; a key of the wrong length or an unknown algorithm refuses the whole bundle. */
function bundleCrypto(install: SaPairInstall): CryptoResult<Pick<NewPair, 'ah' | 'esp'>> {
  const out: Pick<NewPair, 'ah' | 'esp'> = {};
  for (const protocol of protocolsOf(install.transform)) {
    const part = protocolPart(install.transform, protocol);
    const inboundKeys = install.inbound[protocol];
    const outboundKeys = install.outbound[protocol];
    if (inboundKeys === undefined || outboundKeys === undefined) return cryptoFailure('bad-key-length', `no ${protocol} keys`);
    const make = protocol === 'ah' ? ahSaCrypto : espSaCrypto;
    const inbound = make(part, inboundKeys);
    const outbound = make(part, outboundKeys);
    if (!inbound.ok) return inbound;
    if (!outbound.ok) return outbound;
    if (protocol === 'ah') out.ah = { inbound: inbound.value as AhSaCrypto, outbound: outbound.value as AhSaCrypto };
    else out.esp = { inbound: inbound.value as EspSaCrypto, outbound: outbound.value as EspSaCrypto };
  }
  return cryptoOk(out);
}
