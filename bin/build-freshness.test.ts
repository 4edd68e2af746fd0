import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
// @ts-expect-error: a plain JavaScript module without type declarations (it must run before tsx).
import { buildIsCurrent, builtEntry } from './build-freshness.mjs';

const isCurrent = buildIsCurrent as (root: string) => boolean;
const entryOf = builtEntry as (root: string) => string;

/** A repository with one source file and, when asked, a build, each modified at the given second. */
function repository(sourceSecond: number, buildSecond?: number): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tedlab-freshness-'));
  const source = path.join(root, 'engine', 'lab', 'lab.ts');
  mkdirSync(path.dirname(source), { recursive: true });
  writeFileSync(source, 'export {};\n');
  utimesSync(source, sourceSecond, sourceSecond);
  if (buildSecond !== undefined) {
    mkdirSync(path.dirname(entryOf(root)), { recursive: true });
    writeFileSync(entryOf(root), 'export {};\n');
    utimesSync(entryOf(root), buildSecond, buildSecond);
  }
  return root;
}

/** Runs `check` on a scratch repository made by `repository`, then deletes it. */
function inRepository(sourceSecond: number, buildSecond: number | undefined, check: (root: string) => void): void {
  const root = repository(sourceSecond, buildSecond);
  try {
    check(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('a build newer than every source is run', () => {
  inRepository(1_000, 2_000, (root) => assert.equal(isCurrent(root), true));
});

test('a source changed after the build sends the run back to the TypeScript source', () => {
  inRepository(3_000, 2_000, (root) => assert.equal(isCurrent(root), false));
});

test('a changed build setting makes the build stale too', () => {
  inRepository(1_000, 2_000, (root) => {
    writeFileSync(path.join(root, 'tsconfig.build.json'), '{}\n');
    assert.equal(isCurrent(root), false);
  });
});

test('no build means the TypeScript source', () => {
  inRepository(1_000, undefined, (root) => assert.equal(isCurrent(root), false));
});

test('a test changed after the build leaves it current: tests are not built', () => {
  inRepository(1_000, 2_000, (root) => {
    const testFile = path.join(root, 'engine', 'lab', 'lab.test.ts');
    writeFileSync(testFile, 'export {};\n');
    utimesSync(testFile, 3_000, 3_000);
    assert.equal(isCurrent(root), true);
  });
});
