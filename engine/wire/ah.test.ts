import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import {
  AH_FIXED_LENGTH, ahEncodingProblem, ahIcvInput, ahIcvLengthProblem, ahPayloadLength, buildAhDatagram, decodeAh,
  decodeAhHeader, encodeAh, type AhOuterFields, type AhPacket,
} from './ah.ts';
import { decodeIpv4, encodeIpv4, type Ipv4Datagram } from './ipv4.ts';
import { parseIpv4 } from './ipv4-address.ts';
import { fromHex } from './test-hex.ts';

const PACKET: AhPacket = {
  nextHeader: 4,
  spi: 0x91234567,
  sequenceNumber: 1,
  icv: fromHex('a1a2a3a4a5a6a7a8a9aaabac'),
  payload: fromHex('45000054 0000 4000'),
};
const PACKET_BYTES = fromHex('04 04 0000 91234567 00000001 a1a2a3a4a5a6a7a8a9aaabac 45000054 0000 4000');

function address(text: string): number {
  const parsed = parseIpv4(text);
  assert.ok(parsed !== undefined, text);
  return parsed;
}

/** HMAC from node:crypto, not the project's, truncated as RFC 2403/2404 (and RFC 4868 for SHA-256) do. */
function nodeIcv(algorithm: string, key: Uint8Array, length: number): (input: Uint8Array) => Uint8Array {
  return (input) => new Uint8Array(createHmac(algorithm, key).update(input).digest().subarray(0, length));
}

test('an AH is next header, payload length, reserved, SPI, sequence number, ICV, then the payload', () => {
  assert.deepEqual(encodeAh(PACKET), PACKET_BYTES);
  const decoded = decodeAh(PACKET_BYTES, 12);
  assert.ok(decoded.ok);
  assert.deepEqual(decoded.value, { ...PACKET, reserved: 0 });
});

test('the payload length field is the AH length in words minus 2', () => {
  assert.equal(ahPayloadLength(12), 4, 'HMAC-MD5-96 and HMAC-SHA-1-96');
  assert.equal(ahPayloadLength(16), 5, 'HMAC-SHA-256-128');
  assert.equal(ahPayloadLength(0), 1);
  assert.equal(ahIcvLengthProblem(12), undefined);
  assert.match(ahIcvLengthProblem(10) ?? '', /32-bit boundary/);
  assert.match(ahIcvLengthProblem(1020) ?? '', /overflows/);
  assert.ok(ahIcvLengthProblem(-4) !== undefined);
});

test('an ICV that would leave the AH off a word boundary is a programming error when encoding', () => {
  assert.throws(() => encodeAh({ ...PACKET, icv: new Uint8Array(10) }), RangeError);
});

test('the fixed part alone gives SPI, sequence number and the fields the receiver checks', () => {
  const header = decodeAhHeader(PACKET_BYTES);
  assert.ok(header.ok);
  assert.deepEqual(header.value, { nextHeader: 4, payloadLength: 4, reserved: 0, spi: 0x91234567, sequenceNumber: 1 });
  const short = decodeAhHeader(PACKET_BYTES.subarray(0, 11));
  assert.ok(!short.ok && short.error.code === 'truncated');
});

test('a non-zero reserved field is accepted and reported, not checked', () => {
  const bytes = PACKET_BYTES.slice();
  bytes.set([0xbe, 0xef], 2);
  const decoded = decodeAh(bytes, 12);
  assert.ok(decoded.ok);
  assert.equal(decoded.value.reserved, 0xbeef);
});

test('truncated and garbled AH packets are typed failures', () => {
  const cases: Array<[Uint8Array, number, string]> = [
    [PACKET_BYTES.subarray(0, 11), 12, 'truncated'],
    [PACKET_BYTES.subarray(0, 23), 12, 'truncated'],
    [PACKET_BYTES, 16, 'bad-length'],
    [PACKET_BYTES, 10, 'bad-length'],
    [fromHex('04 05 0000 91234567 00000001 a1a2a3a4a5a6a7a8a9aaabac'), 12, 'bad-length'],
    [new Uint8Array(64), 12, 'bad-length'],
  ];
  for (const [bytes, icvLength, code] of cases) {
    const decoded = decodeAh(bytes, icvLength);
    assert.ok(!decoded.ok, `${bytes.length} bytes, ICV ${icvLength}`);
    assert.equal(decoded.error.code, code);
  }
  const empty = decodeAh(PACKET_BYTES.subarray(0, 24), 12);
  assert.ok(empty.ok && empty.value.payload.length === 0, 'an AH with nothing after it still frames');
});

test('a payload length that disagrees with the SA says so', () => {
  const decoded = decodeAh(PACKET_BYTES, 16);
  assert.ok(!decoded.ok);
  assert.match(decoded.error.message, /payload length 4 is not 5/);
});

/**
 * Published vectors: OpenDataPlane's IPsec validation suite (OpenDataPlane/odp,
 * test/validation/api/ipsec/test_vectors.h at 462175003545df019600ccb4613080c33b2a5b5a:
 * pkt_ipv4_icmp_0_ah_sha256_1, pkt_ipv4_icmp_0_ah_sha256_1235 and
 * pkt_ipv4_icmp_0_ah_tun_ipv4_sha256_1, key key_5a_256), Ethernet header left off. They use
 * HMAC-SHA-256-128, which IOS 12.2 lacks, but the ICV input does not depend on the algorithm,
 * and a 16-byte ICV checks that the framing takes its length from the caller.
 */
const ODP_KEY = new Uint8Array(32).fill(0x5a);
const ODP_ICMP = `0800fb37 12340000 babe0123 4567cafe 00010203 04050607 08090a0b 0c0d0e0f
  10111213 14151617 18191a1b 1c1d1e1f 20212223 24252627 28292a2b 2c2d2e2f
  30313233 34353637 38393a3b 3c3d3e3f 40414243 44454647 48494a4b 4c4d4e4f 50515253 54555657 58595a5b`;
const ODP_TRANSPORT_HEADER = '4500009c 00000000 4033abd9 c0a86f02 c0a8de02';
const ODP_VECTORS: Array<{ name: string; hex: string; nextHeader: number; sequenceNumber: number }> = [
  {
    name: 'transport, sequence 1',
    hex: `${ODP_TRANSPORT_HEADER} 01050000 0000007b 00000001 6c2ef71f 7c7039a3 4a770147 9e457351 ${ODP_ICMP}`,
    nextHeader: 1,
    sequenceNumber: 1,
  },
  {
    name: 'transport, sequence 0x1235',
    hex: `${ODP_TRANSPORT_HEADER} 01050000 0000007b 00001235 04ef7173 a1d4713f d678fea2 59e99370 ${ODP_ICMP}`,
    nextHeader: 1,
    sequenceNumber: 0x1235,
  },
  {
    name: 'tunnel',
    hex: `450000b0 00000000 40331917 0a006f02 0a00de02 04050000 0000007b 00000001 d5359b21 e6149b42 1f00fa36 734c53cf
      45000080 00000000 4001ac27 c0a86f02 c0a8de02 ${ODP_ICMP}`,
    nextHeader: 4,
    sequenceNumber: 1,
  },
];

test('the ICV input reproduces the published OpenDataPlane AH vectors', () => {
  const icvOf = nodeIcv('sha256', ODP_KEY, 16);
  for (const vector of ODP_VECTORS) {
    const datagram = decodeIpv4(fromHex(vector.hex));
    assert.ok(datagram.ok, vector.name);
    const ah = decodeAh(datagram.value.payload, 16);
    assert.ok(ah.ok, vector.name);
    assert.equal(ah.value.spi, 123);
    assert.equal(ah.value.nextHeader, vector.nextHeader);
    assert.equal(ah.value.sequenceNumber, vector.sequenceNumber);
    const input = ahIcvInput(datagram.value, 16);
    assert.ok(input.ok, vector.name);
    assert.deepEqual(icvOf(input.value), ah.value.icv, vector.name);
  }
});

test('the ICV input zeroes TOS, flags, fragment offset, TTL, checksum and the ICV, and keeps the rest', () => {
  const wire = fromHex(ODP_VECTORS[0]!.hex);
  const datagram = decodeIpv4(wire);
  assert.ok(datagram.ok);
  const mutated: Ipv4Datagram = {
    ...datagram.value, tos: 0xb8, dontFragment: true, moreFragments: true, fragmentOffset: 0x1abc, ttl: 1,
  };
  const input = ahIcvInput(mutated, 16);
  assert.ok(input.ok);
  const expected = wire.slice();
  expected.fill(0, 1, 2).fill(0, 6, 9).fill(0, 10, 12).fill(0, 32, 48);
  assert.deepEqual(input.value, expected);
});

/** Router alert, record route, no-op, timestamp, security, end of list: 32 option bytes, IHL 13. */
const OPTIONS = fromHex('94040000 070704c0a80101 01 4408050001020304 820b789a000100020003 04 00');

test('options: record route and timestamp are zeroed whole, router alert, no-op and security kept', () => {
  const icvOf = nodeIcv('md5', fromHex('0123456789abcdef0123456789abcdef'), 12);
  const outer: AhOuterFields = {
    tos: 0x10, identification: 0x4242, dontFragment: true, moreFragments: false, fragmentOffset: 0, ttl: 9,
    source: address('10.0.0.1'), destination: address('10.0.0.2'), options: OPTIONS,
  };
  const sent = buildAhDatagram(outer, { nextHeader: 17, spi: 0x1000, sequenceNumber: 3 }, fromHex('c0de'), 12, icvOf);
  const wire = encodeIpv4(sent);
  assert.equal(wire[0], 0x4d, 'IHL counts the options');
  // Written out by hand from the wire bytes: offsets of the IPv4 header and of the two mutable options.
  const expected = wire.slice();
  expected.fill(0, 1, 2).fill(0, 6, 9).fill(0, 10, 12);
  expected.fill(0, 24, 31).fill(0, 32, 40).fill(0, 52 + AH_FIXED_LENGTH, 52 + AH_FIXED_LENGTH + 12);
  const received = decodeIpv4(wire);
  assert.ok(received.ok);
  const input = ahIcvInput(received.value, 12);
  assert.ok(input.ok);
  assert.deepEqual(input.value, expected);
  assert.deepEqual(icvOf(expected), sent.payload.subarray(AH_FIXED_LENGTH, AH_FIXED_LENGTH + 12));
});

test('a router that records its address or a timestamp in transit does not break the ICV', () => {
  const icvOf = nodeIcv('sha1', fromHex('00112233445566778899aabbccddeeff00112233'), 12);
  const outer: AhOuterFields = {
    tos: 0, identification: 1, dontFragment: false, moreFragments: false, fragmentOffset: 0, ttl: 64,
    source: address('10.0.0.1'), destination: address('10.0.0.2'), options: OPTIONS,
  };
  const sent = buildAhDatagram(outer, { nextHeader: 6, spi: 0x2000, sequenceNumber: 1 }, fromHex('0102030405'), 12, icvOf);
  const options = OPTIONS.slice();
  options.set(fromHex('08 0a0a0a0a'), 6);
  options.set(fromHex('0c 11 ffffffff'), 14);
  const before = ahIcvInput(sent, 12);
  const after = ahIcvInput({ ...sent, ttl: 63, options }, 12);
  assert.ok(before.ok && after.ok);
  assert.deepEqual(after.value, before.value);
  const security = OPTIONS.slice();
  security[22] = 0x79;
  const tampered = ahIcvInput({ ...sent, options: security }, 12);
  assert.ok(tampered.ok);
  assert.notDeepEqual(icvOf(tampered.value), icvOf(before.value), 'the security option is immutable');
});

test('the sender of a source-routed datagram predicts the final destination, which the receiver sees', () => {
  const icvOf = nodeIcv('md5', fromHex('fedcba9876543210fedcba9876543210'), 12);
  const firstHop = address('10.0.0.254');
  const finalDestination = address('10.9.9.9');
  const route = fromHex('83 0b 04 0a00fe01 0a090909 00'); // loose source route: hops 10.0.254.1, 10.9.9.9
  const outer: AhOuterFields = {
    tos: 0, identification: 7, dontFragment: false, moreFragments: false, fragmentOffset: 0, ttl: 64,
    source: address('10.0.0.1'), destination: firstHop, options: route,
  };
  const sent = buildAhDatagram(outer, { nextHeader: 1, spi: 0x3000, sequenceNumber: 1 }, fromHex('08000000'), 12, icvOf);
  assert.equal(sent.destination, firstHop, 'the header still goes to the first hop');
  const arrived = { ...sent, destination: finalDestination, ttl: 62, options: fromHex('83 0b 0c 0a000001 0a000002 00') };
  const input = ahIcvInput(arrived, 12);
  assert.ok(input.ok);
  assert.deepEqual(icvOf(input.value), sent.payload.subarray(AH_FIXED_LENGTH, AH_FIXED_LENGTH + 12));
});

test('an outbound datagram checks against the total length and header length that went on the wire', () => {
  const icvOf = nodeIcv('sha1', fromHex('0102030405060708090a0b0c0d0e0f1011121314'), 12);
  const outer: AhOuterFields = {
    tos: 0, identification: 0x99, dontFragment: true, moreFragments: false, fragmentOffset: 0, ttl: 255,
    source: address('192.0.2.1'), destination: address('198.51.100.1'), options: fromHex('940400'),
  };
  const sent = buildAhDatagram(outer, { nextHeader: 4, spi: 0xabcdef01, sequenceNumber: 0xffffffff }, new Uint8Array(100), 12, icvOf);
  const wire = encodeIpv4(sent);
  assert.equal(wire.length, 24 + 24 + 100);
  const received = decodeIpv4(wire);
  assert.ok(received.ok);
  const input = ahIcvInput(received.value, 12);
  assert.ok(input.ok);
  assert.deepEqual(input.value.subarray(0, 4), fromHex('46 00 0094'), 'version and IHL, TOS zeroed, total length');
  assert.deepEqual(icvOf(input.value), sent.payload.subarray(12, 24));
  const ah = decodeAh(received.value.payload, 12);
  assert.ok(ah.ok);
  assert.deepEqual(ah.value.payload, new Uint8Array(100));
  assert.equal(ah.value.sequenceNumber, 0xffffffff);
});

test('datagrams that cannot carry AH are refused before the ICV is computed', () => {
  const outer: AhOuterFields = {
    tos: 0, identification: 0, dontFragment: false, moreFragments: false, fragmentOffset: 0, ttl: 1,
    source: 1, destination: 2, options: new Uint8Array(0),
  };
  const icvOf = nodeIcv('md5', new Uint8Array(16), 12);
  assert.equal(ahEncodingProblem(outer, 100, 12), undefined);
  assert.match(ahEncodingProblem(outer, 0xffff - 43, 12) ?? '', /too long/);
  assert.match(ahEncodingProblem({ ...outer, options: fromHex('07 09 04') }, 1, 12) ?? '', /length 9/);
  assert.match(ahEncodingProblem({ ...outer, options: new Uint8Array(44) }, 1, 12) ?? '', /options too long/);
  assert.ok(ahEncodingProblem(outer, 1, 14) !== undefined);
  assert.throws(() => buildAhDatagram(outer, PACKET, new Uint8Array(0xffff), 12, icvOf), RangeError);
  assert.throws(() => buildAhDatagram(outer, PACKET, new Uint8Array(1), 12, () => new Uint8Array(16)), RangeError);
});

test('a received datagram whose ICV input cannot be built is a typed failure', () => {
  const datagram: Ipv4Datagram = {
    tos: 0, identification: 0, dontFragment: false, moreFragments: false, fragmentOffset: 0, ttl: 1, protocol: 51,
    source: 1, destination: 2, options: new Uint8Array(0), payload: PACKET_BYTES.subarray(0, 20),
  };
  const short = ahIcvInput(datagram, 12);
  assert.ok(!short.ok && short.error.code === 'truncated');
  const badOption = ahIcvInput({ ...datagram, payload: PACKET_BYTES, options: fromHex('44 01 00 00') }, 12);
  assert.ok(!badOption.ok && badOption.error.code === 'bad-field');
  const badIcv = ahIcvInput({ ...datagram, payload: PACKET_BYTES }, 11);
  assert.ok(!badIcv.ok && badIcv.error.code === 'bad-length');
});
