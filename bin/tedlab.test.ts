import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

/** The `tedlab` command as a user runs it: exit codes and messages, never a stack trace. */

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function tedlab(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['bin/tedlab.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('validate accepts the document lab and reports what it holds', () => {
  const result = tedlab('validate', 'scenarios/ted-doc/topology.yaml');
  assert.equal(result.status, 0);
  assert.equal(result.stdout, 'scenarios/ted-doc/topology.yaml: ok (2 routers, 2 hosts, 3 links)\n');
});

test('validate refuses a broken topology with file:line:col, and a refused configuration line with IOS text', () => {
  const result = tedlab('validate', 'scenarios/examples/broken/bad-key.yaml', 'scenarios/examples/broken/bad-config-line.yaml');
  assert.equal(result.status, 1);
  assert.match(result.stderr, /^scenarios\/examples\/broken\/bad-key\.yaml:6:5: unknown key "adress"/m);
  assert.match(result.stderr, /^scenarios\/examples\/broken\/bad-config-line\.yaml:9:13: router "R1" rejects configuration line 3:$/m);
  assert.match(result.stderr, /^% Invalid input detected at '\^' marker\.$/m);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
});

test('validate takes a lab\'s folder for its topology.yaml, and says so when a name is a feature file, a router configuration or a folder without one', () => {
  assert.equal(tedlab('validate', 'scenarios/ted-doc').stdout, 'scenarios/ted-doc/topology.yaml: ok (2 routers, 2 hosts, 3 links)\n');
  const result = tedlab('validate', 'features/lab/ping.feature', 'engine', 'scenarios/ted-doc/daphne.cfg');
  assert.equal(result.status, 1);
  assert.match(result.stderr, /^scenarios\/ted-doc\/daphne\.cfg: this is a router configuration: validate the topology that loads it/m);
  assert.match(result.stderr, /^features\/lab\/ping\.feature: this is a feature file: tedlab validate checks topologies \(tedlab run --dry-run checks features\)$/m);
  assert.match(result.stderr, /^engine: a folder without a topology\.yaml$/m);
});

test('run refuses a feature path that does not exist instead of running nothing', () => {
  const result = tedlab('run', 'features/no-such.feature');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /no such feature file or folder: .*features\/no-such\.feature/);
});

test('an unknown command prints the usage and exits 2', () => {
  const result = tedlab('frobnicate');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /unknown command "frobnicate"/);
  assert.match(result.stderr, /tedlab run +run feature files/);
});
