import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DES_CBC } from '../crypto/des-ciphers.ts';
import { encodePayloadChain, PayloadType, type IsakmpPayload } from '../wire/isakmp/index.ts';
import { decryptBody } from './message-crypto.ts';

/**
 * Encrypted ISAKMP bodies as real peers pad them (RFC 2409 5.3 leaves the length open): IOS to
 * the block, strongSwan with 1 to a whole block of zeros, others with a pad-length byte at the end.
 */

const KEY = Uint8Array.from([0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]);
const IV = new Uint8Array(8).fill(0x11);
const crypto = { cipher: DES_CBC, key: KEY };
const payloads: IsakmpPayload[] = [{ kind: 'hash', data: new Uint8Array(20).fill(0x5a) }];

function encryptWithPadding(padding: Uint8Array): Uint8Array {
  const chain = encodePayloadChain(payloads).bytes;
  const plain = new Uint8Array(chain.length + padding.length);
  plain.set(chain);
  plain.set(padding, chain.length);
  return DES_CBC.encrypt(KEY, IV, plain);
}

test('a body padded with a whole block of zeros (strongSwan) or ending with a pad length is read', () => {
  // 24 bytes of HASH payload: already whole blocks, so strongSwan adds 8 zero bytes.
  assert.equal(encodePayloadChain(payloads).bytes.length, 24);
  for (const padding of [new Uint8Array(0), new Uint8Array(8), Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 7]), new Uint8Array(16)]) {
    const result = decryptBody(PayloadType.hash, encryptWithPadding(padding), crypto, IV);
    assert.ok(result.ok, `padding of ${padding.length} bytes`);
    assert.deepEqual(result.payloads, payloads);
  }
});

test('a body that is not whole blocks, or whose payload chain does not hold, is malformed', () => {
  const body = encryptWithPadding(new Uint8Array(8));
  assert.deepEqual(decryptBody(PayloadType.hash, body.subarray(0, 20), crypto, IV), { ok: false, problem: 'not-block-aligned' });
  const wrongKey = decryptBody(PayloadType.hash, body, { cipher: DES_CBC, key: new Uint8Array(8).fill(9) }, IV);
  assert.equal(wrongKey.ok, false);
});
