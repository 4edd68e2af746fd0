import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DES_CBC } from '../crypto/des-ciphers.ts';
import { hmac96, MD5 } from '../crypto/hash.ts';
import { runPing, ip } from '../net/test-fixtures.ts';
import { readUint32 } from '../wire/bytes.ts';
import { decodeIcmp, encodeIcmp } from '../wire/icmp.ts';
import { IpProtocol } from '../wire/ip-protocols.ts';
import { decodeIpv4, encodeIpv4, type Ipv4Datagram } from '../wire/ipv4.ts';
import { DAPHNE_INBOUND_SPI, DAPHNE_OUTBOUND_SPI, ipsecLab, KEYS, tracesOf } from './test-lab.ts';

function tunnel() {
  const lab = ipsecLab();
  lab.installPairs();
  return lab;
}

test('pings between the LANs cross the wan as ESP only, and both routers count them', () => {
  const lab = tunnel();
  const result = runPing(lab.sim, lab.pcDaphne, '12.12.12.13');
  assert.equal(result.marks, '!!!!!');
  assert.equal(lab.wanCapture.length, 10);
  assert.ok(lab.wanCapture.every((datagram) => datagram.protocol === IpProtocol.esp));
  assert.equal(lab.espOnWan('11.11.11.1').length, 5);
  assert.equal(lab.espOnWan('11.11.11.2').length, 5);
  for (const engine of [lab.daphneIpsec, lab.fredIpsec]) {
    const ident = engine.snapshot()[0]!.idents[0]!;
    assert.deepEqual(ident.counters, { encaps: 5, encrypt: 5, digest: 5, decaps: 5, decrypt: 5, verify: 5, sendErrors: 0, recvErrors: 0 });
  }
  const connections = lab.daphneIpsec.engineConnections();
  assert.deepEqual(connections.map((c) => [c.connId, c.encrypt, c.decrypt]), [[2000, 0, 5], [2001, 5, 0]]);
});

/** Opens an ESP packet with nothing but the cipher, the HMAC and the RFC 2406 layout. */
function openByHand(datagram: Ipv4Datagram, key: Uint8Array, authKey: Uint8Array) {
  const esp = datagram.payload;
  const icv = esp.subarray(esp.length - 12);
  const expectedIcv = hmac96(MD5, authKey, esp.subarray(0, esp.length - 12));
  const iv = esp.subarray(8, 16);
  const plaintext = DES_CBC.decrypt(key, iv, esp.subarray(16, esp.length - 12));
  const nextHeader = plaintext[plaintext.length - 1]!;
  const padLength = plaintext[plaintext.length - 2]!;
  const padding = plaintext.subarray(plaintext.length - 2 - padLength, plaintext.length - 2);
  const inner = decodeIpv4(plaintext.subarray(0, plaintext.length - 2 - padLength));
  return { spi: readUint32(esp, 0), sequence: readUint32(esp, 4), iv, icv, expectedIcv, nextHeader, padding, inner };
}

test('the ESP bytes are RFC 2406 tunnel mode: SPI, sequence from 1, IV, DES-CBC payload, HMAC-MD5-96', () => {
  const lab = tunnel();
  runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 2 });
  const [first, second] = lab.espOnWan('11.11.11.1');
  assert.ok(first && second);
  assert.equal(first.destination, ip('11.11.11.2'));
  assert.equal(first.ttl, 255);
  const opened = openByHand(first, KEYS.daphneToFred.encryption, KEYS.daphneToFred.integrity);
  assert.equal(opened.spi, DAPHNE_OUTBOUND_SPI);
  assert.equal(opened.sequence, 1);
  assert.deepEqual(opened.icv, opened.expectedIcv);
  assert.equal(opened.nextHeader, 4);
  assert.deepEqual([...opened.padding], Array.from({ length: opened.padding.length }, (_, i) => i + 1));
  assert.ok(opened.inner.ok);
  assert.equal(opened.inner.value.source, ip('13.13.13.14'));
  assert.equal(opened.inner.value.destination, ip('12.12.12.13'));
  assert.equal(opened.inner.value.ttl, 63, 'Daphne forwarded it before protecting it');
  const icmp = decodeIcmp(opened.inner.value.payload);
  assert.ok(icmp.ok && icmp.value.kind === 'echo-request');
  const next = openByHand(second, KEYS.daphneToFred.encryption, KEYS.daphneToFred.integrity);
  assert.equal(next.sequence, 2);
  assert.notDeepEqual(next.iv, opened.iv, 'every packet takes a fresh IV');
  const reply = openByHand(lab.espOnWan('11.11.11.2')[0]!, KEYS.fredToDaphne.encryption, KEYS.fredToDaphne.integrity);
  assert.equal(reply.spi, DAPHNE_INBOUND_SPI);
  assert.deepEqual(reply.icv, reply.expectedIcv);
});

function captureOne() {
  const lab = tunnel();
  runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 1 });
  return { lab, packet: lab.espOnWan('11.11.11.1')[0]! };
}

test('a tampered byte fails the ICV: dropped, counted as a receive error, logged', () => {
  const { lab, packet } = captureOne();
  const bytes = encodeIpv4(packet);
  // The sequence number's last byte: 1 becomes 3, new to the replay window but not what the ICV covered.
  bytes[27]! ^= 0x02;
  lab.fred.receive(lab.fredWan, bytes);
  const ciphertextTampered = encodeIpv4(packet);
  ciphertextTampered[27] = 4;
  ciphertextTampered[ciphertextTampered.length - 20]! ^= 0x80;
  lab.fred.receive(lab.fredWan, ciphertextTampered);
  lab.sim.advance(100);
  assert.equal(lab.fredIpsec.drops['icv-mismatch'], 2);
  assert.equal(lab.fredIpsec.snapshot()[0]!.idents[0]!.counters.recvErrors, 2);
  // Two bad packets at once, one message: RECVD_PKT_MAC_ERR is throttled to one per 30 s.
  assert.deepEqual(tracesOf(lab.traces.fred, 'mac-verify-failed').map((e) => e.connId), [2000]);
  assert.equal(lab.pcFred.traffic.delivered, 1, 'only the genuine echo reached the host');
});

test('the same packet twice fails the replay check', () => {
  const { lab, packet } = captureOne();
  lab.fred.receive(lab.fredWan, encodeIpv4(packet));
  lab.sim.advance(100);
  assert.equal(lab.fredIpsec.drops.replay, 1);
  const replays = tracesOf(lab.traces.fred, 'replay-check-failed');
  assert.deepEqual(replays.map((e) => [e.connId, e.sequenceNumber]), [[2000, 1]]);
  assert.equal(lab.fredIpsec.snapshot()[0]!.idents[0]!.counters.recvErrors, 1);
});

test('an unknown SPI is dropped, counted each time and logged once a minute', () => {
  const { lab, packet } = captureOne();
  const bytes = encodeIpv4(packet);
  bytes.set([0x12, 0x34, 0x56, 0x78], 20);
  lab.fred.receive(lab.fredWan, bytes);
  lab.fred.receive(lab.fredWan, bytes);
  lab.sim.advance(61_000);
  lab.fred.receive(lab.fredWan, bytes);
  assert.equal(lab.fredIpsec.drops['invalid-spi'], 3);
  const logged = tracesOf(lab.traces.fred, 'invalid-spi');
  assert.equal(logged.length, 2);
  assert.deepEqual(logged[0], {
    subsystem: 'syslog', kind: 'invalid-spi', destination: ip('11.11.11.2'), protocol: 50, spi: 0x12345678, source: ip('11.11.11.1'),
  });
});

test('clear text that an SA says must be protected is refused on the crypto map interface', () => {
  const lab = tunnel();
  const clear = encodeIpv4({
    tos: 0, identification: 7, dontFragment: false, moreFragments: false, fragmentOffset: 0, ttl: 63,
    protocol: IpProtocol.icmp, source: ip('12.12.12.13'), destination: ip('13.13.13.14'), options: new Uint8Array(0),
    payload: encodeIcmp({ kind: 'echo-request', identifier: 1, sequence: 1, data: new Uint8Array(8) }),
  });
  lab.daphne.receive(lab.daphneWan, clear);
  lab.sim.advance(100);
  assert.equal(lab.daphneIpsec.drops['not-ipsec'], 1);
  assert.deepEqual(tracesOf(lab.traces.daphne, 'not-ipsec').map((e) => e.protocol), [1]);
  assert.equal(lab.pcDaphne.traffic.received, 0);
});

test('a transport-mode SA protects the routers own traffic between the endpoints', () => {
  const host = (address: string) => ({ address: ip(address), mask: 0xffffffff, protocol: 0, port: 0 });
  const transport = { name: 'transport', espCipher: { transform: 'esp-3des' as const }, espAuth: 'esp-sha-hmac' as const, mode: 'transport' as const };
  const lab = ipsecLab({
    daphnePolicy: { selectors: [{ local: host('11.11.11.1'), remote: host('11.11.11.2') }], transformSets: [transport] },
    fredPolicy: { selectors: [{ local: host('11.11.11.2'), remote: host('11.11.11.1') }], transformSets: [transport] },
  });
  const keys = {
    daphneToFred: { encryption: new Uint8Array(24).fill(1), integrity: new Uint8Array(20).fill(2) },
    fredToDaphne: { encryption: new Uint8Array(24).fill(3), integrity: new Uint8Array(20).fill(4) },
  };
  const daphne = lab.daphneIpsec;
  const install = (engine: typeof daphne, local: string, remote: string, inSpi: number, outSpi: number, inKeys: typeof keys.daphneToFred, outKeys: typeof keys.daphneToFred) =>
    engine.installSaPair({
      policy: engine.policies()[0]!, local: ip(local), remote: ip(remote), localProxy: host(local), remoteProxy: host(remote),
      transform: transport, lifetimeSeconds: 3600, lifetimeKilobytes: 4608000, isakmpConnId: 1, initiator: engine === daphne,
      inbound: { esp: { spi: inSpi, encryptionKey: inKeys.encryption, integrityKey: inKeys.integrity } },
      outbound: { esp: { spi: outSpi, encryptionKey: outKeys.encryption, integrityKey: outKeys.integrity } },
    }, engine.allocateFlows(['esp']));
  install(daphne, '11.11.11.1', '11.11.11.2', 0x1001, 0x2002, keys.fredToDaphne, keys.daphneToFred);
  install(lab.fredIpsec, '11.11.11.2', '11.11.11.1', 0x2002, 0x1001, keys.daphneToFred, keys.fredToDaphne);
  const result = runPing(lab.sim, lab.daphne, '11.11.11.2', { count: 3 });
  assert.equal(result.marks, '!!!');
  const esp = lab.espOnWan('11.11.11.1');
  assert.equal(esp.length, 3);
  assert.equal(esp[0]!.payload.length, 8 + 8 + 88 + 12, 'SPI+seq, IV, 80 bytes of ICMP padded to 88, ICV');
  assert.equal(daphne.snapshot()[0]!.idents[0]!.counters.decaps, 3);
});
