/**
 * The checks `Then` steps make. A text check that fails throws a TranscriptAssertionError, a check of
 * what the network did throws an OutcomeAssertionError; both carry the evidence the report shows
 * next to the failing step (a unified diff and both originals, or the text that was searched).
 */
import { readFileSync } from 'node:fs';
import { compareTranscript, containsInOrder, containsText, unifiedDiff, type TranscriptKind } from '../../engine/lab/index.ts';
import { OutcomeAssertionError, ScenarioUsageError, TranscriptAssertionError, diffEvidence, textEvidence } from './failures.ts';

const RUNNING_CONFIG_MARK = /^(Building configuration\.\.\.|Current configuration\s*:)/m;

export function kindOf(actual: string, reference: string): TranscriptKind {
  return RUNNING_CONFIG_MARK.test(reference) || RUNNING_CONFIG_MARK.test(actual) ? 'running-config' : 'show';
}

export function readReference(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new ScenarioUsageError(`cannot read the reference ${file}`);
  }
}

/** The diff and both originals, as a failed comparison shows them. */
function comparisonEvidence(diff: string, expected: string, actual: string, expectedName = 'expected') {
  return [diffEvidence('diff', diff), textEvidence(expectedName, expected), textEvidence('actual', actual)];
}

export function expectMatches(actual: string, reference: string, what: string, kind?: TranscriptKind): void {
  const result = compareTranscript(actual, reference, { kind: kind ?? kindOf(actual, reference), dropEcho: true });
  if (!result.equal) {
    throw new TranscriptAssertionError(
      `${what} differs from the reference:\n${result.diff}`,
      comparisonEvidence(result.diff, reference, actual, 'reference'),
    );
  }
}

function searchEvidence(actual: string, text: string) {
  return [textEvidence('expected text', text), textEvidence('actual', actual)];
}

export function expectContains(actual: string, text: string, what: string): void {
  if (!containsText(actual, text)) {
    throw new TranscriptAssertionError(`${what} does not contain "${text}":\n${actual}`, searchEvidence(actual, text));
  }
}

export function expectNotContains(actual: string, text: string, what: string): void {
  if (containsText(actual, text)) {
    throw new TranscriptAssertionError(`${what} contains "${text}":\n${actual}`, searchEvidence(actual, text));
  }
}

export function expectInOrder(log: string, lines: string[], what: string): void {
  const missing = containsInOrder(log, lines);
  if (missing !== undefined) {
    throw new TranscriptAssertionError(
      `${what} does not contain, in order, the line "${missing}":\n${log}`,
      searchEvidence(log, lines.join('\n')),
    );
  }
}

const tidy = (text: string): string => text.split('\n').map((line) => line.trimEnd()).join('\n').trimEnd();

/** Character for character, trailing blanks and trailing blank lines aside: for caret positions and spacing. */
export function expectExactly(actual: string, expected: string, what: string): void {
  if (tidy(actual) !== tidy(expected)) {
    const diff = unifiedDiff(tidy(expected), tidy(actual), { referenceLabel: 'expected' });
    throw new TranscriptAssertionError(`${what} is not as expected:\n${diff}`, comparisonEvidence(diff, expected, actual));
  }
}

/** The expected lines appear together, character for character, somewhere in the text. */
export function expectBlock(actual: string, expected: string, what: string): void {
  if (!`\n${tidy(actual)}\n`.includes(`\n${tidy(expected)}\n`)) {
    throw new TranscriptAssertionError(
      `${what} does not contain these lines:\n${expected}\n--- it was:\n${actual}`,
      searchEvidence(actual, expected),
    );
  }
}

const shown = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : String(value));

/**
 * A result of the network's behaviour (ping marks, success rate, SA count or state) equals the
 * expected value; `context` is the text that shows the result, such as the ping's output.
 */
export function expectOutcome<T>(actual: T, expected: T, what: string, context = ''): void {
  if (actual !== expected) {
    const evidence = [textEvidence('expected', String(expected)), textEvidence('actual', String(actual))];
    if (context !== '') evidence.push(textEvidence('output', context));
    throw new OutcomeAssertionError(`${what}: expected ${shown(expected)}, got ${shown(actual)}`, evidence);
  }
}
