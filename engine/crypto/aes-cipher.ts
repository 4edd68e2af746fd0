import { cbc } from '@noble/ciphers/aes.js';
import { checkCipherInput, type BlockCipher, type BlockCipherName } from './block-cipher.ts';

/** AES-CBC (RFC 3602) for IKE and ESP; 128, 192 and 256-bit keys share the 16-byte block. */
const AES_BLOCK = 16;

function aesCbc(name: BlockCipherName, keyLength: number): BlockCipher {
  const cipher: BlockCipher = {
    name,
    blockSize: AES_BLOCK,
    keyLength,
    ivLength: AES_BLOCK,
    encrypt(key, iv, data) {
      checkCipherInput(cipher, key, iv, data);
      return cbc(key, iv, { disablePadding: true }).encrypt(data);
    },
    decrypt(key, iv, data) {
      checkCipherInput(cipher, key, iv, data);
      return cbc(key, iv, { disablePadding: true }).decrypt(data);
    },
  };
  return cipher;
}

export const AES_128_CBC: BlockCipher = aesCbc('aes-128-cbc', 16);
export const AES_192_CBC: BlockCipher = aesCbc('aes-192-cbc', 24);
export const AES_256_CBC: BlockCipher = aesCbc('aes-256-cbc', 32);

/** The AES cipher for a key length in bits, as IKE's Key Length attribute gives it. */
export function aesCbcForKeyBits(bits: number): BlockCipher | undefined {
  return [AES_128_CBC, AES_192_CBC, AES_256_CBC].find((cipher) => cipher.keyLength * 8 === bits);
}
