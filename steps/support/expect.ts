/**
 * The checks `Then` steps make. A text check that fails throws a TranscriptAssertionError, a check of
 * what the network did throws an OutcomeAssertionError; both carry the evidence the report shows
 * next to the failing step (a unified diff and both originals, or the text that was searched).
 */
import { readFileSync } from 'node:fs';
import {
  compareTranscript, containsInOrder, containsText, describeDifferences, originalLines, unifiedDiff, type TranscriptKind,
} from '../../engine/lab/index.ts';
import {
  OutcomeAssertionError, ScenarioUsageError, TranscriptAssertionError, diffEvidence, htmlEvidence, textEvidence, type Evidence,
} from './failures.ts';
import { htmlDiff } from './html-diff.ts';

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

interface Comparison {
  /** The diff the check judged by: normalised, or exact. */
  readonly diff: string;
  /** The diff of the lines as printed, when it is not the same as `diff`. */
  readonly layoutDiff?: string;
  readonly expected: string;
  readonly actual: string;
  readonly expectedName: 'expected' | 'reference';
  readonly notes?: readonly string[];
}

/**
 * The evidence of a failed comparison: the coloured side-by-side page of the lines as printed,
 * the diff the check judged by, the diff as printed beside it, and both originals.
 */
function comparisonEvidence(comparison: Comparison): Evidence[] {
  const evidence = [
    htmlEvidence('diff (side by side)', htmlDiff({
      title: `actual against the ${comparison.expectedName}`,
      referenceLabel: comparison.expectedName,
      referenceLines: originalLines(comparison.expected, { kind: 'show', dropEcho: true }),
      actualLines: originalLines(comparison.actual, { kind: 'show', dropEcho: true }),
      ...(comparison.notes === undefined ? {} : { notes: comparison.notes }),
    })),
    diffEvidence(comparison.layoutDiff === undefined ? 'diff' : 'diff (normalised)', comparison.diff),
  ];
  if (comparison.layoutDiff !== undefined) evidence.push(diffEvidence('diff (as printed)', comparison.layoutDiff));
  evidence.push(textEvidence(comparison.expectedName, comparison.expected), textEvidence('actual', comparison.actual));
  return evidence;
}

/**
 * The output matches the reference once both are normalised. Where the output is a known `show`
 * layout and a fact differs (a state, a count, a peer, an SPI pairing), the network did something
 * else: an outcome failure, the facts listed first. Otherwise the difference is in the text.
 */
export function expectMatches(actual: string, reference: string, what: string, kind?: TranscriptKind): void {
  const result = compareTranscript(actual, reference, { kind: kind ?? kindOf(actual, reference), dropEcho: true });
  if (result.equal) return;
  const facts = describeDifferences(result.protocolDifferences);
  const evidence = comparisonEvidence({
    diff: result.diff, layoutDiff: result.layoutDiff, expected: reference, actual, expectedName: 'reference',
    notes: facts === '' ? [] : facts.split('\n'),
  });
  if (facts !== '') {
    throw new OutcomeAssertionError(`${what} states other protocol facts than the reference:\n${facts}\n\n${result.diff}`, evidence);
  }
  throw new TranscriptAssertionError(`${what} differs from the reference:\n${result.diff}`, evidence);
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
    throw new TranscriptAssertionError(
      `${what} is not as expected:\n${diff}`,
      comparisonEvidence({ diff, expected, actual, expectedName: 'expected' }),
    );
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
