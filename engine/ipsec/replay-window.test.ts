import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReplayWindow } from './replay-window.ts';

function accepted(window: ReplayWindow, sequenceNumber: number): boolean {
  if (window.check(sequenceNumber) !== 'new') return false;
  window.accept(sequenceNumber);
  return true;
}

test('sequence numbers in order are all new, and each is refused the second time', () => {
  const window = new ReplayWindow();
  for (let seq = 1; seq <= 100; seq++) assert.ok(accepted(window, seq), `seq ${seq}`);
  assert.equal(window.check(100), 'replayed');
  assert.equal(window.check(37), 'replayed', '100 - 37 = 63: the oldest slot');
  assert.equal(window.check(36), 'too-old');
  assert.equal(window.highestSequence, 100);
});

test('a late packet inside the 64-packet window is taken once', () => {
  const window = new ReplayWindow();
  assert.ok(accepted(window, 1));
  assert.ok(accepted(window, 70));
  assert.equal(window.check(1), 'too-old', '70 - 1 = 69 is outside the window');
  assert.equal(window.check(7), 'new', '70 - 7 = 63 is the last slot');
  assert.ok(accepted(window, 7));
  assert.equal(window.check(7), 'replayed');
  assert.equal(window.check(6), 'too-old');
});

test('check alone does not move the window: an unauthenticated packet leaves no trace', () => {
  const window = new ReplayWindow();
  assert.ok(accepted(window, 5));
  assert.equal(window.check(500), 'new');
  assert.equal(window.check(4), 'new');
  assert.equal(window.highestSequence, 5);
});

test('sequence number 0 is never valid, and a huge jump resets the bitmap', () => {
  const window = new ReplayWindow();
  assert.equal(window.check(0), 'zero');
  assert.ok(accepted(window, 3));
  assert.ok(accepted(window, 0xfffffff0));
  assert.equal(window.check(3), 'too-old');
  assert.equal(window.check(0xfffffff0), 'replayed');
  assert.equal(window.check(0xffffffef), 'new');
});
