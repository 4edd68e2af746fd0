import { hmac, type HashAlgorithm } from '../crypto/index.ts';
import { concatBytes } from '../wire/bytes.ts';

/**
 * IKEv1 key derivation for pre-shared keys, as pure functions of RFC 2409 §5 and Appendix B.
 * The PRF is the HMAC of the negotiated hash. Aggressive mode uses the same SKEYID,
 * HASH_I and HASH_R formulas as main mode. Inputs named `*Body` are payload bodies
 * without their generic payload header (RFC 2409 §5: "Ni_b", "SAi_b", "IDii_b").
 */

/** Message IDs and SPIs enter the PRF as 4 bytes in network order. */
function uint32Bytes(value: number): Uint8Array {
  return Uint8Array.of((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
}

const OCTET = [Uint8Array.of(0), Uint8Array.of(1), Uint8Array.of(2)] as const;

export interface Phase1KeyInput {
  /** The negotiated hash; the PRF is its HMAC. */
  readonly hash: HashAlgorithm;
  readonly preSharedKey: Uint8Array;
  /** Ni_b and Nr_b: the phase-1 nonce payload bodies. */
  readonly initiatorNonce: Uint8Array;
  readonly responderNonce: Uint8Array;
  /** g^xy at the full prime length. */
  readonly sharedSecret: Uint8Array;
  readonly initiatorCookie: Uint8Array;
  readonly responderCookie: Uint8Array;
  /** Bytes of Ka the negotiated cipher needs. */
  readonly encryptionKeyLength: number;
}

export interface Phase1Keys {
  readonly skeyid: Uint8Array;
  readonly skeyidD: Uint8Array;
  readonly skeyidA: Uint8Array;
  readonly skeyidE: Uint8Array;
  /** Ka, the key of the phase-1 cipher. */
  readonly encryptionKey: Uint8Array;
}

/** SKEYID = prf(pre-shared-key, Ni_b | Nr_b) (RFC 2409 §5, pre-shared key authentication). */
export function preSharedSkeyid(hash: HashAlgorithm, preSharedKey: Uint8Array, initiatorNonce: Uint8Array, responderNonce: Uint8Array): Uint8Array {
  return hmac(hash, preSharedKey, concatBytes(initiatorNonce, responderNonce));
}

/** SKEYID_d, SKEYID_a, SKEYID_e chain through one another, ending in 0, 1 and 2. */
export function derivePhase1Keys(input: Phase1KeyInput): Phase1Keys {
  const { hash, sharedSecret, initiatorCookie, responderCookie } = input;
  const skeyid = preSharedSkeyid(hash, input.preSharedKey, input.initiatorNonce, input.responderNonce);
  const tail = concatBytes(sharedSecret, initiatorCookie, responderCookie);
  const skeyidD = hmac(hash, skeyid, concatBytes(tail, OCTET[0]));
  const skeyidA = hmac(hash, skeyid, concatBytes(skeyidD, tail, OCTET[1]));
  const skeyidE = hmac(hash, skeyid, concatBytes(skeyidA, tail, OCTET[2]));
  const encryptionKey = phase1EncryptionKey(hash, skeyidE, input.encryptionKeyLength);
  return { skeyid, skeyidD, skeyidA, skeyidE, encryptionKey };
}

/**
 * Ka: the first bytes of SKEYID_e when it is long enough, otherwise the Appendix B
 * expansion K1 = prf(SKEYID_e, 0), K2 = prf(SKEYID_e, K1), ... and Ka = K1 | K2 | ...
 */
export function phase1EncryptionKey(hash: HashAlgorithm, skeyidE: Uint8Array, length: number): Uint8Array {
  if (skeyidE.length >= length) return skeyidE.slice(0, length);
  const blocks: Uint8Array[] = [];
  let previous: Uint8Array = OCTET[0];
  for (let produced = 0; produced < length; produced += hash.outputLength) {
    previous = hmac(hash, skeyidE, previous);
    blocks.push(previous);
  }
  return concatBytes(...blocks).slice(0, length);
}

/** The IV of the first encrypted phase-1 message: hash(g^xi | g^xr), cut to the block size (App. B). */
export function phase1Iv(hash: HashAlgorithm, initiatorPublic: Uint8Array, responderPublic: Uint8Array, blockSize: number): Uint8Array {
  return hash.digest(concatBytes(initiatorPublic, responderPublic)).slice(0, blockSize);
}

/**
 * The IV of the first message of a new exchange (quick mode, informational):
 * hash(last CBC block of phase 1 | M-ID), cut to the block size (App. B). Later messages
 * of that exchange chain on from the last ciphertext block of the one before.
 */
export function messageIv(hash: HashAlgorithm, lastPhase1Block: Uint8Array, messageId: number, blockSize: number): Uint8Array {
  return hash.digest(concatBytes(lastPhase1Block, uint32Bytes(messageId))).slice(0, blockSize);
}

export interface Phase1HashInput {
  readonly hash: HashAlgorithm;
  readonly skeyid: Uint8Array;
  /** g^xi and g^xr, the KE payload bodies. */
  readonly initiatorPublic: Uint8Array;
  readonly responderPublic: Uint8Array;
  readonly initiatorCookie: Uint8Array;
  readonly responderCookie: Uint8Array;
  /** SAi_b: the initiator's whole SA payload body, in both directions. */
  readonly initiatorSaBody: Uint8Array;
}

/** HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b). */
export function hashI(input: Phase1HashInput, initiatorIdBody: Uint8Array): Uint8Array {
  const { hash, skeyid } = input;
  return hmac(hash, skeyid, concatBytes(input.initiatorPublic, input.responderPublic, input.initiatorCookie,
    input.responderCookie, input.initiatorSaBody, initiatorIdBody));
}

/** HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b). */
export function hashR(input: Phase1HashInput, responderIdBody: Uint8Array): Uint8Array {
  const { hash, skeyid } = input;
  return hmac(hash, skeyid, concatBytes(input.responderPublic, input.initiatorPublic, input.responderCookie,
    input.initiatorCookie, input.initiatorSaBody, responderIdBody));
}

/**
 * Quick mode HASH(1) = prf(SKEYID_a, M-ID | SA | Ni [| KE] [| IDci | IDcr]): `rest` is every
 * payload after the HASH payload, generic headers included, without the padding.
 */
export function quickModeHash1(hash: HashAlgorithm, skeyidA: Uint8Array, messageId: number, rest: Uint8Array): Uint8Array {
  return hmac(hash, skeyidA, concatBytes(uint32Bytes(messageId), rest));
}

/** HASH(2) = prf(SKEYID_a, M-ID | Ni_b | SA | Nr [| KE] [| IDci | IDcr]). */
export function quickModeHash2(hash: HashAlgorithm, skeyidA: Uint8Array, messageId: number, initiatorNonce: Uint8Array, rest: Uint8Array): Uint8Array {
  return hmac(hash, skeyidA, concatBytes(uint32Bytes(messageId), initiatorNonce, rest));
}

/** HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b | Nr_b). */
export function quickModeHash3(hash: HashAlgorithm, skeyidA: Uint8Array, messageId: number, initiatorNonce: Uint8Array, responderNonce: Uint8Array): Uint8Array {
  return hmac(hash, skeyidA, concatBytes(OCTET[0], uint32Bytes(messageId), initiatorNonce, responderNonce));
}

/** An informational exchange's HASH(1) = prf(SKEYID_a, M-ID | N/D) (RFC 2409 §5.7). */
export function informationalHash(hash: HashAlgorithm, skeyidA: Uint8Array, messageId: number, rest: Uint8Array): Uint8Array {
  return quickModeHash1(hash, skeyidA, messageId, rest);
}

export interface KeymatInput {
  readonly hash: HashAlgorithm;
  readonly skeyidD: Uint8Array;
  /** The SA's protocol id: PROTO_IPSEC_AH 2, PROTO_IPSEC_ESP 3 (RFC 2407 §4.4.1). */
  readonly protocolId: number;
  /** The SPI of this one-way SA: the one its receiver chose. */
  readonly spi: number;
  /** Ni_b and Nr_b of the quick mode. */
  readonly initiatorNonce: Uint8Array;
  readonly responderNonce: Uint8Array;
  /** g(qm)^xy, only with PFS. */
  readonly pfsSharedSecret?: Uint8Array;
}

/**
 * KEYMAT = K1 | K2 | ... with K1 = prf(SKEYID_d, [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b)
 * and K(n+1) = prf(SKEYID_d, K(n) | [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b) (RFC 2409 §5.5).
 */
export function keymat(input: KeymatInput, length: number): Uint8Array {
  const seed = concatBytes(input.pfsSharedSecret ?? new Uint8Array(0), Uint8Array.of(input.protocolId),
    uint32Bytes(input.spi), input.initiatorNonce, input.responderNonce);
  const blocks: Uint8Array[] = [];
  let previous: Uint8Array = new Uint8Array(0);
  for (let produced = 0; produced < length; produced += input.hash.outputLength) {
    previous = hmac(input.hash, input.skeyidD, concatBytes(previous, seed));
    blocks.push(previous);
  }
  return concatBytes(...blocks).slice(0, length);
}

export interface IpsecKeyLengths {
  /** 0 for ESP_NULL and for AH. */
  readonly encryptionKeyLength: number;
  /** 0 for ESP without authentication. */
  readonly integrityKeyLength: number;
}

export interface IpsecSaKeys {
  readonly encryptionKey: Uint8Array;
  readonly integrityKey: Uint8Array;
}

/** One SA's keys: KEYMAT gives the encryption key first, then the integrity key. */
export function ipsecSaKeys(input: KeymatInput, lengths: IpsecKeyLengths): IpsecSaKeys {
  const material = keymat(input, lengths.encryptionKeyLength + lengths.integrityKeyLength);
  return {
    encryptionKey: material.slice(0, lengths.encryptionKeyLength),
    integrityKey: material.slice(lengths.encryptionKeyLength),
  };
}
