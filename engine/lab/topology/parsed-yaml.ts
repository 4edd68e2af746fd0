import { LineCounter, parseDocument, type Document } from 'yaml';

/**
 * The YAML stage of loading a topology, kept for texts seen before: a suite loads the same labs
 * scenario after scenario, and parsing a topology cost more than building its routers. Only
 * the text is parsed here; the checks that read files (router configurations) run every load.
 * The plain data is frozen, so a later stage that changed it would throw instead of changing
 * the next load's.
 */
export interface ParsedYaml {
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  /** The plain data, or what stopped YAML from expanding it (an alias bomb); none after syntax errors. */
  readonly data: PlainData | undefined;
}

export type PlainData = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/** Aliases may expand at most this many times, so a hostile file cannot blow up memory. */
const MAX_ALIAS_COUNT = 100;
const TEXTS_KEPT = 64;
const parsed = new Map<string, ParsedYaml>();

export function parseYaml(source: string): ParsedYaml {
  const known = parsed.get(source);
  if (known !== undefined) return known;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const result: ParsedYaml = { doc, lineCounter, data: doc.errors.length > 0 ? undefined : plainData(doc) };
  // The oldest text goes first: a Map iterates in insertion order.
  if (parsed.size >= TEXTS_KEPT) parsed.delete(parsed.keys().next().value!);
  parsed.set(source, result);
  return result;
}

function plainData(doc: Document): PlainData {
  try {
    return { ok: true, value: deepFreeze(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
