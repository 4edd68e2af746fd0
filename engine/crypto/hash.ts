import { createHash, createHmac } from 'node:crypto';

/**
 * The hash functions IKEv1 and IPsec negotiate, HMAC over them (RFC 2104), the IKE PRF
 * and the truncated HMACs that ESP and AH carry as ICVs. Through OpenSSL: faster than the
 * JavaScript implementations at every size ESP carries (CHOICES.md); the tests check them
 * against the RFC vectors and against @noble/hashes.
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

/** A plain Uint8Array over a Buffer's memory (Buffer.slice shares memory where Uint8Array.slice copies). */
export function asBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}

function opensslHash(name: HashName, outputLength: number, blockLength: number): HashAlgorithm {
  return { name, outputLength, blockLength, digest: (data) => asBytes(createHash(name).update(data).digest()) };
}

export const MD5: HashAlgorithm = opensslHash('md5', 16, 64);
export const SHA1: HashAlgorithm = opensslHash('sha1', 20, 64);
export const SHA256: HashAlgorithm = opensslHash('sha256', 32, 64);

export function hmac(hash: HashAlgorithm, key: Uint8Array, data: Uint8Array): Uint8Array {
  return asBytes(createHmac(hash.name, key).update(data).digest());
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
