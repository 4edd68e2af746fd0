// `npm run bench`: compiles the benchmarks (bin/bench-main.ts and the mesh, engine/lab/mesh.bench.ts)
// with esbuild into node_modules/.cache/tedlab-bench and runs them on plain node, so that the
// figures are those of compiled JavaScript, as an installed tedlab runs, not of tsx's
// on-the-fly transform (which adds a name to every function and a loader thread).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const OUT = path.join(ROOT, 'node_modules', '.cache', 'tedlab-bench');
const ENTRIES = { 'bench-main': 'bin/bench-main.ts', 'mesh.bench': 'engine/lab/mesh.bench.ts' };

buildSync({
  entryPoints: Object.entries(ENTRIES).map(([out, source]) => ({ out, in: path.join(ROOT, source) })),
  outdir: OUT,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [path.join(OUT, 'bench-main.mjs'), ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, TEDLAB_BENCH_MESH: path.join(OUT, 'mesh.bench.mjs') },
});
process.exitCode = run.status ?? 1;
