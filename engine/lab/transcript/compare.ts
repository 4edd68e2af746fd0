/**
 * Comparisons of lab output with expected text: a whole transcript against a reference,
 * a debug log against lines expected in order, an output against a fragment.
 */
import {
  collapseBlanks, normaliseLines, splitDebugMessages, splitLines, type TranscriptKind,
} from './normalise.ts';
import { SANITIZER_NAMES, sanitizeLine, type SanitizerName } from './sanitizers.ts';
import { unifiedDiff } from './unified-diff.ts';

export interface CompareOptions {
  readonly kind: TranscriptKind;
  /**
   * Ignore a first line that echoes a command (`Daphne#show crypto map`), on both sides:
   * references carry it; the lab's output carries it only when it is a console session.
   * Default true.
   */
  readonly dropEcho?: boolean;
  /** Which volatile tokens to mask; all of them by default. */
  readonly sanitizers?: readonly SanitizerName[];
}

export interface CompareResult {
  readonly equal: boolean;
  /** Unified diff from the normalised reference to the normalised actual text; '' when equal. */
  readonly diff: string;
  readonly normalisedActual: string;
  readonly normalisedReference: string;
}

function prepare(text: string, options: CompareOptions): string[] {
  const names = options.sanitizers ?? SANITIZER_NAMES;
  return normaliseLines(text, { kind: options.kind, dropEcho: options.dropEcho ?? true })
    .map((line) => sanitizeLine(line, names));
}

/** Normalises and sanitizes both sides the same way, then compares them exactly. */
export function compareTranscript(actual: string, reference: string, options: CompareOptions): CompareResult {
  const actualLines = prepare(actual, options);
  const referenceLines = prepare(reference, options);
  const normalisedActual = actualLines.join('\n');
  const normalisedReference = referenceLines.join('\n');
  const equal = normalisedActual === normalisedReference;
  return {
    equal,
    diff: equal ? '' : unifiedDiff(referenceLines, actualLines),
    normalisedActual,
    normalisedReference,
  };
}

/** Blanks collapsed on every line, and leading and trailing blanks dropped from the whole. */
function tidy(text: string): string {
  return splitLines(text).map(collapseBlanks).join('\n').trim();
}

/**
 * Looks for each expected line inside one message of a console log, each in a later
 * message than the one before (other messages may lie between), blanks collapsed on both
 * sides. Returns the first expected line not found that way, or undefined when all are.
 * Blank expected lines are skipped.
 */
export function containsInOrder(log: string, lines: readonly string[]): string | undefined {
  const messages = splitDebugMessages(log).map(({ timestamp, text }) =>
    tidy(timestamp === '' ? text : `${timestamp}: ${text}`));
  let next = 0;
  for (const line of lines) {
    const wanted = tidy(line);
    if (wanted === '') continue;
    const found = messages.findIndex((message, index) => index >= next && message.includes(wanted));
    if (found < 0) return line;
    next = found + 1;
  }
  return undefined;
}

/** Whether `text` occurs in `output`, runs of blanks collapsed on both sides. */
export function containsText(output: string, text: string): boolean {
  return tidy(output).includes(tidy(text));
}
