import { encodeIpv4, ipv4EncodingProblem, type Ipv4Datagram } from '../wire/ipv4.ts';
import { encodeIcmp, quoteForIcmpError, type IcmpMessage } from '../wire/icmp.ts';
import { IcmpType, IpProtocol } from '../wire/ip-protocols.ts';
import type { TrafficCounters } from './node-counters.ts';
import type { OutgoingDatagram, SendResult } from './outgoing-datagram.ts';

/** IOS's default `ip icmp rate-limit unreachable`: at most one unreachable per 500 ms. */
export const ICMP_UNREACHABLE_INTERVAL_MS = 500;

const LIMITED_BROADCAST = 0xffffffff;
const FIRST_MULTICAST = 0xe0000000;

/** ICMP types that are errors themselves: an error about them would risk an error storm. */
const ERROR_TYPES = new Set<number>([
  IcmpType.destinationUnreachable, IcmpType.sourceQuench, IcmpType.redirect, IcmpType.timeExceeded, IcmpType.parameterProblem,
]);

export interface IcmpErrorPort {
  now(): number;
  send(outgoing: OutgoingDatagram): SendResult;
  readonly traffic: TrafficCounters;
}

/** RFC 1812 4.3.2.7: no error about an ICMP error, a later fragment, or a source that is no host. */
export function mayTriggerIcmpError(datagram: Ipv4Datagram): boolean {
  if (datagram.fragmentOffset !== 0) return false;
  const source = datagram.source;
  if (source === 0 || source === LIMITED_BROADCAST || source >= FIRST_MULTICAST) return false;
  if (datagram.destination === LIMITED_BROADCAST || datagram.destination >= FIRST_MULTICAST) return false;
  if (datagram.protocol === IpProtocol.icmp) {
    const type = datagram.payload[0];
    if (type === undefined || ERROR_TYPES.has(type)) return false;
  }
  return true;
}

/** Sends a node's ICMP errors back to the source of the datagram that caused them. */
export class IcmpErrorSender {
  private lastUnreachableAt: number | undefined;

  constructor(
    private readonly port: IcmpErrorPort,
    private readonly unreachableIntervalMs = ICMP_UNREACHABLE_INTERVAL_MS,
  ) {}

  /**
   * Destination unreachable with `code`, subject to the rate limit; true if sent. `source` is the
   * address the error comes from: by default the outgoing interface's; for a datagram the node
   * itself refused (a closed port), the address it was sent to, so that a traceroute to any of a
   * router's addresses ends at that address.
   */
  unreachable(original: Ipv4Datagram, code: number, source?: number): boolean {
    if (!mayTriggerIcmpError(original)) return false;
    const now = this.port.now();
    if (this.lastUnreachableAt !== undefined && now - this.lastUnreachableAt < this.unreachableIntervalMs) {
      this.port.traffic.icmpErrorsRateLimited++;
      return false;
    }
    this.lastUnreachableAt = now;
    return this.emit(original, (quote) => ({ kind: 'destination-unreachable', code, nextHopMtu: 0, original: quote }), source);
  }

  /** Time exceeded (code 0: TTL expired in transit); true if sent. */
  timeExceeded(original: Ipv4Datagram, code = 0): boolean {
    if (!mayTriggerIcmpError(original)) return false;
    return this.emit(original, (quote) => ({ kind: 'time-exceeded', code, original: quote }));
  }

  private emit(original: Ipv4Datagram, message: (quote: Uint8Array) => IcmpMessage, source?: number): boolean {
    if (ipv4EncodingProblem(original) !== undefined) return false;
    const quote = quoteForIcmpError(encodeIpv4(original));
    const result = this.port.send({
      protocol: IpProtocol.icmp,
      ...(source === undefined ? {} : { source }),
      destination: original.source,
      payload: encodeIcmp(message(quote)),
    });
    if (result.ok) this.port.traffic.icmpErrorsSent++;
    return result.ok;
  }
}
