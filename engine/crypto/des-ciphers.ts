import { cbcCipher, type BlockCipher, type BlockCipherName } from './block-cipher.ts';
import { opensslCbc } from './openssl-cbc.ts';

/**
 * DES-CBC and 3DES-CBC (EDE, three keys) through OpenSSL. OpenSSL 3 offers single DES only
 * in its legacy provider, which Node does not load (`des-cbc` is "unsupported" on these
 * machines), so single DES runs as EDE with K1 = K2 = K3, which is exactly single DES: the
 * middle decryption undoes the first encryption, at three times the work (measured in
 * engine/crypto/CHOICES.md). Parity bits are ignored, as DES specifies.
 */
const DES_BLOCK = 8;
const OPENSSL_3DES_CBC = 'des-ede3-cbc';

function ede3Cipher(name: BlockCipherName, keyLength: number, toEde3Key: (key: Uint8Array) => Buffer): BlockCipher {
  return cbcCipher({
    name,
    blockSize: DES_BLOCK,
    keyLength,
    prepare: toEde3Key,
    run: (encrypt, key, iv, data) => opensslCbc(OPENSSL_3DES_CBC, encrypt, key, iv, data),
  });
}

function tripled(key: Uint8Array): Buffer {
  return Buffer.concat([key, key, key]);
}

export const DES_CBC: BlockCipher = ede3Cipher('des-cbc', 8, tripled);
export const TRIPLE_DES_CBC: BlockCipher = ede3Cipher('3des-cbc', 24, (key) => Buffer.from(key));
