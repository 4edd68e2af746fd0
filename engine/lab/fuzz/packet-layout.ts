import { concatBytes, readUint16, readUint32, writeUint16 } from '../../wire/bytes.ts';
import { internetChecksum, pseudoHeaderSum } from '../../wire/checksum.ts';
import { IpProtocol } from '../../wire/ip-protocols.ts';

/**
 * The layout of a captured datagram as the mutators see it: where the outer headers end and
 * the protocol body (an ISAKMP message, an ESP or AH packet) begins, and the named regions of
 * that body. Read straight from the bytes, without the codecs' checks, because a mutated
 * datagram is dissected again (for splicing) and must not be refused for being odd.
 */

export type PacketKind = 'isakmp' | 'esp' | 'ah' | 'other';

export interface Dissected {
  /** The datagram as captured; never written to. */
  readonly bytes: Uint8Array;
  readonly kind: PacketKind;
  readonly ipHeaderLength: number;
  /** Where the body starts: after the UDP header for ISAKMP, after the IPv4 header otherwise. */
  readonly bodyOffset: number;
}

/** A named byte range of a body, [start, end). */
export interface Region {
  name: string;
  start: number;
  end: number;
}

/** The generic payload header of an unencrypted ISAKMP payload: its offset in the body and type. */
export interface PayloadHeaderAt {
  offset: number;
  type: number;
}

const UDP_HEADER = 8;
const ISAKMP_PORT = 500;
export const ISAKMP_HEADER = 28;
const ISAKMP_ENCRYPTED = 0x01;
export const ESP_FIXED = 8;
export const AH_FIXED = 12;
/** The lab's transforms: DES (8-byte IV) and HMAC-96 (12-byte ICV). */
const ESP_IV = 8;
const ICV = 12;

export function dissect(bytes: Uint8Array): Dissected {
  const ipHeaderLength = bytes.length >= 20 ? (bytes[0]! & 0x0f) * 4 : bytes.length;
  const protocol = bytes[9];
  const kind: PacketKind = protocol === IpProtocol.esp ? 'esp'
    : protocol === IpProtocol.ah ? 'ah'
      : protocol === IpProtocol.udp && bytes.length >= ipHeaderLength + UDP_HEADER
        && readUint16(bytes, ipHeaderLength + 2) === ISAKMP_PORT ? 'isakmp' : 'other';
  const bodyOffset = Math.min(bytes.length, kind === 'isakmp' ? ipHeaderLength + UDP_HEADER : ipHeaderLength);
  return { bytes, kind, ipHeaderLength, bodyOffset };
}

export function bodyOf(packet: Dissected): Uint8Array {
  return packet.bytes.slice(packet.bodyOffset);
}

export function sourceOf(packet: Dissected): number {
  return readUint32(packet.bytes, 12);
}

export function destinationOf(packet: Dissected): number {
  return readUint32(packet.bytes, 16);
}

/**
 * The datagram with a new body behind the captured outer headers, whose lengths and checksums
 * are made right again: a mutation of the body must reach the protocol code, not die in IPv4.
 */
export function withBody(packet: Dissected, body: Uint8Array): Uint8Array {
  const room = 0xffff - packet.bodyOffset;
  const out = concatBytes(packet.bytes.subarray(0, packet.bodyOffset), body.length > room ? body.subarray(0, room) : body);
  return fixOuterHeaders(out, packet.kind === 'isakmp');
}

/** Rewrites the IPv4 total length and checksum, and the UDP length and checksum when asked. */
export function fixOuterHeaders(datagram: Uint8Array, udp: boolean): Uint8Array {
  const ihl = (datagram[0]! & 0x0f) * 4;
  writeUint16(datagram, 2, datagram.length);
  if (udp) fixUdp(datagram, ihl);
  fixIpChecksum(datagram);
  return datagram;
}

export function fixIpChecksum(datagram: Uint8Array): void {
  const ihl = (datagram[0]! & 0x0f) * 4;
  if (ihl < 20 || ihl > datagram.length) return;
  writeUint16(datagram, 10, 0);
  writeUint16(datagram, 10, internetChecksum(datagram.subarray(0, ihl)));
}

function fixUdp(datagram: Uint8Array, ihl: number): void {
  const segment = datagram.subarray(ihl);
  if (segment.length < UDP_HEADER) return;
  writeUint16(segment, 4, segment.length);
  writeUint16(segment, 6, 0);
  const sum = internetChecksum(segment, pseudoHeaderSum(readUint32(datagram, 12), readUint32(datagram, 16), IpProtocol.udp, segment.length));
  writeUint16(segment, 6, sum === 0 ? 0xffff : sum);
}

export function isEncryptedIsakmp(body: Uint8Array): boolean {
  return body.length >= ISAKMP_HEADER && (body[19]! & ISAKMP_ENCRYPTED) !== 0;
}

/** The generic payload headers of a clear ISAKMP message, as far as their lengths hold. */
export function isakmpPayloadHeaders(body: Uint8Array): PayloadHeaderAt[] {
  if (body.length < ISAKMP_HEADER || isEncryptedIsakmp(body)) return [];
  const found: PayloadHeaderAt[] = [];
  let type = body[16]!;
  let offset = ISAKMP_HEADER;
  while (type !== 0 && offset + 4 <= body.length && found.length < 32) {
    found.push({ offset, type });
    const length = readUint16(body, offset + 2);
    if (length < 4) break;
    type = body[offset]!;
    offset += length;
  }
  return found;
}

/** Where an ESP header starts in a body: at 0 for ESP, after the AH when AH carries ESP. */
export function espOffset(packet: Dissected, body: Uint8Array): number | undefined {
  if (packet.kind === 'esp') return 0;
  if (packet.kind !== 'ah' || body.length < AH_FIXED || body[0] !== IpProtocol.esp) return undefined;
  const offset = (body[1]! + 2) * 4;
  return offset + ESP_FIXED <= body.length ? offset : undefined;
}

/** The named regions of a body, for mutations that aim at one field or part. */
export function regionsOf(packet: Dissected, body: Uint8Array): Region[] {
  const regions: Region[] = [];
  const add = (name: string, start: number, end: number): void => {
    const clipped = Math.min(end, body.length);
    if (start < clipped) regions.push({ name, start, end: clipped });
  };
  if (packet.kind === 'isakmp') {
    add('isakmp cookies', 0, 16);
    add('isakmp header fields', 16, ISAKMP_HEADER);
    add(isEncryptedIsakmp(body) ? 'isakmp encrypted body' : 'isakmp payloads', ISAKMP_HEADER, body.length);
    return regions;
  }
  if (packet.kind === 'ah') {
    add('ah header', 0, AH_FIXED);
    add('ah icv', AH_FIXED, AH_FIXED + ICV);
  }
  const esp = espOffset(packet, body);
  if (esp !== undefined) {
    add('esp spi', esp, esp + 4);
    add('esp sequence', esp + 4, esp + ESP_FIXED);
    add('esp iv', esp + ESP_FIXED, esp + ESP_FIXED + ESP_IV);
    add('esp ciphertext', esp + ESP_FIXED + ESP_IV, body.length - ICV);
    add('esp icv', Math.max(esp + ESP_FIXED + ESP_IV, body.length - ICV), body.length);
  } else if (packet.kind === 'ah') {
    add('ah payload', AH_FIXED + ICV, body.length);
  }
  if (regions.length === 0) add('body', 0, body.length);
  return regions;
}
