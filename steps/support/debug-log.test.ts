import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Lab } from '../../engine/lab/index.ts';
import { routerAndHostLab } from '../../engine/lab/testing/router-and-host.ts';
import { wholeDebugLog } from './debug-log.ts';
import { ScenarioUsageError } from './failures.ts';

const lab = (console: string): Lab => routerAndHostLab({ router: `console: ${console}` });

/** About 150 KB of log: 2,000 configuration messages. */
function chatty(subject: Lab): Lab {
  for (let n = 0; n < 2000; n++) subject.configure('R1', [`hostname R${n % 9 + 1}`]);
  return subject;
}

test('a check of a debug log that lost its start fails and says how to keep it', () => {
  const cut = chatty(lab('64KB'));
  assert.ok(cut.debugLogCut('R1') !== undefined);
  assert.throws(() => wholeDebugLog(cut, 'R1'), (error: unknown) =>
    error instanceof ScenarioUsageError && /the debug log of R1 lost its oldest \d+ messages .* console: 64MB/.test(error.message));
});

test('a log within its limit is checked as it is', () => {
  const whole = chatty(lab('1MB'));
  assert.equal(whole.debugLogCut('R1'), undefined);
  assert.equal(wholeDebugLog(whole, 'R1').match(/%SYS-5-CONFIG_I/g)?.length, 2000);
});
