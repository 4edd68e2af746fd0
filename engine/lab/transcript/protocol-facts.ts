/**
 * The protocol facts a known `show` layout states: the states, counts, peers and SA pairings an
 * engineer reads it for. Two outputs that differ only in wording or spacing state the same
 * facts; two that differ in a fact differ in what the network did, whatever the text around it.
 *
 * Each layout reads the normalised lines (blanks collapsed, echo dropped, trimmed) and returns its facts
 * as `name -> value`; a fact one side states and the other does not is a difference too. Values
 * that change from run to run (SPIs, remaining lifetimes) are never facts; whether the current
 * outbound SPI is one of the outbound SAs is.
 */
import { CRYPTO_LAYOUTS } from './crypto-facts.ts';
import type { Facts, ShowLayout } from './fact-types.ts';
import { TABLE_LAYOUTS } from './table-facts.ts';

/** One fact that differs; `undefined` where a side does not state it. */
export interface ProtocolDifference {
  readonly layout: string;
  readonly fact: string;
  readonly expected: string | undefined;
  readonly actual: string | undefined;
}

export const SHOW_LAYOUTS: readonly ShowLayout[] = [...TABLE_LAYOUTS, ...CRYPTO_LAYOUTS];

/** The names of the layouts whose facts are compared, for documentation. */
export const FACT_LAYOUT_NAMES: readonly string[] = SHOW_LAYOUTS.map((layout) => layout.name);

function compareFacts(layout: string, expected: Facts, actual: Facts): ProtocolDifference[] {
  const names = [...new Set([...expected.keys(), ...actual.keys()])];
  return names
    .filter((fact) => expected.get(fact) !== actual.get(fact))
    .map((fact) => ({ layout, fact, expected: expected.get(fact), actual: actual.get(fact) }));
}

/**
 * Whether a side is written in the layout. An empty output counts: it states that there is
 * nothing (no SA, no flow). A side in another shape (an error message, a reworded header) is
 * a difference in text, which the normalised comparison reports on its own.
 */
function readable(layout: ShowLayout, lines: readonly string[]): boolean {
  return lines.length === 0 || layout.recognises(lines);
}

/**
 * The facts in which `actual` differs from `reference`, for every known layout both sides are
 * written in (at least one of them not empty); [] when they state the same facts.
 */
export function protocolDifferences(referenceLines: readonly string[], actualLines: readonly string[]): ProtocolDifference[] {
  // Indentation only groups lines for the eye; the layouts read the lines without it.
  const reference = referenceLines.map((line) => line.trim());
  const actual = actualLines.map((line) => line.trim());
  return SHOW_LAYOUTS
    .filter((layout) => (layout.recognises(reference) || layout.recognises(actual)) && readable(layout, reference) && readable(layout, actual))
    .flatMap((layout) => compareFacts(layout.name, layout.facts(reference), layout.facts(actual)));
}

const stated = (value: string | undefined): string => value ?? '(not shown)';

/** One line per difference: `ISAKMP SA dst 11.11.11.2 src 11.11.11.1: state: expected QM_IDLE, got MM_KEY_EXCH`. */
export function describeDifferences(differences: readonly ProtocolDifference[]): string {
  return differences.map((d) => `${d.fact}: expected ${stated(d.expected)}, got ${stated(d.actual)}`).join('\n');
}
