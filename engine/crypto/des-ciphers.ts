import { createCipheriv, createDecipheriv } from 'node:crypto';
import { cbcCipher, type BlockCipher, type BlockCipherName } from './block-cipher.ts';

/**
 * DES-CBC and 3DES-CBC (EDE, three keys) through OpenSSL. OpenSSL 3 no longer offers
 * single DES, but EDE with K1 = K2 = K3 is exactly single DES: the middle decryption
 * undoes the first encryption. Parity bits are ignored, as DES specifies.
 */
const DES_BLOCK = 8;
const OPENSSL_3DES_CBC = 'des-ede3-cbc';

function runEde3(encrypt: boolean, key24: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const engine = encrypt ? createCipheriv(OPENSSL_3DES_CBC, key24, iv) : createDecipheriv(OPENSSL_3DES_CBC, key24, iv);
  engine.setAutoPadding(false);
  const head = engine.update(data);
  const tail = engine.final();
  const out = new Uint8Array(head.length + tail.length);
  out.set(head, 0);
  out.set(tail, head.length);
  return out;
}

function ede3Cipher(name: BlockCipherName, keyLength: number, toEde3Key: (key: Uint8Array) => Uint8Array): BlockCipher {
  return cbcCipher({
    name,
    blockSize: DES_BLOCK,
    keyLength,
    run: (encrypt, key, iv, data) => runEde3(encrypt, toEde3Key(key), iv, data),
  });
}

function tripled(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(24);
  out.set(key, 0);
  out.set(key, 8);
  out.set(key, 16);
  return out;
}

export const DES_CBC: BlockCipher = ede3Cipher('des-cbc', 8, tripled);
export const TRIPLE_DES_CBC: BlockCipher = ede3Cipher('3des-cbc', 24, (key) => key);
