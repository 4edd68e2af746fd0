import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sim } from './sim.ts';
import { SeededRandom } from './random.ts';

test('events run in (time, sequence) order', () => {
  const sim = new Sim();
  const order: string[] = [];
  sim.schedule(10, () => order.push('b@10'));
  sim.schedule(5, () => order.push('a@5'));
  sim.schedule(10, () => order.push('c@10'));
  sim.schedule(0, () => order.push('now'));
  sim.settle();
  assert.deepEqual(order, ['now', 'a@5', 'b@10', 'c@10']);
  assert.equal(sim.now(), 10);
});

test('a cancelled timer never fires and is no longer pending', () => {
  const sim = new Sim();
  let fired = false;
  const timer = sim.schedule(100, () => (fired = true));
  assert.equal(timer.pending, true);
  timer.cancel();
  sim.advance(1000);
  assert.equal(fired, false);
  assert.equal(timer.pending, false);
  assert.equal(sim.now(), 1000);
});

test('events scheduled from events keep virtual time consistent', () => {
  const sim = new Sim();
  const times: number[] = [];
  const tick = (): void => {
    times.push(sim.now());
    if (times.length < 4) sim.schedule(250, tick);
  };
  sim.schedule(0, tick);
  sim.settle();
  assert.deepEqual(times, [0, 250, 500, 750]);
});

test('runUntil stops at the moment the condition holds, or at the deadline', () => {
  const sim = new Sim();
  let count = 0;
  for (let i = 1; i <= 10; i++) sim.schedule(i * 100, () => count++);
  assert.equal(sim.runUntil(() => count === 3, 10_000), true);
  assert.equal(sim.now(), 300);
  assert.equal(sim.runUntil(() => count === 99, 650), false);
  assert.equal(sim.now(), 650);
  assert.equal(count, 6);
});

test('an hour of virtual time passes without waiting', () => {
  const sim = new Sim();
  let fired = 0;
  sim.schedule(3_600_000, () => fired++);
  sim.advance(3_600_000);
  assert.equal(fired, 1);
});

test('negative delays are refused', () => {
  assert.throws(() => new Sim().schedule(-1, () => {}), RangeError);
});

test('the same seed gives the same stream; another seed another one', () => {
  const a = new SeededRandom(7).bytes(64);
  const b = new SeededRandom(7).bytes(64);
  const c = new SeededRandom(8).bytes(64);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('forked streams are independent of how much the parent drew', () => {
  const parent1 = new SeededRandom(1);
  const parent2 = new SeededRandom(1);
  parent2.bytes(1000);
  assert.deepEqual(parent1.fork('Daphne').bytes(16), parent2.fork('Daphne').bytes(16));
  assert.notDeepEqual(parent1.fork('Daphne').bytes(16), parent1.fork('fred').bytes(16));
});

test('int() stays within its bounds and covers them', () => {
  const r = new SeededRandom(3);
  const seen = new Set<number>();
  for (let i = 0; i < 2000; i++) {
    const v = r.int(1, 6);
    assert.ok(v >= 1 && v <= 6);
    seen.add(v);
  }
  assert.equal(seen.size, 6);
});

test('runDue runs what is due now, and nothing later', () => {
  const sim = new Sim();
  sim.advance(100);
  const ran: string[] = [];
  sim.schedule(0, () => {
    ran.push('now');
    sim.schedule(0, () => ran.push('chained now'));
    sim.schedule(1, () => ran.push('later'));
  });
  sim.runDue();
  assert.deepEqual(ran, ['now', 'chained now']);
  assert.equal(sim.now(), 100);
});
