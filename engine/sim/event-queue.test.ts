import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventQueue, type QueuedEvent } from './event-queue.ts';
import { SeededRandom } from './random.ts';

function event(time: number, seq: number): QueuedEvent {
  return { time, seq, action: () => {}, cancelled: false, fired: false };
}

test('pops in (time, sequence) order whatever the pushes and pops in between, as a sorted list would', () => {
  const random = new SeededRandom(5, 'event-queue');
  const queue = new EventQueue();
  const reference: QueuedEvent[] = [];
  const popped: Array<[number, number]> = [];
  const expected: Array<[number, number]> = [];
  let seq = 0;
  for (let round = 0; round < 4000; round++) {
    if (random.float() < 0.6 || reference.length === 0) {
      // Few distinct times, so many ties that only the sequence breaks.
      const added = event(random.int(0, 40), seq++);
      queue.push(added);
      reference.push(added);
      reference.sort((a, b) => a.time - b.time || a.seq - b.seq);
    } else {
      const next = queue.pop()!;
      popped.push([next.time, next.seq]);
      const want = reference.shift()!;
      expected.push([want.time, want.seq]);
    }
    assert.equal(queue.size, reference.length);
    assert.equal(queue.peek(), reference[0]);
  }
  assert.ok(popped.length > 1000);
  assert.deepEqual(popped, expected);
  while (queue.size > 0) queue.pop();
  assert.equal(queue.pop(), undefined);
});
