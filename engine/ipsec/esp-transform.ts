import { authAlgorithmByKeyword, espTransformByKeyword } from '../crypto/algorithm-registry.ts';
import { isBlockAligned, type BlockCipher, type KeyedCipher } from '../crypto/block-cipher.ts';
import { cryptoFailure, cryptoOk, type CryptoResult } from '../crypto/crypto-result.ts';
import type { IntegrityAlgorithm, KeyedIntegrity } from '../crypto/integrity-algorithm.ts';
import { viewOf, writeUint32 } from '../wire/bytes.ts';
import { decodeFailure, type Decoded } from '../wire/decoded.ts';
import {
  ESP_HEADER_LENGTH, decodeEsp, espAuthenticatedBytes, espPad, espUnpad, type EspFraming, type EspPacket, type EspPlaintext,
} from '../wire/esp.ts';
import type { SaKeys, TransformProposal } from './ipsec-port.ts';

/**
 * ESP's cryptography for one SA (RFC 2406 with RFC 2405/2451/3602 ciphers and RFC
 * 2403/2404 HMAC-96): sealing a payload into an ESP packet and opening one again.
 * Pure functions over bytes; the SA database supplies sequence numbers, IVs and keys.
 */

export interface EspAlgorithms {
  /** null for ESP_NULL (RFC 2410): no confidentiality, no IV. */
  cipher: BlockCipher | null;
  /** undefined for an SA without authentication. */
  integrity: IntegrityAlgorithm | undefined;
}

/** An SA's algorithms, keys, and the keyed cipher and HMAC made once when the SA is installed. */
export interface EspSaCrypto extends EspAlgorithms, SaKeys {
  readonly keyedCipher: KeyedCipher | null;
  readonly keyedIntegrity: KeyedIntegrity | undefined;
}

const EMPTY = new Uint8Array(0);

/** The algorithms of a transform set's ESP part; a transform without ESP is refused. */
export function espAlgorithmsFor(transform: TransformProposal): CryptoResult<EspAlgorithms> {
  if (transform.espCipher === undefined && transform.espAuth === undefined) {
    return cryptoFailure('unknown-algorithm', `transform set ${transform.name} has no ESP transform`);
  }
  let cipher: BlockCipher | null = null;
  if (transform.espCipher !== undefined) {
    const choice = espTransformByKeyword(transform.espCipher.transform, transform.espCipher.keyBits);
    if (!choice.ok) return choice;
    cipher = choice.value.cipher;
  }
  let integrity: IntegrityAlgorithm | undefined;
  if (transform.espAuth !== undefined) {
    const auth = authAlgorithmByKeyword(transform.espAuth);
    if (!auth.ok) return auth;
    integrity = auth.value.integrity;
  }
  return cryptoOk({ cipher, integrity });
}

/** The SA's crypto state, once the keys are checked against the algorithms' key lengths. */
export function espSaCrypto(transform: TransformProposal, keys: SaKeys): CryptoResult<EspSaCrypto> {
  const algorithms = espAlgorithmsFor(transform);
  if (!algorithms.ok) return algorithms;
  const { cipher, integrity } = algorithms.value;
  const encryptionKeyLength = cipher?.keyLength ?? 0;
  if (keys.encryptionKey.length !== encryptionKeyLength) {
    return cryptoFailure('bad-key-length', `encryption key of ${keys.encryptionKey.length} bytes, expected ${encryptionKeyLength}`);
  }
  const integrityKeyLength = integrity?.keyLength ?? 0;
  if (keys.integrityKey.length !== integrityKeyLength) {
    return cryptoFailure('bad-key-length', `integrity key of ${keys.integrityKey.length} bytes, expected ${integrityKeyLength}`);
  }
  // Object.assign, not spreads: V8 is slow to add properties after a spread (every SA comes here).
  return cryptoOk(Object.assign({}, algorithms.value, keys, {
    keyedCipher: cipher?.keyed(keys.encryptionKey) ?? null,
    keyedIntegrity: integrity?.keyed(keys.integrityKey),
  }));
}

export function espFraming(algorithms: EspAlgorithms): EspFraming {
  return { ivLength: algorithms.cipher?.ivLength ?? 0, icvLength: algorithms.integrity?.icvLength ?? 0 };
}

/**
 * Builds the ESP packet that carries `payload` (a whole IPv4 datagram in tunnel mode,
 * next header 4; the transport payload in transport mode). `iv` must be the cipher's IV length.
 */
export function espSeal(
  sa: EspSaCrypto, sequenceNumber: number, iv: Uint8Array, payload: Uint8Array, nextHeader: number,
): Uint8Array {
  const padded = espPad(payload, sa.cipher?.blockSize ?? 1, nextHeader);
  const ciphertext = sa.keyedCipher === null ? padded : sa.keyedCipher.encrypt(iv, padded);
  const usedIv = sa.keyedCipher === null ? EMPTY : iv;
  // The packet is laid out once; the ICV covers it in place (RFC 2406 3.3.4).
  const authenticatedLength = ESP_HEADER_LENGTH + usedIv.length + ciphertext.length;
  const packet = new Uint8Array(authenticatedLength + (sa.keyedIntegrity?.algorithm.icvLength ?? 0));
  writeUint32(packet, 0, sa.spi >>> 0);
  writeUint32(packet, 4, sequenceNumber >>> 0);
  packet.set(usedIv, ESP_HEADER_LENGTH);
  packet.set(ciphertext, ESP_HEADER_LENGTH + usedIv.length);
  if (sa.keyedIntegrity !== undefined) packet.set(sa.keyedIntegrity.icv(viewOf(packet, 0, authenticatedLength)), authenticatedLength);
  return packet;
}

/** Splits received bytes by the SA's framing; a ciphertext that is not whole blocks is malformed. */
export function espParse(sa: EspAlgorithms, bytes: Uint8Array): Decoded<EspPacket> {
  const decoded = decodeEsp(bytes, espFraming(sa));
  if (!decoded.ok) return decoded;
  const ciphertextLength = decoded.value.ciphertext.length;
  if (sa.cipher !== null && (ciphertextLength === 0 || !isBlockAligned(sa.cipher, ciphertextLength))) {
    return decodeFailure('bad-length', `ciphertext of ${ciphertextLength} bytes is not whole ${sa.cipher.name} blocks`);
  }
  return decoded;
}

/** True when the packet's ICV is right (always, for an SA without authentication). */
export function espIcvValid(sa: EspSaCrypto, packet: EspPacket): boolean {
  if (sa.keyedIntegrity === undefined) return true;
  return sa.keyedIntegrity.verify(packet.authenticated ?? espAuthenticatedBytes(packet), packet.icv);
}

export function espDecrypt(sa: EspSaCrypto, packet: EspPacket): Decoded<EspPlaintext> {
  const decrypted = sa.keyedCipher === null ? packet.ciphertext : sa.keyedCipher.decrypt(packet.iv, packet.ciphertext);
  return espUnpad(decrypted);
}

export type EspOpenResult =
  | { ok: true; packet: EspPacket; plaintext: EspPlaintext }
  | { ok: false; failure: 'malformed' | 'icv-mismatch' | 'bad-padding'; detail: string };

/** Parse, verify and decrypt in one step, for receivers that keep no replay window. */
export function espOpen(sa: EspSaCrypto, bytes: Uint8Array): EspOpenResult {
  const parsed = espParse(sa, bytes);
  if (!parsed.ok) return { ok: false, failure: 'malformed', detail: parsed.error.message };
  if (!espIcvValid(sa, parsed.value)) return { ok: false, failure: 'icv-mismatch', detail: 'ICV does not verify' };
  const plaintext = espDecrypt(sa, parsed.value);
  if (!plaintext.ok) return { ok: false, failure: 'bad-padding', detail: plaintext.error.message };
  return { ok: true, packet: parsed.value, plaintext: plaintext.value };
}

