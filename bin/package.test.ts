import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

/**
 * tedlab as a user gets it: packed with `npm pack`, installed from the tarball into a new
 * project in a temporary folder outside the repository, and used there with plain node: the
 * commands, and the library from a strict TypeScript script.
 */

const REPO = fileURLToPath(new URL('..', import.meta.url));
const TSC = path.join(REPO, 'node_modules', '.bin', 'tsc');
const NODE_TYPES = path.join(REPO, 'node_modules', '@types');

/** The environment without what `npm test` sets for its own package: nested npm runs are the user's. */
function userEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
  delete env.CI;
  delete env.TEDLAB_LABS;
  delete env.TEDLAB_SEED;
  return env;
}

function run(cwd: string, command: string, args: readonly string[]): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: userEnvironment(), timeout: 240_000 });
  if (result.error) throw result.error;
  return result;
}

function succeeds(cwd: string, command: string, args: readonly string[]): string {
  const result = run(cwd, command, args);
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

let scratch = '';
let project = '';
let tarball = '';

before(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'tedlab-package-'));
  const packed = JSON.parse(succeeds(REPO, 'npm', ['pack', '--json', '--pack-destination', scratch])) as [{ filename: string; files: { path: string }[] }];
  tarball = path.join(scratch, packed[0].filename);
  project = path.join(scratch, 'my-lab');
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), '{ "name": "my-lab", "private": true, "type": "module" }\n');
  succeeds(project, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-dev', tarball]);
});

after(() => rmSync(scratch, { recursive: true, force: true }));

test('the package holds compiled JavaScript, type declarations, the schema and the init template, and no TypeScript source or tests', () => {
  const installed = path.join(project, 'node_modules', 'tedlab');
  for (const file of ['dist/bin/tedlab.js', 'dist/engine/index.js', 'dist/engine/index.d.ts', 'scenarios/topology.schema.json',
    'engine/bridge/raw-ip-relay.py', 'bin/init/template/labs/two-sites/topology.yaml']) {
    assert.ok(existsSync(path.join(installed, file)), file);
  }
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]);
  const all = files(installed).map((file) => path.relative(installed, file));
  assert.deepEqual(all.filter((file) => /(?<!\.d)\.ts$/.test(file)), [], 'no TypeScript source');
  assert.deepEqual(all.filter((file) => /\.test\.|testing\//.test(file)), [], 'no tests');
  assert.ok(!existsSync(path.join(project, 'node_modules', 'tsx')), 'tsx is not installed: tedlab runs on plain node');
});

test('in the new project, tedlab init, run and report work from the installed package', () => {
  assert.match(succeeds(project, 'npx', ['tedlab', 'init']), /created features\/two-sites\.feature/);
  assert.match(succeeds(project, 'npx', ['tedlab', 'validate', 'labs/two-sites/topology.yaml']), /topology\.yaml: ok \(2 routers, 2 hosts, 3 links\)/);
  const runOutput = succeeds(project, 'npm', ['run', 'tedlab']);
  assert.match(runOutput, /scenarios: 2 passed, 0 failed/);
  assert.doesNotMatch(runOutput, /node_modules\/tedlab|\.\.\//, 'paths relative to the project');
  succeeds(project, 'npx', ['tedlab', 'report']);
  assert.match(readFileSync(path.join(project, 'reports', 'allure-report', 'index.html'), 'utf8'), /<html/i);
});

const LIBRARY_SCRIPT = `import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Lab, LabError, type PingOutcome } from 'tedlab';

const schemaFile = fileURLToPath(import.meta.resolve('tedlab/topology.schema.json'));
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { title?: string };
const lab: Lab = Lab.load('labs/two-sites/topology.yaml', { seed: 3 });
const outcome: PingOutcome = lab.ping('10.1.1.10', '10.2.2.10', { count: 5 });
let refused = '';
try {
  Lab.fromYaml('routers: 7\\n');
} catch (error) {
  refused = error instanceof LabError ? error.kind : 'not a LabError';
}
console.log(JSON.stringify({ schema: schema.title, marks: outcome.marks, sa: lab.run('R1', 'show crypto isakmp sa'), refused }));
`;

test('a strict nodenext TypeScript script type-checks against the package and runs on plain node', () => {
  writeFileSync(path.join(project, 'use-lab.ts'), LIBRARY_SCRIPT);
  writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'nodenext', strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true,
      outDir: 'out', types: ['node'], typeRoots: [NODE_TYPES],
    },
    files: ['use-lab.ts'],
  }));
  succeeds(project, TSC, ['-p', '.']);
  const result = JSON.parse(succeeds(project, process.execPath, ['out/use-lab.js'])) as Record<string, string>;
  assert.match(result.schema ?? '', /tedlab/i);
  assert.match(result.marks ?? '', /^[.!]!{3,4}$/);
  assert.match(result.sa ?? '', /QM_IDLE/);
  assert.equal(result.refused, 'topology');
});
