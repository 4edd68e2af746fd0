import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { selectionHistory } from './history.ts';
import {
  WHOLE_SUITE_KEY, describeSelection, normaliseSelection, readSelection, selectionKey, writeSelection,
} from './run-selection.ts';

const cwd = '/project';

test('the default paths, ./features and features/ are the whole suite; any filter makes a subset', () => {
  for (const paths of [[], ['features'], ['./features/'], ['/project/features']]) {
    assert.equal(selectionKey(normaliseSelection({ paths, names: [] }, cwd)), WHOLE_SUITE_KEY, paths.join());
  }
  const tagged = normaliseSelection({ paths: [], tags: '@smoke', names: [] }, cwd);
  const folder = normaliseSelection({ paths: ['features/ted/'], names: [] }, cwd);
  const line = normaliseSelection({ paths: ['./features/ted/nat.feature:12'], names: [] }, cwd);
  const keys = [tagged, folder, line].map(selectionKey);
  assert.ok(keys.every((key) => /^subset-[0-9a-f]{12}$/.test(key)), keys.join());
  assert.equal(new Set(keys).size, 3);
  assert.equal(describeSelection(line), 'features/ted/nat.feature:12');
  assert.equal(describeSelection(tagged), '--tags "@smoke"');
});

test('the same selection spelt otherwise has the same key', () => {
  const a = normaliseSelection({ paths: ['features/b', 'features/a'], tags: '@x  and  @y', names: ['n2', 'n1'] }, cwd);
  const b = normaliseSelection({ paths: ['./features/a/', 'features/b'], tags: '@x and @y', names: ['n1', 'n2'] }, cwd);
  assert.equal(selectionKey(a), selectionKey(b));
});

test('a run leaves its selection beside its results; results without one are the whole suite\'s', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-selection-'));
  try {
    assert.equal(selectionKey(readSelection(dir)), WHOLE_SUITE_KEY);
    writeSelection(dir, { paths: [], tags: '@smoke', names: [] });
    assert.deepEqual(readSelection(dir), { paths: [], tags: '@smoke', names: [] });
    writeFileSync(path.join(dir, 'tedlab-selection.json'), '{broken');
    assert.equal(selectionKey(readSelection(dir)), WHOLE_SUITE_KEY);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('each selection has its own history folder; the history kept before moves to the whole suite\'s', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tedlab-history-root-'));
  try {
    writeFileSync(path.join(root, 'history-trend.json'), '[{"buildOrder":3}]');
    const whole = selectionHistory(root, { paths: [], names: [] });
    assert.equal(whole, path.join(root, WHOLE_SUITE_KEY));
    assert.equal(readFileSync(path.join(whole, 'history-trend.json'), 'utf8'), '[{"buildOrder":3}]');
    assert.ok(!existsSync(path.join(root, 'history-trend.json')));
    const subset = selectionHistory(root, { paths: [], tags: '@smoke', names: [] });
    assert.notEqual(subset, whole);
    assert.ok(!existsSync(path.join(subset, 'history-trend.json')), 'a subset starts its own trend');
    assert.equal(readFileSync(`${subset}.txt`, 'utf8'), '--tags "@smoke"\n');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('--shard I/N is 1-based and whole; the merged shards of a run are that run\'s selection', async () => {
  const { mergedSelection, parseShard } = await import('./run-selection.ts');
  assert.deepEqual(parseShard('2/4'), { index: 2, total: 4 });
  for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '-1/2']) assert.equal(typeof parseShard(bad), 'string', bad);
  const base = { paths: ['features/ted'], names: [] };
  const parts = [2, 1, 3].map((index) => ({ ...base, shard: { index, total: 3 } }));
  assert.deepEqual(mergedSelection(parts), base);
  assert.equal(selectionKey(base), selectionKey(normaliseSelection({ paths: ['./features/ted/'], names: [] }, cwd)));
  assert.match(String(mergedSelection(parts.slice(0, 2))), /not the shards 1\/N to N\/N .*2\/3, 1\/3/);
  assert.match(String(mergedSelection([parts[0]!, { ...parts[1]!, tags: '@x' }])), /different selections/);
  assert.notEqual(selectionKey(parts[0]!), selectionKey(base), 'one shard reported alone has its own trend');
  assert.equal(describeSelection(parts[0]!), 'features/ted --shard 2/3');
});
