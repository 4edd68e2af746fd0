/**
 * Comparisons of lab output with expected text: a whole transcript against a reference,
 * a debug log against lines expected in order, an output against a fragment.
 */
import {
  collapseBlanks, normaliseLines, originalLines, splitDebugMessages, splitLines, type TranscriptKind,
} from './normalise.ts';
import { protocolDifferences, type ProtocolDifference } from './protocol-facts.ts';
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
  /** The normalised texts are the same and, for a known `show` layout, so are the protocol facts. */
  readonly equal: boolean;
  /** Unified diff from the normalised reference to the normalised actual text; '' when they are the same. */
  readonly diff: string;
  /**
   * The same diff over the original lines (echo dropped, trailing blanks trimmed), columns as
   * printed; '' when the comparison is equal.
   */
  readonly layoutDiff: string;
  /**
   * Where the facts of a known `show` layout differ (a state, a count, a peer, an SPI pairing):
   * a difference in what the network did rather than in wording.
   */
  readonly protocolDifferences: readonly ProtocolDifference[];
  readonly normalisedActual: string;
  readonly normalisedReference: string;
}

function sanitized(lines: readonly string[], options: CompareOptions): string[] {
  const names = options.sanitizers ?? SANITIZER_NAMES;
  return lines.map((line) => sanitizeLine(line, names));
}

/**
 * Normalises and sanitizes both sides the same way, then compares them exactly; a `show`
 * output in a known layout must also state the same protocol facts.
 */
export function compareTranscript(actual: string, reference: string, options: CompareOptions): CompareResult {
  const normalise = { kind: options.kind, dropEcho: options.dropEcho ?? true };
  const [actualNormal, referenceNormal] = [normaliseLines(actual, normalise), normaliseLines(reference, normalise)];
  const actualLines = sanitized(actualNormal, options);
  const referenceLines = sanitized(referenceNormal, options);
  const normalisedActual = actualLines.join('\n');
  const normalisedReference = referenceLines.join('\n');
  const differences = options.kind === 'show' ? protocolDifferences(referenceNormal, actualNormal) : [];
  const equal = normalisedActual === normalisedReference && differences.length === 0;
  return {
    equal,
    diff: equal ? '' : unifiedDiff(referenceLines, actualLines),
    layoutDiff: equal ? '' : unifiedDiff(originalLines(reference, normalise), originalLines(actual, normalise)),
    protocolDifferences: differences,
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
