/**
 * One captured frame as a packet list shows it: who sent it to whom, the protocol and a line of
 * information, decoded with tedlab's own codecs. ISAKMP messages are named and decrypted by the
 * IsakmpReader (which Wireshark cannot do for the TED probe and reply); ESP shows its SPI and
 * sequence number.
 */
import { decodeTaggedEthernet } from '../../wire/dot1q.ts';
import {
  ArpOperation, EtherType, IpProtocol, LINKTYPE_ETHERNET, LINKTYPE_IPV4, LINKTYPE_PPP_HDLC, LINKTYPE_RAW, decodeArp,
  decodeEspHeader, decodeIcmp, decodeIpv4, decodeUdp, formatIpv4, formatMacIos, type Ipv4Datagram,
} from '../../wire/index.ts';
import { decodeSerialFrame, ipv4ProtocolOf } from '../../wire/serial-frames.ts';
import type { IsakmpMessageView, IsakmpReader } from './isakmp-reader.ts';

/** A frame as a link carried it, with the names of the ends that sent it and took it. */
export interface CapturedFrame {
  readonly timeMs: number;
  readonly link: string;
  /** The pcap link type the frame is framed in: Ethernet, PPP/Cisco HDLC (50), raw IPv4. */
  readonly linkType: number;
  readonly from: string;
  /** The end the frame was addressed to; undefined for a broadcast. */
  readonly to: string | undefined;
  readonly bytes: Uint8Array;
  /** The link lost it: to its loss rate, or in flight when the link went down. */
  readonly lost?: boolean;
}

export type PacketProtocol = 'ARP' | 'ISAKMP' | 'ESP' | 'AH' | 'ICMP' | 'UDP' | 'TCP' | 'IPv4' | 'other';

export interface PacketView {
  readonly frame: CapturedFrame;
  /** Network addresses where there are some, else the link-layer ones. */
  readonly source: string;
  readonly destination: string;
  readonly protocol: PacketProtocol;
  readonly info: string;
  readonly isakmp?: IsakmpMessageView;
  readonly esp?: { readonly spi: number; readonly sequence: number };
}

const ISAKMP_PORT = 500;

type Network = { kind: 'ipv4'; bytes: Uint8Array } | { kind: 'arp'; bytes: Uint8Array } | { kind: 'other'; what: string };

/** What a frame carries, its link-layer framing taken off (an 802.1Q tag too). */
function networkLayer(linkType: number, bytes: Uint8Array): Network {
  if (linkType === LINKTYPE_RAW || linkType === LINKTYPE_IPV4) return { kind: 'ipv4', bytes };
  if (linkType === LINKTYPE_PPP_HDLC) return serialPayload(bytes);
  if (linkType !== LINKTYPE_ETHERNET) return { kind: 'other', what: `link type ${linkType}` };
  const frame = decodeTaggedEthernet(bytes);
  if (!frame.ok) return { kind: 'other', what: 'malformed Ethernet frame' };
  const { etherType, payload } = frame.value;
  if (etherType === EtherType.ipv4) return { kind: 'ipv4', bytes: payload };
  if (etherType === EtherType.arp) return { kind: 'arp', bytes: payload };
  return { kind: 'other', what: `EtherType 0x${etherType.toString(16).padStart(4, '0')}` };
}

/** A serial line's frame: Cisco HDLC or PPP, told apart by its first byte (LINKTYPE_PPP_HDLC). */
function serialPayload(bytes: Uint8Array): Network {
  const frame = decodeSerialFrame(bytes);
  if (!frame.ok) return { kind: 'other', what: 'malformed serial frame' };
  const { encapsulation, protocol, payload } = frame.value;
  if (protocol === ipv4ProtocolOf(encapsulation)) return { kind: 'ipv4', bytes: payload };
  const name = encapsulation === 'hdlc' ? 'Cisco HDLC' : 'PPP';
  return { kind: 'other', what: `${name} protocol 0x${protocol.toString(16).padStart(4, '0')}` };
}

export class PacketDecoder {
  constructor(private readonly isakmp: IsakmpReader) {}

  decode(frame: CapturedFrame): PacketView {
    const network = networkLayer(frame.linkType, frame.bytes);
    if (network.kind === 'arp') return arpView(frame, network.bytes);
    if (network.kind === 'other') return { frame, source: frame.from, destination: frame.to ?? 'broadcast', protocol: 'other', info: network.what };
    const ip = decodeIpv4(network.bytes);
    if (!ip.ok) return { frame, source: frame.from, destination: frame.to ?? 'broadcast', protocol: 'other', info: 'malformed IPv4 datagram' };
    const addresses = { frame, source: formatIpv4(ip.value.source), destination: formatIpv4(ip.value.destination) };
    return { ...addresses, ...this.transport(ip.value, `${frame.link}/${frame.from}`) };
  }

  private transport(ip: Ipv4Datagram, sender: string): Omit<PacketView, 'frame' | 'source' | 'destination'> {
    switch (ip.protocol) {
      case IpProtocol.udp:
        return this.udp(ip, sender);
      case IpProtocol.esp: {
        const esp = decodeEspHeader(ip.payload);
        if (!esp.ok) return { protocol: 'ESP', info: 'malformed ESP header' };
        const { spi, sequenceNumber } = esp.value;
        return { protocol: 'ESP', info: `ESP (SPI=0x${hex32(spi)}) seq=${sequenceNumber}`, esp: { spi, sequence: sequenceNumber } };
      }
      case IpProtocol.ah:
        return { protocol: 'AH', info: ip.payload.length >= 8 ? `AH (SPI=0x${hex32(readUint32(ip.payload, 4))})` : 'malformed AH header' };
      case IpProtocol.icmp:
        return { protocol: 'ICMP', info: icmpInfo(ip) };
      case IpProtocol.tcp:
        return { protocol: 'TCP', info: `TCP, ${ip.payload.length} bytes` };
      default:
        return { protocol: 'IPv4', info: `IP protocol ${ip.protocol}` };
    }
  }

  private udp(ip: Ipv4Datagram, sender: string): Omit<PacketView, 'frame' | 'source' | 'destination'> {
    const udp = decodeUdp(ip.payload, ip.source, ip.destination);
    if (!udp.ok) return { protocol: 'UDP', info: 'malformed UDP datagram' };
    const { sourcePort, destinationPort, payload } = udp.value;
    const ports = `${sourcePort} → ${destinationPort}`;
    if (sourcePort === ISAKMP_PORT || destinationPort === ISAKMP_PORT) {
      const view = this.isakmp.read(payload, sender);
      if (view !== undefined) return { protocol: 'ISAKMP', info: isakmpInfo(view), isakmp: view };
    }
    return { protocol: 'UDP', info: `${ports} Len=${payload.length}` };
  }
}

/** `MM5 (retransmission): ID, HASH`; `QM1: (encrypted)` without the key. */
export function isakmpInfo(view: IsakmpMessageView): string {
  const again = view.retransmission ? ' (retransmission)' : '';
  const payloads = view.payloads === undefined ? '(encrypted)' : view.payloads.join(', ');
  const id = view.messageId === 0 ? '' : ` M-ID=0x${hex32(view.messageId)}`;
  return `${view.label}${again}${id}: ${payloads}`;
}

function arpView(frame: CapturedFrame, bytes: Uint8Array): PacketView {
  const arp = decodeArp(bytes);
  const base = { frame, source: frame.from, destination: frame.to ?? 'broadcast', protocol: 'ARP' as const };
  if (!arp.ok) return { ...base, info: 'malformed ARP packet' };
  const { operation, senderAddress, senderMac, targetAddress } = arp.value;
  const info = operation === ArpOperation.request
    ? `Who has ${formatIpv4(targetAddress)}? Tell ${formatIpv4(senderAddress)}`
    : `${formatIpv4(senderAddress)} is at ${formatMacIos(senderMac)}`;
  return { ...base, info };
}

function icmpInfo(ip: Ipv4Datagram): string {
  const icmp = decodeIcmp(ip.payload);
  if (!icmp.ok) return 'malformed ICMP message';
  const message = icmp.value;
  switch (message.kind) {
    case 'echo-request':
    case 'echo-reply':
      return `Echo ${message.kind === 'echo-request' ? 'request' : 'reply'} id=${message.identifier} seq=${message.sequence} ttl=${ip.ttl}`;
    case 'destination-unreachable':
      return `Destination unreachable (code ${message.code})`;
    case 'time-exceeded':
      return 'Time-to-live exceeded';
    default:
      return `ICMP type ${message.type} code ${message.code}`;
  }
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0;
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
