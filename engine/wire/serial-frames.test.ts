import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CiscoHdlcProtocol, decodeSerialFrame, encodeSerialFrame, encodeSerialIpv4, PppProtocol, serialIpv4PayloadOf,
} from './serial-frames.ts';
import { fromHex } from './test-hex.ts';

// The first bytes of an IPv4 header, enough to tell frames apart.
const DATAGRAM = fromHex('4500001c 0001 0000 ff01 0000 0a000001 0a000002');

test('Cisco HDLC carries IPv4 as 0F 00 0800 (RFC 1547 4.3.1, Linux hdlc_cisco.c)', () => {
  assert.deepEqual(encodeSerialIpv4('hdlc', DATAGRAM).subarray(0, 6), fromHex('0f00 0800 4500'));
});

test('PPP carries IPv4 as FF 03 0021 (RFC 1662 framing, protocol 0x0021)', () => {
  assert.deepEqual(encodeSerialIpv4('ppp', DATAGRAM).subarray(0, 6), fromHex('ff03 0021 4500'));
});

test('a SLARP keepalive as Linux hdlc_cisco.c writes it decodes as Cisco HDLC broadcast, protocol 0x8035', () => {
  // address 8F, control 00, protocol 8035; type 2 (keepalive request), mine 5, yours 4, reliability FFFF, time.
  const keepalive = fromHex('8f00 8035 00000002 00000005 00000004 ffff 0001d4c0');
  const frame = decodeSerialFrame(keepalive);
  assert.ok(frame.ok);
  assert.deepEqual({ ...frame.value, payload: undefined }, { encapsulation: 'hdlc', address: 0x8f, protocol: CiscoHdlcProtocol.slarp, payload: undefined });
  assert.equal(frame.value.payload.length, 18);
  assert.equal(serialIpv4PayloadOf(keepalive), undefined, 'a keepalive carries no datagram');
});

test('an LCP Configure-Request with a magic number (RFC 1661 5.1, option 5) decodes as PPP protocol 0xC021', () => {
  const request = fromHex('ff03 c021 01 01 000a 05 06 12345678');
  const frame = decodeSerialFrame(request);
  assert.ok(frame.ok);
  assert.equal(frame.value.encapsulation, 'ppp');
  assert.equal(frame.value.protocol, PppProtocol.lcp);
  assert.deepEqual(frame.value.payload, fromHex('01 01 000a 05 06 12345678'));
});

test('every frame survives encode and decode; the datagram comes back without the header', () => {
  for (const encapsulation of ['hdlc', 'ppp'] as const) {
    const bytes = encodeSerialIpv4(encapsulation, DATAGRAM);
    const frame = decodeSerialFrame(bytes);
    assert.ok(frame.ok);
    assert.equal(frame.value.encapsulation, encapsulation);
    assert.deepEqual(encodeSerialFrame(frame.value), bytes);
    assert.deepEqual(serialIpv4PayloadOf(bytes), DATAGRAM);
  }
});

test('short frames and unknown address/control pairs are typed errors, never exceptions', () => {
  for (const [hex, code] of [['', 'truncated'], ['0f00 08', 'truncated'], ['0f03 0800', 'bad-field'], ['ff00 0021', 'bad-field'], ['4500 001c', 'bad-field']] as const) {
    const frame = decodeSerialFrame(fromHex(hex));
    assert.equal(frame.ok, false, hex);
    if (!frame.ok) assert.equal(frame.error.code, code, hex);
  }
});
