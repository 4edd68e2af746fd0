/**
 * Past one machine: the demo suite run as two shards into two folders, as two CI machines would,
 * and merged into one report with one history.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { readScenarioResults } from '../report/results-summary.ts';
import { reportLayout } from '../report/report-layout.ts';
import { tedlab, writeDemoSuite } from '../testing/demo-suite.ts';

let dir: string;
let shards: { status: number | null; output: string }[];

before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-shards-'));
  writeDemoSuite(dir);
  shards = [1, 2].map((index) => tedlab(dir, ['run', '--shard', `${index}/2`, '--reports', `shard-${index}`]));
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('two shards run every scenario once between them, each a fixed part', () => {
  const names = [1, 2].map((index) => readScenarioResults(path.join(dir, `shard-${index}`, 'allure-results')).map((result) => result.name).sort());
  assert.deepEqual(names.map((part) => part.length), [3, 2], shards.map((shard) => shard.output).join('\n'));
  assert.equal(new Set([...names[0]!, ...names[1]!]).size, 5, 'no scenario twice, none left out');
  const again = tedlab(dir, ['run', '--shard', '2/2', '--reports', 'shard-2-again']);
  assert.deepEqual(readScenarioResults(path.join(dir, 'shard-2-again', 'allure-results')).map((result) => result.name).sort(), names[1]);
});

test('report merges the shards\' results into one report of the whole suite, with the whole suite\'s trend', () => {
  const merged = tedlab(dir, ['report', '--reports', 'merged', 'shard-1', path.join('shard-2', 'allure-results')]);
  assert.equal(merged.status, 0, merged.output);
  assert.match(merged.output, /^report: 5 scenarios: 2 passed, 2 failed, 1 broken, 0 skipped$/m);
  const layout = reportLayout(path.join(dir, 'merged'));
  assert.ok(existsSync(layout.html));
  assert.ok(existsSync(path.join(layout.history, 'whole-suite', 'history-trend.json')));
  assert.equal(JSON.parse(readFileSync(path.join(layout.results, 'tedlab-selection.json'), 'utf8')).shard, undefined);
});

test('shards that do not make a whole run, or a bad --shard, are refused with the reason', () => {
  const partial = tedlab(dir, ['report', '--reports', 'partial', 'shard-1']);
  assert.equal(partial.status, 2);
  assert.match(partial.output, /cannot merge shard-1: the results are not the shards 1\/N to N\/N of one run \(they are: 1\/2\)/);
  const nothing = tedlab(dir, ['report', '--reports', 'partial', 'no-such-folder']);
  assert.match(nothing.output, /no-such-folder: no scenario results there/);
  for (const shard of ['3/2', '0/2', 'two']) {
    const bad = tedlab(dir, ['run', '--shard', shard]);
    assert.equal(bad.status, 2, shard);
    assert.match(bad.output, /--shard .*give I\/N, the I-th of N parts/);
  }
});

test('a shard that gets no scenario (more shards than scenarios) succeeds, and its empty part merges', () => {
  const parts = [1, 2].map((index) => tedlab(dir, ['run', '--name', 'R1 answers a ping', '--shard', `${index}/2`, '--reports', `one-${index}`]));
  assert.deepEqual(parts.map((part) => part.status), [0, 0], parts.map((part) => part.output).join('\n'));
  assert.match(parts[1]!.output, /^shard 2\/2: no scenario falls in this part of the selection$/m);
  const merged = tedlab(dir, ['report', '--reports', 'one-merged', 'one-1', 'one-2']);
  assert.equal(merged.status, 0, merged.output);
  assert.match(merged.output, /^report: 1 scenarios: 1 passed, 0 failed, 0 broken, 0 skipped$/m);
});
