import type { TimestampFormat } from '../config/config-model.ts';

/**
 * IOS's ways of writing time: the calendar as log timestamps (`*Mar  1 02:07:18.850`) and
 * `show clock` (`*02:07:18.850 UTC Mon Mar 1 1993`), uptime as `show version` words it.
 * The leading `*` says the clock was never set, which is always so in the lab.
 */

/** A c2600 without a calendar chip starts its clock at this instant on every boot. */
export const IOS_BOOT_CLOCK_MS = Date.UTC(1993, 2, 1, 0, 0, 0, 0);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad2 = (n: number) => String(n).padStart(2, '0');

function timeOfDay(date: Date, msec: boolean): string {
  const base = `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}`;
  return msec ? `${base}.${String(date.getUTCMilliseconds()).padStart(3, '0')}` : base;
}

/** `*Mar  1 02:07:18.850`: the `service timestamps ... datetime msec` form, day padded to two. */
export function formatLogTimestamp(clockMs: number, msec = true): string {
  const date = new Date(clockMs);
  const day = String(date.getUTCDate()).padStart(2, ' ');
  return `*${MONTHS[date.getUTCMonth()]} ${day} ${timeOfDay(date, msec)}`;
}

/** `*02:07:18.850 UTC Mon Mar 1 1993` */
export function formatShowClock(clockMs: number): string {
  const date = new Date(clockMs);
  const weekday = WEEKDAYS[date.getUTCDay()];
  return `*${timeOfDay(date, true)} UTC ${weekday} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ${date.getUTCFullYear()}`;
}

/** Uptime stamps: `00:05:23` within the first day, then `1d02h`, then `1w2d`. */
export function formatUptimeStamp(uptimeMs: number): string {
  const totalSeconds = Math.floor(uptimeMs / 1000);
  const days = Math.floor(totalSeconds / 86400);
  const hours = Math.floor((totalSeconds % 86400) / 3600);
  if (days === 0) return `${pad2(hours)}:${pad2(Math.floor((totalSeconds % 3600) / 60))}:${pad2(totalSeconds % 60)}`;
  if (days < 7) return `${days}d${pad2(hours)}h`;
  return `${Math.floor(days / 7)}w${days % 7}d`;
}

/** The prefix of a debug or log message under a `service timestamps` setting, without the colon. */
export function formatTimestamp(format: TimestampFormat | undefined, clockMs: number, uptimeMs: number): string {
  if (!format) return '';
  if (format.kind === 'uptime') return formatUptimeStamp(uptimeMs);
  const stamp = formatLogTimestamp(clockMs, format.msec);
  const withYear = format.year ? stamp.replace(/^(\*\w{3} [ \d]\d) /, `$1 ${new Date(clockMs).getUTCFullYear()} `) : stamp;
  return format.showTimezone ? `${withYear} UTC` : withYear;
}

/**
 * Reads a clock setting written like a log timestamp (`*Mar  1 02:07:30.000`, year 1993)
 * into calendar milliseconds; undefined when the text is not one.
 */
export function parseLogTimestamp(text: string): number | undefined {
  const match = /^\*?([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[1]!);
  if (month < 0) return undefined;
  const [day, hours, minutes, seconds] = [match[2], match[3], match[4], match[5]].map(Number) as [number, number, number, number];
  if (day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const millis = match[6] ? Number(match[6].padEnd(3, '0')) : 0;
  return Date.UTC(1993, month, day, hours, minutes, seconds, millis);
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** `show version`'s uptime: `1 week, 0 days, 2 hours, 7 minutes`, from the largest non-zero unit down. */
export function formatUptimeWords(uptimeMs: number): string {
  const minutesTotal = Math.floor(uptimeMs / 60000);
  const units: Array<[number, string]> = [
    [Math.floor(minutesTotal / (60 * 24 * 365)), 'year'],
    [Math.floor((minutesTotal % (60 * 24 * 365)) / (60 * 24 * 7)), 'week'],
    [Math.floor((minutesTotal % (60 * 24 * 7)) / (60 * 24)), 'day'],
    [Math.floor((minutesTotal % (60 * 24)) / 60), 'hour'],
    [minutesTotal % 60, 'minute'],
  ];
  const first = units.findIndex(([n]) => n > 0);
  const shown = first < 0 ? units.slice(-1) : units.slice(first);
  return shown.map(([n, unit]) => plural(n, unit)).join(', ');
}
