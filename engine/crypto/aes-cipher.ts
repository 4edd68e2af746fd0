import { cbcCipher, type BlockCipher, type BlockCipherName } from './block-cipher.ts';
import { opensslCbc } from './openssl-cbc.ts';

/**
 * AES-CBC (RFC 3602) for IKE and ESP; 128, 192 and 256-bit keys share the 16-byte block.
 * Through OpenSSL, which runs AES in hardware where the CPU has it (CHOICES.md has the figures).
 */
const AES_BLOCK = 16;

function aesCbc(name: BlockCipherName, keyLength: number): BlockCipher {
  return cbcCipher({
    name,
    blockSize: AES_BLOCK,
    keyLength,
    prepare: (key) => Buffer.from(key),
    run: (encrypt, key, iv, data) => opensslCbc(name, encrypt, key, iv, data),
  });
}

export const AES_128_CBC: BlockCipher = aesCbc('aes-128-cbc', 16);
export const AES_192_CBC: BlockCipher = aesCbc('aes-192-cbc', 24);
export const AES_256_CBC: BlockCipher = aesCbc('aes-256-cbc', 32);

/** The AES cipher for a key length in bits, as IKE's Key Length attribute gives it. */
export function aesCbcForKeyBits(bits: number): BlockCipher | undefined {
  return [AES_128_CBC, AES_192_CBC, AES_256_CBC].find((cipher) => cipher.keyLength * 8 === bits);
}
