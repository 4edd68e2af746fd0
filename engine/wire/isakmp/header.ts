import { readUint32, writeUint32 } from '../bytes.ts';
import { decodeFailure, decodedOk, type Decoded } from '../decoded.ts';
import { COOKIE_LENGTH, ISAKMP_HEADER_LENGTH } from './constants.ts';

/**
 * The fixed ISAKMP header (RFC 2408 3.1) without the two fields the encoder derives: the
 * type of the first payload and the message length.
 */
export interface IsakmpHeader {
  initiatorCookie: Uint8Array;
  responderCookie: Uint8Array;
  majorVersion: number;
  minorVersion: number;
  exchangeType: number;
  /** IsakmpFlag bits; the encoder sets the E bit from the body, whatever this says. */
  flags: number;
  messageId: number;
}

/** The header as it arrived, with the derived fields as they were sent. */
export interface ReceivedIsakmpHeader extends IsakmpHeader {
  nextPayload: number;
  length: number;
}

/**
 * Reads the 28-byte header and checks its length field against the buffer: at least the
 * header, at most the bytes received. The version is not judged here, so a caller can
 * still answer a message of another version.
 */
export function decodeIsakmpHeader(bytes: Uint8Array): Decoded<ReceivedIsakmpHeader> {
  if (bytes.length < ISAKMP_HEADER_LENGTH) {
    return decodeFailure('truncated', `ISAKMP header needs ${ISAKMP_HEADER_LENGTH} bytes, have ${bytes.length}`);
  }
  const length = readUint32(bytes, 24);
  if (length < ISAKMP_HEADER_LENGTH) {
    return decodeFailure('bad-length', `ISAKMP length ${length} is shorter than the header`);
  }
  if (length > bytes.length) {
    return decodeFailure('truncated', `ISAKMP length ${length} exceeds the ${bytes.length} bytes received`);
  }
  return decodedOk({
    initiatorCookie: new Uint8Array(bytes.subarray(0, COOKIE_LENGTH)),
    responderCookie: new Uint8Array(bytes.subarray(COOKIE_LENGTH, 2 * COOKIE_LENGTH)),
    nextPayload: bytes[16]!,
    majorVersion: bytes[17]! >> 4,
    minorVersion: bytes[17]! & 0x0f,
    exchangeType: bytes[18]!,
    flags: bytes[19]!,
    messageId: readUint32(bytes, 20),
    length,
  });
}

/** Why a header cannot be encoded, or undefined when it can. */
export function isakmpHeaderProblem(header: IsakmpHeader): string | undefined {
  if (header.initiatorCookie.length !== COOKIE_LENGTH) {
    return `initiator cookie of ${header.initiatorCookie.length} bytes, expected ${COOKIE_LENGTH}`;
  }
  if (header.responderCookie.length !== COOKIE_LENGTH) {
    return `responder cookie of ${header.responderCookie.length} bytes, expected ${COOKIE_LENGTH}`;
  }
  return undefined;
}

/**
 * Writes the header into the first 28 bytes of `out`, the whole message, whose size becomes
 * the length field. Version nibbles and one-byte fields are masked to their widths.
 * Precondition: `isakmpHeaderProblem(header)` is undefined.
 */
export function writeIsakmpHeader(out: Uint8Array, header: IsakmpHeader, nextPayload: number, flags: number): void {
  out.set(header.initiatorCookie, 0);
  out.set(header.responderCookie, COOKIE_LENGTH);
  out[16] = nextPayload & 0xff;
  out[17] = ((header.majorVersion & 0x0f) << 4) | (header.minorVersion & 0x0f);
  out[18] = header.exchangeType & 0xff;
  out[19] = flags & 0xff;
  writeUint32(out, 20, header.messageId >>> 0);
  writeUint32(out, 24, out.length);
}
