import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PingResult } from '../../net/ping-types.ts';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import { renderPing } from './ping-output.ts';

function result(marks: string, roundTrips: number[], extra: Partial<PingResult> = {}): PingResult {
  return {
    destination: parseIpv4('12.12.12.13')!,
    count: marks.length,
    size: 100,
    timeoutMs: 2000,
    marks,
    roundTrips,
    received: roundTrips.length,
    successRate: Math.floor((100 * roundTrips.length) / marks.length),
    ...extra,
  };
}

const HEADER = ['Type escape sequence to abort.', 'Sending 5, 100-byte ICMP Echos to 12.12.12.13, timeout is 2 seconds:'];

test('all answered', () => {
  assert.deepEqual(renderPing(result('!!!!!', [1, 2, 4, 1, 2])), [
    ...HEADER,
    '!!!!!',
    'Success rate is 100 percent (5/5), round-trip min/avg/max = 1/2/4 ms',
  ]);
});

test('the first echo lost while the tunnel comes up', () => {
  assert.deepEqual(renderPing(result('.!!!!', [4, 4, 4, 5])).slice(2), [
    '.!!!!',
    'Success rate is 80 percent (4/5), round-trip min/avg/max = 4/4/5 ms',
  ]);
});

test('nothing answered: no round-trip figures', () => {
  assert.deepEqual(renderPing(result('.....', [])).slice(2), ['.....', 'Success rate is 0 percent (0/5)']);
  assert.deepEqual(renderPing(result('U.U.U', [])).slice(2), ['U.U.U', 'Success rate is 0 percent (0/5)']);
});

test('a source address line, other sizes, and 70 marks per line', () => {
  const lines = renderPing(result('!'.repeat(100), Array(100).fill(1), { size: 1500, timeoutMs: 1000 }), parseIpv4('13.13.13.13'));
  assert.deepEqual(lines.slice(1), [
    'Sending 100, 1500-byte ICMP Echos to 12.12.12.13, timeout is 1 seconds:',
    'Packet sent with a source address of 13.13.13.13',
    '!'.repeat(70),
    '!'.repeat(30),
    'Success rate is 100 percent (100/100), round-trip min/avg/max = 1/1/1 ms',
  ]);
});

test('the percentage and the average are truncated as IOS does', () => {
  assert.equal(renderPing(result('!!.', [1, 2])).at(-1), 'Success rate is 66 percent (2/3), round-trip min/avg/max = 1/1/2 ms');
});
