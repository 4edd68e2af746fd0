import type { Sim, Timer } from '../sim/sim.ts';
import { readUint16 } from '../wire/bytes.ts';
import { encodeIcmp, type IcmpMessage } from '../wire/icmp.ts';
import { IcmpType, IpProtocol, UnreachableCode } from '../wire/ip-protocols.ts';
import { quotedDatagramOf } from './icmp-quote.ts';
import type { IcmpListener } from './local-delivery.ts';
import type { OutgoingDatagram, SendResult } from './outgoing-datagram.ts';
import type { PingMark, PingRequest, PingResult } from './ping-types.ts';

export const PING_DEFAULT_COUNT = 5;
/** IOS counts the IP header in the ping size. */
export const PING_DEFAULT_SIZE = 100;
export const PING_DEFAULT_TIMEOUT_MS = 2000;
/** What IOS's `ping` accepts: `repeat <1-2147483647>`, `size <36-18024>`, `timeout <0-3600>` (seconds). */
export const PING_LIMITS = {
  count: { min: 1, max: 2_147_483_647 },
  size: { min: 36, max: 18_024 },
  timeoutMs: { min: 0, max: 3_600_000 },
} as const;
/** IOS's default data pattern, repeated through the echo data. */
export const PING_DATA_PATTERN = [0xab, 0xcd] as const;
const IP_AND_ICMP_HEADERS = 28;

/** What a ping needs of the node it runs on. */
export interface PingPort {
  readonly sim: Sim;
  send(outgoing: OutgoingDatagram): SendResult;
  addIcmpListener(listener: IcmpListener): () => void;
}

interface Outstanding {
  sequence: number;
  sentAt: number;
  timer: Timer;
}

export function pingData(size: number): Uint8Array {
  const data = new Uint8Array(Math.max(0, size - IP_AND_ICMP_HEADERS));
  for (let i = 0; i < data.length; i++) data[i] = PING_DATA_PATTERN[i % PING_DATA_PATTERN.length]!;
  return data;
}

/** The mark IOS prints for an ICMP error about one of its echoes. */
function markForError(message: IcmpMessage): PingMark {
  if (message.kind === 'destination-unreachable') {
    return message.code === UnreachableCode.fragmentationNeeded ? 'M' : 'U';
  }
  if (message.kind === 'time-exceeded') return '&';
  if (message.kind === 'other' && message.type === IcmpType.sourceQuench) return 'Q';
  return '?';
}


/**
 * One ping run: `count` echoes, each sent when the previous one was answered, reported
 * as an error, or timed out. Marks and round-trip times follow IOS.
 */
export class PingSession {
  readonly destination: number;
  readonly count: number;
  readonly size: number;
  readonly timeoutMs: number;
  private readonly marks: PingMark[] = [];
  private readonly roundTrips: number[] = [];
  private readonly data: Uint8Array;
  private outstanding: Outstanding | undefined;
  private nextSequence = 0;
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly port: PingPort,
    private readonly request: PingRequest,
    readonly identifier: number,
  ) {
    this.destination = request.destination;
    this.count = Math.max(0, Math.floor(request.count ?? PING_DEFAULT_COUNT));
    this.size = request.size ?? PING_DEFAULT_SIZE;
    this.timeoutMs = request.timeoutMs ?? PING_DEFAULT_TIMEOUT_MS;
    this.data = pingData(this.size);
  }

  start(): void {
    if (this.stopListening || this.done) return;
    this.stopListening = this.port.addIcmpListener((message) => this.onIcmp(message));
    this.port.sim.schedule(0, () => this.sendEcho());
  }

  get done(): boolean {
    return this.marks.length >= this.count;
  }

  get result(): PingResult {
    const received = this.roundTrips.length;
    return {
      destination: this.destination,
      count: this.count,
      size: this.size,
      timeoutMs: this.timeoutMs,
      marks: this.marks.join(''),
      roundTrips: [...this.roundTrips],
      received,
      successRate: this.count === 0 ? 0 : Math.floor((100 * received) / this.count),
    };
  }

  private sendEcho(): void {
    const sequence = this.nextSequence++ & 0xffff;
    const timer = this.port.sim.schedule(this.timeoutMs, () => this.settle('.'));
    this.outstanding = { sequence, sentAt: this.port.sim.now(), timer };
    // A send refused here (no route) shows as a timeout, as on IOS.
    this.port.send({
      protocol: IpProtocol.icmp,
      destination: this.destination,
      source: this.request.source,
      dontFragment: this.request.dontFragment,
      payload: encodeIcmp({ kind: 'echo-request', identifier: this.identifier, sequence, data: this.data }),
    });
  }

  private onIcmp(message: IcmpMessage): void {
    const current = this.outstanding;
    if (current === undefined) return;
    if (message.kind === 'echo-reply') {
      if (message.identifier === this.identifier && message.sequence === current.sequence) {
        this.settle('!', Math.floor(this.port.sim.now() - current.sentAt));
      }
      return;
    }
    if (this.quotesCurrentEcho(message, current.sequence)) this.settle(markForError(message));
  }

  private quotesCurrentEcho(message: IcmpMessage, sequence: number): boolean {
    // Any other ICMP error that quotes the echo answers it too (source quench, parameter problem).
    const quoted = quotedDatagramOf(message, () => true);
    if (quoted === undefined) return false;
    const { header, leadingPayload } = quoted;
    return (
      header.protocol === IpProtocol.icmp &&
      header.destination === this.destination &&
      leadingPayload.length >= 8 &&
      leadingPayload[0] === IcmpType.echoRequest &&
      readUint16(leadingPayload, 4) === this.identifier &&
      readUint16(leadingPayload, 6) === sequence
    );
  }

  private settle(mark: PingMark, roundTrip?: number): void {
    const current = this.outstanding;
    if (current === undefined) return;
    current.timer.cancel();
    this.outstanding = undefined;
    this.marks.push(mark);
    if (roundTrip !== undefined) this.roundTrips.push(roundTrip);
    if (this.done) {
      this.stopListening?.();
      return;
    }
    this.port.sim.schedule(0, () => this.sendEcho());
  }
}
