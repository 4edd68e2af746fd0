import type { ProbeOutcome, TracerouteHop, TracerouteResult } from '../../net/traceroute-types.ts';
import { formatIpv4 } from '../../wire/ipv4-address.ts';
import { IosText } from '../messages.ts';

/**
 * The text of a router's `traceroute`: the header, then one line per TTL with the three probes'
 * times. Spacing as 12.2-era captures show it: `  1 11.11.11.2 4 msec 4 msec 4 msec`, a timeout
 * as `*` followed by two blanks (`  2  *  *  *`, `0 msec *  0 msec`), an unreachable as `!H`
 * followed by two blanks; a probe answered from another address than the one before starts a
 * new line indented by four. Sources: TEXT-SOURCES.md, "traceroute".
 */

export function tracerouteHeader(target: string): string[] {
  return [IosText.pingEscape, IosText.tracerouteTarget(target), ''];
}

function itemOf(probe: ProbeOutcome): string {
  switch (probe.kind) {
    case 'timeout':
      return '*  ';
    case 'answer':
      return `${probe.rttMs} msec `;
    case 'unreachable':
      return `!${probe.code}  `;
  }
}

/** One TTL's lines. */
export function hopLines(hop: TracerouteHop): string[] {
  const lines: string[] = [];
  let line = `${String(hop.ttl).padStart(3)} `;
  let shown: number | undefined;
  let items = 0;
  for (const probe of hop.probes) {
    const from = probe.kind === 'timeout' ? undefined : probe.from;
    if (from !== undefined && from !== shown) {
      if (items > 0) {
        lines.push(line);
        line = '    ';
      }
      line += `${formatIpv4(from)} `;
      shown = from;
    } else if (items === 0) {
      // No address opens the line: the first mark stands where one would be.
      line += ' ';
    }
    line += itemOf(probe);
    items++;
  }
  lines.push(line);
  return lines.map((text) => text.trimEnd());
}

export function renderTraceroute(result: TracerouteResult, target = formatIpv4(result.destination)): string[] {
  return [...tracerouteHeader(target), ...result.hops.flatMap(hopLines)];
}
