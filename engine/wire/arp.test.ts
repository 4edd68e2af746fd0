import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArpOperation, decodeArp, encodeArp, type ArpPacket } from './arp.ts';
import { decodeEthernet, encodeEthernet, EtherType } from './ethernet.ts';
import { formatIpv4, parseIpv4 } from './ipv4-address.ts';
import { BROADCAST_MAC, formatMacColons, parseMac } from './mac-address.ts';
import { fromHex } from './test-hex.ts';

const ip = (text: string) => parseIpv4(text)!;
const mac = (text: string) => parseMac(text)!;

/** FreeRADIUS's ARP test vector (src/tests/unit/protocols/arp/base.txt, CC-BY 4.0): a request, RFC 826 layout. */
const FREERADIUS_REQUEST = fromHex('0001 0800 0604 0001 000102030405 c0000201 00aabbccddee c0000280');

/**
 * A captured request, Frame 7 of mynetwatchman.com's "normal ARP request and reply" (2001):
 * 172.16.1.101 (00a0c922b210) asks for 172.16.1.50, broadcast, with 18 bytes of padding.
 */
const CAPTURED_REQUEST_FRAME = fromHex(`
  ffffffffffff 00a0c922b210 0806 0001 0800 0604 0001 00a0c922b210 ac100165
  000000000000 ac100132 000000000000000000000000000000000000`);

test('the FreeRADIUS request vector decodes field for field and encodes back to the same bytes', () => {
  const decoded = decodeArp(FREERADIUS_REQUEST);
  assert.ok(decoded.ok);
  const expected: ArpPacket = {
    operation: ArpOperation.request,
    senderMac: mac('00:01:02:03:04:05'), senderAddress: ip('192.0.2.1'),
    targetMac: mac('00:aa:bb:cc:dd:ee'), targetAddress: ip('192.0.2.128'),
  };
  assert.deepEqual(decoded.value, expected);
  assert.deepEqual(encodeArp(expected), FREERADIUS_REQUEST);
});

test('a captured broadcast request: Ethernet header, ARP body, padding to 60 bytes, and back', () => {
  const frame = decodeEthernet(CAPTURED_REQUEST_FRAME);
  assert.ok(frame.ok);
  assert.equal(frame.value.destination, BROADCAST_MAC);
  assert.equal(formatMacColons(frame.value.source), '00:a0:c9:22:b2:10');
  assert.equal(frame.value.etherType, EtherType.arp);
  const arp = decodeArp(frame.value.payload);
  assert.ok(arp.ok, 'the 18 bytes of padding after the ARP body are ignored');
  assert.equal(arp.value.operation, ArpOperation.request);
  assert.equal(formatIpv4(arp.value.senderAddress), '172.16.1.101');
  assert.equal(formatIpv4(arp.value.targetAddress), '172.16.1.50');
  assert.equal(arp.value.targetMac, 0);
  const rebuilt = encodeEthernet({ ...frame.value, payload: encodeArp(arp.value) });
  assert.deepEqual(rebuilt, CAPTURED_REQUEST_FRAME, 'our encoder pads with zeros exactly as the capture shows');
});

test('the captured reply (Frame 8, rebuilt from its published decode) round-trips', () => {
  const reply: ArpPacket = {
    operation: ArpOperation.reply,
    senderMac: mac('0090.273c.66e1'), senderAddress: ip('172.16.1.50'),
    targetMac: mac('00a0.c922.b210'), targetAddress: ip('172.16.1.101'),
  };
  const bytes = encodeArp(reply);
  assert.deepEqual(bytes, fromHex('0001 0800 0604 0002 0090273c66e1 ac100132 00a0c922b210 ac100165'));
  const decoded = decodeArp(bytes);
  assert.ok(decoded.ok);
  assert.deepEqual(decoded.value, reply);
});

test('what is not Ethernet/IPv4 ARP request or reply is refused with a typed error, never thrown', () => {
  const cases: Array<[string, Uint8Array]> = [
    ['truncated', FREERADIUS_REQUEST.subarray(0, 27)],
    ['bad-field', Uint8Array.from([...FREERADIUS_REQUEST.subarray(0, 1), 6, ...FREERADIUS_REQUEST.subarray(2)])],
    ['bad-field', Uint8Array.from([...FREERADIUS_REQUEST.subarray(0, 2), 0x86, 0xdd, ...FREERADIUS_REQUEST.subarray(4)])],
    ['bad-field', Uint8Array.from([...FREERADIUS_REQUEST.subarray(0, 7), 3, ...FREERADIUS_REQUEST.subarray(8)])],
  ];
  for (const [code, bytes] of cases) {
    const decoded = decodeArp(bytes);
    assert.equal(decoded.ok, false);
    if (!decoded.ok) assert.equal(decoded.error.code, code);
  }
});
