import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { formatTotals, readScenarioResults, summarise } from './results-summary.ts';

function writeResults(dir: string, results: object[]): void {
  results.forEach((result, index) => writeFileSync(path.join(dir, `uuid-${index}-result.json`), JSON.stringify(result)));
  writeFileSync(path.join(dir, 'uuid-9-container.json'), '{"children":[]}');
  writeFileSync(path.join(dir, 'uuid-9-attachment.txt'), 'not a result');
}

test('totals count each scenario once, by its last try, and list what did not pass', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-results-'));
  try {
    writeResults(dir, [
      { name: 'ping', fullName: 'features/lab/ping.feature#ping', historyId: 'a', status: 'failed', stop: 10 },
      { name: 'ping', fullName: 'features/lab/ping.feature#ping', historyId: 'a', status: 'passed', stop: 20 },
      { name: 'load', fullName: 'features/lab/load.feature#load', historyId: 'b', status: 'broken', stop: 5 },
      { name: 'compare', fullName: 'features/cli/x.feature#compare', historyId: 'c', status: 'failed', stop: 7 },
      { name: 'odd', historyId: 'd', status: 'weird', stop: 1 },
    ]);
    const summary = summarise(readScenarioResults(dir));
    assert.equal(summary.total, 4);
    assert.deepEqual(summary.counts, { passed: 1, failed: 1, broken: 1, skipped: 0, unknown: 1 });
    assert.deepEqual(summary.notPassed.map((result) => result.name), ['compare', 'load']);
    assert.equal(formatTotals(summary), '4 scenarios: 1 passed, 1 failed, 1 broken, 0 skipped, 1 unknown');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no results folder, no scenarios; unknown is left out when there are none', () => {
  const summary = summarise(readScenarioResults('/nonexistent/allure-results'));
  assert.equal(formatTotals(summary), '0 scenarios: 0 passed, 0 failed, 0 broken, 0 skipped');
});
