import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IOS_CLOCK_EPOCH_MS, PcapWriter } from './pcap.ts';
import { LINKTYPE_ETHERNET, readPcap } from './pcap-reader.ts';
import { fromHex } from './test-hex.ts';

const DATAGRAM_A = fromHex('45000014 00010000 40110000 0a000001 0a000002');
const DATAGRAM_B = fromHex('45000015 00020000 40010000 0a000002 0a000001 ff');

function readOk(bytes: Uint8Array, epochMs?: number) {
  const capture = readPcap(bytes, { epochMs });
  assert.ok(capture.ok, capture.ok ? '' : capture.error.message);
  return capture.value;
}

test("the writer's raw-IPv4 capture reads back with its virtual times", () => {
  const writer = new PcapWriter();
  writer.add(0, DATAGRAM_A);
  writer.add(1234.5, DATAGRAM_B);
  const capture = readOk(writer.toBytes(), IOS_CLOCK_EPOCH_MS);
  assert.equal(capture.linkType, 101);
  assert.equal(capture.nanosecondTimestamps, false);
  assert.deepEqual(capture.records, [
    { timeMs: 0, ipv4Bytes: DATAGRAM_A },
    { timeMs: 1234.5, ipv4Bytes: DATAGRAM_B },
  ]);
});

/** A big-endian, nanosecond, Ethernet capture, built by hand. */
function bigEndianEthernetCapture(frames: Uint8Array[]): Uint8Array {
  const parts = [fromHex('a1b23c4d 0002 0004 00000000 00000000 0000ffff 00000001')];
  frames.forEach((frame, i) => {
    const header = new Uint8Array(16);
    const view = new DataView(header.buffer);
    view.setUint32(0, 100 + i);
    view.setUint32(4, 250_000_000); // 0.25 s in nanoseconds
    view.setUint32(8, frame.length);
    view.setUint32(12, frame.length);
    parts.push(header, frame);
  });
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((offset, part) => (out.set(part, offset), offset + part.length), 0);
  return out;
}

const MACS = fromHex('0200000000010200000000 02');

function frame(etherTypes: string, payload: Uint8Array): Uint8Array {
  const head = fromHex(etherTypes);
  const out = new Uint8Array(MACS.length + head.length + payload.length);
  out.set(MACS);
  out.set(head, MACS.length);
  out.set(payload, MACS.length + head.length);
  return out;
}

test('Ethernet frames give their IPv4 datagrams, past 802.1Q and 802.1ad tags; others are counted', () => {
  const capture = readOk(
    bigEndianEthernetCapture([
      frame('0800', DATAGRAM_A),
      frame('0806', fromHex('00010800 06040001')), // ARP
      frame('8100 0064 0800', DATAGRAM_B),
      frame('88a8 0001 8100 0064 0800', DATAGRAM_A),
      frame('86dd', fromHex('60000000')), // IPv6
    ]),
  );
  assert.equal(capture.linkType, LINKTYPE_ETHERNET);
  assert.equal(capture.nanosecondTimestamps, true);
  assert.equal(capture.skipped, 2);
  assert.deepEqual(
    capture.records.map((record) => record.ipv4Bytes),
    [DATAGRAM_A, DATAGRAM_B, DATAGRAM_A],
  );
  assert.deepEqual(capture.records.map((record) => record.timeMs), [100_250, 102_250, 103_250]);
});

test('a record cut short by the end of the file is truncation', () => {
  const writer = new PcapWriter();
  writer.add(0, DATAGRAM_A);
  const bytes = writer.toBytes();
  const cut = readPcap(bytes.subarray(0, bytes.length - 1));
  assert.ok(!cut.ok && cut.error.code === 'truncated');
  const headerCut = readPcap(bytes.subarray(0, 24 + 10));
  assert.ok(!headerCut.ok && headerCut.error.code === 'truncated');
  const noHeader = readPcap(bytes.subarray(0, 20));
  assert.ok(!noHeader.ok && noHeader.error.code === 'truncated');
});

test('an unknown magic or link type is refused', () => {
  const notPcap = readPcap(fromHex('0a0d0d0a 00000000 00000000 00000000 00000000 00000000'));
  assert.ok(!notPcap.ok && notPcap.error.code === 'bad-field');
  const tokenRing = readPcap(fromHex('d4c3b2a1 0200 0400 00000000 00000000 ffff0000 06000000'));
  assert.ok(!tokenRing.ok);
  assert.match(tokenRing.error.message, /link type 6/);
});

test('a capture with only a global header has no records', () => {
  const capture = readOk(new PcapWriter().toBytes());
  assert.deepEqual(capture.records, []);
  assert.equal(capture.skipped, 0);
});
