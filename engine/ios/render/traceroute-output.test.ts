import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProbeOutcome } from '../../net/traceroute-types.ts';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import { hopLines, renderTraceroute } from './traceroute-output.ts';

const at = (address: string, rttMs: number, reached = false): ProbeOutcome => ({ kind: 'answer', from: parseIpv4(address)!, rttMs, reached });
const lost: ProbeOutcome = { kind: 'timeout' };

// The spacing of each case below is in public IOS captures (TEXT-SOURCES.md, "traceroute"): hop
// numbers right-aligned in three columns, `*` and `!H` followed by two blanks, a new address on a
// line of its own indented by four. The blank line after the heading is 12.2-era output's.
test('a trace of two hops: the heading, a blank line, one line per TTL', () => {
  const lines = renderTraceroute({
    destination: parseIpv4('12.12.12.13')!,
    reached: true,
    hops: [
      { ttl: 1, probes: [at('11.11.11.2', 4), at('11.11.11.2', 4), at('11.11.11.2', 0)] },
      { ttl: 2, probes: [at('12.12.12.13', 4, true), lost, at('12.12.12.13', 0, true)] },
    ],
  });
  assert.deepEqual(lines, [
    'Type escape sequence to abort.',
    'Tracing the route to 12.12.12.13',
    '',
    '  1 11.11.11.2 4 msec 4 msec 0 msec',
    '  2 12.12.12.13 4 msec *  0 msec',
  ]);
});

test('timeouts and unreachables: `  9  *  *  *`, `!H  !H`, a two-digit TTL, a second address on its own line', () => {
  assert.deepEqual(hopLines({ ttl: 9, probes: [lost, lost, lost] }), ['  9  *  *  *']);
  const unreachable = (code: 'H' | 'A'): ProbeOutcome => ({ kind: 'unreachable', from: parseIpv4('10.0.0.1')!, rttMs: 4, code });
  assert.deepEqual(hopLines({ ttl: 12, probes: [unreachable('H'), lost, unreachable('A')] }), [' 12 10.0.0.1 !H  *  !A']);
  assert.deepEqual(hopLines({ ttl: 3, probes: [lost, at('10.0.0.2', 8), at('10.0.0.3', 12)] }), [
    '  3  *',
    '    10.0.0.2 8 msec',
    '    10.0.0.3 12 msec',
  ]);
});
