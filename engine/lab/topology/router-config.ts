/**
 * A router's startup configuration: read from a file beside the topology or taken inline, with
 * enough bookkeeping to place any config line back in its source file.
 */

import path from 'node:path';
import { isScalar, Scalar, type Node } from 'yaml';
import { describeControlCharacter, findControlCharacter } from './control-characters.ts';
import { readTextFile } from './read-text-file.ts';
import { fileErrorReason, messages } from './topology-messages.ts';
import { VALUE_RANGES } from './value-ranges.ts';
import { formatPath, type TopologyPath, type YamlLocator } from './yaml-locator.ts';
import type { ConfigSource, RouterSpec, SourceLocation, TopologyError } from './topology-types.ts';

export type ConfigResolution =
  | { readonly ok: true; readonly config: ConfigSource }
  | { readonly ok: false; readonly error: TopologyError };

/**
 * The `config:` value at `configPath`: a multi-line or block value is the configuration itself,
 * anything else is a file path relative to `baseDir`. Either way the configuration is plain
 * text of at most VALUE_RANGES.configBytes: what IOS could have saved and can read back.
 */
export function resolveRouterConfig(
  value: string,
  configPath: TopologyPath,
  locator: YamlLocator,
  baseDir: string,
): ConfigResolution {
  const resolved = locateConfig(value, configPath, locator, baseDir);
  if (!resolved.ok) return resolved;
  const bytes = Buffer.byteLength(resolved.config.text, 'utf8');
  if (bytes > VALUE_RANGES.configBytes) {
    return { ok: false, error: locator.error(configPath, messages.configTooLarge(bytes, VALUE_RANGES.configBytes)) };
  }
  const unprintable = controlCharacterError(resolved.config, configPath);
  return unprintable === undefined ? resolved : { ok: false, error: unprintable };
}

function locateConfig(value: string, configPath: TopologyPath, locator: YamlLocator, baseDir: string): ConfigResolution {
  const node = locator.nodeAt(configPath);
  const style = isScalar(node) ? node.type : undefined;
  if (style === Scalar.BLOCK_FOLDED) return { ok: false, error: locator.error(configPath, messages.foldedConfig()) };
  if (style === Scalar.BLOCK_LITERAL) return { ok: true, config: literalBlockConfig(value, node as Node, locator) };
  if (value === '' || value.includes('\n')) return { ok: true, config: quotedConfig(value, configPath, locator) };
  const inName = findControlCharacter(value);
  if (inName !== undefined) {
    return { ok: false, error: locator.error(configPath, messages.configNameControlCharacter(describeControlCharacter(inName.character))) };
  }
  return readConfigFile(value, configPath, locator, baseDir);
}

/** The first control character of the configuration, placed on its line and column. */
function controlCharacterError(config: ConfigSource, configPath: TopologyPath): TopologyError | undefined {
  const lines = configLines(config.text);
  for (let index = 0; index < lines.length; index++) {
    const found = findControlCharacter(lines[index]!);
    if (found === undefined) continue;
    const at = configLineLocation({ config }, index + 1);
    const column = at.column + found.index;
    const message = messages.configControlCharacter(index + 1, describeControlCharacter(found.character), found.index + 1);
    return { file: at.file, line: at.line, column, path: formatPath(configPath), message };
  }
  return undefined;
}

/** Where config line `lineNumber` (1-based) of a router is written. */
export function configLineLocation(router: Pick<RouterSpec, 'config'>, lineNumber: number): SourceLocation {
  const { file, firstLine, column, lineOffsets } = router.config;
  const offset = lineOffsets === undefined ? lineNumber - 1 : (lineOffsets[lineNumber - 1] ?? lineNumber - 1);
  return { file, line: firstLine + offset, column };
}

function configLines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\n$/, '').split('\n');
}

/** A literal block keeps every line on its own source line, right below the `|` header. */
function literalBlockConfig(value: string, node: Node, locator: YamlLocator): ConfigSource {
  const header = locator.locationOf(node.range?.[0] ?? 0);
  const lines = configLines(value);
  return {
    text: value,
    file: locator.file,
    firstLine: header.line + 1,
    column: blockIndentation(lines, header.line, locator) + 1,
    lineOffsets: lines.map((_, index) => index),
  };
}

/** The block's indentation: what the source line has in front of the config line's own text. */
function blockIndentation(lines: readonly string[], headerLine: number, locator: YamlLocator): number {
  const index = lines.findIndex((line) => line.trim() !== '');
  if (index < 0) return 0;
  const source = locator.lineText(headerLine + 1 + index);
  return Math.max(0, leadingBlanks(source) - leadingBlanks(lines[index] ?? ''));
}

function leadingBlanks(text: string): number {
  return text.length - text.trimStart().length;
}

/** A quoted string with `\n` escapes: its lines cannot be told apart in the source, so all sit at its start. */
function quotedConfig(value: string, configPath: TopologyPath, locator: YamlLocator): ConfigSource {
  const start = locator.locate(configPath);
  return {
    text: value,
    file: locator.file,
    firstLine: start.line,
    column: start.column,
    lineOffsets: configLines(value).map(() => 0),
  };
}

function readConfigFile(given: string, configPath: TopologyPath, locator: YamlLocator, baseDir: string): ConfigResolution {
  const file = path.isAbsolute(given) ? given : path.join(baseDir, given);
  const read = readTextFile(file, VALUE_RANGES.configBytes);
  if (read.ok) {
    const text = read.text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    return { ok: true, config: { text, file, firstLine: 1, column: 1 } };
  }
  const message =
    'tooLarge' in read
      ? messages.configTooLarge(read.tooLarge, VALUE_RANGES.configBytes)
      : messages.unreadableConfig(given, file, fileErrorReason(read.error));
  return { ok: false, error: locator.error(configPath, message) };
}
