import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex, concatBytes, parseHex } from './bytes.ts';

test('bytesToHex writes every byte as two lower-case digits, and parseHex reads it back', () => {
  const every = Uint8Array.from({ length: 256 }, (_, b) => b);
  const hex = bytesToHex(every);
  assert.equal(hex.length, 512);
  assert.equal(hex.slice(0, 8), '00010203');
  assert.equal(hex.slice(-8), 'fcfdfeff');
  assert.equal(hex, Buffer.from(every).toString('hex'));
  assert.deepEqual(parseHex(hex), every);
  assert.equal(bytesToHex(new Uint8Array(0)), '');
  assert.equal(bytesToHex(Uint8Array.of(0x0a, 0xb0)), '0ab0');
});

test('concatBytes joins short fields and long payloads in order', () => {
  const long = Uint8Array.from({ length: 40 }, (_, i) => i);
  const joined = concatBytes(Uint8Array.of(0xaa), new Uint8Array(0), long, Uint8Array.of(1, 2, 3), long.subarray(30));
  assert.equal(joined.length, 1 + 40 + 3 + 10);
  assert.deepEqual([...joined], [0xaa, ...long, 1, 2, 3, ...long.subarray(30)]);
  assert.deepEqual(concatBytes(), new Uint8Array(0));
});
