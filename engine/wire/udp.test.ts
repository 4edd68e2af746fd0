import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeUdp, encodeUdp } from './udp.ts';
import { decodeIpv4, type Ipv4Datagram } from './ipv4.ts';
import { formatIpv4, parseIpv4 } from './ipv4-address.ts';
import { fromHex } from './test-hex.ts';

/** Real DNS traffic kept as test packets by gopacket (layers/dns_test.go). */
const DNS_QUERY = fromHex(`
  4500 0044 89c4 0000 3811 2f3d 6dc2 a004 5fd3 5c0e e1a6 0035 0030 a597 f618 0010
  0001 0000 0000 0001 0870 6963 736c 6966 6502 7275 0000 0100 0100 0029 1000 0000
  8000 0000`);
/** Its UDP length is odd (95), which exercises the checksum's zero padding. */
const DNS_TXT_RESPONSE = fromHex(`
  4500 0073 0000 4000 3911 6498 d043 dede 0aba 2306 0035 81b2 005f dcb5 9871 8180
  0001 0001 0000 0001 0667 6f6f 676c 6503 636f 6d00 0010 0001 c00c 0010 0001 0000
  0e10 0024 2376 3d73 7066 3120 696e 636c 7564 653a 5f73 7066 2e67 6f6f 676c 652e
  636f 6d20 7e61 6c6c 0000 2910 0000 0000 0000 00`);

function ipOf(bytes: Uint8Array): Ipv4Datagram {
  const result = decodeIpv4(bytes);
  assert.ok(result.ok);
  return result.value;
}

test('a captured DNS query decodes and its checksum verifies', () => {
  const ip = ipOf(DNS_QUERY);
  assert.equal(formatIpv4(ip.source), '109.194.160.4');
  const result = decodeUdp(ip.payload, ip.source, ip.destination);
  assert.ok(result.ok);
  assert.equal(result.value.sourcePort, 57766);
  assert.equal(result.value.destinationPort, 53);
  assert.equal(result.value.payload.length, 40);
});

test('re-encoding captured datagrams reproduces their checksums (even and odd lengths)', () => {
  for (const capture of [DNS_QUERY, DNS_TXT_RESPONSE]) {
    const ip = ipOf(capture);
    const udp = decodeUdp(ip.payload, ip.source, ip.destination);
    assert.ok(udp.ok);
    assert.deepEqual(encodeUdp(udp.value, ip.source, ip.destination), ip.payload);
  }
});

test('the checksum covers the pseudo-header: another destination fails', () => {
  const ip = ipOf(DNS_QUERY);
  const result = decodeUdp(ip.payload, ip.source, parseIpv4('95.211.92.15')!);
  assert.ok(!result.ok && result.error.code === 'bad-checksum');
});

test('a zero checksum means none and is accepted; a computed zero is sent as ffff', () => {
  const ip = ipOf(DNS_QUERY);
  const unchecked = ip.payload.slice();
  unchecked[6] = 0;
  unchecked[7] = 0;
  assert.ok(decodeUdp(unchecked, 0, 0).ok);
  // Ports chosen so the sum of everything else is ffff: the checksum field must become ffff.
  const source = 0;
  const destination = 0;
  const bytes = encodeUdp({ sourcePort: 0xffff - 17 - 8 - 8, destinationPort: 0, payload: new Uint8Array(0) }, source, destination);
  assert.deepEqual(bytes.subarray(6), fromHex('ffff'));
  assert.ok(decodeUdp(bytes, source, destination).ok);
});

test('length fields are not trusted', () => {
  const ip = ipOf(DNS_QUERY);
  const short = decodeUdp(ip.payload.slice(0, 7), ip.source, ip.destination);
  assert.ok(!short.ok && short.error.code === 'truncated');
  const beyond = decodeUdp(ip.payload.slice(0, 40), ip.source, ip.destination);
  assert.ok(!beyond.ok && beyond.error.code === 'truncated');
  const tiny = ip.payload.slice();
  tiny[5] = 4;
  const belowHeader = decodeUdp(tiny, ip.source, ip.destination);
  assert.ok(!belowHeader.ok && belowHeader.error.code === 'bad-length');
});

test('round trip and trailing bytes past the UDP length are ignored', () => {
  const source = parseIpv4('11.11.11.1')!;
  const destination = parseIpv4('11.11.11.2')!;
  const bytes = encodeUdp({ sourcePort: 500, destinationPort: 500, payload: fromHex('0102030405') }, source, destination);
  const padded = new Uint8Array(bytes.length + 3);
  padded.set(bytes);
  const result = decodeUdp(padded, source, destination);
  assert.ok(result.ok);
  assert.deepEqual(result.value, { sourcePort: 500, destinationPort: 500, payload: fromHex('0102030405') });
});
