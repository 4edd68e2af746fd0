import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';

/**
 * The hash functions IKEv1 and IPsec negotiate, HMAC over them (RFC 2104), the IKE PRF
 * and the truncated HMACs that ESP and AH carry as ICVs.
 */
export type HashName = 'md5' | 'sha1' | 'sha256';

export interface HashAlgorithm {
  readonly name: HashName;
  /** Digest length in bytes. */
  readonly outputLength: number;
  /** Input block length in bytes (what HMAC pads its key to). */
  readonly blockLength: number;
  digest(data: Uint8Array): Uint8Array;
}

type NobleHash = typeof md5;

function fromNoble(name: HashName, impl: NobleHash): HashAlgorithm & { readonly impl: NobleHash } {
  return { name, outputLength: impl.outputLen, blockLength: impl.blockLen, impl, digest: (data) => impl(data) };
}

const MD5_IMPL = fromNoble('md5', md5);
const SHA1_IMPL = fromNoble('sha1', sha1);
const SHA256_IMPL = fromNoble('sha256', sha256);

export const MD5: HashAlgorithm = MD5_IMPL;
export const SHA1: HashAlgorithm = SHA1_IMPL;
export const SHA256: HashAlgorithm = SHA256_IMPL;

const IMPLEMENTATIONS: Record<HashName, NobleHash> = { md5: MD5_IMPL.impl, sha1: SHA1_IMPL.impl, sha256: SHA256_IMPL.impl };

export function hmac(hash: HashAlgorithm, key: Uint8Array, data: Uint8Array): Uint8Array {
  return nobleHmac(IMPLEMENTATIONS[hash.name], key, data);
}

/** A keyed pseudo-random function: prf(key, data). */
export type Prf = (key: Uint8Array, data: Uint8Array) => Uint8Array;

/**
 * The IKEv1 PRF: without a negotiated PRF attribute it is the HMAC of the negotiated
 * hash (RFC 2409 §4), which is all that IOS 12.2 and strongSwan's IKEv1 use.
 */
export function ikePrf(hash: HashAlgorithm): Prf {
  return (key, data) => hmac(hash, key, data);
}

/** The leftmost `length` bytes of the HMAC (RFC 2104 §5). */
export function truncatedHmac(hash: HashAlgorithm, key: Uint8Array, data: Uint8Array, length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 1 || length > hash.outputLength) {
    throw new RangeError(`HMAC-${hash.name} cannot be truncated to ${length} bytes`);
  }
  return hmac(hash, key, data).slice(0, length);
}

/** ESP and AH ICVs are HMACs truncated to 96 bits (RFC 2403, RFC 2404). */
export const HMAC_96_LENGTH = 12;

export function hmac96(hash: HashAlgorithm, key: Uint8Array, data: Uint8Array): Uint8Array {
  return truncatedHmac(hash, key, data, HMAC_96_LENGTH);
}
