/**
 * A V8 code cache for the CommonJS modules the `tedlab` command loads from node_modules (Cucumber,
 * Allure's formatter and their dependencies): compiling them is a fifth of a one-feature run, and
 * every --parallel worker pays it again. Node 22 has this built in (`module.enableCompileCache`,
 * used when present); Node 20, which tedlab supports, has not, so this does what the well-known
 * `v8-compile-cache` package does: compile each module's wrapper as a `vm.Script` with the cached
 * data of an earlier run, and keep the cache in one file per Node version and set of flags
 * (compile-cache-file.ts).
 *
 * A cached entry is used only for a file whose content hashes the same (V8 itself checks only the
 * source's length), and only when its data is whole; V8 refuses data from another V8 version; a
 * module is then compiled afresh and the cache rewritten at exit. Left to Node's own compile, which
 * this cannot reproduce: a module that may call `import()` (a script made here has no
 * dynamic-import callback on Node 20), ES modules required from CommonJS, every module while
 * source maps are on, and everything under a policy manifest. Nothing here can fail a run: an
 * unreadable or unwritable cache only means no cache.
 */
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { isWhole, readCacheFile, sha1, writeCacheFile, type CacheEntry } from './compile-cache-file.ts';

/** `TEDLAB_COMPILE_CACHE=off` turns the cache off; a folder puts it there. */
export const COMPILE_CACHE_VARIABLE = 'TEDLAB_COMPILE_CACHE';

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
  wrapper: readonly string[];
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

/**
 * The cache file: one per Node version, architecture and set of flags. V8 refuses data made
 * under other flags, and a run with other flags would otherwise replace the whole file.
 */
export function compileCacheFile(folder: string, execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): string {
  const flags = sha1(`${execArgv.join(' ')}\n${nodeOptions}`).replace(/[^A-Za-z0-9]/g, '').slice(0, 8);
  return path.join(folder, `cjs-${process.version}-${process.arch}-${flags}.bin`);
}

/**
 * Modules that may call `import()`, however it is spelt (a space or a comment before the
 * parenthesis), or build code at run time that might: a script made here would have no
 * dynamic-import callback.
 */
const MAY_IMPORT = /\bimport\s*[(/]|\bFunction\s*\(|\beval\s*\(/;

/** A policy manifest checks each module's integrity in Node's own compile. */
function underPolicy(): boolean {
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((flag) => /--(experimental-policy|policy-integrity)/.test(flag));
}

/** Node's compile, not this one: see the module's comment. */
function leftToNode(content: string, filename: string, format: string | undefined): boolean {
  return format === 'module'
    || !filename.includes(`${path.sep}node_modules${path.sep}`)
    || (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled === true
    || MAY_IMPORT.test(content);
}

/** A `#!` line is no syntax inside the wrapper: it becomes a comment of the same length. */
function withoutHashbang(content: string): string {
  return content.startsWith('#!') ? `//${content.slice(2)}` : content;
}

let installed = false;

/** What the cache did in this process: modules compiled from cached data, and compiled afresh. */
export const compileCacheCounts = { fromCache: 0, compiled: 0 };

/**
 * Turns the cache on for every CommonJS module this process loads from now on from a
 * node_modules folder. Idempotent; returns what it did.
 */
export function installCompileCache(folder: string | undefined): 'node' | 'hook' | 'off' {
  if (folder === undefined || underPolicy()) return 'off';
  if (typeof internals.enableCompileCache === 'function') {
    internals.enableCompileCache(folder);
    return 'node';
  }
  if (installed) return 'hook';
  installed = true;
  const file = compileCacheFile(folder);
  // Read at the first module compiled: `tedlab --version` loads none.
  let cache: Map<string, CacheEntry> | undefined;
  const fresh = new Map<string, { source: string; script: vm.Script }>();
  const loaded = new Set<string>();
  const compile = internals.prototype._compile;
  internals.prototype._compile = function compileWithCache(content: string, filename: string, format?: string): unknown {
    if (leftToNode(content, filename, format)) return compile.call(this, content, filename, format);
    const source = sha1(content);
    cache ??= readCacheFile(file);
    const cached = cache.get(filename);
    const cachedData = cached?.source === source && isWhole(cached) ? cached.data : undefined;
    let script: vm.Script;
    try {
      script = new vm.Script(internals.wrap(withoutHashbang(content)), {
        filename,
        // The wrapper's text precedes line 1: columns there are the module's own.
        columnOffset: -internals.wrapper[0]!.length,
        ...(cachedData === undefined ? {} : { cachedData }),
      });
    } catch {
      // ES module syntax in a package without a "type" (Node tells it apart), or a real syntax error: Node's own compile and message.
      return compile.call(this, content, filename, format);
    }
    loaded.add(filename);
    if (cachedData === undefined || script.cachedDataRejected === true) {
      fresh.set(filename, { source, script });
      compileCacheCounts.compiled++;
    } else {
      compileCacheCounts.fromCache++;
    }
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  // Written at exit, when the modules have run: the data then holds the functions they compiled lazily too.
  process.once('exit', () => {
    if (cache !== undefined && fresh.size > 0) writeCache(file, cache, fresh, loaded);
  });
  return 'hook';
}

function checkRequest(request: unknown): asserts request is string {
  if (typeof request === 'string') return;
  throw Object.assign(new TypeError(`The "request" argument must be of type string. Received ${typeof request}`), { code: 'ERR_INVALID_ARG_TYPE' });
}

/** The `require` a module's code sees, as Node's own loader makes it. */
function requireFor(module: InternalModule): NodeJS.Require {
  const require = function require(id: string): unknown {
    return module.require(id);
  } as NodeJS.Require;
  const resolve = function resolve(request: string, options?: { paths?: string[] }): string {
    checkRequest(request);
    return internals._resolveFilename(request, module, false, options);
  } as NodeJS.RequireResolve;
  resolve.paths = function paths(request: string): string[] | null {
    checkRequest(request);
    return internals._resolveLookupPaths(request, module);
  };
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = internals._extensions as NodeJS.Require['extensions'];
  require.cache = internals._cache as NodeJS.Require['cache'];
  return require;
}

function writeCache(
  file: string,
  cache: Map<string, CacheEntry>,
  fresh: Map<string, { source: string; script: vm.Script }>,
  loaded: Set<string>,
): void {
  try {
    // What other processes (--parallel workers, a run beside this one) wrote since this one read the file.
    for (const [filename, entry] of readCacheFile(file)) if (!loaded.has(filename)) cache.set(filename, entry);
    for (const [filename, { source, script }] of fresh) cache.set(filename, { source, data: script.createCachedData() });
    let size = 0;
    for (const entry of cache.values()) size += entry.data.length;
    if (size > CACHE_FILE_LIMIT) {
      for (const filename of cache.keys()) if (!loaded.has(filename)) cache.delete(filename);
    }
    writeCacheFile(file, cache);
  } catch {
    // A read-only project or a full disk: the next run compiles again.
  }
}
