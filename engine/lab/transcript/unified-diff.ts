/**
 * Line diffs: Myers' O(ND) shortest edit script ("An O(ND) Difference Algorithm and Its
 * Variations", 1986) and its rendering as a unified diff in GNU `diff -u` layout.
 */
import { splitLines } from './normalise.ts';

export type EditKind = 'equal' | 'delete' | 'insert';

/** One line of the edit script: kept, only in the reference (delete) or only in the actual text (insert). */
export interface Edit {
  readonly kind: EditKind;
  readonly line: string;
}

export interface UnifiedDiffOptions {
  readonly referenceLabel?: string;
  readonly actualLabel?: string;
  /** Unchanged lines shown around each change. */
  readonly context?: number;
}

/**
 * Past this many differing lines the middle of the texts is shown as replaced wholesale:
 * the search trace grows with the square of the distance, and a minimal script of texts
 * that far apart helps no reader.
 */
export const MAX_EDIT_DISTANCE = 2000;

/** Myers' forward search; returns, per distance d, the furthest x reached on diagonals -d-1..d+1. */
function searchTrace(a: readonly string[], b: readonly string[]): Int32Array[] | undefined {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return trace;
    }
  }
  return undefined;
}

/** Walks the trace back from the end, collecting the edits in reverse. */
function backtrack(a: readonly string[], b: readonly string[], trace: readonly Int32Array[]): Edit[] {
  const edits: Edit[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const at = (k: number): number => v[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    for (; x > previousX && y > previousY; y--) edits.push({ kind: 'equal', line: a[--x]! });
    if (d === 0) break;
    if (down) edits.push({ kind: 'insert', line: b[--y]! });
    else edits.push({ kind: 'delete', line: a[--x]! });
  }
  return edits.reverse();
}

/** Within each run of changes, deletions first: the order `diff -u` prints them in. */
function deletionsFirst(edits: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  let inserts: Edit[] = [];
  for (const edit of edits) {
    if (edit.kind === 'insert') inserts.push(edit);
    else if (edit.kind === 'delete') out.push(edit);
    else {
      out.push(...inserts, edit);
      inserts = [];
    }
  }
  return [...out, ...inserts];
}

function middleScript(a: readonly string[], b: readonly string[]): Edit[] {
  const trace = searchTrace(a, b);
  if (trace !== undefined) return backtrack(a, b, trace);
  return [
    ...a.map((line): Edit => ({ kind: 'delete', line })),
    ...b.map((line): Edit => ({ kind: 'insert', line })),
  ];
}

/** A shortest edit script turning `reference` into `actual` (see MAX_EDIT_DISTANCE). */
export function diffLines(reference: readonly string[], actual: readonly string[]): Edit[] {
  let head = 0;
  while (head < reference.length && head < actual.length && reference[head] === actual[head]) head++;
  let tail = 0;
  while (
    tail < reference.length - head && tail < actual.length - head &&
    reference[reference.length - 1 - tail] === actual[actual.length - 1 - tail]
  ) tail++;
  const kept = (lines: readonly string[]): Edit[] => lines.map((line) => ({ kind: 'equal', line }));
  return deletionsFirst([
    ...kept(reference.slice(0, head)),
    ...middleScript(reference.slice(head, reference.length - tail), actual.slice(head, actual.length - tail)),
    ...kept(reference.slice(reference.length - tail)),
  ]);
}

/** [start, end) ranges of the script to print: each change with its context, close ones merged. */
function hunkRanges(edits: readonly Edit[], context: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < edits.length; i++) {
    if (edits[i]!.kind === 'equal') continue;
    let end = i;
    while (end < edits.length && edits[end]!.kind !== 'equal') end++;
    const start = Math.max(0, i - context);
    const stop = Math.min(edits.length, end + context);
    const last = ranges[ranges.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = stop;
    else ranges.push([start, stop]);
    i = end - 1;
  }
  return ranges;
}

/** `diff -u` range: a one-line range is just its line; an empty one names the line before it. */
function formatRange(startIndex: number, count: number): string {
  if (count === 1) return `${startIndex + 1}`;
  return count === 0 ? `${startIndex},0` : `${startIndex + 1},${count}`;
}

const MARK: Readonly<Record<EditKind, string>> = { equal: ' ', delete: '-', insert: '+' };

function formatHunk(edits: readonly Edit[], [start, stop]: [number, number], referenceStart: number, actualStart: number): string[] {
  const slice = edits.slice(start, stop);
  const referenceCount = slice.filter((edit) => edit.kind !== 'insert').length;
  const actualCount = slice.filter((edit) => edit.kind !== 'delete').length;
  return [
    `@@ -${formatRange(referenceStart, referenceCount)} +${formatRange(actualStart, actualCount)} @@`,
    ...slice.map((edit) => MARK[edit.kind] + edit.line),
  ];
}

function asLines(text: string | readonly string[]): readonly string[] {
  if (typeof text !== 'string') return text;
  const lines = splitLines(text);
  // A final line end does not start another line.
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

/**
 * A unified diff from `reference` (---) to `actual` (+++), lines joined with \n and no
 * final line end; '' when the two are equal.
 */
export function unifiedDiff(
  reference: string | readonly string[],
  actual: string | readonly string[],
  options: UnifiedDiffOptions = {},
): string {
  const edits = diffLines(asLines(reference), asLines(actual));
  const ranges = hunkRanges(edits, Math.max(0, options.context ?? 3));
  if (ranges.length === 0) return '';
  const out = [`--- ${options.referenceLabel ?? 'reference'}`, `+++ ${options.actualLabel ?? 'actual'}`];
  let referenceLine = 0;
  let actualLine = 0;
  let position = 0;
  for (const range of ranges) {
    for (; position < range[0]; position++) {
      if (edits[position]!.kind !== 'insert') referenceLine++;
      if (edits[position]!.kind !== 'delete') actualLine++;
    }
    out.push(...formatHunk(edits, range, referenceLine, actualLine));
  }
  return out.join('\n');
}
