import { isBlockAligned, lastCipherBlock, type BlockCipher } from '../crypto/index.ts';
import {
  decodePayloadChain, encodeIsakmp, encodePayloadChain, GENERIC_PAYLOAD_HEADER_LENGTH, ISAKMP_VERSION,
  type IsakmpHeader, type IsakmpPayload,
} from '../wire/isakmp/index.ts';
import type { IsakmpSa } from './isakmp-sa.ts';

/**
 * ISAKMP messages as IKE sends and reads them: the header of an SA's exchange, plaintext
 * bodies, and bodies encrypted under phase-1 keys with the IV chaining of RFC 2409
 * appendix B (each message's last ciphertext block is the next message's IV).
 */

export function headerOf(sa: IsakmpSa, exchangeType: number, messageId: number): IsakmpHeader {
  return {
    initiatorCookie: sa.initiatorCookie,
    responderCookie: sa.responderCookie,
    majorVersion: ISAKMP_VERSION.major,
    minorVersion: ISAKMP_VERSION.minor,
    exchangeType,
    flags: 0,
    messageId,
  };
}

export function plainMessage(header: IsakmpHeader, payloads: IsakmpPayload[]): Uint8Array {
  return encodeIsakmp({ header, body: { encrypted: false, payloads } });
}

export interface PhaseOneCipher {
  cipher: BlockCipher;
  key: Uint8Array;
}

/** The cipher and Ka of an SA that has its keys. */
export function cipherOf(sa: IsakmpSa): PhaseOneCipher | undefined {
  return sa.suite && sa.keys ? { cipher: sa.suite.encryption.cipher, key: sa.keys.encryptionKey } : undefined;
}

/** Zero padding up to the cipher block (RFC 2409 5.3); IOS sends no pad-length byte. */
function padded(bytes: Uint8Array, blockSize: number): Uint8Array {
  const length = Math.ceil(bytes.length / blockSize) * blockSize;
  if (length === bytes.length) return bytes;
  const out = new Uint8Array(length);
  out.set(bytes);
  return out;
}

export interface EncryptedMessage {
  bytes: Uint8Array;
  /** The IV of the next message in the same chain. */
  nextIv: Uint8Array;
}

export function encryptedMessage(
  header: IsakmpHeader, payloads: IsakmpPayload[], crypto: PhaseOneCipher, iv: Uint8Array,
): EncryptedMessage {
  const chain = encodePayloadChain(payloads);
  const ciphertext = crypto.cipher.encrypt(crypto.key, iv, padded(chain.bytes, crypto.cipher.blockSize));
  const bytes = encodeIsakmp({ header, body: { encrypted: true, firstPayload: chain.firstPayload, encryptedBody: ciphertext } });
  return { bytes, nextIv: lastCipherBlock(crypto.cipher, ciphertext) };
}

/**
 * Padding after the last payload that a receiver takes (RFC 2409 5.3 leaves its length open):
 * IOS pads to the block, strongSwan adds 1 to a whole block of zeros, others end it with a
 * pad-length byte. A wrong key fails the payload chain itself, or the HASH after it.
 */
const MAX_PADDING = 255;

export type DecryptResult =
  | { ok: true; payloads: IsakmpPayload[]; nextIv: Uint8Array }
  | { ok: false; problem: 'not-block-aligned' | 'malformed'; reservedNotZeroOn?: number };

/**
 * Decrypts and decodes an encrypted body. A wrong key gives garbage, which fails here: that
 * is how IOS notices a pre-shared key mismatch. The first payload whose reserved byte is not
 * zero is reported, as IOS names it.
 */
export function decryptBody(
  firstPayload: number, encryptedBody: Uint8Array, crypto: PhaseOneCipher, iv: Uint8Array,
): DecryptResult {
  const { cipher } = crypto;
  if (encryptedBody.length === 0 || !isBlockAligned(cipher, encryptedBody.length)) return { ok: false, problem: 'not-block-aligned' };
  const plaintext = cipher.decrypt(crypto.key, iv, encryptedBody);
  const chain = decodePayloadChain(firstPayload, plaintext);
  if (!chain.ok || chain.value.trailingLength > MAX_PADDING) {
    const reservedNotZeroOn = firstReservedNotZero(firstPayload, plaintext);
    return { ok: false, problem: 'malformed', ...(reservedNotZeroOn === undefined ? {} : { reservedNotZeroOn }) };
  }
  return { ok: true, payloads: chain.value.payloads, nextIv: lastCipherBlock(cipher, encryptedBody) };
}

/** Walks the generic payload headers as far as they hold together, looking for a non-zero reserved byte. */
function firstReservedNotZero(firstPayload: number, bytes: Uint8Array): number | undefined {
  let type = firstPayload;
  let offset = 0;
  while (type !== 0 && offset + GENERIC_PAYLOAD_HEADER_LENGTH <= bytes.length) {
    if (bytes[offset + 1] !== 0) return type;
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (length < GENERIC_PAYLOAD_HEADER_LENGTH) return undefined;
    type = bytes[offset]!;
    offset += length;
  }
  return undefined;
}
