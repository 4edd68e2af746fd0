import type { Ipv4Address } from './ipv4-address.ts';
import { readUint16, readUint32, writeUint16, writeUint32 } from './bytes.ts';
import { checksumVerifies, internetChecksum } from './checksum.ts';
import { decodeFailure, decodedOk, type Decoded } from './decoded.ts';

/** An IPv4 datagram (RFC 791) with the fields the engine sets; lengths and checksum are derived. */
export interface Ipv4Datagram {
  tos: number;
  identification: number;
  dontFragment: boolean;
  moreFragments: boolean;
  /** In 8-byte units, as on the wire. */
  fragmentOffset: number;
  ttl: number;
  protocol: number;
  source: Ipv4Address;
  destination: Ipv4Address;
  /** Header options, a multiple of 4 bytes once encoded (padded with end-of-list zeros). */
  options: Uint8Array;
  payload: Uint8Array;
}

export const IPV4_VERSION = 4;
export const IPV4_MIN_HEADER_LENGTH = 20;
export const IPV4_MAX_HEADER_LENGTH = 60;
export const IPV4_MAX_TOTAL_LENGTH = 0xffff;

const FLAG_DONT_FRAGMENT = 0x4000;
const FLAG_MORE_FRAGMENTS = 0x2000;
const FRAGMENT_OFFSET_MASK = 0x1fff;

function paddedOptionsLength(options: Uint8Array): number {
  return (options.length + 3) & ~3;
}

/** Why a datagram cannot be encoded, or undefined when it can. */
export function ipv4EncodingProblem(datagram: Ipv4Datagram): string | undefined {
  const headerLength = IPV4_MIN_HEADER_LENGTH + paddedOptionsLength(datagram.options);
  if (headerLength > IPV4_MAX_HEADER_LENGTH) return `options too long (${datagram.options.length} bytes)`;
  if (headerLength + datagram.payload.length > IPV4_MAX_TOTAL_LENGTH) {
    return `datagram too long (${headerLength + datagram.payload.length} bytes)`;
  }
  return undefined;
}

/**
 * Encodes a datagram, filling IHL, total length and the header checksum. Numeric fields are
 * masked to their widths. Precondition: `ipv4EncodingProblem(datagram)` is undefined;
 * violating it is a programming error and throws a RangeError.
 */
export function encodeIpv4(datagram: Ipv4Datagram): Uint8Array {
  const problem = ipv4EncodingProblem(datagram);
  if (problem !== undefined) throw new RangeError(problem);
  const headerLength = IPV4_MIN_HEADER_LENGTH + paddedOptionsLength(datagram.options);
  const bytes = new Uint8Array(headerLength + datagram.payload.length);
  bytes[0] = (IPV4_VERSION << 4) | (headerLength / 4);
  bytes[1] = datagram.tos & 0xff;
  writeUint16(bytes, 2, bytes.length);
  writeUint16(bytes, 4, datagram.identification & 0xffff);
  const flags = (datagram.dontFragment ? FLAG_DONT_FRAGMENT : 0) | (datagram.moreFragments ? FLAG_MORE_FRAGMENTS : 0);
  writeUint16(bytes, 6, flags | (datagram.fragmentOffset & FRAGMENT_OFFSET_MASK));
  bytes[8] = datagram.ttl & 0xff;
  bytes[9] = datagram.protocol & 0xff;
  writeUint32(bytes, 12, datagram.source);
  writeUint32(bytes, 16, datagram.destination);
  bytes.set(datagram.options, IPV4_MIN_HEADER_LENGTH);
  writeUint16(bytes, 10, internetChecksum(bytes.subarray(0, headerLength)));
  bytes.set(datagram.payload, headerLength);
  return bytes;
}

/** Checks the fixed header without looking at the checksum; returns the header and total lengths. */
function checkIpv4Framing(bytes: Uint8Array): Decoded<{ headerLength: number; totalLength: number }> {
  if (bytes.length < IPV4_MIN_HEADER_LENGTH) {
    return decodeFailure('truncated', `IPv4 header needs 20 bytes, have ${bytes.length}`);
  }
  const version = bytes[0]! >> 4;
  if (version !== IPV4_VERSION) return decodeFailure('bad-version', `IP version ${version}, expected 4`);
  const headerLength = (bytes[0]! & 0x0f) * 4;
  if (headerLength < IPV4_MIN_HEADER_LENGTH) {
    return decodeFailure('bad-length', `IHL ${headerLength / 4} is below the minimum of 5`);
  }
  const totalLength = readUint16(bytes, 2);
  if (totalLength < headerLength) {
    return decodeFailure('bad-length', `total length ${totalLength} is shorter than the ${headerLength}-byte header`);
  }
  if (totalLength > bytes.length) {
    return decodeFailure('truncated', `total length ${totalLength} exceeds the ${bytes.length} bytes received`);
  }
  return decodedOk({ headerLength, totalLength });
}

/** Reads the header fields of a framed datagram; copies options and payload. */
function readIpv4Fields(bytes: Uint8Array, headerLength: number, totalLength: number): Ipv4Datagram {
  const flagsAndOffset = readUint16(bytes, 6);
  return {
    tos: bytes[1]!,
    identification: readUint16(bytes, 4),
    dontFragment: (flagsAndOffset & FLAG_DONT_FRAGMENT) !== 0,
    moreFragments: (flagsAndOffset & FLAG_MORE_FRAGMENTS) !== 0,
    fragmentOffset: flagsAndOffset & FRAGMENT_OFFSET_MASK,
    ttl: bytes[8]!,
    protocol: bytes[9]!,
    source: readUint32(bytes, 12),
    destination: readUint32(bytes, 16),
    options: bytes.slice(IPV4_MIN_HEADER_LENGTH, headerLength),
    payload: bytes.slice(headerLength, totalLength),
  };
}

/**
 * Decodes a datagram: version 4, IHL at least 5, total length within the buffer, header
 * checksum verified. Bytes past the total length (link padding) are ignored.
 */
export function decodeIpv4(bytes: Uint8Array): Decoded<Ipv4Datagram> {
  const framing = checkIpv4Framing(bytes);
  if (!framing.ok) return framing;
  const { headerLength, totalLength } = framing.value;
  if (!checksumVerifies(bytes.subarray(0, headerLength))) {
    return decodeFailure('bad-checksum', `IPv4 header checksum 0x${readUint16(bytes, 10).toString(16)} is wrong`);
  }
  return decodedOk(readIpv4Fields(bytes, headerLength, totalLength));
}

/** The header fields of a datagram quoted inside an ICMP error, and the bytes of it that follow. */
export interface QuotedDatagram {
  header: Ipv4Datagram;
  /** The start of the quoted payload (RFC 792: at least the first 8 bytes). */
  leadingPayload: Uint8Array;
}

/**
 * Reads the datagram an ICMP error quotes: only its header and first payload bytes are
 * there, so total length is not held against the buffer and the checksum is not verified
 * (the sender may have changed TTL in flight, as RFC 1812 allows).
 */
export function decodeQuotedIpv4(bytes: Uint8Array): Decoded<QuotedDatagram> {
  if (bytes.length < IPV4_MIN_HEADER_LENGTH) {
    return decodeFailure('truncated', `quoted header needs 20 bytes, have ${bytes.length}`);
  }
  const version = bytes[0]! >> 4;
  if (version !== IPV4_VERSION) return decodeFailure('bad-version', `quoted IP version ${version}`);
  const headerLength = (bytes[0]! & 0x0f) * 4;
  if (headerLength < IPV4_MIN_HEADER_LENGTH) return decodeFailure('bad-length', `quoted IHL ${headerLength / 4}`);
  if (headerLength > bytes.length) return decodeFailure('truncated', `quoted header of ${headerLength} bytes is cut`);
  const header = readIpv4Fields(bytes, headerLength, headerLength);
  return decodedOk({ header, leadingPayload: bytes.slice(headerLength) });
}
