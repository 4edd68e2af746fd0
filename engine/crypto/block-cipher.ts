/**
 * The one shape every CBC cipher takes. IKE and ESP pad their own plaintext (RFC 2409 §5.3,
 * RFC 2406 §2.4), so the ciphers here never pad: data must already be whole blocks.
 */
export type BlockCipherName = 'des-cbc' | '3des-cbc' | 'aes-128-cbc' | 'aes-192-cbc' | 'aes-256-cbc';

export interface BlockCipher {
  readonly name: BlockCipherName;
  /** Bytes per block; also the length of the last-block IV chaining that IKE uses. */
  readonly blockSize: number;
  /** Key length in bytes. */
  readonly keyLength: number;
  readonly ivLength: number;
  /**
   * CBC-encrypts whole blocks. Throws RangeError (a programming error, never a wire error)
   * when the key or IV has the wrong length or `data` is not a multiple of the block size.
   */
  encrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;
  /**
   * CBC-decrypts whole blocks, same preconditions as `encrypt`: a receiver checks
   * `isBlockAligned` on untrusted ciphertext first and reports its own protocol error.
   */
  decrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;
  /**
   * The cipher with its key checked and prepared once, for an SA that encrypts many packets
   * under one key. Throws RangeError for a key of the wrong length.
   */
  keyed(key: Uint8Array): KeyedCipher;
}

/** A cipher bound to one key: what an SA keeps, so that no packet prepares the key again. */
export interface KeyedCipher {
  readonly cipher: BlockCipher;
  /** Same preconditions as BlockCipher.encrypt, the key aside. */
  encrypt(iv: Uint8Array, data: Uint8Array): Uint8Array;
  decrypt(iv: Uint8Array, data: Uint8Array): Uint8Array;
}

export function isBlockAligned(cipher: BlockCipher, length: number): boolean {
  return length % cipher.blockSize === 0;
}

/** The last ciphertext block: the IV of the next IKE message in the same exchange (RFC 2409 App. B). */
export function lastCipherBlock(cipher: BlockCipher, ciphertext: Uint8Array): Uint8Array {
  if (ciphertext.length < cipher.blockSize || !isBlockAligned(cipher, ciphertext.length)) {
    throw new RangeError(`${cipher.name}: ciphertext of ${ciphertext.length} bytes has no whole last block`);
  }
  return ciphertext.slice(ciphertext.length - cipher.blockSize);
}

function checkKey(cipher: BlockCipher, key: Uint8Array): void {
  if (key.length !== cipher.keyLength) {
    throw new RangeError(`${cipher.name}: key must be ${cipher.keyLength} bytes, got ${key.length}`);
  }
}

function checkBlocks(cipher: BlockCipher, iv: Uint8Array, data: Uint8Array): void {
  if (iv.length !== cipher.ivLength) {
    throw new RangeError(`${cipher.name}: IV must be ${cipher.ivLength} bytes, got ${iv.length}`);
  }
  if (!isBlockAligned(cipher, data.length)) {
    throw new RangeError(`${cipher.name}: ${data.length} bytes is not a multiple of the ${cipher.blockSize}-byte block`);
  }
}

export function checkCipherInput(cipher: BlockCipher, key: Uint8Array, iv: Uint8Array, data: Uint8Array): void {
  checkKey(cipher, key);
  checkBlocks(cipher, iv, data);
}

/**
 * What distinguishes one CBC cipher: its name, sizes, how its key is prepared once (for OpenSSL,
 * the key as a Buffer, single DES's tripled) and the raw transform of whole blocks.
 */
export interface CbcCipherSpec<PreparedKey> {
  name: BlockCipherName;
  blockSize: number;
  keyLength: number;
  prepare(key: Uint8Array): PreparedKey;
  run(encrypt: boolean, key: PreparedKey, iv: Uint8Array, data: Uint8Array): Uint8Array;
}

/** A BlockCipher whose every call checks key, IV and alignment before the raw transform runs. */
export function cbcCipher<PreparedKey>(spec: CbcCipherSpec<PreparedKey>): BlockCipher {
  const cipher: BlockCipher = {
    name: spec.name,
    blockSize: spec.blockSize,
    keyLength: spec.keyLength,
    ivLength: spec.blockSize,
    encrypt(key, iv, data) {
      checkCipherInput(cipher, key, iv, data);
      return spec.run(true, spec.prepare(key), iv, data);
    },
    decrypt(key, iv, data) {
      checkCipherInput(cipher, key, iv, data);
      return spec.run(false, spec.prepare(key), iv, data);
    },
    keyed(key) {
      checkKey(cipher, key);
      const prepared = spec.prepare(key);
      return {
        cipher,
        encrypt(iv, data) {
          checkBlocks(cipher, iv, data);
          return spec.run(true, prepared, iv, data);
        },
        decrypt(iv, data) {
          checkBlocks(cipher, iv, data);
          return spec.run(false, prepared, iv, data);
        },
      };
    },
  };
  return cipher;
}
