import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readUint16, writeUint16 } from '../wire/bytes.ts';
import { checksumVerifies, internetChecksum, pseudoHeaderSum } from '../wire/checksum.ts';
import { decodeIcmp, encodeIcmp, quoteForIcmpError } from '../wire/icmp.ts';
import { decodeIpv4, decodeQuotedIpv4, encodeIpv4, type Ipv4Datagram } from '../wire/ipv4.ts';
import { decodeUdp, encodeUdp } from '../wire/udp.ts';
import { adjustChecksum, rewriteDatagram, rewriteIcmpError } from './nat-rewrite.ts';
import { ip } from './test-fixtures.ts';

function datagram(protocol: number, source: string, destination: string, payload: Uint8Array): Ipv4Datagram {
  return {
    tos: 0, identification: 7, dontFragment: false, moreFragments: false, fragmentOffset: 0, ttl: 64, protocol,
    source: ip(source), destination: ip(destination), options: new Uint8Array(0), payload,
  };
}

function udpDatagram(source: string, sourcePort: number, destination: string, destinationPort: number): Ipv4Datagram {
  const payload = encodeUdp({ sourcePort, destinationPort, payload: new TextEncoder().encode('isakmp?') }, ip(source), ip(destination));
  return datagram(17, source, destination, payload);
}

/** A TCP SYN with its checksum over the pseudo-header (the wire layer has no TCP codec). */
function tcpSyn(source: string, sourcePort: number, destination: string, destinationPort: number): Ipv4Datagram {
  const segment = new Uint8Array(20);
  writeUint16(segment, 0, sourcePort);
  writeUint16(segment, 2, destinationPort);
  segment[12] = 5 << 4;
  segment[13] = 0x02;
  writeUint16(segment, 14, 8192);
  writeUint16(segment, 16, internetChecksum(segment, pseudoHeaderSum(ip(source), ip(destination), 6, segment.length)));
  return datagram(6, source, destination, segment);
}

/** Encodes and decodes again: the wire decoders verify every checksum on the way. */
function throughWire(d: Ipv4Datagram): Ipv4Datagram {
  const decoded = decodeIpv4(encodeIpv4(d));
  assert.ok(decoded.ok);
  return decoded.value;
}

test('RFC 1624 section 4: m 5555 -> 3285 under HC dd2f gives 0000 (equation 3, no -0)', () => {
  assert.equal(adjustChecksum(0xdd2f, 0x5555, 0x3285), 0x0000);
});

test('PAT on UDP/500: new source address and port, and the checksum a fresh encoding would have', () => {
  const original = udpDatagram('13.13.13.14', 500, '12.12.12.13', 500);
  const translated = throughWire(rewriteDatagram(original, 'source', { address: ip('11.11.11.1'), port: 1024 }));
  assert.equal(translated.source, ip('11.11.11.1'));
  const udp = decodeUdp(translated.payload, translated.source, translated.destination);
  assert.ok(udp.ok, 'the UDP checksum verifies over the new pseudo-header');
  assert.equal(udp.value.sourcePort, 1024);
  assert.equal(udp.value.destinationPort, 500);
  const fresh = encodeUdp(udp.value, ip('11.11.11.1'), ip('12.12.12.13'));
  assert.equal(readUint16(translated.payload, 6), readUint16(fresh, 6));
  assert.deepEqual(original.payload.subarray(0, 2), Uint8Array.of(0x01, 0xf4), 'the original is not touched');
});

test('a UDP checksum of 0 (none) stays 0', () => {
  const original = udpDatagram('13.13.13.14', 4500, '12.12.12.13', 4500);
  writeUint16(original.payload, 6, 0);
  const translated = rewriteDatagram(original, 'source', { address: ip('11.11.11.1'), port: 1030 });
  assert.equal(readUint16(translated.payload, 6), 0);
  assert.equal(readUint16(translated.payload, 0), 1030);
});

test('TCP: destination translated back, the checksum still verifies over the pseudo-header', () => {
  const original = tcpSyn('12.12.12.13', 33000, '11.11.11.5', 23);
  const translated = throughWire(rewriteDatagram(original, 'destination', { address: ip('13.13.13.14'), port: 2323 }));
  assert.equal(translated.destination, ip('13.13.13.14'));
  assert.equal(readUint16(translated.payload, 2), 2323);
  const sum = pseudoHeaderSum(translated.source, translated.destination, 6, translated.payload.length);
  assert.ok(checksumVerifies(translated.payload, sum));
});

test('ICMP echo: the identifier changes and the ICMP checksum follows it', () => {
  const echo = encodeIcmp({ kind: 'echo-request', identifier: 1, sequence: 3, data: Uint8Array.of(0xab, 0xcd, 0xab) });
  const translated = throughWire(rewriteDatagram(datagram(1, '13.13.13.14', '12.12.12.13', echo), 'source', { address: ip('11.11.11.1'), port: 1024 }));
  const message = decodeIcmp(translated.payload);
  assert.ok(message.ok, 'the ICMP checksum verifies');
  assert.equal(message.value.kind, 'echo-request');
  assert.equal(message.value.kind === 'echo-request' && message.value.identifier, 1024);
  assert.equal(message.value.kind === 'echo-request' && message.value.sequence, 3);
});

test('a later fragment has no transport header: only its address changes', () => {
  const fragment = { ...udpDatagram('13.13.13.14', 500, '12.12.12.13', 500), fragmentOffset: 185 };
  const translated = rewriteDatagram(fragment, 'source', { address: ip('11.11.11.1'), port: 1024 });
  assert.equal(translated.source, ip('11.11.11.1'));
  assert.deepEqual(translated.payload, fragment.payload);
});

test('an ICMP error about a translated datagram: outer and quoted addresses, quoted port, all checksums', () => {
  // The router on the far side quotes what it saw: 11.11.11.1:1024 -> 12.12.12.13:33434 with TTL 1.
  const sent = { ...udpDatagram('11.11.11.1', 1024, '12.12.12.13', 33434), ttl: 1 };
  const error = encodeIcmp({ kind: 'time-exceeded', code: 0, original: quoteForIcmpError(encodeIpv4(sent)) });
  const arriving = datagram(1, '11.11.11.2', '11.11.11.1', error);
  const back = throughWire(
    rewriteIcmpError(arriving, 'destination', ip('13.13.13.14'), 'source', { address: ip('13.13.13.14'), port: 500 }),
  );
  assert.equal(back.destination, ip('13.13.13.14'));
  const message = decodeIcmp(back.payload);
  assert.ok(message.ok, 'the ICMP checksum verifies');
  assert.equal(message.value.kind, 'time-exceeded');
  const original = message.value.kind === 'time-exceeded' ? message.value.original : new Uint8Array(0);
  assert.ok(checksumVerifies(original.subarray(0, 20)), 'the quoted header checksum verifies');
  const quoted = decodeQuotedIpv4(original);
  assert.ok(quoted.ok);
  assert.equal(quoted.value.header.source, ip('13.13.13.14'));
  assert.equal(readUint16(quoted.value.leadingPayload, 0), 500);
  // The quoted UDP checksum is the one the inside host itself computed.
  const asSent = encodeUdp({ sourcePort: 500, destinationPort: 33434, payload: new TextEncoder().encode('isakmp?') }, ip('13.13.13.14'), ip('12.12.12.13'));
  assert.equal(readUint16(quoted.value.leadingPayload, 6), readUint16(asSent, 6));
});

test('an error quoting an echo: the quoted identifier and the quoted ICMP checksum are restored', () => {
  const echo = encodeIcmp({ kind: 'echo-request', identifier: 1024, sequence: 9, data: new Uint8Array(72).fill(0xab) });
  const sent = datagram(1, '11.11.11.1', '99.0.0.1', echo);
  const error = encodeIcmp({ kind: 'destination-unreachable', code: 1, nextHopMtu: 0, original: quoteForIcmpError(encodeIpv4(sent)) });
  const back = rewriteIcmpError(datagram(1, '11.11.11.2', '11.11.11.1', error), 'destination', ip('13.13.13.14'), 'source', {
    address: ip('13.13.13.14'), port: 1,
  });
  const message = decodeIcmp(back.payload);
  assert.ok(message.ok);
  const original = message.value.kind === 'destination-unreachable' ? message.value.original : new Uint8Array(0);
  const quotedEcho = original.subarray(20);
  assert.equal(readUint16(quotedEcho, 4), 1);
  const asSent = encodeIcmp({ kind: 'echo-request', identifier: 1, sequence: 9, data: new Uint8Array(72).fill(0xab) });
  assert.equal(readUint16(quotedEcho, 2), readUint16(asSent, 2));
});
