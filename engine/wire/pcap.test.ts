import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IOS_CLOCK_EPOCH_MS, PcapWriter, splitTimestamp } from './pcap.ts';
import { fromHex } from './test-hex.ts';

test('the global header is libpcap 2.4, microseconds, little-endian, raw IPv4', () => {
  const file = new PcapWriter().toBytes();
  assert.deepEqual(file, fromHex('d4c3b2a1 0200 0400 00000000 00000000 ffff0000 65000000'));
});

test('a record carries seconds and microseconds from the epoch plus virtual time', () => {
  const writer = new PcapWriter({ epochMs: 1_000_000, snapLength: 96 });
  writer.add(1500.25, fromHex('45000014'));
  const file = writer.toBytes();
  assert.equal(writer.count, 1);
  assert.deepEqual(file.subarray(16, 20), fromHex('60000000')); // snap length 96
  // 1_001_500.25 ms = 1001 s + 500250 us
  assert.deepEqual(file.subarray(24), fromHex('e9030000 1aa20700 04000000 04000000 45000014'));
});

test('records longer than the snap length are cut but keep their original length', () => {
  const writer = new PcapWriter({ epochMs: 0, snapLength: 4 });
  writer.add(0, fromHex('0102030405060708'));
  const file = writer.toBytes();
  assert.deepEqual(file.subarray(24), fromHex('00000000 00000000 04000000 08000000 01020304'));
});

test('the capture keeps copies, and records follow one another', () => {
  const writer = new PcapWriter({ epochMs: 0 });
  const datagram = fromHex('aabb');
  writer.add(1, datagram);
  datagram[0] = 0;
  writer.add(2, fromHex('cc'));
  const file = writer.toBytes();
  assert.equal(file.length, 24 + 16 + 2 + 16 + 1);
  assert.deepEqual(file.subarray(40, 42), fromHex('aabb'));
  assert.deepEqual(file.subarray(42 + 4, 42 + 8), fromHex('d0070000')); // 2000 us
});

test('the default epoch is the unset IOS clock, March 1st 1993', () => {
  assert.equal(IOS_CLOCK_EPOCH_MS, 730_944_000_000);
  assert.deepEqual(splitTimestamp(IOS_CLOCK_EPOCH_MS + 0.0004), { seconds: 730_944_000, microseconds: 0 });
  assert.deepEqual(splitTimestamp(999.9996), { seconds: 1, microseconds: 0 });
});
