import type { IpNode } from '../net/ip-node.ts';
import {
  ISAKMP_PROTOCOL_ID,
  type Acquire, type CryptoPolicy, type IpsecEvents, type IpsecPort, type PerProtocol, type ProbeCandidate, type ProxyIdentity,
} from '../ipsec/ipsec-port.ts';
import type { SeededRandom } from '../sim/random.ts';
import { RateLimit } from '../sim/rate-limit.ts';
import type { Sim } from '../sim/sim.ts';
import { bytesToHex } from '../wire/bytes.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import { Doi } from '../wire/isakmp/index.ts';
import { CpuQueue, type CpuCosts, type CpuJob } from './cpu-queue.ts';
import { emptyIkeConfig, type IkeConfig } from './ike-config.ts';
import { emptyIkeCounters, IOS_TIMING, type IkeContext, type IkeCounters, type IkeTiming } from './ike-context.ts';
import {
  subsystemOf, type DeleteReason, type IkeEvent, type IkeEventKind, type IkeSubsystem, type IkeTraceSink, type IsakmpState,
  type OutboundRoute,
} from './ike-events.ts';
import { IKE_MESSAGE_INTERVALS_MS, IOS_IKE_LIMITS, type IkeLimits } from './ike-limits.ts';
import { sendInformational, sendIsakmpDelete } from './informational.ts';
import type { IsakmpSa, QuickModeRequest } from './isakmp-sa.ts';
import { negotiationInFlight, openPhase1 } from './phase1-start.ts';
import { startQuickMode } from './quick-mode-initiator.ts';
import { receiveDatagram } from './receive.ts';
import { stopPhase1Retransmission, stopPhase2Retransmission } from './retransmission.ts';
import { SaTable } from './sa-table.ts';
import { spiBytes } from './phase2-proposal.ts';
import { startProbe } from './ted/ted-prober.ts';
import { interceptProbe } from './ted/ted-responder.ts';

export const IKE_UDP_PORT = 500;

export interface IkeDaemonOptions {
  sim: Sim;
  /** The router's IP stack: IKE binds UDP/500 on it and sends from it. */
  node: IpNode;
  /** The router's own stream (a fork): cookies, nonces, DH private keys, message IDs. */
  random: SeededRandom;
  /** The IPsec data plane. */
  port: IpsecPort;
  config?: IkeConfig;
  /** Receives every debug and syslog event; the router renders and filters them. */
  trace?: IkeTraceSink;
  /**
   * Whether the sink would print events of a subsystem now; when it says no, the daemon skips
   * stamping the event (a big mesh emits hundreds of thousands nobody reads). Without it every
   * event goes to the sink.
   */
  traceWanted?: (subsystem: IkeSubsystem) => boolean;
  /** Told each time an ISAKMP SA gets keys (for Wireshark's ikev1_decryption_table). */
  onKeys?: (keys: IsakmpKeys) => void;
  /** What each crypto operation costs this router's CPU; none by default (routers pass their own). */
  cpuCosts?: Partial<CpuCosts>;
  timing?: Partial<IkeTiming>;
  limits?: Partial<IkeLimits>;
}

/** A row of `show crypto isakmp sa`: dst is the responder, src the initiator. */
export interface IsakmpSaRow {
  destination: Ipv4Address;
  source: Ipv4Address;
  state: IsakmpState;
  connId: number;
  slot: number;
}

/** An ISAKMP SA's crypto engine connection, for `show crypto engine connections active`. */
export interface IsakmpEngineConnection {
  connId: number;
  hash: 'md5' | 'sha' | 'sha256';
  encryption: 'des' | '3des' | 'aes';
  keyBits: number;
}

/** What Wireshark needs to decrypt an IKEv1 exchange: the initiator cookie and Ka, in hex. */
export interface IsakmpKeys {
  connId: number;
  initiatorCookie: string;
  encryptionKey: string;
  /** The `ikev1_decryption_table` row: `<initiator cookie>,<Ka>`. */
  wiresharkRow: string;
}

/**
 * One router's IKE: ISAKMP on UDP/500, main, aggressive, quick and informational exchanges,
 * driven by the data plane's acquire/rekey/expired notices. Every step runs on the router's
 * CPU queue; every line IOS would print goes to the trace sink as a typed event.
 */
export class IkeDaemon implements IpsecEvents {
  readonly counters: IkeCounters = emptyIkeCounters();
  private readonly context: IkeContext;
  private readonly table = new SaTable();
  private readonly cpu: CpuQueue;
  private readonly keys: IsakmpKeys[] = [];
  private readonly quickModes: number[] = [];
  private snapshot: IkeConfig;
  /** Datagrams waiting for the CPU: IOS's input queue of the ISAKMP process. */
  private inputQueued = 0;
  private readonly messageLimit = new RateLimit<IkeEventKind>(IKE_MESSAGE_INTERVALS_MS);
  private readonly unbind: () => void;

  constructor(private readonly options: IkeDaemonOptions) {
    this.snapshot = options.config ?? emptyIkeConfig();
    this.cpu = new CpuQueue(options.sim, options.cpuCosts);
    this.context = this.buildContext();
    this.unbind = options.node.bindUdp(IKE_UDP_PORT, (udp, datagram) => {
      this.counters.received++;
      if (this.inputQueued >= this.context.limits.inputQueue) {
        this.counters.inputQueueDrops++;
        this.emit({ kind: 'input-queue-full', peer: datagram.source, waiting: this.inputQueued });
        return;
      }
      this.inputQueued++;
      const arrived = { bytes: udp.payload, local: datagram.destination, peer: datagram.source, peerPort: udp.sourcePort };
      this.cpu.submit('packet', (job) => {
        this.inputQueued--;
        receiveDatagram(this.context, arrived, job);
      });
    });
  }

  /** A new configuration snapshot; SAs already up keep what they negotiated. */
  configure(config: IkeConfig): void {
    this.snapshot = config;
  }

  /**
   * The data plane has traffic for a crypto map entry without SAs. A `discover` entry names no
   * peer: tunnel endpoint discovery finds it. Any other entry without a peer (a dynamic map
   * without `discover`) only answers, so nothing starts.
   */
  acquire(acquire: Acquire): void {
    if (acquire.peer === undefined) {
      if (!acquire.policy.discover) return;
      this.cpu.submit('packet', () => {
        this.emit({ kind: 'ke-message', index: 1, total: 1 });
        startProbe(this.context, acquire);
      });
      return;
    }
    this.initiate({
      policy: acquire.policy, localProxy: acquire.local, remoteProxy: acquire.remote, peer: acquire.peer,
      localAddress: acquire.policy.localAddress,
    });
  }

  /** An outbound SA is near its end: quick mode again, under the ISAKMP SA if it still lives. */
  rekey(policy: CryptoPolicy, local: ProxyIdentity, remote: ProxyIdentity, peer: Ipv4Address): void {
    this.initiate({ policy, localProxy: local, remoteProxy: remote, peer, localAddress: policy.localAddress });
  }

  /** An SA bundle is gone here (expired, `clear crypto sa`): the peer hears a DELETE per protocol for our inbound SPIs. */
  expired(peer: Ipv4Address, inboundSpis: PerProtocol<number>, isakmpConnId: number): void {
    this.cpu.submit('packet', () => {
      const byId = this.table.byConnId(isakmpConnId);
      const sa = byId?.usable && byId.peer === peer ? byId : this.table.usableWith(peer);
      if (sa === undefined) return;
      for (const protocol of ['ah', 'esp'] as const) {
        const spi = inboundSpis[protocol];
        if (spi === undefined) continue;
        sendInformational(this.context, sa, {
          kind: 'delete', doi: Doi.ipsec, protocolId: ISAKMP_PROTOCOL_ID[protocol], spiSize: 4, spis: [spiBytes(spi)],
        });
      }
    });
  }

  /** A datagram for UDP/500 on a crypto map interface: a TED probe for one of our hosts is ours to answer. */
  interceptProbe(candidate: ProbeCandidate): boolean {
    return interceptProbe(this.context, candidate);
  }

  /** Negotiates a request: quick mode under an SA with the peer, or phase 1 first (main or aggressive mode). */
  initiate(request: QuickModeRequest): void {
    this.cpu.submit('packet', (job) => this.negotiate(request, job));
  }

  /**
   * Takes the next connection id for an ISAKMP SA negotiated outside this daemon's exchanges:
   * tunnel endpoint discovery's probe holds one, as on IOS.
   */
  reserveConnectionId(): number {
    return this.table.allocateConnId();
  }

  /** How far the CPU that runs IKE has got: now, plus what the work in hand has spent printing. */
  cpuTime(): number {
    return this.options.sim.now() + this.cpu.owed;
  }

  /** The router printed a debug message: the CPU that runs IKE spends the time on it. */
  consolePrinted(): void {
    this.cpu.charge('console');
  }

  /** `clear crypto isakmp`: every ISAKMP SA is deleted, established ones with a DELETE to the peer. */
  clearIsakmp(connId?: number): void {
    this.cpu.submit('packet', () => {
      for (const sa of [...this.table.all()]) {
        if (sa.deleted || (connId !== undefined && sa.connId !== connId)) continue;
        if (sa.established) sendIsakmpDelete(this.context, sa);
        this.deleteSa(sa, 'manual-clear');
      }
    });
  }

  isakmpSaRows(): IsakmpSaRow[] {
    return this.table.all().filter((sa) => !sa.deleted)
      .map((sa) => ({ destination: sa.destination, source: sa.source, state: sa.state, connId: sa.connId, slot: 0 }));
  }

  engineConnections(): IsakmpEngineConnection[] {
    return this.table.all().filter((sa) => sa.usable && sa.suite !== undefined).map((sa) => ({
      connId: sa.connId,
      hash: sa.suite!.hash.keyword,
      encryption: sa.suite!.encryption.keyword,
      keyBits: sa.suite!.encryption.cipher.keyLength * 8,
    }));
  }

  /** The message IDs of the quick modes that created SA pairs here, oldest first. */
  quickModeMessageIds(): number[] {
    return [...this.quickModes];
  }

  /** Every ISAKMP SA's keys since the router started, deleted ones included (captures outlive SAs). */
  wiresharkKeys(): IsakmpKeys[] {
    return [...this.keys];
  }

  /** Lets go of UDP/500 and stops every timer's effect (the router is switched off). */
  stop(): void {
    this.unbind();
    for (const sa of this.table.all()) this.forget(sa);
  }

  private negotiate(request: QuickModeRequest, job: CpuJob): void {
    if (negotiationInFlight(this.context, request)) return;
    this.emit({ kind: 'ke-message', index: 1, total: 1 });
    openPhase1(this.context, request, job, { announce: true });
  }

  private emit(event: IkeEvent): void {
    const { trace, traceWanted, sim } = this.options;
    // The rate limit counts every event, printed or not, so switching debug on changes nothing.
    if (!this.messageLimit.allow(event.kind, sim.now()) || trace === undefined) return;
    const subsystem = subsystemOf(event.kind);
    if (traceWanted !== undefined && !traceWanted(subsystem)) return;
    // Not `{ ...event, subsystem, timeMs }`: V8 takes a slow path (some microseconds) when new
    // properties follow a spread, and a big mesh stamps hundreds of thousands of events.
    trace(Object.assign({}, event, { subsystem, timeMs: sim.now() }));
  }

  private buildContext(): IkeContext {
    const { sim, random, port } = this.options;
    return {
      sim, random, port, cpu: this.cpu, table: this.table, counters: this.counters,
      timing: { ...IOS_TIMING, ...this.options.timing },
      limits: { ...IOS_IKE_LIMITS, ...this.options.limits },
      config: () => this.snapshot,
      emit: (event) => this.emit(event),
      transmit: (local, peer, bytes, peerPort) => this.transmit(local, peer, bytes, peerPort),
      route: (destination) => this.route(destination),
      quickModeDone: (messageId) => this.quickModes.push(messageId),
      recordKeys: (sa) => this.recordKeys(sa),
      phase1Established: (sa) => this.phase1Established(sa),
      deleteSa: (sa, reason) => this.deleteSa(sa, reason),
      initialContact: (sa) => this.initialContact(sa),
    };
  }

  private transmit(local: Ipv4Address, peer: Ipv4Address, bytes: Uint8Array, peerPort: number): void {
    this.counters.sent++;
    this.options.node.sendUdp({ destination: peer, source: local, sourcePort: IKE_UDP_PORT, destinationPort: peerPort, payload: bytes });
  }

  private route(destination: Ipv4Address): OutboundRoute | undefined {
    const forwarding = this.options.node.lookup(destination);
    return forwarding === undefined ? undefined : { interfaceName: forwarding.interfaceName, nextHop: forwarding.nextHop };
  }

  private recordKeys(sa: IsakmpSa): void {
    const initiatorCookie = bytesToHex(sa.initiatorCookie);
    const encryptionKey = bytesToHex(sa.keys!.encryptionKey);
    const keys = { connId: sa.connId, initiatorCookie, encryptionKey, wiresharkRow: `${initiatorCookie},${encryptionKey}` };
    this.keys.push(keys);
    this.options.onKeys?.(keys);
  }

  /** The SA lives for its lifetime from now, and the requests that waited for it go to quick mode. */
  private phase1Established(sa: IsakmpSa): void {
    sa.established = true;
    const lifetimeMs = sa.suite!.lifetimeSeconds * 1000;
    sa.expiry = this.options.sim.schedule(lifetimeMs, () => this.cpu.submit('timer', () => {
      if (sa.deleted) return;
      sendIsakmpDelete(this.context, sa);
      this.deleteSa(sa, 'lifetime-expired');
    }));
    for (const request of sa.waiting.splice(0)) startQuickMode(this.context, sa, request);
  }

  /** INITIAL-CONTACT: the peer lost its SAs with us, so ours with it are dead: they go without a DELETE. */
  private initialContact(fresh: IsakmpSa): void {
    for (const sa of this.table.all()) {
      if (sa !== fresh && !sa.deleted && sa.peer === fresh.peer && sa.exchange !== 'peer-discovery') this.deleteSa(sa, 'initial-contact');
    }
    this.options.port.deletePeerSas(fresh.peer);
  }

  /** IOS marks the SA deleted at once and purges it a second later (`delme`). */
  private deleteSa(sa: IsakmpSa, reason: DeleteReason): void {
    if (sa.deleted) return;
    this.emit({ kind: 'no-paranoid-keepalives', connId: sa.connId });
    this.emit({ kind: 'deleting-sa', connId: sa.connId, reason, role: sa.role, state: sa.state, peer: sa.peer });
    if (sa.holdsNodeZero) this.emit({ kind: 'deleting-node', connId: sa.connId, messageId: 0, error: true, reason });
    if (sa.exchange === 'peer-discovery' && reason === 'death-by-retransmission-p1') this.counters.tedProbesGivenUp++;
    this.forget(sa);
    this.options.sim.schedule(this.context.timing.purgeDelayMs, () => this.cpu.submit('timer', () => {
      this.emit({ kind: 'purging-sa', connId: sa.connId, address: sa.memoryAddress });
      if (sa.holdsNodeZero) this.emit({ kind: 'purging-node', connId: sa.connId, messageId: 0 });
      this.emit({ kind: 'engine-delete-connection', connId: sa.connId });
      this.table.remove(sa);
    }));
  }

  private forget(sa: IsakmpSa): void {
    sa.deleted = true;
    stopPhase1Retransmission(sa);
    sa.expiry?.cancel();
    for (const exchange of sa.exchanges.values()) stopPhase2Retransmission(exchange);
    if (sa.dh !== undefined) this.table.releaseDhSlot(sa.dh.slot);
    sa.dh = undefined;
    sa.waiting.length = 0;
  }
}
