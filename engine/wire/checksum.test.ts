import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checksumVerifies, internetChecksum, onesComplementSum, pseudoHeader, pseudoHeaderSum } from './checksum.ts';
import { parseIpv4 } from './ipv4-address.ts';
import { fromHex } from './test-hex.ts';

test('RFC 1071 section 3 worked example: 00 01 f2 03 f4 f5 f6 f7 sums to ddf2', () => {
  const data = fromHex('0001 f203 f4f5 f6f7');
  assert.equal(onesComplementSum(data), 0xddf2);
  assert.equal(internetChecksum(data), 0x220d);
});

test('the sum does not depend on how the data is split (RFC 1071 deferred carries)', () => {
  const data = fromHex('0001 f203 f4f5 f6f7');
  const firstHalf = onesComplementSum(data.subarray(0, 4));
  assert.equal(onesComplementSum(data.subarray(4), firstHalf), 0xddf2);
});

test('an odd trailing byte is padded with zero on the right', () => {
  assert.equal(onesComplementSum(fromHex('ab')), 0xab00);
  assert.equal(onesComplementSum(fromHex('0102 03')), 0x0102 + 0x0300);
});

test('data carrying its own checksum verifies; a flipped bit does not', () => {
  const header = fromHex('4500 0073 0000 4000 4011 0000 c0a8 0001 c0a8 00c7');
  const checksum = internetChecksum(header);
  assert.equal(checksum, 0xb861); // the IPv4 header example in Wikipedia's "Internet checksum"
  header[10] = checksum >> 8;
  header[11] = checksum & 0xff;
  assert.equal(checksumVerifies(header), true);
  header[3] ^= 0x01;
  assert.equal(checksumVerifies(header), false);
});

test('the pseudo-header is source, destination, zero, protocol, length', () => {
  const source = parseIpv4('198.75.24.121')!;
  const destination = parseIpv4('198.75.24.36')!;
  assert.deepEqual(pseudoHeader(source, destination, 17, 14), fromHex('c64b1879 c64b1824 0011 000e'));
  assert.equal(pseudoHeaderSum(source, destination, 17, 14), onesComplementSum(fromHex('c64b1879c64b18240011000e')));
});
