import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEthernet, encodeEthernet, EtherType, ETHERNET_MIN_FRAME_LENGTH, ipv4PayloadOf } from './ethernet.ts';
import {
  BROADCAST_MAC, formatMacColons, formatMacIos, isGroupMac, parseMac, readMac, writeMac,
} from './mac-address.ts';
import { fromHex } from './test-hex.ts';

test('MAC addresses print as IOS prints them and as tools do, and parse back from either form', () => {
  const mac = parseMac('0003.6b8f.1a20')!;
  assert.equal(mac, 0x00036b8f1a20);
  assert.equal(formatMacIos(mac), '0003.6b8f.1a20');
  assert.equal(formatMacColons(mac), '00:03:6b:8f:1a:20');
  assert.equal(parseMac('00:03:6B:8F:1A:20'), mac);
  assert.equal(parseMac('00-03-6b-8f-1a-20'), mac);
  for (const bad of ['0003.6b8f', '00:03:6b:8f:1a', '00:03-6b:8f:1a:20', 'gggg.0000.0000']) assert.equal(parseMac(bad), undefined, bad);
  assert.equal(formatMacIos(BROADCAST_MAC), 'ffff.ffff.ffff');
});

test('all 48 bits survive bytes and back; the group bit is the first octet\'s lowest', () => {
  const bytes = new Uint8Array(8);
  writeMac(bytes, 1, 0xfedcba987654);
  assert.deepEqual(bytes, fromHex('00 fedcba987654 00'));
  assert.equal(readMac(bytes, 1), 0xfedcba987654);
  assert.equal(isGroupMac(BROADCAST_MAC), true);
  assert.equal(isGroupMac(parseMac('01:00:5e:00:00:05')!), true, 'IPv4 multicast');
  assert.equal(isGroupMac(parseMac('00:03:6b:8f:1a:20')!), false);
  assert.equal(isGroupMac(parseMac('02:00:00:00:00:01')!), false, 'locally administered, still unicast');
});

test('a short payload is padded with zeros to the 60-byte minimum; a long one is not', () => {
  const short = encodeEthernet({ destination: BROADCAST_MAC, source: 0x00036b8f1a20, etherType: EtherType.arp, payload: fromHex('0102') });
  assert.equal(short.length, ETHERNET_MIN_FRAME_LENGTH);
  assert.deepEqual(short.subarray(0, 16), fromHex('ffffffffffff 00036b8f1a20 0806 0102'));
  assert.ok(short.subarray(16).every((byte) => byte === 0));
  const long = encodeEthernet({ destination: 1, source: 2, etherType: EtherType.ipv4, payload: new Uint8Array(100) });
  assert.equal(long.length, 114);
});

test('decoding returns the header and the payload with its padding; a runt is refused', () => {
  const frame = fromHex('00036b8f1a21 00036b8f1a20 0800 4500001c');
  const decoded = decodeEthernet(frame);
  assert.ok(decoded.ok);
  assert.equal(formatMacColons(decoded.value.destination), '00:03:6b:8f:1a:21');
  assert.equal(decoded.value.etherType, EtherType.ipv4);
  assert.deepEqual(decoded.value.payload, fromHex('4500001c'));
  const runt = decodeEthernet(frame.subarray(0, 13));
  assert.equal(runt.ok, false);
});

test('the IPv4 datagram in a padded frame is cut at its total length; other frames carry none', () => {
  const datagram = fromHex('4500 001c 0001 0000 ff11 0000 0b0b0b01 0b0b0b02 01f4 01f4 0008 0000');
  const frame = encodeEthernet({ destination: 1, source: 2, etherType: EtherType.ipv4, payload: datagram });
  assert.equal(frame.length, 60);
  assert.deepEqual(ipv4PayloadOf(frame), datagram);
  const arp = encodeEthernet({ destination: 1, source: 2, etherType: EtherType.arp, payload: datagram });
  assert.equal(ipv4PayloadOf(arp), undefined);
  const garbage = encodeEthernet({ destination: 1, source: 2, etherType: EtherType.ipv4, payload: fromHex('0102') });
  assert.equal(ipv4PayloadOf(garbage)!.length, 46, 'without a plausible IPv4 length the whole payload is the datagram');
});
