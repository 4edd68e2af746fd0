import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import Module from 'node:module';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { compileCacheFile, compileCacheFolder, defaultCompileCacheFolder } from './compile-cache.ts';
import { CACHE_FILES_KEPT, writeCacheFile } from './compile-cache-file.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Minified code throws on line 1: its column must be the module's own, not shifted by the wrapper. */
const THROWER = 'var a=1;function f(){throw new Error("line 1")}exports.f=f;\n';
const THROWN_AT = `1:${THROWER.indexOf('new Error') + 1}`;

/** A project whose node_modules holds a small CommonJS package, and a program that loads it with the cache on. */
function project(): { root: string; run(): { mode: string; counts: { fromCache: number; compiled: number }; loaded: Record<string, unknown> } } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tedlab-compile-cache-'));
  const pkg = path.join(root, 'node_modules', 'fixture');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(path.join(pkg, 'package.json'), '{ "name": "fixture", "main": "index.js" }');
  writeFileSync(path.join(pkg, 'index.js'), "const other = require('./other');\nmodule.exports = { value: 'aaa', other, resolved: path(require.resolve('./other')), self: module.exports === this, dirname: __dirname === require('node:path').dirname(__filename) };\nfunction path(p) { return require('node:path').basename(p); }\n");
  writeFileSync(path.join(pkg, 'other.js'), "module.exports = 'other';\n");
  writeFileSync(path.join(pkg, 'dynamic.js'), "module.exports = () => import ('node:path').then((p) => typeof p.join);\n");
  writeFileSync(path.join(pkg, 'thrower.js'), THROWER);
  writeFileSync(path.join(pkg, 'hashbang.js'), "#!/usr/bin/env node\nmodule.exports = 'hashbang';\n");
  // An ES module in a package without "type", and one in a "type": "module" package: both required from CommonJS.
  writeFileSync(path.join(pkg, 'esm-syntax.js'), "export const kind = 'esm syntax';\n");
  mkdirSync(path.join(root, 'node_modules', 'modern'), { recursive: true });
  writeFileSync(path.join(root, 'node_modules', 'modern', 'package.json'), '{ "name": "modern", "type": "module", "exports": "./index.js" }');
  writeFileSync(path.join(root, 'node_modules', 'modern', 'index.js'), "export const kind = 'type module';\n");
  // Plain JavaScript in a plain node, as the built command runs (tsx would compile the modules itself).
  buildSync({ entryPoints: [path.join(HERE, 'compile-cache.ts')], outfile: path.join(root, 'compile-cache.mjs'), bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
  const program = path.join(root, 'program.mjs');
  writeFileSync(program, [
    `import { createRequire } from 'node:module';`,
    `import { compileCacheCounts, installCompileCache } from './compile-cache.mjs';`,
    `const mode = installCompileCache(${JSON.stringify(path.join(root, 'cache'))});`,
    `const require = createRequire(${JSON.stringify(program)});`,
    `const loaded = { ...require('fixture') };`,
    `loaded.dynamic = await require('fixture/dynamic.js')();`,
    `loaded.esm = require('fixture/esm-syntax.js').kind;`,
    `loaded.modern = require('modern').kind;`,
    `loaded.hashbang = require('fixture/hashbang.js');`,
    `try { require('fixture/thrower.js').f(); } catch (error) { loaded.thrown = /thrower\\.js:(\\d+:\\d+)/.exec(error.stack)[1]; }`,
    `try { require.resolve(42); } catch (error) { loaded.resolveError = error.code; }`,
    `console.log(JSON.stringify({ mode, counts: compileCacheCounts, loaded }));`,
  ].join('\n'));
  return {
    root,
    run() {
      const child = spawnSync(process.execPath, [program], { cwd: root, encoding: 'utf8' });
      assert.equal(child.status, 0, child.stderr);
      return JSON.parse(child.stdout.trim().split('\n').pop()!) as ReturnType<ReturnType<typeof project>['run']>;
    },
  };
}

/** Runs `body` on a new project, and removes the project whatever happens. */
function inProject(body: (lab: ReturnType<typeof project>) => void): void {
  const lab = project();
  try {
    body(lab);
  } finally {
    rmSync(lab.root, { recursive: true, force: true });
  }
}

/** What the fixture's modules give, with or without a cache. */
const LOADED = {
  value: 'aaa', other: 'other', resolved: 'other.js', self: true, dirname: true, dynamic: 'function', esm: 'esm syntax', modern: 'type module',
  hashbang: 'hashbang', thrown: THROWN_AT, resolveError: 'ERR_INVALID_ARG_TYPE',
};

/** Node 22 and later cache compiled modules themselves: tedlab hands them the folder, and its own hook serves Node 20. */
const NODE_CACHES_ITSELF = typeof (Module as unknown as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const HOOK = { skip: NODE_CACHES_ITSELF ? `Node ${process.version} has module.enableCompileCache, which tedlab uses instead of its hook` : false };

test('on a Node with its own compile cache, tedlab hands it the folder and the modules give the same results', { skip: !NODE_CACHES_ITSELF && `Node ${process.version} has no module.enableCompileCache` }, () => {
  inProject((lab) => {
    const first = lab.run();
    assert.equal(first.mode, 'node');
    assert.deepEqual(first.loaded, LOADED);
    assert.ok(readdirSync(path.join(lab.root, 'cache')).length > 0, "Node's cache is in the folder");
    assert.deepEqual(lab.run().loaded, LOADED);
  });
});

test('a second run compiles a package\'s modules from the cache the first one wrote, with the same results', HOOK, () => {
  inProject((lab) => {
    const first = lab.run();
    assert.equal(first.mode, 'hook');
    assert.deepEqual(first.loaded, LOADED);
    assert.equal(first.counts.fromCache, 0);
    assert.equal(first.counts.compiled, 4, 'index.js, other.js, thrower.js, hashbang.js (dynamic.js, with import (, is left to Node)');
    assert.equal(readdirSync(path.join(lab.root, 'cache')).filter((name) => name.endsWith('.bin')).length, 1);
    const second = lab.run();
    assert.deepEqual(second.loaded, first.loaded, 'the dynamic import still works');
    assert.deepEqual(second.counts, { fromCache: 4, compiled: 0 });
  });
});

test('a module changed to a text of the same length is compiled afresh, not taken from the cache', HOOK, () => {
  inProject((lab) => {
    lab.run();
    const index = path.join(lab.root, 'node_modules', 'fixture', 'index.js');
    writeFileSync(index, readFileSync(index, 'utf8').replace("'aaa'", "'bbb'"));
    const changed = lab.run();
    assert.equal(changed.loaded.value, 'bbb');
    assert.deepEqual(changed.counts, { fromCache: 3, compiled: 1 });
  });
});

test('a damaged cache file is no cache: the run compiles and writes a good one', HOOK, () => {
  inProject((lab) => {
    lab.run();
    const [file] = readdirSync(path.join(lab.root, 'cache')).filter((name) => name.endsWith('.bin'));
    truncateSync(path.join(lab.root, 'cache', file!), 100);
    const damaged = lab.run();
    assert.equal(damaged.loaded.value, 'aaa');
    assert.deepEqual(damaged.counts, { fromCache: 0, compiled: 4 });
    assert.deepEqual(lab.run().counts, { fromCache: 4, compiled: 0 });
  });
});

test('data damaged past the header V8 checks is not given to V8: that module is compiled afresh', HOOK, () => {
  inProject((lab) => {
    lab.run();
    const [name] = readdirSync(path.join(lab.root, 'cache')).filter((entry) => entry.endsWith('.bin'));
    const file = path.join(lab.root, 'cache', name!);
    const bytes = readFileSync(file);
    // The last bytes belong to the last module's data, well past its header; the length stays.
    for (let i = bytes.length - 64; i < bytes.length; i += 4) bytes[i] = bytes[i]! ^ 0xa5;
    writeFileSync(file, bytes);
    const damaged = lab.run();
    assert.equal(damaged.loaded.value, 'aaa');
    assert.deepEqual(damaged.counts, { fromCache: 3, compiled: 1 });
    assert.deepEqual(lab.run().counts, { fromCache: 4, compiled: 0 });
  });
});

test('other flags, another cache file: V8 refuses data made under other flags', () => {
  const plain = compileCacheFile('/c', [], '');
  assert.match(path.basename(plain), new RegExp(`^cjs-${process.version}-${process.arch}-[A-Za-z0-9]{8}\\.bin$`));
  assert.equal(compileCacheFile('/c', [], ''), plain);
  assert.notEqual(compileCacheFile('/c', ['--max-old-space-size=4096'], ''), plain);
  assert.notEqual(compileCacheFile('/c', [], '--stack-size=2000'), plain);
});

test('the cache lives in the project\'s node_modules/.cache, and TEDLAB_COMPILE_CACHE moves it or turns it off', () => {
  assert.equal(defaultCompileCacheFolder('/p/node_modules/tedlab'), path.join('/p/node_modules/.cache/tedlab'));
  assert.equal(defaultCompileCacheFolder('/p/node_modules/@scope/tedlab'), path.join('/p/node_modules/.cache/tedlab'));
  assert.equal(defaultCompileCacheFolder('/work/tedlab'), path.join('/work/tedlab/node_modules/.cache/tedlab'));
  assert.equal(compileCacheFolder('/p/node_modules/tedlab', {}), path.join('/p/node_modules/.cache/tedlab'));
  assert.equal(compileCacheFolder('/p/node_modules/tedlab', { TEDLAB_COMPILE_CACHE: 'off' }), undefined);
  assert.equal(compileCacheFolder('/p/node_modules/tedlab', { TEDLAB_COMPILE_CACHE: '/tmp/cc' }), '/tmp/cc');
});

test('writing a cache file keeps the most recently written ones and deletes older cache files only', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'tedlab-compile-cache-files-'));
  try {
    const old = Array.from({ length: CACHE_FILES_KEPT + 2 }, (_, index) => `cjs-v20.0.0-x64-flags${index}.bin`);
    old.forEach((name, index) => {
      writeFileSync(path.join(folder, name), 'x');
      // flags0 is the oldest.
      const when = new Date(Date.UTC(2026, 0, 1 + index));
      utimesSync(path.join(folder, name), when, when);
    });
    writeFileSync(path.join(folder, 'notes.txt'), 'not a cache file');
    writeFileSync(path.join(folder, 'cjs-v20.0.0-x64-flags9.bin.123.tmp'), 'another process, writing');
    writeCacheFile(path.join(folder, 'cjs-v20.0.0-x64-current.bin'), new Map());
    const kept = old.slice(-(CACHE_FILES_KEPT - 1));
    assert.deepEqual(readdirSync(folder).sort(), ['cjs-v20.0.0-x64-current.bin', 'cjs-v20.0.0-x64-flags9.bin.123.tmp', ...kept, 'notes.txt'].sort());
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
