import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClock, parseDurationMs, parseLossRate } from './value-formats.ts';
import { DEFAULT_ROUTER_CLOCK, type Checked } from './topology-types.ts';

const value = <T>(checked: Checked<T>): T | string => (checked.ok ? checked.value : `refused: ${checked.message}`);

test('durations in ms and s', () => {
  assert.equal(value(parseDurationMs('1ms')), 1);
  assert.equal(value(parseDurationMs('0.5ms')), 0.5);
  assert.equal(value(parseDurationMs('2s')), 2000);
  assert.equal(value(parseDurationMs('2 s')), 2000);
  assert.equal(value(parseDurationMs('0ms')), 0);
  assert.match(String(value(parseDurationMs('5 min'))), /refused: delay "5 min" is not a duration/);
  assert.match(String(value(parseDurationMs('ms'))), /refused/);
  assert.match(String(value(parseDurationMs('1e400s'))), /refused: delay "1e400s" is not a duration/);
});

test('a delay runs from 0 to one hour, to the microsecond', () => {
  assert.equal(value(parseDurationMs('3600s')), 3_600_000);
  assert.equal(value(parseDurationMs('3600000ms')), 3_600_000);
  assert.equal(value(parseDurationMs('0.001ms')), 0.001);
  assert.equal(value(parseDurationMs('0.000001s')), 0.001);
  assert.equal(value(parseDurationMs('1.5000000000ms')), 1.5, 'trailing zeros add no precision');
  assert.equal(
    value(parseDurationMs('3600.001s')),
    'refused: delay "3600.001s" is longer than 3600s (one hour), the longest a link may take; a link that delivers nothing is "up: false"',
  );
  assert.match(String(value(parseDurationMs(`${'9'.repeat(400)}s`))), /^refused: delay "9{60}"\.\.\. \(401 characters\) is longer than 3600s/);
  assert.equal(
    value(parseDurationMs('0.0001ms')),
    'refused: delay "0.0001ms" is finer than a microsecond, which a capture cannot record: use at most 3 decimals in ms or 6 in s, e.g. 0.125ms',
  );
  assert.match(String(value(parseDurationMs('1.0000001s'))), /finer than a microsecond/);
});

test('loss as a percentage or a fraction, within 0..1', () => {
  assert.equal(parseLossRate('5%'), 0.05);
  assert.equal(parseLossRate('100%'), 1);
  assert.equal(parseLossRate(0.25), 0.25);
  assert.equal(parseLossRate(0), 0);
  assert.ok(Object.is(parseLossRate(-0), 0), '-0 is 0');
  assert.equal(parseLossRate(1e-9), 1e-9);
  assert.equal(parseLossRate('101%'), undefined);
  assert.equal(parseLossRate(1.5), undefined);
  assert.equal(parseLossRate(Number.NaN), undefined);
  assert.equal(parseLossRate('5'), undefined);
});

test('clocks come out in the form IOS timestamps use', () => {
  assert.equal(value(parseClock('*Mar  1 02:07:30.000')), '*Mar  1 02:07:30.000');
  assert.equal(value(parseClock('*Mar 1 2:07:30')), '*Mar  1 02:07:30.000');
  assert.equal(value(parseClock('Dec 31 23:59:59.9')), 'Dec 31 23:59:59.900');
  assert.equal(value(parseClock('02:07:30.000')), '*Mar  1 02:07:30.000');
  assert.equal(value(parseClock('00:00:00')), DEFAULT_ROUTER_CLOCK);
  assert.match(String(value(parseClock('tomorrow'))), /refused: clock "tomorrow" is not an IOS clock/);
});

test('a clock is a real date of 1993 from the boot at *Mar  1 00:00:00.000 on', () => {
  assert.equal(value(parseClock('*Apr 30 12:00:00')), '*Apr 30 12:00:00.000');
  assert.equal(value(parseClock('*Mar 31 23:59:59.999')), '*Mar 31 23:59:59.999');
  assert.equal(
    value(parseClock('*Apr 31 00:00:00.000')),
    'refused: clock "*Apr 31 00:00:00.000": Apr 31 is not a date, that month has 30 days in 1993 (the year of a c2600\'s unset clock)',
  );
  assert.match(String(value(parseClock('*Feb 31 00:00:00'))), /Feb 31 is not a date, that month has 28 days in 1993/);
  assert.match(String(value(parseClock('*Feb 29 00:00:00'))), /Feb 29 is not a date, that month has 28 days in 1993/);
  assert.equal(
    value(parseClock('*Feb 28 23:59:59.999')),
    'refused: clock "*Feb 28 23:59:59.999" is before the router booted at *Mar  1 00:00:00.000, where its unset clock starts: use a time from then to Dec 31 23:59:59.999, e.g. "*Mar  1 02:07:30.000"',
  );
  assert.match(String(value(parseClock('Jan  1 00:00:00'))), /before the router booted/);
  for (const text of ['*Mar  1 24:00:00', '*Mar  1 23:60:00', '*Mar  1 23:59:60', '*Mar  0 00:00:00', '*Mar 32 00:00:00', '*Mar  1 00:00:00.1234', '*Foo  1 00:00:00']) {
    assert.match(String(value(parseClock(text))), /refused: clock ".*" is not an IOS clock|is not a date/, text);
  }
});
