import { concatBytes, readUint32, viewOf, writeUint32 } from './bytes.ts';
import { decodeFailure, decodedOk, type Decoded } from './decoded.ts';

/**
 * ESP framing (RFC 2406 2), no cryptography: SPI, sequence number, the encrypted part
 * (IV then ciphertext) and the ICV, and the plaintext trailer (padding, pad length, next
 * header) that goes inside the encryption. The IV and ICV lengths belong to the SA's
 * algorithms, so the caller supplies them.
 */

export interface EspPacket {
  spi: number;
  sequenceNumber: number;
  iv: Uint8Array;
  ciphertext: Uint8Array;
  /** Integrity check value; empty for an SA without authentication. */
  icv: Uint8Array;
  /** A decoded packet's bytes that the ICV covers, as received (header, IV, ciphertext). */
  authenticated?: Uint8Array;
}

export interface EspFraming {
  ivLength: number;
  icvLength: number;
}

export interface EspHeader {
  spi: number;
  sequenceNumber: number;
}

/** A decrypted payload with its trailer taken off. */
export interface EspPlaintext {
  payload: Uint8Array;
  padLength: number;
  nextHeader: number;
}

export const ESP_HEADER_LENGTH = 8;
export const ESP_TRAILER_LENGTH = 2;
/** RFC 2406 2.4: pad length and next header end on a 4-byte boundary even without a block cipher. */
const ESP_ALIGNMENT = 4;
const MAX_PAD_LENGTH = 255;

/** SPI and sequence number: enough to find the SA that knows the rest of the framing. */
export function decodeEspHeader(bytes: Uint8Array): Decoded<EspHeader> {
  if (bytes.length < ESP_HEADER_LENGTH) {
    return decodeFailure('truncated', `ESP header needs ${ESP_HEADER_LENGTH} bytes, have ${bytes.length}`);
  }
  return decodedOk({ spi: readUint32(bytes, 0), sequenceNumber: readUint32(bytes, 4) });
}

/**
 * Splits a packet by the SA's IV and ICV lengths; the ciphertext may be empty. The parts are
 * views into `bytes`, which nobody changes once received: no copy of a packet's contents.
 */
export function decodeEsp(bytes: Uint8Array, framing: EspFraming): Decoded<EspPacket> {
  const header = decodeEspHeader(bytes);
  if (!header.ok) return header;
  const needed = ESP_HEADER_LENGTH + framing.ivLength + framing.icvLength;
  if (bytes.length < needed) {
    return decodeFailure('truncated', `ESP packet of ${bytes.length} bytes is shorter than header, IV and ICV (${needed})`);
  }
  const ivEnd = ESP_HEADER_LENGTH + framing.ivLength;
  const icvStart = bytes.length - framing.icvLength;
  return decodedOk({
    spi: header.value.spi,
    sequenceNumber: header.value.sequenceNumber,
    iv: viewOf(bytes, ESP_HEADER_LENGTH, ivEnd),
    ciphertext: viewOf(bytes, ivEnd, icvStart),
    icv: viewOf(bytes, icvStart),
    authenticated: viewOf(bytes, 0, icvStart),
  });
}

/** The bytes the ICV covers (RFC 2406 3.3.4): everything but the ICV itself. */
export function espAuthenticatedBytes(packet: EspPacket): Uint8Array {
  const header = new Uint8Array(ESP_HEADER_LENGTH);
  writeUint32(header, 0, packet.spi >>> 0);
  writeUint32(header, 4, packet.sequenceNumber >>> 0);
  return concatBytes(header, packet.iv, packet.ciphertext);
}

export function encodeEsp(packet: EspPacket): Uint8Array {
  return concatBytes(espAuthenticatedBytes(packet), packet.icv);
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/**
 * Appends the trailer: padding 1, 2, 3, ... (RFC 2406 2.4's default content), its length
 * and the next header, so that the result fills whole cipher blocks and ends 4-byte
 * aligned. Precondition: `blockSize` is an integer from 1 to 255; otherwise a RangeError.
 */
export function espPad(plaintext: Uint8Array, blockSize: number, nextHeader: number): Uint8Array {
  if (!Number.isInteger(blockSize) || blockSize < 1 || blockSize > MAX_PAD_LENGTH) {
    throw new RangeError(`ESP block size ${blockSize}`);
  }
  const alignment = (blockSize * ESP_ALIGNMENT) / greatestCommonDivisor(blockSize, ESP_ALIGNMENT);
  const padLength = (alignment - ((plaintext.length + ESP_TRAILER_LENGTH) % alignment)) % alignment;
  const out = new Uint8Array(plaintext.length + padLength + ESP_TRAILER_LENGTH);
  out.set(plaintext, 0);
  for (let i = 0; i < padLength; i++) out[plaintext.length + i] = i + 1;
  out[out.length - 2] = padLength;
  out[out.length - 1] = nextHeader & 0xff;
  return out;
}

/**
 * Takes the trailer off a decrypted payload. The padding must be the monotonic 1, 2, 3, ...
 * sequence: RFC 2406 2.4 lets a receiver check it, and a wrong key shows up here first.
 */
export function espUnpad(decrypted: Uint8Array): Decoded<EspPlaintext> {
  if (decrypted.length < ESP_TRAILER_LENGTH) {
    return decodeFailure('truncated', `decrypted ESP payload of ${decrypted.length} bytes has no trailer`);
  }
  const padLength = decrypted[decrypted.length - 2]!;
  const nextHeader = decrypted[decrypted.length - 1]!;
  const payloadLength = decrypted.length - ESP_TRAILER_LENGTH - padLength;
  if (payloadLength < 0) {
    return decodeFailure('bad-length', `pad length ${padLength} exceeds the ${decrypted.length - 2} bytes before the trailer`);
  }
  for (let i = 0; i < padLength; i++) {
    if (decrypted[payloadLength + i] !== i + 1) {
      return decodeFailure('bad-field', `padding byte ${i + 1} is ${decrypted[payloadLength + i]}, expected ${i + 1}`);
    }
  }
  return decodedOk({ payload: viewOf(decrypted, 0, payloadLength), padLength, nextHeader });
}
