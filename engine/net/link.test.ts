import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sim } from '../sim/sim.ts';
import { encodeEthernet, EtherType } from '../wire/ethernet.ts';
import { BROADCAST_MAC, type MacAddress } from '../wire/mac-address.ts';
import { PC_ARP_POLICY } from './arp-policy.ts';
import { ArpResolver } from './arp-resolver.ts';
import { Link } from './link.ts';
import { NetInterface, type InterfaceOwner } from './net-interface.ts';
import { ip, MASK_24 } from './test-fixtures.ts';

/** An interface owner that records the IPv4 payloads that arrive. */
function endpoint(sim: Sim, name: string, address: string, mac: MacAddress) {
  const arrivals: Array<{ time: number; bytes: Uint8Array }> = [];
  const owner: InterfaceOwner = {
    name, arp: new ArpResolver({ sim }, PC_ARP_POLICY), receive: (_iface, bytes) => arrivals.push({ time: sim.now(), bytes }),
  };
  return { iface: new NetInterface(owner, 'eth0', mac, ip(address), MASK_24), arrivals };
}

function frame(to: MacAddress, from: MacAddress, ...payload: number[]): Uint8Array {
  return encodeEthernet({ destination: to, source: from, etherType: EtherType.ipv4, payload: Uint8Array.from(payload) });
}

/** The first payload bytes of what arrived (frames are padded to 60 bytes). */
const firstBytes = (arrivals: Array<{ bytes: Uint8Array }>, n = 1) => arrivals.map((arrival) => [...arrival.bytes.subarray(0, n)]);

test('a copy of the frame is delivered after the delay, through the clock, to the end whose MAC it names', () => {
  const sim = new Sim(1);
  const a = endpoint(sim, 'a', '10.0.0.1', 0xa);
  const b = endpoint(sim, 'b', '10.0.0.2', 0xb);
  const link = new Link(sim, 'ab', [a.iface, b.iface], { delayMs: 3 });
  const bytes = frame(0xb, 0xa, 1, 2, 3);
  link.send(a.iface, bytes);
  bytes[14] = 99;
  assert.equal(b.arrivals.length, 0, 'never delivered by direct call');
  sim.settle();
  assert.equal(b.arrivals[0]!.time, 3);
  assert.deepEqual(firstBytes(b.arrivals, 3), [[1, 2, 3]]);
  assert.equal(b.arrivals[0]!.bytes.length, 46, 'the payload arrives with its padding');
  assert.equal(a.arrivals.length, 0);
  assert.equal(b.iface.counters.packetsIn, 1);
  assert.equal(a.iface.counters.bytesOut, 60, 'a minimum frame');
});

test('a shared segment is a hub: unicast reaches its MAC, broadcast every other end, an unknown MAC nobody', () => {
  const sim = new Sim(1);
  const [a, b, c] = [endpoint(sim, 'a', '10.0.0.1', 0xa), endpoint(sim, 'b', '10.0.0.2', 0xb), endpoint(sim, 'c', '10.0.0.3', 0xc)];
  const link = new Link(sim, 'lan', [a.iface, b.iface, c.iface]);
  assert.equal(link.delayMs, 1);
  link.send(a.iface, frame(0xc, 0xa, 7));
  link.send(a.iface, frame(0x9, 0xa, 8));
  link.send(b.iface, frame(BROADCAST_MAC, 0xb, 9));
  sim.settle();
  assert.deepEqual(firstBytes(a.arrivals), [[9]]);
  assert.deepEqual(firstBytes(b.arrivals), []);
  assert.deepEqual(firstBytes(c.arrivals), [[7], [9]]);
  assert.equal(link.undeliverable, 1);
  assert.deepEqual([link.counters.transmitted, link.counters.delivered], [3, 3], 'the broadcast counts once per end it reached');
});

test('unicast finds its end after re-cabling: an end moved to another link no longer hears it, a new one does', () => {
  const sim = new Sim(1);
  const [a, b, c] = [endpoint(sim, 'a', '10.0.0.1', 0xa), endpoint(sim, 'b', '10.0.0.2', 0xb), endpoint(sim, 'c', '10.0.0.3', 0xc)];
  const lan = new Link(sim, 'lan', [a.iface, b.iface]);
  const other = new Link(sim, 'other', []);
  other.attach(b.iface);
  lan.attach(c.iface);
  lan.send(a.iface, frame(0xb, 0xa, 1));
  lan.send(a.iface, frame(0xc, 0xa, 2));
  sim.settle();
  assert.deepEqual([firstBytes(b.arrivals), firstBytes(c.arrivals)], [[], [[2]]]);
  assert.equal(lan.undeliverable, 1, 'b left the segment');
  lan.attach(b.iface);
  lan.send(c.iface, frame(0xb, 0xc, 3));
  sim.settle();
  assert.deepEqual(firstBytes(b.arrivals), [[3]]);
});

test('a link that is down carries nothing, and what is in flight when it goes down is lost', () => {
  const sim = new Sim(1);
  const a = endpoint(sim, 'a', '10.0.0.1', 0xa);
  const b = endpoint(sim, 'b', '10.0.0.2', 0xb);
  const link = new Link(sim, 'ab', [a.iface, b.iface], { delayMs: 10 });
  const states: boolean[] = [];
  link.onStateChange((up) => states.push(up));
  link.send(a.iface, frame(0xb, 0xa, 1));
  sim.advance(5);
  link.goDown();
  assert.equal(a.iface.lineUp, false);
  link.send(a.iface, frame(0xb, 0xa, 2));
  sim.settle();
  assert.equal(b.arrivals.length, 0);
  assert.equal(link.counters.droppedDown, 2);
  link.comeUp();
  link.send(a.iface, frame(0xb, 0xa, 3));
  sim.settle();
  assert.equal(b.arrivals.length, 1);
  assert.deepEqual(states, [false, true]);
});

test('taps see every IPv4 datagram once, without frame or padding; frame taps see every frame', () => {
  const sim = new Sim(1);
  const a = endpoint(sim, 'a', '10.0.0.1', 0xa);
  const b = endpoint(sim, 'b', '10.0.0.2', 0xb);
  const link = new Link(sim, 'ab', [a.iface, b.iface], { delayMs: 2, lossRate: 1 });
  const seen: Array<[number, number, number, string]> = [];
  const frames: number[] = [];
  const removeTap = link.addTap((time, bytes, from) => seen.push([time, bytes.length, bytes[0]!, from.node.name]));
  link.addFrameTap((_time, bytes) => frames.push(bytes.length));
  sim.advance(4);
  const datagram = [0x45, 0, 0, 20, ...new Array<number>(16).fill(0)];
  link.send(a.iface, frame(0xb, 0xa, ...datagram));
  link.send(b.iface, encodeEthernet({ destination: 0xa, source: 0xb, etherType: EtherType.arp, payload: new Uint8Array(28) }));
  sim.settle();
  assert.deepEqual(seen, [[4, 20, 0x45, 'a']], 'the ARP frame is not a datagram');
  assert.deepEqual(frames, [60, 60]);
  assert.equal(link.counters.lost, 2);
  removeTap();
  link.send(a.iface, frame(0xb, 0xa, ...datagram));
  assert.equal(seen.length, 1);
});

test('ends cabled to a link that is up know each other from the start; on a link that is down they do not', () => {
  const sim = new Sim(1);
  const a = endpoint(sim, 'a', '10.0.0.1', 0xa);
  const b = endpoint(sim, 'b', '10.0.0.2', 0xb);
  const far = endpoint(sim, 'far', '10.9.9.9', 0xf);
  new Link(sim, 'ab', [a.iface, b.iface, far.iface]);
  assert.equal(a.iface.node.arp.cache.get(ip('10.0.0.2'), 0)?.mac, 0xb);
  assert.equal(b.iface.node.arp.cache.get(ip('10.0.0.1'), 0)?.mac, 0xa);
  assert.equal(a.iface.node.arp.cache.get(ip('10.9.9.9'), 0), undefined, 'not on its subnet: it would never have asked');
  const c = endpoint(sim, 'c', '10.0.1.1', 0xc);
  const d = endpoint(sim, 'd', '10.0.1.2', 0xd);
  new Link(sim, 'cd', [c.iface, d.iface], { up: false });
  assert.equal(c.iface.node.arp.cache.get(ip('10.0.1.2'), 0), undefined);
});

test('loss is drawn from the link\'s own stream: same seed, same losses; another seed, others', () => {
  const pattern = (seed: number, name: string): string => {
    const sim = new Sim(seed);
    const a = endpoint(sim, 'a', '10.0.0.1', 0xa);
    const b = endpoint(sim, 'b', '10.0.0.2', 0xb);
    const link = new Link(sim, name, [a.iface, b.iface], { lossRate: 0.5 });
    let marks = '';
    for (let i = 0; i < 40; i++) {
      const before = b.arrivals.length;
      link.send(a.iface, frame(0xb, 0xa, i));
      sim.settle();
      marks += b.arrivals.length > before ? '!' : '.';
    }
    return marks;
  };
  const first = pattern(1, 'wan');
  assert.equal(pattern(1, 'wan'), first);
  assert.notEqual(pattern(2, 'wan'), first);
  assert.notEqual(pattern(1, 'lan'), first);
  assert.match(first, /!/);
  assert.match(first, /\./);
});
