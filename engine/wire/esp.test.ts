import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEsp, decodeEspHeader, encodeEsp, espAuthenticatedBytes, espPad, espUnpad, type EspPacket } from './esp.ts';
import { fromHex } from './test-hex.ts';

const PACKET: EspPacket = {
  spi: 0x756a7d1e,
  sequenceNumber: 1,
  iv: fromHex('0011223344556677'),
  ciphertext: fromHex('8899aabbccddeeff 0102030405060708'),
  icv: fromHex('a1a2a3a4a5a6a7a8a9aaabac'),
};
const PACKET_BYTES = fromHex('756a7d1e 00000001 0011223344556677 8899aabbccddeeff0102030405060708 a1a2a3a4a5a6a7a8a9aaabac');

test('an ESP packet is SPI, sequence number, IV, ciphertext and ICV in that order', () => {
  assert.deepEqual(encodeEsp(PACKET), PACKET_BYTES);
  const decoded = decodeEsp(PACKET_BYTES, { ivLength: 8, icvLength: 12 });
  assert.ok(decoded.ok);
  const { authenticated, ...fields } = decoded.value;
  assert.deepEqual(fields, PACKET);
  assert.deepEqual(authenticated, espAuthenticatedBytes(PACKET), 'the ICV covers the bytes as received');
});

test('the ICV covers everything before it', () => {
  assert.deepEqual(espAuthenticatedBytes(PACKET), PACKET_BYTES.subarray(0, PACKET_BYTES.length - 12));
});

test('without authentication the ICV is empty', () => {
  const decoded = decodeEsp(PACKET_BYTES, { ivLength: 8, icvLength: 0 });
  assert.ok(decoded.ok);
  assert.equal(decoded.value.icv.length, 0);
  assert.equal(decoded.value.ciphertext.length, 28);
  assert.deepEqual(encodeEsp(decoded.value), PACKET_BYTES);
});

test('the header alone gives SPI and sequence number', () => {
  const header = decodeEspHeader(PACKET_BYTES);
  assert.ok(header.ok);
  assert.deepEqual(header.value, { spi: 0x756a7d1e, sequenceNumber: 1 });
  const short = decodeEspHeader(PACKET_BYTES.subarray(0, 7));
  assert.ok(!short.ok && short.error.code === 'truncated');
});

test('a packet shorter than header, IV and ICV is truncated', () => {
  const decoded = decodeEsp(PACKET_BYTES.subarray(0, 27), { ivLength: 8, icvLength: 12 });
  assert.ok(!decoded.ok);
  assert.equal(decoded.error.code, 'truncated');
  assert.ok(decodeEsp(PACKET_BYTES.subarray(0, 28), { ivLength: 8, icvLength: 12 }).ok);
});

test('padding is 1, 2, 3, ... up to the cipher block, then pad length and next header', () => {
  assert.deepEqual(espPad(fromHex('aabbccddee'), 8, 4), fromHex('aabbccddee 01 01 04'));
  assert.deepEqual(espPad(fromHex('aabbccddeeff'), 8, 4), fromHex('aabbccddeeff 00 04'));
  const padded = espPad(new Uint8Array(20), 16, 1);
  assert.equal(padded.length, 32);
  assert.deepEqual(padded.subarray(20), fromHex('0102030405060708090a 0a 01'));
});

test('without a block cipher the trailer still ends 4-byte aligned', () => {
  assert.deepEqual(espPad(fromHex('aa'), 1, 50), fromHex('aa 01 01 32'));
  assert.equal(espPad(new Uint8Array(1), 3, 4).length, 12, 'block 3 and alignment 4 meet at 12');
});

test('a bad block size is a programming error', () => {
  assert.throws(() => espPad(new Uint8Array(1), 0, 4), RangeError);
  assert.throws(() => espPad(new Uint8Array(1), 256, 4), RangeError);
});

test('unpadding returns payload, pad length and next header', () => {
  for (const length of [0, 1, 7, 8, 13, 14, 15, 16]) {
    const payload = Uint8Array.from({ length }, (_, i) => 0xf0 ^ i);
    const unpadded = espUnpad(espPad(payload, 16, 4));
    assert.ok(unpadded.ok);
    assert.deepEqual(unpadded.value.payload, payload);
    assert.equal(unpadded.value.nextHeader, 4);
    assert.equal(unpadded.value.padLength, (16 - ((length + 2) % 16)) % 16);
  }
});

test('padding that is not monotonic is rejected', () => {
  const unpadded = espUnpad(fromHex('aabbccdd 01 03 02 04'));
  assert.ok(!unpadded.ok);
  assert.equal(unpadded.error.code, 'bad-field');
  assert.match(unpadded.error.message, /padding byte 2 is 3/);
});

test('a pad length longer than the payload is a length error', () => {
  const unpadded = espUnpad(fromHex('01 02 03 04'));
  assert.ok(!unpadded.ok);
  assert.equal(unpadded.error.code, 'bad-length');
});

test('fewer than two bytes have no trailer', () => {
  const unpadded = espUnpad(fromHex('04'));
  assert.ok(!unpadded.ok);
  assert.equal(unpadded.error.code, 'truncated');
});
