import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sim } from '../sim/sim.ts';
import { CpuQueue } from './cpu-queue.ts';

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
