/**
 * Topology loading: YAML text -> syntax check -> schema check -> semantic checks -> TopologySpec.
 * Each stage stops the load when it finds errors, since later stages assume what earlier ones check.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import { checkAgainstSchema } from './schema-check.ts';
import { buildTopology, type TopologyData } from './topology-builder.ts';
import { fileErrorReason, messages } from './topology-messages.ts';
import { sortAndDeduplicate, type TopologyError, type TopologyResult } from './topology-types.ts';
import { YamlLocator } from './yaml-locator.ts';

/** Aliases may expand at most this many times, so a hostile file cannot blow up memory. */
const MAX_ALIAS_COUNT = 100;

/** Reads and checks the topology file at `file`; config paths are relative to its folder. */
export function loadTopologyFile(file: string): TopologyResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return failure([{ file, line: 0, column: 0, path: '', message: messages.unreadableTopology(fileErrorReason(error)) }]);
  }
  return parseTopology(text, file, path.dirname(file));
}

/**
 * Checks topology text. `fileName` is what errors name (a path, or e.g. `<lab DocString>`);
 * `baseDir` is the folder config file paths are relative to. Never throws.
 */
export function parseTopology(text: string, fileName: string, baseDir: string): TopologyResult {
  try {
    return parseChecked(text, fileName, baseDir);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failure([{ file: fileName, line: 0, column: 0, path: '', message: messages.internal(detail) }]);
  }
}

function parseChecked(text: string, fileName: string, baseDir: string): TopologyResult {
  const source = text.replace(/^\uFEFF/, '');
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locator = new YamlLocator(fileName, doc, lineCounter, source);
  if (doc.errors.length > 0) return failure(doc.errors.map((error) => syntaxError(error, locator)));
  const data = toPlainData(doc, locator);
  if (!data.ok) return failure([data.error]);
  const schemaErrors = checkAgainstSchema(data.value, locator);
  if (schemaErrors.length > 0) return failure(schemaErrors);
  const built = buildTopology(data.value as TopologyData, locator, baseDir);
  return built.ok ? built : failure(built.errors);
}

function syntaxError(error: YAMLError, locator: YamlLocator): TopologyError {
  const message = messages.yamlSyntaxByCode[error.code] ?? messages.yamlSyntax(error.message);
  return { ...locator.locationOf(error.pos[0]), path: '', message };
}

function toPlainData(doc: Document, locator: YamlLocator): { ok: true; value: unknown } | { ok: false; error: TopologyError } {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: locator.error([], messages.yamlNotExpandable(detail)) };
  }
}

function failure(errors: readonly TopologyError[]): TopologyResult {
  return { ok: false, errors: sortAndDeduplicate(errors) };
}
