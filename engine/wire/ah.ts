import { concatBytes, readUint16, readUint32, writeUint16, writeUint32 } from './bytes.ts';
import { decodeFailure, decodedOk, type Decoded } from './decoded.ts';
import { IpProtocol } from './ip-protocols.ts';
import type { Ipv4Address } from './ipv4-address.ts';
import {
  IPV4_MAX_HEADER_LENGTH, IPV4_MAX_TOTAL_LENGTH, IPV4_MIN_HEADER_LENGTH, IPV4_VERSION, ipv4EncodingProblem, type Ipv4Datagram,
} from './ipv4.ts';

/**
 * The IP Authentication Header (RFC 2402 2), no cryptography: next header, payload length,
 * reserved, SPI, sequence number and the ICV, followed by the payload it protects. Unlike
 * ESP's, AH's ICV also covers the IPv4 header in front of it (RFC 2402 3.3.3.1) with the
 * fields routers change on the way zeroed, so the ICV input is built from a whole datagram.
 * The ICV length belongs to the SA's algorithm; the caller supplies it.
 */

export interface AhHeader {
  /** The protocol of the payload: 4 (IP-in-IP) in tunnel mode, the transport protocol otherwise. */
  nextHeader: number;
  spi: number;
  sequenceNumber: number;
}

export interface AhPacket extends AhHeader {
  icv: Uint8Array;
  /** What follows the AH: the inner datagram or the transport payload. */
  payload: Uint8Array;
}

/** The fixed part as it arrived, with the field a receiver checks and the one it ignores. */
export interface ReceivedAhHeader extends AhHeader {
  /** RFC 2402 2.2: the AH's length in 32-bit words, minus 2. */
  payloadLength: number;
  /** RFC 2402 2.3: sent as zero, ignored on receipt, but covered by the ICV as received. */
  reserved: number;
}

export interface ReceivedAh extends AhPacket {
  reserved: number;
}

/** The outer header fields of an AH datagram; AH supplies the protocol and the payload. */
export type AhOuterFields = Omit<Ipv4Datagram, 'protocol' | 'payload'>;

/** Computes the ICV over the bytes `ahIcvInput` describes (the SA's keyed algorithm). */
export type IcvFunction = (icvInput: Uint8Array) => Uint8Array;

/** Next header, payload length, reserved, SPI and sequence number: three words before the ICV. */
export const AH_FIXED_LENGTH = 12;
/** RFC 2402 2.6: for IPv4 the whole AH is a multiple of 32 bits. */
const AH_ALIGNMENT = 4;
const MAX_PAYLOAD_LENGTH = 0xff;
const EMPTY = new Uint8Array(0);

/** The payload length field for an ICV of this many bytes (RFC 2402 2.2: in words, minus 2). */
export function ahPayloadLength(icvLength: number): number {
  return (AH_FIXED_LENGTH + icvLength) / AH_ALIGNMENT - 2;
}

/** Why an ICV of this length cannot go into an IPv4 AH, or undefined when it can. */
export function ahIcvLengthProblem(icvLength: number): string | undefined {
  if (!Number.isInteger(icvLength) || icvLength < 0) return `ICV length ${icvLength}`;
  if ((AH_FIXED_LENGTH + icvLength) % AH_ALIGNMENT !== 0) {
    return `an ICV of ${icvLength} bytes leaves the AH off a 32-bit boundary`;
  }
  if (ahPayloadLength(icvLength) > MAX_PAYLOAD_LENGTH) return `an ICV of ${icvLength} bytes overflows the payload length field`;
  return undefined;
}

/**
 * Encodes an AH and its payload; reserved goes out as zero (RFC 2402 2.3). Precondition:
 * `ahIcvLengthProblem(packet.icv.length)` is undefined; otherwise a RangeError.
 */
export function encodeAh(packet: AhPacket): Uint8Array {
  const problem = ahIcvLengthProblem(packet.icv.length);
  if (problem !== undefined) throw new RangeError(problem);
  const header = new Uint8Array(AH_FIXED_LENGTH);
  header[0] = packet.nextHeader & 0xff;
  header[1] = ahPayloadLength(packet.icv.length);
  writeUint32(header, 4, packet.spi >>> 0);
  writeUint32(header, 8, packet.sequenceNumber >>> 0);
  return concatBytes(header, packet.icv, packet.payload);
}

/** The fixed part alone: enough to find the SA by its SPI, which knows the ICV length. */
export function decodeAhHeader(bytes: Uint8Array): Decoded<ReceivedAhHeader> {
  if (bytes.length < AH_FIXED_LENGTH) {
    return decodeFailure('truncated', `AH needs ${AH_FIXED_LENGTH} bytes before the ICV, have ${bytes.length}`);
  }
  return decodedOk({
    nextHeader: bytes[0]!,
    payloadLength: bytes[1]!,
    reserved: readUint16(bytes, 2),
    spi: readUint32(bytes, 4),
    sequenceNumber: readUint32(bytes, 8),
  });
}

/**
 * Splits an AH packet (an IPv4 payload) by the SA's ICV length. The payload length field
 * must describe exactly that ICV: a peer using another algorithm, or garbage, shows here.
 */
export function decodeAh(bytes: Uint8Array, icvLength: number): Decoded<ReceivedAh> {
  const problem = ahIcvLengthProblem(icvLength);
  if (problem !== undefined) return decodeFailure('bad-length', problem);
  const header = decodeAhHeader(bytes);
  if (!header.ok) return header;
  const { payloadLength, ...fields } = header.value;
  const expected = ahPayloadLength(icvLength);
  if (payloadLength !== expected) {
    const detail = `payload length ${payloadLength} is not ${expected}, the length of an AH with a ${icvLength}-byte ICV`;
    return decodeFailure('bad-length', detail);
  }
  const ahLength = AH_FIXED_LENGTH + icvLength;
  if (bytes.length < ahLength) return decodeFailure('truncated', `AH of ${ahLength} bytes is cut at ${bytes.length}`);
  return decodedOk({ ...fields, icv: bytes.slice(AH_FIXED_LENGTH, ahLength), payload: bytes.slice(ahLength) });
}

/**
 * RFC 2402 Appendix A: the IPv4 options that enter the ICV as they are. Every other option,
 * whether Appendix A calls it mutable (record route, timestamp, source routes, traceroute),
 * experimental or superseded, or it is unknown, is zeroed whole, type and length included
 * (3.3.3.1.1.2); Linux's ip_clear_mutable_options makes the same choice for unknown ones.
 */
const IMMUTABLE_OPTIONS: ReadonlyMap<number, string> = new Map([
  [0, 'End of Options List'],
  [1, 'No Operation'],
  [130, 'Security'],
  [133, 'Extended Security'],
  [134, 'Commercial Security'],
  [148, 'Router Alert'],
  [149, 'Sender Directed Multi-Destination Delivery'],
]);
const OPTION_END_OF_LIST = 0;
const OPTION_NO_OPERATION = 1;
/** Loose and strict source route (RFC 791): the sender lists the final destination last. */
const SOURCE_ROUTE_OPTIONS: ReadonlySet<number> = new Set([131, 137]);
const SOURCE_ROUTE_PREFIX = 3;

interface ZeroedOptions {
  /** Padded to whole words, as `encodeIpv4` sends them. */
  options: Uint8Array;
  /** The last address of a source route option, if there is one. */
  finalDestination: Ipv4Address | undefined;
}

function finalAddressOf(options: Uint8Array, offset: number, length: number): Ipv4Address | undefined {
  const routeBytes = length - SOURCE_ROUTE_PREFIX;
  if (routeBytes < 4 || routeBytes % 4 !== 0) return undefined;
  return readUint32(options, offset + length - 4);
}

/**
 * Zeroes the mutable options of the list as it goes on the wire, padding included; a length
 * that runs past the list makes the header unreadable.
 */
function zeroMutableOptions(options: Uint8Array): Decoded<ZeroedOptions> {
  const out = new Uint8Array((options.length + 3) & ~3);
  out.set(options);
  let finalDestination: Ipv4Address | undefined;
  let offset = 0;
  while (offset < out.length && out[offset] !== OPTION_END_OF_LIST) {
    const type = out[offset]!;
    if (type === OPTION_NO_OPERATION) {
      offset++;
      continue;
    }
    const length = offset + 1 < out.length ? out[offset + 1]! : 0;
    if (length < 2 || offset + length > out.length) {
      return decodeFailure('bad-field', `IPv4 option ${type} at option byte ${offset} has length ${length}`);
    }
    if (SOURCE_ROUTE_OPTIONS.has(type)) finalDestination = finalAddressOf(out, offset, length) ?? finalDestination;
    if (!IMMUTABLE_OPTIONS.has(type)) out.fill(0, offset, offset + length);
    offset += length;
  }
  return decodedOk({ options: out, finalDestination });
}

/**
 * The ICV input of a datagram whose payload is an AH with room for the ICV: the header with
 * TOS, flags, fragment offset, TTL and checksum zeroed, then the AH with its ICV zeroed, then
 * the rest. `predictDestination` is for the sender of a source-routed datagram (3.3.3.1.1.1).
 */
function icvInput(datagram: Ipv4Datagram, icvLength: number, predictDestination: boolean): Decoded<Uint8Array> {
  const icvProblem = ahIcvLengthProblem(icvLength);
  if (icvProblem !== undefined) return decodeFailure('bad-length', icvProblem);
  const zeroed = zeroMutableOptions(datagram.options);
  if (!zeroed.ok) return zeroed;
  const headerLength = IPV4_MIN_HEADER_LENGTH + zeroed.value.options.length;
  const totalLength = headerLength + datagram.payload.length;
  if (headerLength > IPV4_MAX_HEADER_LENGTH) return decodeFailure('bad-length', `IPv4 header of ${headerLength} bytes`);
  if (totalLength > IPV4_MAX_TOTAL_LENGTH) return decodeFailure('bad-length', `datagram of ${totalLength} bytes`);
  const icvEnd = AH_FIXED_LENGTH + icvLength;
  if (datagram.payload.length < icvEnd) {
    return decodeFailure('truncated', `AH of ${icvEnd} bytes is cut at ${datagram.payload.length}`);
  }
  const destination = predictDestination ? (zeroed.value.finalDestination ?? datagram.destination) : datagram.destination;
  // Bytes 1 (TOS), 6-7 (flags, fragment offset), 8 (TTL) and 10-11 (checksum) stay zero.
  const bytes = new Uint8Array(totalLength);
  bytes[0] = (IPV4_VERSION << 4) | (headerLength / 4);
  writeUint16(bytes, 2, totalLength);
  writeUint16(bytes, 4, datagram.identification & 0xffff);
  bytes[9] = datagram.protocol & 0xff;
  writeUint32(bytes, 12, datagram.source >>> 0);
  writeUint32(bytes, 16, destination >>> 0);
  bytes.set(zeroed.value.options, IPV4_MIN_HEADER_LENGTH);
  bytes.set(datagram.payload, headerLength);
  bytes.fill(0, headerLength + AH_FIXED_LENGTH, headerLength + icvEnd);
  return decodedOk(bytes);
}

/**
 * The bytes the ICV of a received AH datagram covers (RFC 2402 3.3.3.1), from the fields
 * `decodeIpv4` gave: IHL and total length as they were on the wire (options included), the
 * AH exactly as received (reserved too) with its ICV zeroed. The destination is taken as it
 * arrived, which for a source-routed datagram is already the final one. Reassemble first:
 * flags and fragment offset are zeroed here, not checked.
 */
export function ahIcvInput(datagram: Ipv4Datagram, icvLength: number): Decoded<Uint8Array> {
  return icvInput(datagram, icvLength, false);
}

/** Why an AH datagram cannot be built from these fields and a payload of this length, or undefined. */
export function ahEncodingProblem(outer: AhOuterFields, payloadLength: number, icvLength: number): string | undefined {
  const icvProblem = ahIcvLengthProblem(icvLength);
  if (icvProblem !== undefined) return icvProblem;
  const headerProblem = ipv4EncodingProblem({ ...outer, protocol: IpProtocol.ah, payload: EMPTY });
  if (headerProblem !== undefined) return headerProblem;
  const zeroed = zeroMutableOptions(outer.options);
  if (!zeroed.ok) return zeroed.error.message;
  const totalLength = IPV4_MIN_HEADER_LENGTH + zeroed.value.options.length + AH_FIXED_LENGTH + icvLength + payloadLength;
  if (totalLength > IPV4_MAX_TOTAL_LENGTH) return `datagram too long (${totalLength} bytes)`;
  return undefined;
}

/**
 * The outbound datagram: the outer fields with protocol 51 and, as payload, the AH (its ICV
 * computed over the datagram as it will go out) followed by `payload`. Precondition:
 * `ahEncodingProblem(outer, payload.length, icvLength)` is undefined and `computeIcv` returns
 * `icvLength` bytes; otherwise a RangeError.
 */
export function buildAhDatagram(
  outer: AhOuterFields, header: AhHeader, payload: Uint8Array, icvLength: number, computeIcv: IcvFunction,
): Ipv4Datagram {
  const problem = ahEncodingProblem(outer, payload.length, icvLength);
  if (problem !== undefined) throw new RangeError(problem);
  const ah = encodeAh({ ...header, icv: new Uint8Array(icvLength), payload });
  const datagram: Ipv4Datagram = { ...outer, protocol: IpProtocol.ah, payload: ah };
  const input = icvInput(datagram, icvLength, true);
  if (!input.ok) throw new RangeError(input.error.message);
  const icv = computeIcv(input.value);
  if (icv.length !== icvLength) throw new RangeError(`ICV of ${icv.length} bytes, expected ${icvLength}`);
  ah.set(icv, AH_FIXED_LENGTH);
  return datagram;
}
