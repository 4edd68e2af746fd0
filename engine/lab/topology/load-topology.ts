/**
 * Topology loading: YAML text -> syntax check -> printable texts -> schema check -> semantic
 * checks -> TopologySpec.
 * Each stage stops the load when it finds errors, since later stages assume what earlier ones check.
 */

import path from 'node:path';
import type { YAMLError } from 'yaml';
import { controlCharacterErrors } from './printable-text.ts';
import { parseYaml } from './parsed-yaml.ts';
import { readTextFile } from './read-text-file.ts';
import { checkAgainstSchema } from './schema-check.ts';
import { buildTopology, type TopologyData } from './topology-builder.ts';
import { fileErrorReason, messages } from './topology-messages.ts';
import { sortAndDeduplicate, type TopologyError, type TopologyResult } from './topology-types.ts';
import { VALUE_RANGES } from './value-ranges.ts';
import { YamlLocator, type PathSegment } from './yaml-locator.ts';

/** Reads and checks the topology file at `file`; config paths are relative to its folder. */
export function loadTopologyFile(file: string): TopologyResult {
  const read = readTextFile(file, VALUE_RANGES.topologyBytes);
  if (read.ok) return parseTopology(read.text, file, path.dirname(file));
  const message =
    'tooLarge' in read
      ? messages.topologyTooLarge(read.tooLarge, VALUE_RANGES.topologyBytes)
      : messages.unreadableTopology(fileErrorReason(read.error));
  return failure([{ file, line: 0, column: 0, path: '', message }]);
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
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > VALUE_RANGES.topologyBytes) {
    return failure([{ file: fileName, line: 0, column: 0, path: '', message: messages.topologyTooLarge(bytes, VALUE_RANGES.topologyBytes) }]);
  }
  const source = text.replace(/^\uFEFF/, '');
  const { doc, lineCounter, data } = parseYaml(source);
  const locator = new YamlLocator(fileName, doc, lineCounter, source);
  if (doc.errors.length > 0 || data === undefined) return failure(doc.errors.map((error) => syntaxError(error, locator)));
  if (!data.ok) return failure([locator.error([], messages.yamlNotExpandable(data.reason))]);
  const controlErrors = controlCharacterErrors(data.value, locator, isRouterConfig);
  if (controlErrors.length > 0) return failure(controlErrors);
  const schemaErrors = checkAgainstSchema(data.value, locator);
  if (schemaErrors.length > 0) return failure(schemaErrors);
  const built = buildTopology(data.value as TopologyData, locator, baseDir);
  return built.ok ? built : failure(built.errors);
}

/** A router's `config:` is checked line by line once it is read (it may be a file). */
function isRouterConfig(path: readonly PathSegment[]): boolean {
  return path.length === 3 && path[0] === 'routers' && path[2] === 'config';
}

function syntaxError(error: YAMLError, locator: YamlLocator): TopologyError {
  const message = messages.yamlSyntaxByCode[error.code] ?? messages.yamlSyntax(error.message);
  return { ...locator.locationOf(error.pos[0]), path: '', message };
}

function failure(errors: readonly TopologyError[]): TopologyResult {
  return { ok: false, errors: sortAndDeduplicate(errors) };
}
