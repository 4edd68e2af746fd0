/**
 * Maps a path inside the parsed topology (as ajv and the semantic checks name it) back to the
 * YAML text, so that every error can say file:line:col.
 */

import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { shortened } from './control-characters.ts';
import type { SourceLocation, TopologyError } from './topology-types.ts';

export type PathSegment = string | number;
export type TopologyPath = readonly PathSegment[];

/**
 * `routers.fred.config`, `links.wan[1]`, `links.lan2.ends[0]`; control characters in keys
 * shown as `\u0000` and overlong keys cut, so that a message stays readable.
 */
export function formatPath(path: TopologyPath): string {
  let text = '';
  for (const segment of path) {
    const key = typeof segment === 'number' ? '' : shortened(segment);
    text += typeof segment === 'number' ? `[${segment}]` : text === '' ? key : `.${key}`;
  }
  return text;
}

/** Splits an ajv instancePath (`/links/wan/0`) into segments; array indices become numbers. */
export function segmentsOfPointer(pointer: string, data: unknown): PathSegment[] {
  if (pointer === '') return [];
  const segments: PathSegment[] = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const isIndex = Array.isArray(current) && /^\d+$/.test(key);
    segments.push(isIndex ? Number(key) : key);
    current = isIndex ? (current as unknown[])[Number(key)] : (current as Record<string, unknown> | null)?.[key];
  }
  return segments;
}

/** Which part of a map entry an error points at. */
export type Target = 'key' | 'value';

interface Found {
  readonly node: Node | null;
  readonly keyNode: Node | null;
  /** The deepest node reached when the path runs past what the YAML holds. */
  readonly nearest: Node | null;
  /** The first alias (`*name`) the path went through: the place the value is used, so the place to point at. */
  readonly alias: Node | null;
}

export class YamlLocator {
  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
    private readonly text: string,
  ) {}

  /** The source location of the node at `path` (its key when `target` is 'key'). */
  locate(path: TopologyPath, target: Target = 'value'): SourceLocation {
    const found = this.find(path);
    if (found.alias !== null) return this.locationOf(found.alias.range?.[0] ?? 0);
    const keyOffset = found.keyNode?.range?.[0];
    const valueOffset = isEmptyScalar(found.node) ? undefined : found.node?.range?.[0];
    const offset = target === 'key' ? (keyOffset ?? valueOffset) : (valueOffset ?? keyOffset);
    return this.locationOf(offset ?? found.nearest?.range?.[0] ?? 0);
  }

  error(path: TopologyPath, message: string, target: Target = 'value'): TopologyError {
    return { ...this.locate(path, target), path: formatPath(path), message };
  }

  locationOf(offset: number): SourceLocation {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }

  /** The text of a 1-based source line, without its line break. */
  lineText(line: number): string {
    const start = this.lineCounter.lineStarts[line - 1];
    if (start === undefined) return '';
    const end = this.lineCounter.lineStarts[line] ?? this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$/, '');
  }

  /** The YAML node at `path`, or null. */
  nodeAt(path: TopologyPath): Node | null {
    return this.find(path).node;
  }

  private find(path: TopologyPath): Found {
    let node = this.resolve(this.doc.contents as Node | null);
    let keyNode: Node | null = null;
    let nearest = node;
    let alias: Node | null = null;
    for (const segment of path) {
      const step = this.child(node, segment);
      if (step === undefined) return { node: null, keyNode: null, nearest, alias };
      alias ??= isAlias(step.raw) ? step.raw : null;
      node = this.resolve(step.raw);
      keyNode = step.keyNode;
      nearest = node ?? keyNode ?? nearest;
    }
    return { node, keyNode, nearest, alias };
  }

  private child(node: Node | null, segment: PathSegment): { raw: Node | null; keyNode: Node | null } | undefined {
    if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      return item === undefined ? undefined : { raw: item as Node | null, keyNode: null };
    }
    if (!isMap(node)) return undefined;
    for (const pair of node.items) {
      if (!isPair(pair) || keyText(pair.key) !== String(segment)) continue;
      return { raw: pair.value as Node | null, keyNode: pair.key as Node | null };
    }
    return undefined;
  }

  private resolve(node: Node | null): Node | null {
    return isAlias(node) ? ((node.resolve(this.doc) as Node | undefined) ?? node) : node;
  }
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

/** `name:` with nothing after it: the null scalar has no text to point at, its key does. */
function isEmptyScalar(node: Node | null): boolean {
  return isScalar(node) && node.range !== undefined && node.range !== null && node.range[0] === node.range[1];
}
