/**
 * `npm run bench`: every figure tedlab measures, as a table or, with `--json`, one JSON record a
 * line. In wall-clock time on this machine (tests never time anything):
 * - the engine: loading a lab, a tunnel, 1000 pings, an hour of virtual time;
 * - ESP's seal + open as a share of node:crypto's own cipher + HMAC on the same packets;
 * - TED full meshes of 16, 46 and 100 sites: time to all tunnels up and peak RSS, each in a
 *   fresh process (`--sites 16,46` to choose);
 * - `tedlab run` on one feature, start to exit (the build), with and without its compile cache,
 *   a run of it in `tedlab watch` after a save, and Cucumber alone on one step;
 * - the scenario suite, serial against `--parallel 2`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { measureAllEsp } from '../engine/ipsec/esp.bench.ts';
import { measureLab } from '../engine/lab/lab.bench.ts';
import type { MeshFigure } from '../engine/lab/mesh.bench.ts';
import { PACKAGE_ROOT } from '../engine/package-files.ts';

// Found from package.json, not from this file: bin/bench.mjs runs a compiled copy elsewhere.
const ROOT = PACKAGE_ROOT;
const TEDLAB = path.join(ROOT, 'bin', 'tedlab.mjs');
// bin/bench.mjs passes the mesh compiled; run directly through tsx, the bench runs its source.
const MESH = process.env.TEDLAB_BENCH_MESH ?? path.join(ROOT, 'engine', 'lab', 'mesh.bench.ts');
const MESH_NODE_OPTIONS = process.env.TEDLAB_BENCH_MESH === undefined ? ['--import', 'tsx'] : [];

/** One figure: what, how much, in what unit, and a note. */
interface Figure {
  readonly group: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly detail: string;
}

function engineFigures(): Figure[] {
  return measureLab().map((result) => ({
    group: 'engine', name: result.name, value: result.medianMs, unit: 'ms', detail: `median of ${result.runs}; ${result.detail}`,
  }));
}

function espFigures(): Figure[] {
  return measureAllEsp().map((figure) => ({
    group: 'esp',
    name: `ESP ${figure.transform} seal + open, ${figure.payloadBytes} B`,
    value: figure.share * 100,
    unit: '% of node:crypto',
    detail: `${figure.tedlabPerSecond.toFixed(0)}/s against ${figure.ceilingPerSecond.toFixed(0)}/s`,
  }));
}

function meshFigures(sizes: readonly number[]): Figure[] {
  return sizes.flatMap((sites) => {
    const run = spawnSync(process.execPath, [...MESH_NODE_OPTIONS, MESH, String(sites)], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`mesh of ${sites}: ${run.stderr}`);
    const mesh = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as MeshFigure;
    const tunnels = `${mesh.tunnels} tunnels; load ${mesh.loadMs.toFixed(0)} ms`;
    return [
      { group: 'mesh', name: `TED mesh of ${sites} sites: all tunnels up`, value: mesh.tunnelsUpMs, unit: 'ms', detail: tunnels },
      { group: 'mesh', name: `TED mesh of ${sites} sites: peak RSS`, value: mesh.peakRssMb, unit: 'MB', detail: 'the whole process' },
    ];
  });
}

/** The median wall-clock time of `runs` calls. */
function medianMs(runs: number, action: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    action();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** Wall-clock time of `tedlab ARGS` in a scratch reports folder, median of `runs`. */
function timeTedlab(args: readonly string[], runs: number, env: NodeJS.ProcessEnv = process.env): number {
  return medianMs(runs, () => {
    const reports = mkdtempSync(path.join(os.tmpdir(), 'tedlab-bench-'));
    try {
      const result = spawnSync(process.execPath, [TEDLAB, ...args, '--reports', reports], { cwd: ROOT, encoding: 'utf8', env });
      if (result.status !== 0) throw new Error(`tedlab ${args.join(' ')}: ${result.stdout}${result.stderr}`);
    } finally {
      rmSync(reports, { recursive: true, force: true });
    }
  });
}

/**
 * Cucumber alone on a one-step feature, through the API tedlab uses: the floor under
 * `tedlab run` on this machine, whatever tedlab does.
 */
function cucumberFloor(runs: number): number {
  const project = mkdtempSync(path.join(os.tmpdir(), 'tedlab-bench-cucumber-'));
  try {
    mkdirSync(path.join(project, 'features'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
    writeFileSync(path.join(project, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(path.join(project, 'features', 'one.feature'), 'Feature: one\n  Scenario: one step\n    Given nothing\n');
    writeFileSync(path.join(project, 'steps.mjs'), "import { Given } from '@cucumber/cucumber';\nGiven('nothing', () => {});\n");
    writeFileSync(path.join(project, 'run.mjs'), [
      "import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';",
      "const provided = { paths: ['features'], import: ['steps.mjs'], format: ['progress'] };",
      'const { runConfiguration } = await loadConfiguration({ file: false, provided });',
      'const { success } = await runCucumber(runConfiguration);',
      'process.exitCode = success ? 0 : 1;',
    ].join('\n'));
    return medianMs(runs, () => {
      const result = spawnSync(process.execPath, ['run.mjs'], { cwd: project, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`cucumber alone: ${result.stdout}${result.stderr}`);
    });
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

/**
 * `tedlab watch` on one feature: the median of what it prints as the time of `runs` runs after
 * the first, each set off by touching the feature file.
 */
async function watchRerunMs(feature: string, runs: number): Promise<number> {
  const child = spawn(process.execPath, [TEDLAB, 'watch', feature], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const watching = (count: number): boolean => output.split('(Ctrl-C stops)').length > count;
  const until = async (condition: () => boolean): Promise<void> => {
    for (let waited = 0; !condition(); waited += 20) {
      if (waited > 120_000) throw new Error(`tedlab watch: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  try {
    await until(() => watching(1));
    for (let run = 1; run <= runs; run++) {
      const now = new Date();
      utimesSync(path.join(ROOT, feature), now, now);
      await until(() => watching(run + 1));
    }
  } finally {
    child.kill('SIGINT');
  }
  const times = [...output.matchAll(/^scenarios: \d+ passed, \d+ failed \((\d+) ms\)$/gm)].slice(1).map((match) => Number(match[1]));
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function cliFigures(): Promise<Figure[]> {
  // bin/tedlab.mjs runs the build when it is current, as an installed tedlab does.
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build: ${build.stdout}${build.stderr}`);
  const feature = 'features/ted/document.feature';
  // The first run fills the compile cache (bin/compile-cache.ts) if it is empty; the timed ones use it.
  timeTedlab(['run', feature], 1);
  const serial = timeTedlab(['run', 'features'], 1);
  const parallel = timeTedlab(['run', 'features', '--parallel', '2'], 1);
  return [
    { group: 'cli', name: `tedlab run ${feature}`, value: timeTedlab(['run', feature], 3), unit: 'ms', detail: 'the build, start to exit, median of 3' },
    { group: 'cli', name: 'tedlab watch: a run after a save', value: await watchRerunMs(feature, 5), unit: 'ms', detail: `${feature}, as it prints, median of 5` },
    {
      group: 'cli',
      name: `tedlab run ${feature}, no compile cache`,
      value: timeTedlab(['run', feature], 3, { ...process.env, TEDLAB_COMPILE_CACHE: 'off' }),
      unit: 'ms',
      detail: 'TEDLAB_COMPILE_CACHE=off, median of 3',
    },
    { group: 'cli', name: 'Cucumber alone, one step', value: cucumberFloor(3), unit: 'ms', detail: 'the floor under tedlab run, median of 3' },
    { group: 'cli', name: 'the scenario suite, serial', value: serial, unit: 'ms', detail: 'tedlab run features' },
    { group: 'cli', name: 'the scenario suite, --parallel 2', value: parallel, unit: 'ms', detail: `${(serial / parallel).toFixed(2)}x serial's speed` },
  ];
}

function printTable(figures: readonly Figure[]): void {
  for (const figure of figures) {
    const value = figure.value.toFixed(figure.unit === 'ms' || figure.unit === 'MB' ? 1 : 0);
    console.log(`${figure.name.padEnd(58)} ${value.padStart(10)} ${figure.unit.padEnd(17)} (${figure.detail})`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, sites: { type: 'string' } } });
  const sizes = (values.sites ?? '16,46,100').split(',').map(Number).filter((size) => size >= 2);
  const sections = [engineFigures, espFigures, () => meshFigures(sizes), cliFigures];
  for (const section of sections) {
    const figures = await section();
    if (values.json) for (const figure of figures) console.log(JSON.stringify(figure));
    else printTable(figures);
  }
}

await main();
