import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_EDIT_DISTANCE, diffLines, unifiedDiff, type Edit } from './unified-diff.ts';

const letters = (text: string): string[] => text.split('');

test('a small case is laid out exactly as GNU diff -u lays it out', () => {
  // Checked against `diff -u` (GNU diffutils) on the same two files.
  const reference = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n';
  const actual = 'a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no\n';
  assert.equal(unifiedDiff(reference, actual), [
    '--- reference',
    '+++ actual',
    '@@ -1,7 +1,7 @@',
    ' a', ' b', ' c', '-d', '+D', ' e', ' f', ' g',
    '@@ -12,3 +12,4 @@',
    ' l', ' m', ' n', '+o',
  ].join('\n'));
});

test('one-line and empty ranges are written the way diff -u writes them', () => {
  assert.equal(unifiedDiff('x\n', 'y\nx\n'), '--- reference\n+++ actual\n@@ -1 +1,2 @@\n+y\n x');
  assert.equal(unifiedDiff('', 'x\n'), '--- reference\n+++ actual\n@@ -0,0 +1 @@\n+x');
  assert.equal(unifiedDiff('x\n', ''), '--- reference\n+++ actual\n@@ -1 +0,0 @@\n-x');
  assert.equal(unifiedDiff(['a', 'b', 'c'], ['a', 'c']), '--- reference\n+++ actual\n@@ -1,3 +1,2 @@\n a\n-b\n c');
});

test('equal texts give no diff; labels and context can be chosen', () => {
  assert.equal(unifiedDiff('a\nb\n', ['a', 'b']), '');
  assert.equal(
    unifiedDiff(letters('abcdef'), letters('abXdef'), { referenceLabel: 'daphne.debug.txt', actualLabel: 'lab', context: 1 }),
    '--- daphne.debug.txt\n+++ lab\n@@ -2,3 +2,3 @@\n b\n-c\n+X\n d',
  );
});

test('changes up to twice the context apart share a hunk; further apart they do not', () => {
  const together = unifiedDiff(letters('aXbcdefgYh'), letters('abcdefgh'));
  assert.equal(together.split('\n').filter((line) => line.startsWith('@@')).length, 1);
  assert.match(together, /^@@ -1,10 \+1,8 @@$/m);
  const apart = unifiedDiff(letters('aXbcdefghYi'), letters('abcdefghi'));
  assert.deepEqual(apart.split('\n').filter((line) => line.startsWith('@@')), ['@@ -1,5 +1,4 @@', '@@ -7,5 +6,4 @@']);
});

test('a replaced block lists its deletions before its insertions', () => {
  const edits = diffLines(['keep', 'old 1', 'old 2', 'keep too'], ['keep', 'new 1', 'new 2', 'keep too']);
  assert.deepEqual(edits.map((edit) => edit.kind), ['equal', 'delete', 'delete', 'insert', 'insert', 'equal']);
});

/** A deterministic stream for the property checks (the tests need no seeded crypto stream). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const line of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = line === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Applies a unified diff to the reference, checking every context and deleted line on the way. */
function applyUnifiedDiff(reference: readonly string[], diff: string): string[] {
  const out: string[] = [];
  let next = 0;
  for (const line of diff.split('\n').slice(2)) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(line);
    if (header !== null) {
      const start = header[2] === '0' ? Number(header[1]) : Number(header[1]) - 1;
      while (next < start) out.push(reference[next++]!);
    } else if (line[0] === '+') out.push(line.slice(1));
    else {
      assert.equal(reference[next], line.slice(1), 'context and deleted lines match the reference');
      if (line[0] === ' ') out.push(line.slice(1));
      next++;
    }
  }
  return [...out, ...reference.slice(next)];
}

test('on random texts the script is minimal and the diff rebuilds the actual text', () => {
  const random = lcg(7);
  const text = (): string[] => Array.from({ length: Math.floor(random() * 30) }, () => 'abcd'[Math.floor(random() * 4)]!);
  for (let round = 0; round < 300; round++) {
    const reference = text();
    const actual = text();
    const edits = diffLines(reference, actual);
    const side = (skip: Edit['kind']): string[] => edits.filter((edit) => edit.kind !== skip).map((edit) => edit.line);
    assert.deepEqual(side('insert'), reference);
    assert.deepEqual(side('delete'), actual);
    assert.equal(edits.filter((edit) => edit.kind === 'equal').length, longestCommonSubsequence(reference, actual));
    assert.deepEqual(applyUnifiedDiff(reference, unifiedDiff(reference, actual)), actual);
  }
});

test('texts too far apart still give a correct, if not minimal, diff', () => {
  const size = MAX_EDIT_DISTANCE;
  const reference = Array.from({ length: size }, (_, i) => `reference ${i}`);
  const actual = ['shared', ...Array.from({ length: size }, (_, i) => `actual ${i}`), 'shared end'];
  const edits = diffLines(['shared', ...reference, 'shared end'], actual);
  assert.equal(edits.length, 2 * size + 2);
  assert.deepEqual(edits[0], { kind: 'equal', line: 'shared' });
  assert.deepEqual(edits.at(-1), { kind: 'equal', line: 'shared end' });
  assert.equal(edits.filter((edit) => edit.kind === 'delete').length, size);
});
