import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sim } from '../sim/sim.ts';
import { CpuQueue, IOS_C2600_CPU_COSTS, ZERO_CPU_COSTS } from './cpu-queue.ts';

test('with no costs, work still runs through the clock, never inline', () => {
  const sim = new Sim(1);
  const cpu = new CpuQueue(sim);
  const seen: string[] = [];
  cpu.submit('packet', () => seen.push('job'));
  assert.deepEqual(seen, []);
  sim.settle();
  assert.deepEqual(seen, ['job']);
});

test('a job holds the CPU through its steps; a job submitted meanwhile waits for all of them', () => {
  const sim = new Sim(1);
  const cpu = new CpuQueue(sim, { 'dh-keygen': 165, hmac: 4 });
  const seen: string[] = [];
  cpu.submit('packet', (job) => {
    seen.push(`start@${sim.now()}`);
    job.then('dh-keygen', () => {
      seen.push(`dh@${sim.now()}`);
      job.then('hmac', () => seen.push(`hmac@${sim.now()}`));
    });
  });
  sim.schedule(10, () => cpu.submit('timer', () => seen.push(`timer@${sim.now()}`)));
  sim.settle();
  assert.deepEqual(seen, ['start@0', 'dh@165', 'hmac@169', 'timer@169']);
  assert.equal(cpu.busy, false);
});

test('steps added by one step run before the job\'s older steps (depth first)', () => {
  const sim = new Sim(1);
  const cpu = new CpuQueue(sim);
  const seen: string[] = [];
  cpu.submit('packet', (job) => {
    job.then('hmac', () => {
      seen.push('a');
      job.then('hmac', () => seen.push('a1'));
    });
    job.then('hmac', () => seen.push('b'));
  });
  sim.settle();
  assert.deepEqual(seen, ['a', 'a1', 'b']);
});

test('a step that throws does not leave the CPU stuck', () => {
  const sim = new Sim(1);
  const cpu = new CpuQueue(sim);
  const seen: string[] = [];
  cpu.submit('packet', () => {
    throw new Error('bug');
  });
  cpu.submit('packet', () => seen.push('next'));
  assert.throws(() => sim.settle(), /bug/);
  sim.settle();
  assert.deepEqual(seen, ['next']);
});

test('a timer that falls due during a Diffie-Hellman computation runs only once the job holding the CPU is done', () => {
  const sim = new Sim(1);
  const cpu = new CpuQueue(sim, { 'dh-keygen': 1_548, hmac: 4 });
  const seen: string[] = [];
  // fred's MM1 job: the DH, then MM2 goes out; the probe SA's purge was due 1 s in.
  cpu.submit('packet', (job) => job.then('dh-keygen', () => seen.push(`MM2 sent@${sim.now()}`)));
  sim.schedule(1_000, () => cpu.submit('timer', () => seen.push(`purge@${sim.now()}`)));
  sim.schedule(1_600, () => cpu.submit('packet', () => seen.push(`MM3@${sim.now()}`)));
  sim.settle();
  assert.deepEqual(seen, ['MM2 sent@1548', 'purge@1548', 'MM3@1600']);
});

test('what a job prints costs it time: its next step and the next job wait for the console', () => {
  const sim = new Sim(1);
  const cpu = new CpuQueue(sim, { console: 4, hmac: 10 });
  const seen: string[] = [];
  cpu.submit('packet', (job) => {
    cpu.charge('console');
    cpu.charge('console');
    job.then('hmac', () => {
      seen.push(`hmac@${sim.now()}`);
      cpu.charge('console');
    });
  });
  cpu.submit('timer', () => seen.push(`next@${sim.now()}`));
  sim.settle();
  assert.deepEqual(seen, ['hmac@18', 'next@22']);
  cpu.charge('console');
  cpu.submit('timer', () => seen.push(`idle@${sim.now()}`));
  sim.settle();
  assert.deepEqual(seen.at(-1), 'idle@26', 'printing while idle delays the next job');
});

test('the c2600 defaults are Daphne\'s: 165 ms for a key pair, 205 ms for a shared secret', () => {
  assert.equal(IOS_C2600_CPU_COSTS['dh-keygen'], 165);
  assert.equal(IOS_C2600_CPU_COSTS['dh-shared'], 205);
  assert.ok(Object.values(ZERO_CPU_COSTS).every((cost) => cost === 0));
});
