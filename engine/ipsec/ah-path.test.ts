import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPing } from '../net/test-fixtures.ts';
import { IpProtocol } from '../wire/ip-protocols.ts';
import { encodeIpv4, type Ipv4Datagram } from '../wire/ipv4.ts';
import type { TransformProposal } from './ipsec-port.ts';
import { DAPHNE_OUTBOUND_SPI, ipsecLab, tracesOf } from './test-lab.ts';

/**
 * AH on the data plane: alone, the packets are authenticated but readable; around ESP, AH is
 * the outer header and ESP inside it; each SA keeps its own sequence and replay window, and
 * every bad packet is dropped, counted and logged.
 */

const AH_ONLY: TransformProposal = { name: 'ah', ah: 'ah-sha-hmac', mode: 'tunnel' };
const AH_ESP: TransformProposal = { name: 'ah-esp', ah: 'ah-md5-hmac', espCipher: { transform: 'esp-des' }, espAuth: 'esp-md5-hmac', mode: 'tunnel' };

function tunnel(transform: TransformProposal) {
  const lab = ipsecLab({ daphnePolicy: { transformSets: [transform] }, fredPolicy: { transformSets: [transform] } });
  lab.installPairs({ transform });
  return lab;
}

function sentByDaphne(lab: ReturnType<typeof tunnel>): Ipv4Datagram[] {
  return lab.wanCapture.filter((datagram) => datagram.source === lab.daphne.interface('FastEthernet0/0')!.address);
}

test('AH alone: the inner datagram travels readable after a 24-byte AH, and both ends count digests, not encryption', () => {
  const lab = tunnel(AH_ONLY);
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13').marks, '!!!!!');
  const sent = sentByDaphne(lab);
  assert.equal(sent.length, 5);
  assert.ok(sent.every((datagram) => datagram.protocol === IpProtocol.ah));
  const [first] = sent;
  assert.equal(first!.payload[0], 4, 'next header: IPv4 in IPv4');
  assert.equal(first!.payload[1], 4, 'payload length: 6 words minus 2');
  assert.equal(new DataView(first!.payload.buffer, first!.payload.byteOffset).getUint32(4), DAPHNE_OUTBOUND_SPI + 1);
  assert.equal(first!.payload[24 + 9], IpProtocol.icmp, 'the inner header is in the clear');
  const counters = lab.fredIpsec.snapshot()[0]!.idents[0]!.counters;
  assert.deepEqual(counters, { encaps: 5, encrypt: 0, digest: 5, decaps: 5, decrypt: 0, verify: 5, sendErrors: 0, recvErrors: 0 });
});

test('AH around ESP: AH outside with next header 50, ESP inside; each SA numbers its own packets from 1', () => {
  const lab = tunnel(AH_ESP);
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 3 }).marks, '!!!');
  const sent = sentByDaphne(lab);
  assert.ok(sent.every((datagram) => datagram.protocol === IpProtocol.ah && datagram.payload[0] === IpProtocol.esp));
  const view = (datagram: Ipv4Datagram) => new DataView(datagram.payload.buffer, datagram.payload.byteOffset);
  assert.deepEqual(sent.map((d) => [view(d).getUint32(8), view(d).getUint32(24 + 4)]), [[1, 1], [2, 2], [3, 3]], 'AH and ESP sequences');
  assert.deepEqual(lab.daphneIpsec.engineConnections().map((c) => [c.connId, c.encrypt, c.decrypt]),
    [[2000, 0, 3], [2001, 3, 0], [2002, 0, 3], [2003, 3, 0]]);
});

test('a replayed AH packet, a tampered one and bare ESP for an AH bundle are dropped, counted and logged', () => {
  const lab = tunnel(AH_ESP);
  runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 1 });
  const [packet] = sentByDaphne(lab);
  const delivered = lab.pcFred.traffic.delivered;
  lab.fred.receive(lab.fredWan, encodeIpv4(packet!));
  const tampered = encodeIpv4(packet!);
  tampered[tampered.length - 1]! ^= 0x01;
  new DataView(tampered.buffer).setUint32(20 + 8, 2);
  lab.fred.receive(lab.fredWan, tampered);
  lab.fred.receive(lab.fredWan, encodeIpv4({ ...packet!, protocol: IpProtocol.esp, payload: packet!.payload.subarray(24) }));
  lab.sim.advance(100);
  assert.deepEqual([lab.fredIpsec.drops.replay, lab.fredIpsec.drops['icv-mismatch'], lab.fredIpsec.drops['missing-ah']], [1, 1, 1]);
  assert.equal(lab.fredIpsec.snapshot()[0]!.idents[0]!.counters.recvErrors, 3);
  assert.deepEqual(tracesOf(lab.traces.fred, 'replay-check-failed').map((e) => [e.connId, e.sequenceNumber]), [[2000, 1]]);
  assert.deepEqual(tracesOf(lab.traces.fred, 'mac-verify-failed').map((e) => e.connId), [2000]);
  assert.equal(lab.pcFred.traffic.delivered, delivered, 'none of them reached the host');
});
