import type { Sim, Timer } from '../sim/sim.ts';
import { readUint16 } from '../wire/bytes.ts';
import type { IcmpMessage } from '../wire/icmp.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { Ipv4Datagram } from '../wire/ipv4.ts';
import { IcmpType, IpProtocol, UnreachableCode } from '../wire/ip-protocols.ts';
import { encodeUdp } from '../wire/udp.ts';
import { quotedDatagramOf } from './icmp-quote.ts';
import type { IcmpListener } from './local-delivery.ts';
import type { OutgoingDatagram, SendResult } from './outgoing-datagram.ts';
import {
  TRACEROUTE_DEFAULTS, type ProbeOutcome, type TracerouteHop, type TracerouteRequest, type TracerouteResult, type UnreachableMark,
} from './traceroute-types.ts';

/** What a traceroute needs of the node it runs on (an IpNode has all of it). */
export interface TraceroutePort {
  readonly sim: Sim;
  send(outgoing: OutgoingDatagram): SendResult;
  sourceAddressFor(destination: Ipv4Address): Ipv4Address | undefined;
  addIcmpListener(listener: IcmpListener): () => void;
}

/** The first of the source ports a node's traces use, one per trace (tedlab's choice; IOS picks its own). */
const FIRST_SOURCE_PORT = 49152;
const SOURCE_PORTS = 16384;

const UNREACHABLE_MARKS: Readonly<Record<number, UnreachableMark>> = {
  [UnreachableCode.network]: 'N',
  [UnreachableCode.host]: 'H',
  [UnreachableCode.protocol]: 'P',
  [UnreachableCode.port]: 'U',
  [UnreachableCode.fragmentationNeeded]: 'M',
  9: 'A',
  10: 'A',
  [UnreachableCode.administrativelyProhibited]: 'A',
};

interface Outstanding {
  destinationPort: number;
  sentAt: number;
  timer: Timer;
}

/**
 * One traceroute as IOS runs it: UDP probes to ports 33434 and up, `probesPerHop` at each TTL
 * from `minTtl`, each sent when the one before was answered or timed out. A router on the way
 * answers with time exceeded, the destination with port unreachable, which ends the trace, as any
 * other unreachable does; so does `maxTtl`.
 */
export class TracerouteSession {
  private readonly request: Required<Omit<TracerouteRequest, 'source'>> & { source?: Ipv4Address };
  private readonly hops: TracerouteHop[] = [];
  private readonly sourcePort: number;
  private outstanding: Outstanding | undefined;
  private probesSent = 0;
  private finished = false;
  private stopListening: (() => void) | undefined;

  constructor(private readonly port: TraceroutePort, request: TracerouteRequest, sessionNumber: number) {
    this.request = { ...TRACEROUTE_DEFAULTS, ...request };
    this.sourcePort = FIRST_SOURCE_PORT + (sessionNumber % SOURCE_PORTS);
  }

  start(): void {
    if (this.stopListening || this.finished) return;
    this.stopListening = this.port.addIcmpListener((message, datagram) => this.onIcmp(message, datagram));
    this.port.sim.schedule(0, () => this.sendProbe());
  }

  get done(): boolean {
    return this.finished;
  }

  /** The longest a trace can take: every probe of every TTL timing out. */
  get worstCaseMs(): number {
    const hops = Math.max(0, this.request.maxTtl - this.request.minTtl + 1);
    return hops * this.request.probesPerHop * (this.request.timeoutMs + 1);
  }

  get result(): TracerouteResult {
    const reached = this.hops.some((hop) => hop.probes.some((probe) => probe.kind === 'answer' && probe.reached));
    return { destination: this.request.destination, hops: this.hops.map((hop) => ({ ...hop, probes: [...hop.probes] })), reached };
  }

  private get currentTtl(): number {
    return this.request.minTtl + Math.floor(this.probesSent / this.request.probesPerHop);
  }

  private sendProbe(): void {
    const ttl = this.currentTtl;
    const destinationPort = (this.request.port + this.probesSent) & 0xffff;
    this.probesSent++;
    if (this.hops.at(-1)?.ttl !== ttl) this.hops.push({ ttl, probes: [] });
    const timer = this.port.sim.schedule(this.request.timeoutMs, () => this.settle({ kind: 'timeout' }));
    this.outstanding = { destinationPort, sentAt: this.port.sim.now(), timer };
    const { destination } = this.request;
    const source = this.request.source ?? this.port.sourceAddressFor(destination);
    // A probe with nowhere to go is lost: it shows as a timeout, as on IOS.
    if (source === undefined) return;
    const udp = encodeUdp({ sourcePort: this.sourcePort, destinationPort, payload: new Uint8Array(0) }, source, destination);
    this.port.send({ protocol: IpProtocol.udp, source, destination, ttl, payload: udp });
  }

  private onIcmp(message: IcmpMessage, datagram: Ipv4Datagram): void {
    const current = this.outstanding;
    if (current === undefined || !this.quotesProbe(message, current.destinationPort)) return;
    const rttMs = Math.floor(this.port.sim.now() - current.sentAt);
    this.settle(outcomeOf(message, datagram.source, rttMs, this.request.destination));
  }

  private quotesProbe(message: IcmpMessage, destinationPort: number): boolean {
    const quoted = quotedDatagramOf(message, (type) => type === IcmpType.sourceQuench);
    if (quoted === undefined) return false;
    const { header, leadingPayload } = quoted;
    return (
      header.protocol === IpProtocol.udp &&
      header.destination === this.request.destination &&
      leadingPayload.length >= 4 &&
      readUint16(leadingPayload, 0) === this.sourcePort &&
      readUint16(leadingPayload, 2) === destinationPort
    );
  }

  private settle(outcome: ProbeOutcome): void {
    const current = this.outstanding;
    if (current === undefined) return;
    current.timer.cancel();
    this.outstanding = undefined;
    const hop = this.hops.at(-1)!;
    hop.probes.push(outcome);
    if (hop.probes.length >= this.request.probesPerHop && this.hopEndsTrace(hop)) {
      this.finished = true;
      this.stopListening?.();
      return;
    }
    this.port.sim.schedule(0, () => this.sendProbe());
  }

  private hopEndsTrace(hop: TracerouteHop): boolean {
    if (hop.ttl >= this.request.maxTtl) return true;
    return hop.probes.some((probe) => probe.kind === 'unreachable' || (probe.kind === 'answer' && probe.reached));
  }
}

function outcomeOf(message: IcmpMessage, from: Ipv4Address, rttMs: number, destination: Ipv4Address): ProbeOutcome {
  if (message.kind === 'time-exceeded') return { kind: 'answer', from, rttMs, reached: false };
  if (message.kind === 'destination-unreachable') {
    if (message.code === UnreachableCode.port && from === destination) return { kind: 'answer', from, rttMs, reached: true };
    return { kind: 'unreachable', from, rttMs, code: UNREACHABLE_MARKS[message.code] ?? 'H' };
  }
  return { kind: 'unreachable', from, rttMs, code: 'Q' };
}
