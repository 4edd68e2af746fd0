import { constants, createPublicKey, publicEncrypt } from 'node:crypto';

/**
 * b^e mod p by OpenSSL's RSA public operation without padding, which is exactly that
 * exponentiation for any modulus: the same Montgomery arithmetic as its Diffie-Hellman, without
 * the check of the prime that building a DiffieHellman object makes (38 ms for group 1's prime,
 * 66 ms for group 2's, in every process; see "Diffie-Hellman without the prime check" in
 * CHOICES.md). Each call imports the exponent as a key, about 0.07 ms more than the DH object's
 * operation, so diffie-hellman.ts uses this only until a group is busy.
 */

/** Past this modulus size OpenSSL limits a public exponent to 64 bits (OPENSSL_RSA_SMALL_MODULUS_BITS). */
const LONGEST_MODULUS_BITS = 3072;

export class RsaModularPower {
  private readonly modulus: string;
  readonly length: number;

  /** For a modulus given big-endian, without leading zeros. */
  constructor(modulus: Uint8Array) {
    if (modulus.length === 0 || modulus[0] === 0 || modulus.length * 8 > LONGEST_MODULUS_BITS) {
      throw new RangeError(`a modulus of 1 to ${LONGEST_MODULUS_BITS / 8} bytes without leading zeros`);
    }
    this.modulus = base64url(modulus);
    this.length = modulus.length;
  }

  /**
   * base^exponent mod p, at the modulus length; base must be at the modulus length and below it,
   * the exponent above 1. Undefined when OpenSSL refuses the operation.
   */
  power(base: Uint8Array, exponent: Uint8Array): Uint8Array | undefined {
    if (base.length !== this.length) throw new RangeError(`a base of ${this.length} bytes`);
    try {
      const key = createPublicKey({ key: { kty: 'RSA', n: this.modulus, e: base64url(withoutLeadingZeros(exponent)) }, format: 'jwk' });
      const result = publicEncrypt({ key, padding: constants.RSA_NO_PADDING }, base);
      return new Uint8Array(result.buffer, result.byteOffset, result.length);
    } catch {
      return undefined;
    }
  }
}

/** The same unsigned number without its leading zero bytes (at least one byte is left). */
export function withoutLeadingZeros(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return bytes.subarray(start);
}

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64url');
}
