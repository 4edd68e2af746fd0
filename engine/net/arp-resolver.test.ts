import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArpOperation, decodeArp, type ArpPacket } from '../wire/arp.ts';
import { decodeEthernet, EtherType } from '../wire/ethernet.ts';
import { formatIpv4 } from '../wire/ipv4-address.ts';
import { BROADCAST_MAC } from '../wire/mac-address.ts';
import { IOS_ARP_TIMEOUT_MS } from './arp-policy.ts';
import type { Link } from './link.ts';
import { ip, runPing, tedLab } from './test-fixtures.ts';

/** The ARP packets a link carries, as `who op target -> frame destination`. */
function arpOn(link: Link) {
  const seen: Array<{ time: number; from: string; packet: ArpPacket; broadcast: boolean }> = [];
  link.addFrameTap((time, bytes, from) => {
    const frame = decodeEthernet(bytes);
    if (!frame.ok || frame.value.etherType !== EtherType.arp) return;
    const packet = decodeArp(frame.value.payload);
    if (packet.ok) seen.push({ time, from: from.node.name, packet: packet.value, broadcast: frame.value.destination === BROADCAST_MAC });
  });
  const summary = () => seen.map(({ from, packet, broadcast }) =>
    `${from} ${packet.operation === ArpOperation.request ? 'req' : 'rep'} ${formatIpv4(packet.targetAddress)}${broadcast ? ' bcast' : ''}`);
  return { seen, summary };
}

test('the lab starts settled: neighbours know each other, and nothing is resolved on the wire', () => {
  const lab = tedLab();
  const wan = arpOn(lab.wan);
  const lan1 = arpOn(lab.lan1);
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13').marks, '!!!!!');
  assert.deepEqual([...wan.summary(), ...lan1.summary()], []);
  assert.equal(lab.daphne.arp.cache.get(ip('11.11.11.2'), lab.sim.now())?.mac, lab.fredWan.mac);
});

test('IOS drops the packet that needs resolution and asks; the neighbour learns the asker; the next packets pass', () => {
  const lab = tedLab();
  const wan = arpOn(lab.wan);
  lab.daphne.arp.clear();
  lab.fred.arp.clear();
  const result = runPing(lab.sim, lab.daphne, '11.11.11.2');
  assert.equal(result.marks, '.!!!!', 'the first echo went nowhere: IOS dropped it while it asked');
  assert.equal(lab.daphne.drops.unresolved, 1);
  assert.deepEqual(wan.summary(), ['Daphne req 11.11.11.2 bcast', 'fred rep 11.11.11.1'], 'fred learned Daphne from the request');
  assert.equal(lab.fred.arp.cache.get(ip('11.11.11.1'), lab.sim.now())?.mac, lab.daphneWan.mac);
});

test('IOS forwarding: a transit router that forgot both neighbours loses an echo each way', () => {
  const lab = tedLab();
  lab.fred.arp.clear();
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13').marks, '..!!!');
  assert.equal(lab.fred.drops.unresolved, 2, 'the first echo, for pc-fred; the second one\'s reply, for Daphne');
});

test('IOS asks again as traffic asks, at most once per 2 s; the entry stays Incomplete, then goes', () => {
  const lab = tedLab();
  const wan = arpOn(lab.wan);
  const result = runPing(lab.sim, lab.daphne, '11.11.11.9', { count: 5 });
  assert.equal(result.marks, '.....');
  assert.deepEqual(wan.seen.map((seen) => seen.time), [0, 2000, 4000, 6000, 8000], 'one request per echo, 2 s apart');
  const rows = lab.daphne.arpTable().filter((row) => row.address === ip('11.11.11.9'));
  assert.deepEqual(rows, [{ address: ip('11.11.11.9'), ageMinutes: 0, mac: undefined, interfaceName: undefined }]);
  // Two datagrams within the interval: one request only.
  lab.sim.advance(1_000);
  const before = wan.seen.length;
  runPing(lab.sim, lab.daphne, '11.11.11.9', { count: 1, timeoutMs: 500 });
  runPing(lab.sim, lab.daphne, '11.11.11.9', { count: 1, timeoutMs: 500 });
  assert.equal(wan.seen.length - before, 1);
  lab.sim.advance(60_000);
  assert.equal(lab.daphne.arp.cache.get(ip('11.11.11.9'), lab.sim.now()), undefined, 'an unanswered entry is kept a minute');
});

test('a PC queues what waits for ARP: no echo lost, the first one later by the resolution\'s round trip', () => {
  const lab = tedLab({ delays: { lan1: 3 } });
  const lan1 = arpOn(lab.lan1);
  lab.pcDaphne.arp.clear();
  const result = runPing(lab.sim, lab.pcDaphne, '13.13.13.13');
  assert.equal(result.marks, '!!!!!');
  assert.deepEqual(result.roundTrips, [12, 6, 6, 6, 6]);
  assert.deepEqual(lan1.summary(), ['pc-daphne req 13.13.13.13 bcast', 'Daphne rep 13.13.13.14']);
  assert.equal(lab.pcDaphne.drops.unresolved, 0);
});

test('a PC asks three times, 1 s apart, then gives up and drops what waited; the next packet starts again', () => {
  const lab = tedLab();
  const lan1 = arpOn(lab.lan1);
  const result = runPing(lab.sim, lab.pcDaphne, '13.13.13.99', { count: 3 });
  assert.equal(result.marks, '...');
  lab.sim.advance(2_000);
  // The second echo (at 2 s) waits on the same unanswered entry, which goes at 3 s; the third starts again.
  assert.deepEqual(lan1.seen.map((seen) => seen.time), [0, 1000, 2000, 4000, 5000, 6000]);
  assert.equal(lab.pcDaphne.arp.cache.get(ip('13.13.13.99'), lab.sim.now()), undefined);
});

test('IOS entries live four hours unconfirmed; an ARP packet from the owner renews them', () => {
  const lab = tedLab();
  lab.sim.advance(IOS_ARP_TIMEOUT_MS - 60_000);
  assert.deepEqual(lab.daphne.arpTable().find((row) => row.address === ip('11.11.11.2'))?.ageMinutes, 239);
  lab.fred.arp.clear();
  runPing(lab.sim, lab.fred, '11.11.11.1', { count: 1 });
  assert.equal(lab.daphne.arpTable().find((row) => row.address === ip('11.11.11.2'))?.ageMinutes, 0, 'fred\'s request renewed it');
  lab.sim.advance(IOS_ARP_TIMEOUT_MS);
  assert.equal(lab.daphne.arp.cache.get(ip('11.11.11.2'), lab.sim.now()), undefined, 'expired');
  assert.equal(runPing(lab.sim, lab.daphne, '11.11.11.2').marks, '.!!!!');
});

test('a request for someone else teaches nothing new; an announcement teaches IOS but not a PC', () => {
  const lab = tedLab();
  lab.daphne.arp.clear();
  lab.pcDaphne.arp.clear();
  // pc-daphne asks for a neighbour that is not there: Daphne hears it but is not asked.
  runPing(lab.sim, lab.pcDaphne, '13.13.13.99', { count: 1 });
  assert.equal(lab.daphne.arp.cache.get(ip('13.13.13.14'), lab.sim.now()), undefined);
  lab.daphne.arp.announce(lab.daphneLan, ip('13.13.13.13'));
  lab.sim.settle();
  assert.equal(lab.pcDaphne.arp.cache.get(ip('13.13.13.13'), lab.sim.now()), undefined, 'a PC takes no gratuitous ARP it did not ask for');
  lab.fred.arp.announce(lab.fredWan, ip('11.11.11.2'));
  lab.sim.settle();
  assert.equal(lab.daphne.arp.cache.get(ip('11.11.11.2'), lab.sim.now())?.mac, lab.fredWan.mac, 'IOS learns an announcement on its subnet');
});

test('proxy ARP: Daphne answers for a network it routes elsewhere, not for one it reaches by the default route', () => {
  const lab = tedLab();
  lab.pcDaphne.eth0.mask = 0; // a PC that believes every address is on its wire: it ARPs for all
  lab.pcDaphne.setGateway(undefined);
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13').marks, '.....', 'only the default route leads there');
  lab.daphne.setStaticRoutes([...lab.daphne.staticRoutes, { prefix: ip('12.12.12.0'), mask: ip('255.255.255.0'), nextHop: ip('11.11.11.2'), distance: 1 }]);
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13').marks, '!!!!!');
  assert.equal(lab.pcDaphne.arp.cache.get(ip('12.12.12.13'), lab.sim.now())?.mac, lab.daphneLan.mac);
  lab.pcDaphne.arp.clear();
  lab.daphneLan.proxyArp = false;
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13').marks, '.....', 'no ip proxy-arp');
});

test('an alias (a static NAT global) is answered on its interface with the interface\'s MAC', () => {
  const lab = tedLab();
  lab.daphneWan.aliases = [ip('11.11.11.5')];
  const wan = arpOn(lab.wan);
  lab.fred.arp.clear();
  runPing(lab.sim, lab.fred, '11.11.11.5', { count: 1 });
  assert.deepEqual(wan.summary(), ['fred req 11.11.11.5 bcast', 'Daphne rep 11.11.11.2']);
  assert.equal(lab.fred.arp.cache.get(ip('11.11.11.5'), lab.sim.now())?.mac, lab.daphneWan.mac);
});

test('broadcasts need no resolution: the directed broadcast leaves at once to ff:ff:ff:ff:ff:ff', () => {
  const lab = tedLab();
  const frames: number[] = [];
  lab.lan1.addFrameTap((_time, bytes) => {
    const frame = decodeEthernet(bytes);
    if (frame.ok) frames.push(frame.value.destination);
  });
  lab.daphne.arp.clear();
  lab.daphne.sendUdp({ destination: ip('13.13.13.255'), sourcePort: 9, destinationPort: 9, payload: new Uint8Array(4) });
  assert.deepEqual(frames, [BROADCAST_MAC]);
  assert.equal(lab.daphne.drops.unresolved, 0);
});
