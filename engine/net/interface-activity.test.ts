import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InterfaceActivity } from './interface-activity.ts';
import { LOAD_SAMPLE_MS, LoadAverage } from './load-average.ts';

test('input and output frames are counted with their bytes; group-addressed input counts as broadcasts', () => {
  const activity = new InterfaceActivity();
  activity.noteInput(60, true, 1_000);
  activity.noteInput(114, false, 2_000);
  activity.noteOutput(114, 2_001);
  const stats = activity.statistics(3_000);
  assert.deepEqual(
    [stats.packetsIn, stats.bytesIn, stats.broadcastsIn, stats.packetsOut, stats.bytesOut],
    [2, 174, 1, 1, 114],
  );
  assert.deepEqual([stats.lastInputMs, stats.lastOutputMs, stats.clearedAtMs], [2_000, 2_001, undefined]);
});

test('clear counters starts the statistics from zero but leaves the raw counters and the last-frame times', () => {
  const activity = new InterfaceActivity();
  activity.noteInput(60, false, 1_000);
  activity.noteOutput(60, 1_500);
  activity.clear(4_000);
  activity.noteOutput(100, 5_000);
  const stats = activity.statistics(6_000);
  assert.deepEqual([stats.packetsIn, stats.packetsOut, stats.bytesOut], [0, 1, 100]);
  assert.equal(stats.clearedAtMs, 4_000);
  assert.equal(stats.lastInputMs, 1_000, 'IOS keeps "Last input" across a clear');
  assert.deepEqual([activity.counters.packetsIn, activity.counters.packetsOut], [1, 2], 'the raw counters never go back');
});

test('a reload forgets everything: nothing counted, nothing cleared, never a frame', () => {
  const activity = new InterfaceActivity();
  activity.noteInput(60, false, 1_000);
  activity.clear(2_000);
  activity.reset();
  const stats = activity.statistics(3_000);
  assert.deepEqual([stats.packetsIn, stats.lastInputMs, stats.clearedAtMs, stats.inputRate.bitsPerSec], [0, undefined, undefined, 0]);
});

test('frames counted without a clock move the counters but no time or rate', () => {
  const activity = new InterfaceActivity();
  activity.noteInput(60, false, undefined);
  const stats = activity.statistics(10_000);
  assert.deepEqual([stats.packetsIn, stats.lastInputMs, stats.inputRate.packetsPerSec], [1, undefined, 0]);
});

test('the 5-minute rate follows Cisco\'s formula: each 5 s sample moves the average by 1 - exp(-5/300)', () => {
  const load = new LoadAverage();
  // One 1000-byte frame per second for one sample period: the sample is 1600 bits/s and 1 packet/s.
  for (let second = 0; second < 5; second++) load.note(1000, second * 1000);
  const weight = 1 - Math.exp(-5 / 300);
  const first = load.read(LOAD_SAMPLE_MS);
  assert.ok(Math.abs(first.bitsPerSec - 8000 * weight) < 1e-9, `${first.bitsPerSec}`);
  assert.ok(Math.abs(first.packetsPerSec - weight) < 1e-12);
  // Quiet periods only decay it, whenever the figure is read.
  const later = load.read(LOAD_SAMPLE_MS * 11);
  assert.ok(Math.abs(later.bitsPerSec - 8000 * weight * Math.exp(-50 / 300)) < 1e-9);
});

test('a steady stream reaches its rate after about four time constants (20 minutes), as Cisco says', () => {
  const load = new LoadAverage();
  for (let ms = 0; ms < 20 * 60_000; ms += 100) load.note(125, ms);
  const rate = load.read(20 * 60_000);
  // 10 frames of 125 bytes a second: 10000 bits/s, 10 packets/s.
  assert.ok(rate.bitsPerSec > 9_800 && rate.bitsPerSec <= 10_000, `${rate.bitsPerSec}`);
  assert.ok(rate.packetsPerSec > 9.8 && rate.packetsPerSec <= 10);
});
