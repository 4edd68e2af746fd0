import type { Ipv4Address } from './ipv4-address.ts';
import { readUint16, writeUint16 } from './bytes.ts';
import { internetChecksum, onesComplementSum, pseudoHeaderSum } from './checksum.ts';
import { decodeFailure, decodedOk, type Decoded } from './decoded.ts';
import { IpProtocol } from './ip-protocols.ts';

/** A UDP datagram (RFC 768); length and checksum are derived. */
export interface UdpDatagram {
  sourcePort: number;
  destinationPort: number;
  payload: Uint8Array;
}

export const UDP_HEADER_LENGTH = 8;
export const UDP_MAX_PAYLOAD = 0xffff - UDP_HEADER_LENGTH;

/**
 * Encodes with the checksum over the IPv4 pseudo-header; a computed checksum of zero is sent
 * as 0xffff because zero means "no checksum" (RFC 768). Precondition: the payload fits
 * (UDP_MAX_PAYLOAD); a longer one is a programming error and throws a RangeError.
 */
export function encodeUdp(datagram: UdpDatagram, source: Ipv4Address, destination: Ipv4Address): Uint8Array {
  if (datagram.payload.length > UDP_MAX_PAYLOAD) throw new RangeError(`UDP payload of ${datagram.payload.length} bytes`);
  const bytes = new Uint8Array(UDP_HEADER_LENGTH + datagram.payload.length);
  writeUint16(bytes, 0, datagram.sourcePort & 0xffff);
  writeUint16(bytes, 2, datagram.destinationPort & 0xffff);
  writeUint16(bytes, 4, bytes.length);
  bytes.set(datagram.payload, UDP_HEADER_LENGTH);
  const checksum = internetChecksum(bytes, pseudoHeaderSum(source, destination, IpProtocol.udp, bytes.length));
  writeUint16(bytes, 6, checksum === 0 ? 0xffff : checksum);
  return bytes;
}

/**
 * Decodes a UDP datagram carried from `source` to `destination`. The length field must lie
 * between 8 and the bytes present (anything after it is ignored); a non-zero checksum must
 * verify over the pseudo-header.
 */
export function decodeUdp(bytes: Uint8Array, source: Ipv4Address, destination: Ipv4Address): Decoded<UdpDatagram> {
  if (bytes.length < UDP_HEADER_LENGTH) {
    return decodeFailure('truncated', `UDP header needs 8 bytes, have ${bytes.length}`);
  }
  const length = readUint16(bytes, 4);
  if (length < UDP_HEADER_LENGTH) return decodeFailure('bad-length', `UDP length ${length} is below 8`);
  if (length > bytes.length) {
    return decodeFailure('truncated', `UDP length ${length} exceeds the ${bytes.length} bytes received`);
  }
  const segment = bytes.subarray(0, length);
  const checksum = readUint16(bytes, 6);
  if (checksum !== 0) {
    const sum = onesComplementSum(segment, pseudoHeaderSum(source, destination, IpProtocol.udp, length));
    if (sum !== 0xffff) return decodeFailure('bad-checksum', `UDP checksum 0x${checksum.toString(16)} is wrong`);
  }
  return decodedOk({
    sourcePort: readUint16(bytes, 0),
    destinationPort: readUint16(bytes, 2),
    payload: bytes.slice(UDP_HEADER_LENGTH, length),
  });
}
