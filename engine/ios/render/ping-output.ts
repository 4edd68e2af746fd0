import type { PingResult } from '../../net/ping-types.ts';
import { formatIpv4 } from '../../wire/ipv4-address.ts';
import { IosText } from '../messages.ts';

/** The text of a router's `ping`, from the echo results the network produced. */

const MARKS_PER_LINE = 70;

export function pingHeader(result: Pick<PingResult, 'count' | 'size' | 'destination' | 'timeoutMs'>, source?: number): string[] {
  const seconds = Math.round(result.timeoutMs / 1000);
  return [
    IosText.pingEscape,
    IosText.pingSending(result.count, result.size, formatIpv4(result.destination), seconds),
    ...(source === undefined ? [] : [IosText.pingSourceAddress(formatIpv4(source))]),
  ];
}

function markLines(marks: string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < marks.length; i += MARKS_PER_LINE) lines.push(marks.slice(i, i + MARKS_PER_LINE));
  return lines;
}

export function pingSummary(result: PingResult): string {
  const percent = result.count === 0 ? 0 : Math.floor((100 * result.received) / result.count);
  const rate = IosText.pingSuccess(percent, result.received, result.count);
  if (result.roundTrips.length === 0) return rate;
  // IOS times echoes in whole milliseconds and truncates the average.
  const times = result.roundTrips.map((rtt) => Math.round(rtt));
  const min = Math.min(...times);
  const max = Math.max(...times);
  const avg = Math.floor(times.reduce((sum, rtt) => sum + rtt, 0) / times.length);
  return `${rate}${IosText.pingRoundTrip(min, avg, max)}`;
}

export function renderPing(result: PingResult, source?: number): string[] {
  return [...pingHeader(result, source), ...markLines(result.marks), pingSummary(result)];
}
