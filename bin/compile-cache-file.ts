/**
 * The compile cache's file: a 4-byte index length, the JSON index, then each module's V8 data in
 * index order. The index gives, for each module file, the SHA-1 of its source (an entry serves
 * only that source), the SHA-1 of its data and the data's length. V8 checks only a header of the
 * data it is given: data damaged past that header (a bad disk, a CI cache restored wrong) crashed
 * the process or hung it, so each entry's data is checked against its digest before V8 sees it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface CacheEntry {
  /** SHA-1 of the module's source, base64. */
  readonly source: string;
  readonly data: Buffer;
  /** SHA-1 of the data as the file's index gives it; checked when the entry is used (`isWhole`). */
  readonly digest?: string;
}

type IndexRow = [file: string, source: string, data: string, length: number];

export function sha1(content: string | Buffer): string {
  return createHash('sha1').update(content).digest('base64');
}

/** Whether an entry's data is what was written: checked only for the modules a run loads. */
export function isWhole(entry: CacheEntry): boolean {
  return entry.digest === undefined || sha1(entry.data) === entry.digest;
}

/** The entries of the file; an unreadable or inconsistent file is an empty cache. */
export function readCacheFile(file: string): Map<string, CacheEntry> {
  const cache = new Map<string, CacheEntry>();
  try {
    const raw = readFileSync(file);
    const indexLength = raw.readUInt32LE(0);
    const index = JSON.parse(raw.subarray(4, 4 + indexLength).toString('utf8')) as IndexRow[];
    let offset = 4 + indexLength;
    for (const [filename, source, digest, length] of index) {
      const data = raw.subarray(offset, offset + length);
      offset += length;
      if (data.length === length) cache.set(filename, { source, data, digest });
    }
    if (offset !== raw.length) cache.clear();
  } catch {
    cache.clear();
  }
  return cache;
}

/**
 * Writes the whole file under a temporary name and renames it into place: another tedlab
 * process (a --parallel worker, a run beside this one) may write it at the same time.
 */
export function writeCacheFile(file: string, cache: ReadonlyMap<string, CacheEntry>): void {
  const rows: IndexRow[] = [...cache].map(([filename, entry]) => [filename, entry.source, entry.digest ?? sha1(entry.data), entry.data.length]);
  const index = Buffer.from(JSON.stringify(rows), 'utf8');
  const indexLength = Buffer.alloc(4);
  indexLength.writeUInt32LE(index.length);
  makeFolder(path.dirname(file));
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([indexLength, index, ...[...cache.values()].map((entry) => entry.data)]));
  renameSync(temporary, file);
  pruneCacheFiles(path.dirname(file));
}

/**
 * Cache files a folder keeps: the command's and its --parallel workers' (two sets of flags), and
 * a few more. Every other set of flags (a profiler's, a debugger's NODE_OPTIONS, an older Node)
 * would otherwise leave a file of megabytes behind for good.
 */
export const CACHE_FILES_KEPT = 4;

const CACHE_FILE_NAME = /^cjs-.+\.bin$/;

/** Deletes all but the CACHE_FILES_KEPT most recently written cache files. */
function pruneCacheFiles(folder: string): void {
  const files = readdirSync(folder)
    .filter((name) => CACHE_FILE_NAME.test(name))
    .map((name) => ({ file: path.join(folder, name), writtenMs: statSync(path.join(folder, name)).mtimeMs }))
    .sort((a, b) => b.writtenMs - a.writtenMs);
  for (const { file } of files.slice(CACHE_FILES_KEPT)) rmSync(file, { force: true });
}

/**
 * Makes the missing folders one level at a time below the nearest one that exists (Node's
 * recursive mkdir loops forever where mkdir answers ENOENT for good, as under /proc).
 */
function makeFolder(folder: string): void {
  const missing: string[] = [];
  for (let current = folder; !existsSync(current); current = path.dirname(current)) {
    if (current === path.dirname(current)) throw new Error(`no folder to make ${folder} in`);
    missing.unshift(current);
  }
  for (const level of missing) mkdirSync(level);
}
