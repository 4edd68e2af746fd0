import { createCipheriv, createDecipheriv } from 'node:crypto';

/**
 * One CBC pass through OpenSSL over whole blocks (no padding: IKE and ESP pad their own
 * plaintext). OpenSSL has no CBC context that outlives its IV, so each packet makes one; what
 * an SA prepares once is the key as a Buffer.
 */
export function opensslCbc(algorithm: string, encrypt: boolean, key: Buffer, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const engine = encrypt ? createCipheriv(algorithm, key, iv) : createDecipheriv(algorithm, key, iv);
  engine.setAutoPadding(false);
  const head = engine.update(data);
  const tail = engine.final();
  const out = tail.length === 0 ? head : Buffer.concat([head, tail]);
  // A plain Uint8Array over the same memory: Buffer's slice() would share it where callers expect a copy.
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
