import { createHmac } from 'node:crypto';
import { asBytes, hmac96, HMAC_96_LENGTH, MD5, SHA1, type HashAlgorithm } from './hash.ts';

/**
 * The integrity check of an ESP or AH SA: HMAC-MD5-96 (RFC 2403) or HMAC-SHA-1-96
 * (RFC 2404). The key is as long as the hash output; the ICV is 96 bits.
 */
export type IntegrityAlgorithmName = 'hmac-md5-96' | 'hmac-sha1-96';

export interface IntegrityAlgorithm {
  readonly name: IntegrityAlgorithmName;
  readonly hash: HashAlgorithm;
  /** Key length in bytes, taken from KEYMAT after the encryption key. */
  readonly keyLength: number;
  readonly icvLength: number;
  icv(key: Uint8Array, data: Uint8Array): Uint8Array;
  /** True when `icv` is the ICV of `data`; a wrong length is simply a mismatch. */
  verify(key: Uint8Array, data: Uint8Array, icv: Uint8Array): boolean;
  /** The algorithm with its key checked and prepared once, for an SA. Throws RangeError for a wrong key length. */
  keyed(key: Uint8Array): KeyedIntegrity;
}

/** An integrity algorithm bound to one SA's key. */
export interface KeyedIntegrity {
  readonly algorithm: IntegrityAlgorithm;
  icv(data: Uint8Array): Uint8Array;
  verify(data: Uint8Array, icv: Uint8Array): boolean;
}

function hmac96Integrity(name: IntegrityAlgorithmName, hash: HashAlgorithm): IntegrityAlgorithm {
  const checkKey = (key: Uint8Array): void => {
    if (key.length !== hash.outputLength) {
      throw new RangeError(`${name}: key must be ${hash.outputLength} bytes, got ${key.length}`);
    }
  };
  const compute = (key: Uint8Array, data: Uint8Array): Uint8Array => {
    checkKey(key);
    return hmac96(hash, key, data);
  };
  const algorithm: IntegrityAlgorithm = {
    name,
    hash,
    keyLength: hash.outputLength,
    icvLength: HMAC_96_LENGTH,
    icv: compute,
    verify: (key, data, icv) => sameBytes(compute(key, data), icv),
    keyed(key) {
      checkKey(key);
      const prepared = Buffer.from(key);
      const icv = (data: Uint8Array): Uint8Array =>
        asBytes(createHmac(hash.name, prepared).update(data).digest().subarray(0, HMAC_96_LENGTH));
      return { algorithm, icv, verify: (data, expected) => sameBytes(icv(data), expected) };
    },
  };
  return algorithm;
}

/** Compares every byte whatever the first difference, as an ICV check should. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

export const HMAC_MD5_96: IntegrityAlgorithm = hmac96Integrity('hmac-md5-96', MD5);
export const HMAC_SHA1_96: IntegrityAlgorithm = hmac96Integrity('hmac-sha1-96', SHA1);
