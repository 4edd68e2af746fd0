/**
 * The small value notations of a topology (durations, loss rates, console clocks). The schema has
 * already checked their syntax; these turn them into numbers and canonical text and check what a
 * pattern cannot: a delay's size and precision, a clock's calendar date.
 */

import { messages } from './topology-messages.ts';
import { DEFAULT_ROUTER_CLOCK, type Checked } from './topology-types.ts';
import { CLOCK_YEAR, VALUE_RANGES } from './value-ranges.ts';

const DURATION = /^(\d+)(?:\.(\d+))? ?(ms|s)$/;
const MS_PER_UNIT: Readonly<Record<string, number>> = { ms: 1, s: 1000 };

/** `1ms`, `0.5ms`, `2s` -> milliseconds, within VALUE_RANGES.delayMs and to the microsecond. */
export function parseDurationMs(text: string): Checked<number> {
  const match = DURATION.exec(text.trim());
  if (!match) return { ok: false, message: messages.badDuration(text) };
  const [, whole, fraction = '', unit] = match as unknown as [string, string, string | undefined, 'ms' | 's'];
  if (fraction.replace(/0+$/, '').length > VALUE_RANGES.delayDecimals[unit]) return { ok: false, message: messages.delayTooFine(text) };
  const ms = Number(`${whole}.${fraction || '0'}`) * (MS_PER_UNIT[unit] ?? Number.NaN);
  // A long run of digits reads as Infinity; the comparison below refuses it with the rest.
  if (!(ms <= VALUE_RANGES.delayMs.max)) return { ok: false, message: messages.delayTooLong(text, VALUE_RANGES.delayMs.max) };
  return { ok: true, value: ms };
}

const PERCENT = /^(\d+(?:\.\d+)?) ?%$/;

/** `5%` or `0.05` -> 0.05; undefined outside 0..1. */
export function parseLossRate(value: string | number): number | undefined {
  let rate: number;
  if (typeof value === 'number') {
    rate = value;
  } else {
    const match = PERCENT.exec(value.trim());
    if (!match) return undefined;
    rate = Number(match[1]) / 100;
  }
  const { min, max } = VALUE_RANGES.lossRate;
  // `-0` is 0; keeping its sign would only make 1 / rate surprising further down.
  return Number.isFinite(rate) && rate >= min && rate <= max ? rate + 0 : undefined;
}

const SIZE = /^(\d+) ?(KB|MB|GB)$/;
const SIZE_UNITS: Readonly<Record<string, number>> = { KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/**
 * A link's `capture`: true (the default limit), false, or how much it keeps (`8MB`: whole KB,
 * MB or GB within VALUE_RANGES.captureBytes). Undefined for anything else.
 */
export function parseCaptureLimit(value: boolean | string): { capture: boolean; limitBytes: number } | undefined {
  if (typeof value === 'boolean') return { capture: value, limitBytes: VALUE_RANGES.captureBytes.default };
  const bytes = parseSize(value, VALUE_RANGES.captureBytes);
  return bytes === undefined ? undefined : { capture: true, limitBytes: bytes };
}

/** `8MB` -> 8388608 within the range (whole KB, MB or GB); undefined for anything else. */
export function parseSize(value: unknown, range: { min: number; max: number }): number | undefined {
  const match = typeof value === 'string' ? SIZE.exec(value) : null;
  if (!match) return undefined;
  const bytes = Number(match[1]) * SIZE_UNITS[match[2]!]!;
  return bytes >= range.min && bytes <= range.max ? bytes : undefined;
}

const CLOCK = /^(\*?)(?:([A-Z][a-z]{2}) +(\d{1,2}) +)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DEFAULT_DATE = /^\*?([A-Z][a-z]{2} +\d+)/.exec(DEFAULT_ROUTER_CLOCK)?.[1] ?? 'Mar  1';
const BOOT_MS = Date.UTC(CLOCK_YEAR, 2, 1);

/**
 * The canonical IOS timestamp form `*Mar  1 02:07:30.000` (day padded to two places, three
 * decimals). A bare time of day means that time on the default date, with IOS's `*` (clock
 * not set by NTP or by hand). The date must exist in CLOCK_YEAR (no Feb 29, no Apr 31) and
 * not lie before the boot at `*Mar  1 00:00:00.000`, since the lab counts the router's
 * uptime from there.
 */
export function parseClock(text: string): Checked<string> {
  const match = CLOCK.exec(text.trim());
  const monthIndex = MONTHS.indexOf(match?.[2] ?? 'Mar');
  if (!match || monthIndex < 0) return { ok: false, message: messages.badClock(text) };
  const [, star, month, day, hours, minutes, seconds, fraction] = match;
  const [dayOfMonth, h, m, s] = [day ?? '1', hours, minutes, seconds].map(Number) as [number, number, number, number];
  if (h > 23 || m > 59 || s > 59) return { ok: false, message: messages.badClock(text) };
  const daysInMonth = new Date(Date.UTC(CLOCK_YEAR, monthIndex + 1, 0)).getUTCDate();
  if (dayOfMonth < 1 || dayOfMonth > daysInMonth) {
    return { ok: false, message: messages.notADate(text, `${month} ${dayOfMonth}`, daysInMonth, CLOCK_YEAR) };
  }
  if (Date.UTC(CLOCK_YEAR, monthIndex, dayOfMonth, h, m, s) < BOOT_MS) {
    return { ok: false, message: messages.clockBeforeBoot(text, DEFAULT_ROUTER_CLOCK) };
  }
  const date = month === undefined ? DEFAULT_DATE : `${month} ${String(dayOfMonth).padStart(2, ' ')}`;
  const prefix = month === undefined ? '*' : (star ?? '');
  const time = `${hours!.padStart(2, '0')}:${minutes}:${seconds}.${(fraction ?? '').padEnd(3, '0')}`;
  return { ok: true, value: `${prefix}${date} ${time}` };
}
