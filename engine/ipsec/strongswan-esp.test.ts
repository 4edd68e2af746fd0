import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { IpNode } from '../net/ip-node.ts';
import { Link } from '../net/link.ts';
import { Sim } from '../sim/sim.ts';
import { decodeIcmp } from '../wire/icmp.ts';
import { IpProtocol } from '../wire/ip-protocols.ts';
import { decodeIpv4, encodeIpv4, type Ipv4Datagram } from '../wire/ipv4.ts';
import { formatIpv4, parseIpv4 } from '../wire/ipv4-address.ts';
import { classifyNatTraversalPayload, NAT_TRAVERSAL_UDP_PORT } from '../wire/isakmp/nat-traversal.ts';
import { readPcap } from '../wire/pcap-reader.ts';
import { fromHex } from '../wire/test-hex.ts';
import { decodeUdp } from '../wire/udp.ts';
import { espOpen, espSaCrypto, espSeal } from './esp-transform.ts';
import { IpsecEngine } from './ipsec-engine.ts';
import type { SaKeys, TransformProposal } from './ipsec-port.ts';
import { hostProxy } from './proxy-match.ts';

/**
 * The independent check: four ESP packets that two strongSwan 5.9.8 daemons exchanged
 * (AES-CBC-128 + HMAC-SHA1-96, tunnel mode, inside UDP 4500), opened with the keys that
 * strongSwan logged. Nothing here was produced by this engine.
 */
const DATA = new URL('../testdata/strongswan-ikev1/', import.meta.url);
const LOG = readFileSync(new URL('charon.log', DATA), 'utf8');
const AES128_SHA1: TransformProposal = {
  name: 'strongswan', espCipher: { transform: 'esp-aes', keyBits: 128 }, espAuth: 'esp-sha-hmac', mode: 'tunnel',
};

interface LoggedSa extends SaKeys {
  source: string;
  destination: string;
}

/** `# ESP SPI 0x756a7d1e 192.0.2.1 -> 192.0.2.2 AES_CBC <key> HMAC_SHA1_96 <key>` from the log's header. */
function loggedSas(): LoggedSa[] {
  const pattern = /# ESP SPI 0x([0-9a-f]{8}) (\S+) -> (\S+) AES_CBC ([0-9a-f]+) HMAC_SHA1_96 ([0-9a-f]+)/g;
  return [...LOG.matchAll(pattern)].map((m) => ({
    spi: parseInt(m[1]!, 16), source: m[2]!, destination: m[3]!, encryptionKey: fromHex(m[4]!), integrityKey: fromHex(m[5]!),
  }));
}

/** The ESP packets of the capture as if they had come in plain IP protocol 50 (NAT-T's UDP taken off). */
function capturedEsp(): Ipv4Datagram[] {
  const capture = readPcap(readFileSync(new URL('exchange.pcap', DATA)));
  assert.ok(capture.ok);
  const packets: Ipv4Datagram[] = [];
  for (const record of capture.value.records) {
    const outer = decodeIpv4(record.ipv4Bytes);
    if (!outer.ok || outer.value.protocol !== IpProtocol.udp) continue;
    // Captured on a veth: the UDP checksum was left to offload and holds only the pseudo-header
    // sum. Zero means "no checksum" to the decoder.
    const segment = outer.value.payload.slice();
    segment.set([0, 0], 6);
    const udp = decodeUdp(segment, outer.value.source, outer.value.destination);
    if (!udp.ok || udp.value.destinationPort !== NAT_TRAVERSAL_UDP_PORT) continue;
    const carried = classifyNatTraversalPayload(udp.value.payload);
    if (carried.ok && carried.value.kind === 'esp') {
      packets.push({ ...outer.value, protocol: IpProtocol.esp, payload: carried.value.packet });
    }
  }
  return packets;
}

const SAS = loggedSas();
const PACKETS = capturedEsp();

function saFor(spi: number) {
  const logged = SAS.find((sa) => sa.spi === spi);
  assert.ok(logged, `SA 0x${spi.toString(16)} is in the log`);
  const crypto = espSaCrypto(AES128_SHA1, logged);
  assert.ok(crypto.ok);
  return { logged, crypto: crypto.value };
}

test('every captured ESP packet verifies and decrypts to an ICMP echo between the protected hosts', () => {
  assert.equal(SAS.length, 2);
  assert.equal(PACKETS.length, 4);
  const innerBytes = new Map<number, number>();
  for (const packet of PACKETS) {
    const spi = new DataView(packet.payload.buffer, packet.payload.byteOffset).getUint32(0);
    const { logged, crypto } = saFor(spi);
    assert.equal(formatIpv4(packet.source), logged.source);
    assert.equal(formatIpv4(packet.destination), logged.destination);
    const opened = espOpen(crypto, packet.payload);
    assert.ok(opened.ok, opened.ok ? '' : opened.detail);
    assert.equal(opened.plaintext.nextHeader, 4);
    const inner = decodeIpv4(opened.plaintext.payload);
    assert.ok(inner.ok);
    const hosts = [formatIpv4(inner.value.source), formatIpv4(inner.value.destination)].sort();
    assert.deepEqual(hosts, ['198.51.100.1', '203.0.113.1']);
    const icmp = decodeIcmp(inner.value.payload);
    assert.ok(icmp.ok && (icmp.value.kind === 'echo-request' || icmp.value.kind === 'echo-reply'));
    innerBytes.set(spi, (innerBytes.get(spi) ?? 0) + opened.plaintext.payload.length);
    const resealed = espSeal(crypto, opened.packet.sequenceNumber, opened.packet.iv, opened.plaintext.payload, 4);
    assert.deepEqual(resealed, packet.payload, 'same IV and sequence: the same bytes strongSwan sent');
  }
  assert.deepEqual([...innerBytes.values()], [168, 168], 'strongSwan counted 168 bytes per SA, as the kilobyte lifetime does here');
});

test('a flipped bit anywhere fails the strongSwan ICV', () => {
  const packet = PACKETS[0]!;
  const { crypto } = saFor(new DataView(packet.payload.buffer, packet.payload.byteOffset).getUint32(0));
  for (const offset of [4, 9, 40, packet.payload.length - 1]) {
    const tampered = packet.payload.slice();
    tampered[offset]! ^= 0x10;
    const opened = espOpen(crypto, tampered);
    assert.ok(!opened.ok && opened.failure === 'icv-mismatch', `offset ${offset}`);
  }
});

test('the responder engine takes the initiator packets through its receive path', () => {
  const sim = new Sim(1);
  const node = new IpNode(sim, 'B', { forwarding: true });
  const wan = node.addInterface('eth0', parseIpv4('192.0.2.2')!, 0xffffff00);
  node.addInterface('lo', parseIpv4('203.0.113.1')!, 0xffffffff);
  new Link(sim, 'veth', [wan]);
  const engine = new IpsecEngine({ node, random: sim.random.fork('B') });
  const local = hostProxy(parseIpv4('203.0.113.1')!);
  const remote = hostProxy(parseIpv4('198.51.100.1')!);
  const policy = {
    mapName: 'm', seq: 1, discover: false, interfaceName: 'eth0', localAddress: parseIpv4('192.0.2.2')!,
    peers: [parseIpv4('192.0.2.1')!], selectors: [{ local, remote }], transformSets: [AES128_SHA1],
    lifetimeSeconds: 3600, lifetimeKilobytes: 4608000,
  };
  engine.setPolicies([policy]);
  const inbound = saFor(0x756a7d1e).logged;
  const outbound = saFor(0xceac0247).logged;
  engine.installSaPair({
    policy, local: policy.localAddress, remote: policy.peers[0]!, localProxy: local, remoteProxy: remote, transform: AES128_SHA1,
    inbound: { esp: inbound }, outbound: { esp: outbound }, lifetimeSeconds: 3600, lifetimeKilobytes: 4608000, isakmpConnId: 1,
    initiator: false,
  }, engine.allocateFlows(['esp']));
  for (const packet of PACKETS.filter((p) => formatIpv4(p.destination) === '192.0.2.2')) node.receive(wan, encodeIpv4(packet));
  const ident = engine.snapshot()[0]!.idents[0]!;
  assert.equal(ident.counters.decaps, 2);
  assert.equal(ident.counters.recvErrors, 0);
  assert.equal(node.traffic.delivered, 2, 'the echo requests reached 203.0.113.1');
  const rows = LOG.split('\n').flatMap((line) => /'uat:esp_sa:(.*)'/.exec(line)?.[1] ?? []);
  assert.equal(rows.length, 2);
  assert.deepEqual(engine.espSaRows().sort(), rows.sort(), 'the esp_sa rows the log gives tshark');
});
