import type { Ipv4Address } from '../wire/ipv4-address.ts';
import { readUint16, readUint32, writeUint16, writeUint32 } from '../wire/bytes.ts';
import { onesComplementSum } from '../wire/checksum.ts';
import { IPV4_MIN_HEADER_LENGTH, type Ipv4Datagram } from '../wire/ipv4.ts';
import { IcmpType, IpProtocol } from '../wire/ip-protocols.ts';

/**
 * Rewriting addresses and ports of datagrams in flight, with the checksums kept right the
 * way RFC 1624 says (incremental update), so a checksum that was wrong stays wrong. The
 * IPv4 header checksum needs no care: it is computed whenever a datagram is encoded.
 */

/** RFC 1624 equation 3, HC' = ~(~HC + ~m + m'), with m and m' given as one's complement sums. */
export function adjustChecksum(checksum: number, oldSum: number, newSum: number): number {
  return ~wordsSum([~checksum, ~oldSum, newSum]) & 0xffff;
}

/** The folded one's complement sum of 16-bit words. */
function wordsSum(words: readonly number[]): number {
  let sum = 0;
  for (const word of words) sum += word & 0xffff;
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return sum;
}

function addressWords(address: Ipv4Address): number[] {
  return [address >>> 16, address & 0xffff];
}

/** The transport fields NAT tells flows apart by, at their offsets in the IP payload. */
interface TransportLayout {
  sourcePortOffset: number;
  destinationPortOffset: number;
  checksumOffset: number;
  /** UDP and TCP checksums cover the addresses through the pseudo-header; ICMP's does not. */
  pseudoHeader: boolean;
  /** UDP's checksum 0 means "none" and must stay 0. */
  zeroMeansNone: boolean;
  minimumLength: number;
}

const UDP_LAYOUT: TransportLayout = {
  sourcePortOffset: 0, destinationPortOffset: 2, checksumOffset: 6, pseudoHeader: true, zeroMeansNone: true, minimumLength: 8,
};
const TCP_LAYOUT: TransportLayout = {
  sourcePortOffset: 0, destinationPortOffset: 2, checksumOffset: 16, pseudoHeader: true, zeroMeansNone: false, minimumLength: 18,
};
/** An echo's identifier stands for both ports. */
const ICMP_ECHO_LAYOUT: TransportLayout = {
  sourcePortOffset: 4, destinationPortOffset: 4, checksumOffset: 2, pseudoHeader: false, zeroMeansNone: false, minimumLength: 8,
};

function layoutOf(protocol: number, payload: Uint8Array): TransportLayout | undefined {
  if (protocol === IpProtocol.udp) return UDP_LAYOUT;
  if (protocol === IpProtocol.tcp) return TCP_LAYOUT;
  const type = payload[0];
  if (protocol === IpProtocol.icmp && (type === IcmpType.echoRequest || type === IcmpType.echoReply)) return ICMP_ECHO_LAYOUT;
  return undefined;
}

export type NatSide = 'source' | 'destination';

/** Where an address (and, for flows with ports, a port) is changed to. */
export interface Rewrite {
  address: Ipv4Address;
  port?: number;
}

/**
 * Changes the address and port on one side of a transport segment (`bytes`, a copy the
 * caller owns) and adjusts its checksum. `oldAddress` matters only under a pseudo-header.
 * A segment too short to hold the fields (a truncated quote) keeps what it cannot reach.
 */
function rewriteTransport(bytes: Uint8Array, protocol: number, side: NatSide, oldAddress: Ipv4Address, to: Rewrite): void {
  const layout = layoutOf(protocol, bytes);
  if (layout === undefined) return;
  const portOffset = side === 'source' ? layout.sourcePortOffset : layout.destinationPortOffset;
  const oldWords: number[] = [];
  const newWords: number[] = [];
  if (layout.pseudoHeader) {
    oldWords.push(...addressWords(oldAddress));
    newWords.push(...addressWords(to.address));
  }
  if (to.port !== undefined && bytes.length >= portOffset + 2) {
    oldWords.push(readUint16(bytes, portOffset));
    newWords.push(to.port);
    writeUint16(bytes, portOffset, to.port);
  }
  if (bytes.length < layout.checksumOffset + 2) return;
  const checksum = readUint16(bytes, layout.checksumOffset);
  if (layout.zeroMeansNone && checksum === 0) return;
  const adjusted = adjustChecksum(checksum, wordsSum(oldWords), wordsSum(newWords));
  writeUint16(bytes, layout.checksumOffset, layout.zeroMeansNone && adjusted === 0 ? 0xffff : adjusted);
}

/**
 * A copy of `datagram` with the source or destination address (and port, or echo identifier)
 * changed. Later fragments carry no transport header: only their address changes.
 */
export function rewriteDatagram(datagram: Ipv4Datagram, side: NatSide, to: Rewrite): Ipv4Datagram {
  const oldAddress = side === 'source' ? datagram.source : datagram.destination;
  const payload = datagram.payload.slice();
  if (datagram.fragmentOffset === 0) rewriteTransport(payload, datagram.protocol, side, oldAddress, to);
  return { ...datagram, [side]: to.address, payload };
}

/** The first bytes of the datagram an ICMP error quotes start after the 8-byte ICMP header. */
const ICMP_ERROR_QUOTE_OFFSET = 8;
const IPV4_SOURCE_OFFSET = 12;
const IPV4_DESTINATION_OFFSET = 16;
const IPV4_CHECKSUM_OFFSET = 10;
const IPV4_PROTOCOL_OFFSET = 9;

/**
 * Rewrites one side of the datagram quoted in an ICMP error (`message` is the ICMP message,
 * a copy the caller owns): its address with the quoted header's checksum, its port with the
 * quoted transport checksum, then the ICMP checksum over all of it.
 */
function rewriteQuote(message: Uint8Array, side: NatSide, to: Rewrite): void {
  const quote = message.subarray(ICMP_ERROR_QUOTE_OFFSET);
  const headerLength = ((quote[0] ?? 0) & 0x0f) * 4;
  if (quote.length < IPV4_MIN_HEADER_LENGTH || headerLength < IPV4_MIN_HEADER_LENGTH || quote.length < headerLength) return;
  const oldSum = onesComplementSum(message);
  const addressOffset = side === 'source' ? IPV4_SOURCE_OFFSET : IPV4_DESTINATION_OFFSET;
  const oldAddress = readUint32(quote, addressOffset);
  const headerChecksum = readUint16(quote, IPV4_CHECKSUM_OFFSET);
  const newHeaderChecksum = adjustChecksum(headerChecksum, wordsSum(addressWords(oldAddress)), wordsSum(addressWords(to.address)));
  writeUint32(quote, addressOffset, to.address);
  writeUint16(quote, IPV4_CHECKSUM_OFFSET, newHeaderChecksum);
  const fragmentOffset = readUint16(quote, 6) & 0x1fff;
  if (fragmentOffset === 0) rewriteTransport(quote.subarray(headerLength), quote[IPV4_PROTOCOL_OFFSET]!, side, oldAddress, to);
  const checksum = readUint16(message, 2);
  writeUint16(message, 2, adjustChecksum(checksum, oldSum, onesComplementSum(message)));
}

/**
 * A copy of an ICMP error with its outer address on `outerSide` changed and the quoted
 * datagram's `quotedSide` changed to match: an error about a translated datagram must
 * quote it as its sender sent it, or the sender cannot tell which of its flows it is about.
 */
export function rewriteIcmpError(
  datagram: Ipv4Datagram, outerSide: NatSide, outerAddress: Ipv4Address, quotedSide: NatSide, quoted: Rewrite,
): Ipv4Datagram {
  const payload = datagram.payload.slice();
  rewriteQuote(payload, quotedSide, quoted);
  return { ...datagram, [outerSide]: outerAddress, payload };
}
