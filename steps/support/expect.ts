import { readFileSync } from 'node:fs';
import { compareTranscript, containsInOrder, containsText, unifiedDiff, type TranscriptKind } from '../../engine/lab/index.ts';

/** A failed expectation: the message carries the diff, and no stack trace is worth showing. */
export class ExpectationFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpectationFailed';
    this.stack = `${this.name}: ${message}`;
  }
}

const RUNNING_CONFIG_MARK = /^(Building configuration\.\.\.|Current configuration\s*:)/m;

function kindOf(actual: string, reference: string): TranscriptKind {
  return RUNNING_CONFIG_MARK.test(reference) || RUNNING_CONFIG_MARK.test(actual) ? 'running-config' : 'show';
}

export function readReference(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new ExpectationFailed(`cannot read the reference ${file}`);
  }
}

export function expectMatches(actual: string, reference: string, what: string, kind?: TranscriptKind): void {
  const result = compareTranscript(actual, reference, { kind: kind ?? kindOf(actual, reference), dropEcho: true });
  if (!result.equal) throw new ExpectationFailed(`${what} differs from the reference:\n${result.diff}`);
}

export function expectContains(actual: string, text: string, what: string): void {
  if (!containsText(actual, text)) throw new ExpectationFailed(`${what} does not contain "${text}":\n${actual}`);
}

export function expectNotContains(actual: string, text: string, what: string): void {
  if (containsText(actual, text)) throw new ExpectationFailed(`${what} contains "${text}":\n${actual}`);
}

export function expectInOrder(log: string, lines: string[], what: string): void {
  const missing = containsInOrder(log, lines);
  if (missing !== undefined) {
    throw new ExpectationFailed(`${what} does not contain, in order, the line "${missing}":\n${log}`);
  }
}

const tidy = (text: string): string => text.split('\n').map((line) => line.trimEnd()).join('\n').trimEnd();

/** Character for character, trailing blanks and trailing blank lines aside: for caret positions and spacing. */
export function expectExactly(actual: string, expected: string, what: string): void {
  if (tidy(actual) !== tidy(expected)) {
    throw new ExpectationFailed(`${what} is not as expected:\n${unifiedDiff(tidy(expected), tidy(actual))}`);
  }
}

/** The expected lines appear together, character for character, somewhere in the text. */
export function expectBlock(actual: string, expected: string, what: string): void {
  if (!`\n${tidy(actual)}\n`.includes(`\n${tidy(expected)}\n`)) {
    throw new ExpectationFailed(`${what} does not contain these lines:\n${expected}\n--- it was:\n${actual}`);
  }
}
