import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatLogTimestamp,
  formatShowClock,
  formatTimestamp,
  formatUptimeStamp,
  formatUptimeWords,
  IOS_BOOT_CLOCK_MS,
  parseLogTimestamp,
} from './clock-format.ts';

const AT_18_850 = IOS_BOOT_CLOCK_MS + ((2 * 60 + 7) * 60 + 18) * 1000 + 850;

test('log timestamps pad the day like the reference debug logs', () => {
  assert.equal(formatLogTimestamp(AT_18_850), '*Mar  1 02:07:18.850');
  assert.equal(formatLogTimestamp(AT_18_850 + 10 * 86400_000, false), '*Mar 11 02:07:18');
});

test('show clock', () => {
  assert.equal(formatShowClock(AT_18_850), '*02:07:18.850 UTC Mon Mar 1 1993');
});

test('timestamps follow the service timestamps setting', () => {
  const datetime = { kind: 'datetime' as const, msec: true, localtime: false, showTimezone: false, year: false };
  assert.equal(formatTimestamp(datetime, AT_18_850, 0), '*Mar  1 02:07:18.850');
  assert.equal(formatTimestamp({ ...datetime, year: true, showTimezone: true }, AT_18_850, 0), '*Mar  1 1993 02:07:18.850 UTC');
  assert.equal(formatTimestamp({ ...datetime, kind: 'uptime' }, AT_18_850, 323_000), '00:05:23');
  assert.equal(formatUptimeStamp((26 * 3600 + 5) * 1000), '1d02h');
  assert.equal(formatUptimeStamp(9 * 86400_000), '1w2d');
});

test('clock settings read back from log-timestamp text', () => {
  assert.equal(parseLogTimestamp('*Mar  1 02:07:18.850'), AT_18_850);
  assert.equal(parseLogTimestamp('Mar 1 02:07:18'), AT_18_850 - 850);
  assert.equal(parseLogTimestamp('*Foo  1 02:07:18'), undefined);
});

test('uptime in words starts at the largest unit', () => {
  assert.equal(formatUptimeWords(0), '0 minutes');
  assert.equal(formatUptimeWords(61_000), '1 minute');
  assert.equal(formatUptimeWords((2 * 60 + 7) * 60_000), '2 hours, 7 minutes');
  assert.equal(formatUptimeWords(7 * 86400_000 + 2 * 3600_000), '1 week, 0 days, 2 hours, 0 minutes');
});
