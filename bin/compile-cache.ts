/**
 * A V8 code cache for the CommonJS modules the `tedlab` command loads from node_modules (Cucumber,
 * Allure's formatter and their dependencies): compiling them is a fifth of a one-feature run, and
 * every --parallel worker pays it again. Node 22 has this built in (`module.enableCompileCache`,
 * used when present); Node 20, which tedlab supports, has not, so this does what the well-known
 * `v8-compile-cache` package does: compile each module's wrapper as a `vm.Script` with the cached
 * data of an earlier run, and keep the cache in one file per Node version.
 *
 * A cached entry is used only for a file whose content hashes the same (V8 itself checks only the
 * source's length), and V8 refuses data from another V8 version or other flags; a module is then
 * compiled afresh and the cache rewritten at exit. A module that calls `import()` is left to Node:
 * on Node 20 a script made from cached data loses its dynamic-import callback ("A dynamic import
 * callback was not specified"). Nothing here can fail a run: an unreadable or unwritable cache
 * only means no cache.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** `TEDLAB_COMPILE_CACHE=off` turns the cache off; a folder puts it there. */
export const COMPILE_CACHE_VARIABLE = 'TEDLAB_COMPILE_CACHE';

interface CacheEntry {
  readonly hash: string;
  readonly data: Buffer;
}

interface InternalModule {
  exports: unknown;
  require(id: string): unknown;
}

interface ModuleInternals {
  prototype: { _compile(this: InternalModule, content: string, filename: string, format?: string): unknown };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: InternalModule, isMain: boolean, options?: { paths?: string[] }): string;
  _resolveLookupPaths(request: string, parent: InternalModule): string[] | null;
  _extensions: unknown;
  _cache: unknown;
  enableCompileCache?: (directory: string) => unknown;
}

const internals = Module as unknown as ModuleInternals;

/** Past this size, entries of modules this process did not load are dropped when the file is rewritten. */
const CACHE_FILE_LIMIT = 32 * 1024 * 1024;

/** The folder for the cache: beside the project's other tool caches in node_modules/.cache. */
export function defaultCompileCacheFolder(packageRoot: string): string {
  for (let folder = path.dirname(packageRoot); folder !== path.dirname(folder); folder = path.dirname(folder)) {
    if (path.basename(folder) === 'node_modules') return path.join(folder, '.cache', 'tedlab');
  }
  return path.join(packageRoot, 'node_modules', '.cache', 'tedlab');
}

/** Where this process keeps its cache, or undefined when the cache is turned off. */
export function compileCacheFolder(packageRoot: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env[COMPILE_CACHE_VARIABLE];
  if (setting === 'off') return undefined;
  return setting === undefined || setting === '' ? defaultCompileCacheFolder(packageRoot) : path.resolve(setting);
}

/** The cache file: one per Node version and architecture (V8 refuses another's data anyway). */
export function compileCacheFile(folder: string): string {
  return path.join(folder, `cjs-${process.version}-${process.arch}.bin`);
}

let installed = false;

/** What the cache did in this process: modules compiled from cached data, and compiled afresh. */
export const compileCacheCounts = { fromCache: 0, compiled: 0 };

/**
 * Turns the cache on for every CommonJS module this process loads from now on from a
 * node_modules folder. Idempotent; returns what it did.
 */
export function installCompileCache(folder: string | undefined): 'node' | 'hook' | 'off' {
  if (folder === undefined) return 'off';
  if (typeof internals.enableCompileCache === 'function') {
    internals.enableCompileCache(folder);
    return 'node';
  }
  if (installed) return 'hook';
  installed = true;
  const file = compileCacheFile(folder);
  const cache = readCache(file);
  const fresh = new Map<string, { hash: string; script: vm.Script }>();
  const loaded = new Set<string>();
  const compile = internals.prototype._compile;
  internals.prototype._compile = function compileWithCache(content: string, filename: string, format?: string): unknown {
    // An ES module required from CommonJS (Node 20.19's require(esm)) and a module with import() are Node's.
    if (format === 'module' || !filename.includes(`${path.sep}node_modules${path.sep}`) || content.includes('import(')) {
      return compile.call(this, content, filename, format);
    }
    const hash = createHash('sha1').update(content).digest('base64');
    const cached = cache.get(filename);
    const cachedData = cached?.hash === hash ? cached.data : undefined;
    let script: vm.Script;
    try {
      script = new vm.Script(internals.wrap(content), { filename, ...(cachedData === undefined ? {} : { cachedData }) });
    } catch {
      // ES module syntax in a package without a "type" (Node tells it apart), or a real syntax error: Node's own compile and message.
      return compile.call(this, content, filename, format);
    }
    loaded.add(filename);
    if (cachedData === undefined || script.cachedDataRejected === true) {
      fresh.set(filename, { hash, script });
      compileCacheCounts.compiled++;
    } else {
      compileCacheCounts.fromCache++;
    }
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  // Written at exit, when the modules have run: the data then holds the functions they compiled lazily too.
  process.once('exit', () => {
    if (fresh.size > 0) writeCache(file, cache, fresh, loaded);
  });
  return 'hook';
}

/** The `require` a module's code sees, as Node's own loader makes it. */
function requireFor(module: InternalModule): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: { paths?: string[] }) =>
    internals._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => internals._resolveLookupPaths(request, module);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = internals._extensions as NodeJS.Require['extensions'];
  require.cache = internals._cache as NodeJS.Require['cache'];
  return require;
}

/** The file: a 4-byte index length, the JSON index `[file, hash, bytes][]`, then the data in index order. */
function readCache(file: string): Map<string, CacheEntry> {
  const cache = new Map<string, CacheEntry>();
  try {
    const raw = readFileSync(file);
    const indexLength = raw.readUInt32LE(0);
    const index = JSON.parse(raw.subarray(4, 4 + indexLength).toString('utf8')) as Array<[string, string, number]>;
    let offset = 4 + indexLength;
    for (const [filename, hash, length] of index) {
      cache.set(filename, { hash, data: raw.subarray(offset, offset + length) });
      offset += length;
    }
    if (offset !== raw.length) cache.clear();
  } catch {
    cache.clear();
  }
  return cache;
}

function writeCache(
  file: string,
  cache: Map<string, CacheEntry>,
  fresh: Map<string, { hash: string; script: vm.Script }>,
  loaded: Set<string>,
): void {
  try {
    // What other processes (--parallel workers, a run beside this one) wrote since this one read the file.
    for (const [filename, entry] of readCache(file)) if (!loaded.has(filename)) cache.set(filename, entry);
    for (const [filename, { hash, script }] of fresh) cache.set(filename, { hash, data: script.createCachedData() });
    let size = 0;
    for (const entry of cache.values()) size += entry.data.length;
    if (size > CACHE_FILE_LIMIT) {
      for (const filename of cache.keys()) if (!loaded.has(filename)) cache.delete(filename);
    }
    const index = Buffer.from(JSON.stringify([...cache].map(([filename, entry]) => [filename, entry.hash, entry.data.length])), 'utf8');
    const indexLength = Buffer.alloc(4);
    indexLength.writeUInt32LE(index.length);
    mkdirSync(path.dirname(file), { recursive: true });
    // Another tedlab process may write at the same time: each writes a whole file and renames it into place.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([indexLength, index, ...[...cache.values()].map((entry) => entry.data)]));
    renameSync(temporary, file);
  } catch {
    // A read-only project or a full disk: the next run compiles again.
  }
}
