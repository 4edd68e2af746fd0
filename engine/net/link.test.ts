import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sim } from '../sim/sim.ts';
import { Link } from './link.ts';
import { NetInterface, type InterfaceOwner } from './net-interface.ts';
import { ip, MASK_24 } from './test-fixtures.ts';

/** An interface owner that records what arrives. */
function endpoint(sim: Sim, name: string, address: string) {
  const arrivals: Array<{ time: number; bytes: Uint8Array }> = [];
  const owner: InterfaceOwner = { name, receive: (_iface, bytes) => arrivals.push({ time: sim.now(), bytes }) };
  return { iface: new NetInterface(owner, 'eth0', ip(address), MASK_24), arrivals };
}

test('a copy is delivered after the delay, through the clock, to the end holding the next hop', () => {
  const sim = new Sim(1);
  const a = endpoint(sim, 'a', '10.0.0.1');
  const b = endpoint(sim, 'b', '10.0.0.2');
  const link = new Link(sim, 'ab', [a.iface, b.iface], { delayMs: 3 });
  const bytes = Uint8Array.of(1, 2, 3);
  link.transmit(a.iface, ip('10.0.0.2'), bytes);
  bytes[0] = 99;
  assert.equal(b.arrivals.length, 0, 'never delivered by direct call');
  sim.settle();
  assert.deepEqual(b.arrivals, [{ time: 3, bytes: Uint8Array.of(1, 2, 3) }]);
  assert.equal(a.arrivals.length, 0);
  assert.equal(b.iface.counters.packetsIn, 1);
  assert.equal(a.iface.counters.bytesOut, 3);
});

test('a shared segment delivers to the right end; an unknown next hop is counted undeliverable', () => {
  const sim = new Sim(1);
  const [a, b, c] = [endpoint(sim, 'a', '10.0.0.1'), endpoint(sim, 'b', '10.0.0.2'), endpoint(sim, 'c', '10.0.0.3')];
  const link = new Link(sim, 'lan', [a.iface, b.iface, c.iface]);
  assert.equal(link.delayMs, 1);
  link.transmit(a.iface, ip('10.0.0.3'), Uint8Array.of(7));
  link.transmit(a.iface, ip('10.0.0.9'), Uint8Array.of(8));
  sim.settle();
  assert.equal(b.arrivals.length, 0);
  assert.equal(c.arrivals.length, 1);
  assert.equal(link.undeliverable, 1);
});

test('a link that is down carries nothing, and what is in flight when it goes down is lost', () => {
  const sim = new Sim(1);
  const a = endpoint(sim, 'a', '10.0.0.1');
  const b = endpoint(sim, 'b', '10.0.0.2');
  const link = new Link(sim, 'ab', [a.iface, b.iface], { delayMs: 10 });
  const states: boolean[] = [];
  link.onStateChange((up) => states.push(up));
  link.transmit(a.iface, ip('10.0.0.2'), Uint8Array.of(1));
  sim.advance(5);
  link.goDown();
  assert.equal(a.iface.lineUp, false);
  link.transmit(a.iface, ip('10.0.0.2'), Uint8Array.of(2));
  sim.settle();
  assert.equal(b.arrivals.length, 0);
  assert.equal(link.counters.droppedDown, 2);
  link.comeUp();
  link.transmit(a.iface, ip('10.0.0.2'), Uint8Array.of(3));
  sim.settle();
  assert.equal(b.arrivals.length, 1);
  assert.deepEqual(states, [false, true]);
});

test('taps see every datagram once, as transmitted, with time and sending interface', () => {
  const sim = new Sim(1);
  const a = endpoint(sim, 'a', '10.0.0.1');
  const b = endpoint(sim, 'b', '10.0.0.2');
  const link = new Link(sim, 'ab', [a.iface, b.iface], { delayMs: 2, lossRate: 1 });
  const seen: Array<[number, number, string]> = [];
  const removeTap = link.addTap((time, bytes, from) => seen.push([time, bytes[0]!, from.node.name]));
  sim.advance(4);
  link.transmit(a.iface, ip('10.0.0.2'), Uint8Array.of(5));
  link.transmit(b.iface, ip('10.0.0.1'), Uint8Array.of(6));
  sim.settle();
  assert.deepEqual(seen, [[4, 5, 'a'], [4, 6, 'b']]);
  assert.equal(link.counters.lost, 2);
  removeTap();
  link.transmit(a.iface, ip('10.0.0.2'), Uint8Array.of(7));
  assert.equal(seen.length, 2);
});

test('loss is drawn from the link\'s own stream: same seed, same losses; another seed, others', () => {
  const pattern = (seed: number, name: string): string => {
    const sim = new Sim(seed);
    const a = endpoint(sim, 'a', '10.0.0.1');
    const b = endpoint(sim, 'b', '10.0.0.2');
    const link = new Link(sim, name, [a.iface, b.iface], { lossRate: 0.5 });
    let marks = '';
    for (let i = 0; i < 40; i++) {
      const before = b.arrivals.length;
      link.transmit(a.iface, ip('10.0.0.2'), Uint8Array.of(i));
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
