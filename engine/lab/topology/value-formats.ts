/**
 * The small value notations of a topology (durations, loss rates, console clocks). The schema has
 * already checked their syntax; these turn them into numbers and canonical text.
 */

import { DEFAULT_ROUTER_CLOCK } from './topology-types.ts';

const DURATION = /^(\d+(?:\.\d+)?) ?(ms|s)$/;
const MS_PER_UNIT: Record<string, number> = { ms: 1, s: 1000 };

/** `1ms`, `0.5ms`, `2s` -> milliseconds; undefined for anything else. */
export function parseDurationMs(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const [, amount, unit] = match as unknown as [string, string, string];
  return Number(amount) * (MS_PER_UNIT[unit] ?? Number.NaN);
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
  return Number.isFinite(rate) && rate >= 0 && rate <= 1 ? rate : undefined;
}

const CLOCK = /^(\*?)(?:([A-Z][a-z]{2}) +(\d{1,2}) +)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;
const DEFAULT_DATE = /^\*?([A-Z][a-z]{2} +\d+)/.exec(DEFAULT_ROUTER_CLOCK)?.[1] ?? 'Mar  1';

/**
 * The canonical IOS timestamp form `*Mar  1 02:07:30.000` (day padded to two places, three
 * decimals). A bare time of day means that time on the default date, with IOS's `*` (clock
 * not set by NTP or by hand).
 */
export function canonicalClock(text: string): string | undefined {
  const match = CLOCK.exec(text.trim());
  if (!match) return undefined;
  const [, star, month, day, hours, minutes, seconds, fraction] = match;
  const date = month === undefined ? DEFAULT_DATE : `${month} ${String(Number(day)).padStart(2, ' ')}`;
  const prefix = month === undefined ? '*' : (star ?? '');
  const time = `${hours!.padStart(2, '0')}:${minutes}:${seconds}.${(fraction ?? '').padEnd(3, '0')}`;
  return `${prefix}${date} ${time}`;
}
