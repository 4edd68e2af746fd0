import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalClock, parseDurationMs, parseLossRate } from './value-formats.ts';
import { DEFAULT_ROUTER_CLOCK } from './topology-types.ts';

test('durations in ms and s', () => {
  assert.equal(parseDurationMs('1ms'), 1);
  assert.equal(parseDurationMs('0.5ms'), 0.5);
  assert.equal(parseDurationMs('2s'), 2000);
  assert.equal(parseDurationMs('2 s'), 2000);
  assert.equal(parseDurationMs('5 min'), undefined);
  assert.equal(parseDurationMs('ms'), undefined);
});

test('loss as a percentage or a fraction, within 0..1', () => {
  assert.equal(parseLossRate('5%'), 0.05);
  assert.equal(parseLossRate('100%'), 1);
  assert.equal(parseLossRate(0.25), 0.25);
  assert.equal(parseLossRate(0), 0);
  assert.equal(parseLossRate('101%'), undefined);
  assert.equal(parseLossRate(1.5), undefined);
  assert.equal(parseLossRate('5'), undefined);
});

test('clocks come out in the form IOS timestamps use', () => {
  assert.equal(canonicalClock('*Mar  1 02:07:30.000'), '*Mar  1 02:07:30.000');
  assert.equal(canonicalClock('*Mar 1 2:07:30'), '*Mar  1 02:07:30.000');
  assert.equal(canonicalClock('Dec 31 23:59:59.9'), 'Dec 31 23:59:59.900');
  assert.equal(canonicalClock('02:07:30.000'), '*Mar  1 02:07:30.000');
  assert.equal(canonicalClock('00:00:00'), DEFAULT_ROUTER_CLOCK);
  assert.equal(canonicalClock('tomorrow'), undefined);
});
