import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RateLimit } from './rate-limit.ts';

test('one event per kind and interval; other kinds and unlisted kinds are independent', () => {
  const limit = new RateLimit<'a' | 'b' | 'free'>({ a: 60_000, b: 1_000 });
  assert.deepEqual([0, 1, 59_999, 60_000, 60_001, 120_000].map((t) => limit.allow('a', t)), [true, false, false, true, false, true]);
  assert.equal(limit.heldBack('a'), 3);
  assert.deepEqual([0, 999, 1_000].map((t) => limit.allow('b', t)), [true, false, true]);
  assert.deepEqual([0, 0, 0].map((t) => limit.allow('free', t)), [true, true, true]);
  assert.equal(limit.heldBack('free'), 0);
});
