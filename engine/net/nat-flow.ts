import type { Ipv4Address } from '../wire/ipv4-address.ts';
import { readUint16 } from '../wire/bytes.ts';
import { decodeQuotedIpv4, type Ipv4Datagram } from '../wire/ipv4.ts';
import { IcmpType, IpProtocol } from '../wire/ip-protocols.ts';
import type { NatProtocol } from './nat-types.ts';

/**
 * What NAT sees in a datagram: a flow with ports (TCP, UDP, ICMP echo), an ICMP error that
 * quotes a flow, or something with no ports at all (other protocols, later fragments).
 */

export interface FlowPorts {
  protocol: NatProtocol;
  /** For an ICMP echo, both are its identifier. */
  sourcePort: number;
  destinationPort: number;
}

export interface PortedFlow extends FlowPorts {
  kind: 'ported';
  /** TCP flags, for the SYN and FIN/RST timeouts. */
  tcpFlags?: number;
}

/** The datagram an ICMP error quotes, seen as a flow. */
export interface QuotedFlow {
  source: Ipv4Address;
  destination: Ipv4Address;
  /** Undefined when the quoted datagram has no ports NAT knows (then only addresses change). */
  ports?: FlowPorts;
}

export type NatFlow = PortedFlow | { kind: 'icmp-error'; quoted: QuotedFlow } | { kind: 'portless' };

const TCP_FLAGS_OFFSET = 13;
export const TCP_FLAG = { fin: 0x01, syn: 0x02, rst: 0x04, ack: 0x10 } as const;

const ICMP_ERROR_TYPES = new Set<number>([
  IcmpType.destinationUnreachable, IcmpType.sourceQuench, IcmpType.redirect, IcmpType.timeExceeded, IcmpType.parameterProblem,
]);

/** Ports of a transport header starting at `payload`; undefined if there are none or too few bytes. */
function portsOf(protocol: number, payload: Uint8Array): FlowPorts | undefined {
  if (protocol === IpProtocol.tcp || protocol === IpProtocol.udp) {
    if (payload.length < 4) return undefined;
    return {
      protocol: protocol === IpProtocol.tcp ? 'tcp' : 'udp',
      sourcePort: readUint16(payload, 0),
      destinationPort: readUint16(payload, 2),
    };
  }
  const type = payload[0];
  if (protocol !== IpProtocol.icmp || (type !== IcmpType.echoRequest && type !== IcmpType.echoReply)) return undefined;
  if (payload.length < 8) return undefined;
  const identifier = readUint16(payload, 4);
  return { protocol: 'icmp', sourcePort: identifier, destinationPort: identifier };
}

function quotedFlowOf(payload: Uint8Array): QuotedFlow | undefined {
  const quoted = decodeQuotedIpv4(payload.subarray(8));
  if (!quoted.ok) return undefined;
  const { header, leadingPayload } = quoted.value;
  const ports = header.fragmentOffset === 0 ? portsOf(header.protocol, leadingPayload) : undefined;
  return { source: header.source, destination: header.destination, ...(ports ? { ports } : {}) };
}

export function natFlowOf(datagram: Ipv4Datagram): NatFlow {
  if (datagram.fragmentOffset !== 0) return { kind: 'portless' };
  const payload = datagram.payload;
  if (datagram.protocol === IpProtocol.icmp && ICMP_ERROR_TYPES.has(payload[0] ?? -1)) {
    const quoted = quotedFlowOf(payload);
    return quoted ? { kind: 'icmp-error', quoted } : { kind: 'portless' };
  }
  const ports = portsOf(datagram.protocol, payload);
  if (ports === undefined) return { kind: 'portless' };
  const tcpFlags = ports.protocol === 'tcp' && payload.length > TCP_FLAGS_OFFSET ? payload[TCP_FLAGS_OFFSET] : undefined;
  return { kind: 'ported', ...ports, ...(tcpFlags === undefined ? {} : { tcpFlags }) };
}
