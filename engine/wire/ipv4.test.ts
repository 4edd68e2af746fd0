import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeIpv4, decodeQuotedIpv4, encodeIpv4, ipv4EncodingProblem, type Ipv4Datagram } from './ipv4.ts';
import { formatIpv4, parseIpv4 } from './ipv4-address.ts';
import { fromHex } from './test-hex.ts';

/** tcpdump of a Windows ping (the "Ping (networking utility)" article on Wikipedia). */
const WINDOWS_ECHO_REQUEST = fromHex(`
  4500 003c 3aff 0000 8001 5c55 c0a8 9216 c0a8 9005 0800 4d35 0001 0026 6162 6364
  6566 6768 696a 6b6c 6d6e 6f70 7172 7374 7576 7761 6263 6465 6667 6869`);

function sample(overrides: Partial<Ipv4Datagram> = {}): Ipv4Datagram {
  return {
    tos: 0, identification: 0x1234, dontFragment: false, moreFragments: false, fragmentOffset: 0, ttl: 255,
    protocol: 17, source: parseIpv4('13.13.13.14')!, destination: parseIpv4('12.12.12.13')!,
    options: new Uint8Array(0), payload: fromHex('01020304050607'),
    ...overrides,
  };
}

test('a captured datagram decodes field by field', () => {
  const result = decodeIpv4(WINDOWS_ECHO_REQUEST);
  assert.ok(result.ok);
  const d = result.value;
  assert.equal(formatIpv4(d.source), '192.168.146.22');
  assert.equal(formatIpv4(d.destination), '192.168.144.5');
  assert.equal(d.identification, 0x3aff);
  assert.equal(d.ttl, 128);
  assert.equal(d.protocol, 1);
  assert.equal(d.dontFragment, false);
  assert.equal(d.payload.length, 40);
  assert.equal(d.options.length, 0);
});

test('re-encoding a captured datagram gives the same bytes, checksum included', () => {
  const result = decodeIpv4(WINDOWS_ECHO_REQUEST);
  assert.ok(result.ok);
  assert.deepEqual(encodeIpv4(result.value), WINDOWS_ECHO_REQUEST);
});

test('round trip with flags, fragment offset and options (padded to 4 bytes)', () => {
  const original = sample({ dontFragment: true, moreFragments: true, fragmentOffset: 185, tos: 0xb8, options: fromHex('940400') });
  const bytes = encodeIpv4(original);
  assert.equal(bytes[0], 0x46); // IHL 6
  assert.equal(bytes.length, 24 + 7);
  const decoded = decodeIpv4(bytes);
  assert.ok(decoded.ok);
  assert.deepEqual(decoded.value, { ...original, options: fromHex('94040000') });
});

test('bytes past the total length are ignored', () => {
  const padded = new Uint8Array(WINDOWS_ECHO_REQUEST.length + 6);
  padded.set(WINDOWS_ECHO_REQUEST);
  const result = decodeIpv4(padded);
  assert.ok(result.ok);
  assert.equal(result.value.payload.length, 40);
});

test('malformed datagrams give typed errors', () => {
  const cases: Array<[string, Uint8Array, string]> = [
    ['shorter than a header', WINDOWS_ECHO_REQUEST.slice(0, 19), 'truncated'],
    ['version 6', patch(WINDOWS_ECHO_REQUEST, 0, 0x65), 'bad-version'],
    ['IHL 4', patch(WINDOWS_ECHO_REQUEST, 0, 0x44), 'bad-length'],
    ['IHL beyond total length', patch(patch(WINDOWS_ECHO_REQUEST, 2, 0), 3, 0x14 - 4), 'bad-length'],
    ['total length larger than the buffer', WINDOWS_ECHO_REQUEST.slice(0, 59), 'truncated'],
    ['corrupted TTL', patch(WINDOWS_ECHO_REQUEST, 8, 0x7f), 'bad-checksum'],
  ];
  for (const [name, bytes, code] of cases) {
    const result = decodeIpv4(bytes);
    assert.equal(result.ok, false, name);
    if (!result.ok) assert.equal(result.error.code, code, name);
  }
});

test('a datagram that cannot be encoded is reported before encoding', () => {
  assert.equal(ipv4EncodingProblem(sample()), undefined);
  assert.match(ipv4EncodingProblem(sample({ payload: new Uint8Array(65516) }))!, /too long/);
  assert.match(ipv4EncodingProblem(sample({ options: new Uint8Array(41) }))!, /options/);
  assert.throws(() => encodeIpv4(sample({ payload: new Uint8Array(70000) })), RangeError);
});

test('a quoted header decodes without its payload or a valid checksum', () => {
  const quote = patch(WINDOWS_ECHO_REQUEST.slice(0, 28), 8, 1); // TTL changed in flight
  const result = decodeQuotedIpv4(quote);
  assert.ok(result.ok);
  assert.equal(formatIpv4(result.value.header.destination), '192.168.144.5');
  assert.deepEqual(result.value.leadingPayload, fromHex('0800 4d35 0001 0026'));
  const cut = decodeQuotedIpv4(quote.slice(0, 12));
  assert.equal(cut.ok, false);
});

function patch(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const copy = bytes.slice();
  copy[offset] = value;
  return copy;
}
