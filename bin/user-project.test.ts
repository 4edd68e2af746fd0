import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

/**
 * tedlab in a folder of the user's own, outside its repository: features and labs where the user
 * keeps them, paths printed relative to that folder, and results that never call a scenario
 * passed that did not run.
 */

const TEDLAB = fileURLToPath(new URL('tedlab.mjs', import.meta.url));
const STATIC_TUNNEL = fileURLToPath(new URL('../scenarios/examples/static-tunnel', import.meta.url));

function tedlab(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.CI;
  const result = spawnSync(process.execPath, [TEDLAB, ...args], { cwd, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-user-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const FEATURE = `Feature: My site
  Scenario: pings cross the tunnel
    Given the lab "site"
    When host "pc1" pings "pc2"
    Then the ping shows ".!!!!"

  Scenario: a typo in a step
    Given the lab "site"
    When I rn "show version" on "R1"

  Scenario: an assertion on a command IOS refused
    Given the lab "site"
    When I run "show crypto isakmp sa detail" on "R1"
    Then the output contains "QM_IDLE"

  Scenario: time does not run backwards
    Given the lab "site"
    When -5 seconds pass

  Scenario: a lab that is nowhere
    Given the lab "elsewhere"
`;

test('a bare tedlab run in a user\'s folder runs ./features, finds the lab beside the feature, and reports honestly', () => {
  const dir = project({ 'features/my-site.feature': FEATURE });
  cpSync(STATIC_TUNNEL, path.join(dir, 'features', 'site'), { recursive: true });
  const result = tedlab(dir, 'run');
  assert.equal(result.status, 1);
  assert.match(result.stdout, /scenarios: 1 passed, 4 failed/);
  assert.match(result.stdout, /Scenario: a typo in a step # features\/my-site\.feature:7/, 'paths relative to the user\'s folder');
  assert.match(result.stdout, /Undefined: tedlab has no such step\.\s+Did you mean:\s+When I run "show crypto isakmp sa" on "Daphne"/);
  assert.doesNotMatch(result.stdout, /function \(string, string2\)/, 'no JavaScript snippet');
  assert.match(result.stdout, /R1 rejected the command, so the output is IOS's error:\s+R1#show crypto isakmp sa detail\n\s+\^\n\s+% Invalid input detected at '\^' marker\.\n\s+the output does not contain "QM_IDLE" \(the output is the error above\)/);
  assert.equal(result.stdout.split('% Invalid input detected').length, 2, 'IOS\'s error shows once, under its command');
  assert.match(result.stdout, /time passes by at least 1 second, not -5/);
  assert.match(result.stdout, /lab "elsewhere" not found; tedlab looked for it at\s+features\/elsewhere\/topology\.yaml\s+labs\/elsewhere\/topology\.yaml\s+scenarios\/elsewhere\/topology\.yaml/);
  const results = readdirSync(path.join(dir, 'reports', 'allure-results')).filter((name) => name.endsWith('-result.json'))
    .map((name) => JSON.parse(readFileSync(path.join(dir, 'reports', 'allure-results', name), 'utf8')) as { name: string; status: string; fullName: string });
  const typo = results.find((result) => result.name === 'a typo in a step');
  assert.equal(typo?.status, 'broken', 'an undefined step is not passed in the report');
  assert.ok(results.every((result) => !result.fullName.includes('..')), 'report paths relative to the user\'s folder');
});

test('labs in ./labs and in --labs folders; a feature:LINE, --name, --tags, --dry-run and --fail-fast select as in Cucumber', () => {
  const dir = project({
    'features/a.feature': '@fast\nFeature: A\n  Scenario: one\n    Given the lab "site"\n  @slow\n  Scenario: two\n    Given the lab "other"\n',
  });
  cpSync(STATIC_TUNNEL, path.join(dir, 'labs', 'site'), { recursive: true });
  cpSync(STATIC_TUNNEL, path.join(dir, 'more', 'other'), { recursive: true });
  assert.match(tedlab(dir, 'run', '--labs', 'more').stdout, /scenarios: 2 passed, 0 failed/);
  assert.match(tedlab(dir, 'run').stdout, /scenarios: 1 passed, 1 failed/, 'without --labs, "other" is not found');
  assert.match(tedlab(dir, 'run', 'features/a.feature:3').stdout, /scenarios: 1 passed, 0 failed/);
  assert.match(tedlab(dir, 'run', '--name', 'one').stdout, /scenarios: 1 passed, 0 failed/);
  assert.match(tedlab(dir, 'run', '--tags', 'not @slow').stdout, /scenarios: 1 passed, 0 failed/);
  assert.match(tedlab(dir, 'run', '--dry-run').stdout, /2 scenarios \(2 skipped\)/);
  assert.match(tedlab(dir, 'run', '--fail-fast').stdout, /scenarios: 1 passed, 1 failed/);
});

test('without ./features, tedlab run says where it looked and how to start', () => {
  const result = tedlab(project({ 'notes.txt': '' }), 'run');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /no \.\/features folder here.*tedlab init/);
});

test('tedlab init makes a project whose scenarios pass, and keeps what is there', () => {
  const dir = project({ 'package.json': '{ "name": "mine", "scripts": { "test": "true" } }\n' });
  const init = tedlab(dir, 'init');
  assert.equal(init.status, 0);
  assert.match(init.stdout, /created features\/two-sites\.feature/);
  assert.match(init.stdout, /added the scripts tedlab, tedlab:report to package\.json/);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  assert.deepEqual(manifest.scripts, { test: 'true', tedlab: 'tedlab run', 'tedlab:report': 'tedlab report' });
  for (const file of ['.gitignore', '.vscode/settings.json', '.github/workflows/tedlab.yml', 'labs/two-sites/topology.yaml']) {
    assert.ok(readFileSync(path.join(dir, file), 'utf8').length > 0, file);
  }
  assert.match(tedlab(dir, 'run').stdout, /scenarios: 2 passed, 0 failed/);
  assert.match(tedlab(dir, 'init').stdout, /kept features\/two-sites\.feature/);
});

test('tedlab init in an empty folder makes an ES module package and says how to install tedlab', () => {
  const dir = project({});
  const init = tedlab(dir, 'init', 'suite');
  assert.equal(init.status, 0);
  assert.match(init.stdout, /Next: cd suite && npm install --save-dev path\/to\/tedlab-\d+\.\d+\.\d+\.tgz \(npm pack in tedlab's clone makes it\), then npx tedlab run\n$/);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'suite', 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.deepEqual(manifest, { name: 'suite', private: true, type: 'module', scripts: { tedlab: 'tedlab run', 'tedlab:report': 'tedlab report' } });
});

test('every command answers --help, and tedlab --version its version', () => {
  const dir = project({});
  for (const command of ['run', 'report', 'validate', 'steps', 'init', 'bridge']) {
    const result = tedlab(dir, command, '--help');
    assert.equal(result.status, 0, command);
    assert.match(result.stdout, /^usage:/, command);
  }
  assert.match(tedlab(dir, '--version').stdout, /^\d+\.\d+\.\d+\n$/);
  assert.match(tedlab(dir, 'steps', '--grep', 'ping').stdout, /When host \{string\} pings \{string\} \{int\} times/);
});

test('--update-references writes the references a run names beside their lab, lists them, and leaves matching ones alone; CI refuses it', () => {
  const dir = project({
    'features/sa.feature': 'Feature: SAs\n  Scenario: the tunnel is up\n    Given the lab "site"\n    When host "pc1" pings "pc2"\n' +
      '    And I run "show crypto isakmp sa" on "R1"\n    Then the output matches the reference "site/isakmp-sa.txt"\n',
  });
  cpSync(STATIC_TUNNEL, path.join(dir, 'labs', 'site'), { recursive: true });
  const missing = tedlab(dir, 'run');
  assert.match(missing.stdout, /scenarios: 0 passed, 1 failed/, 'a missing reference fails without the option');

  const created = tedlab(dir, 'run', '--update-references');
  assert.equal(created.status, 0);
  assert.match(created.stdout, /references written:\n {2}created labs\/site\/isakmp-sa\.txt\n/);
  const reference = path.join(dir, 'labs', 'site', 'isakmp-sa.txt');
  const written = readFileSync(reference, 'utf8');
  assert.match(written, /^R1#show crypto isakmp sa\n.*dst\s+src\s+state/s, 'the reference starts with the command as typed');
  assert.match(written, /192\.168\.12\.2\s+192\.168\.12\.1\s+QM_IDLE/);
  assert.match(tedlab(dir, 'run').stdout, /scenarios: 1 passed, 0 failed/, 'the written reference matches the next run');

  assert.match(tedlab(dir, 'run', '--update-references').stdout, /references: every reference already matched, none written/);
  assert.equal(readFileSync(reference, 'utf8'), written);

  writeFileSync(reference, written.replace('QM_IDLE', 'MM_NO_STATE'));
  assert.match(tedlab(dir, 'run', '--update-references').stdout, /references written:\n {2}updated labs\/site\/isakmp-sa\.txt\n/);
  assert.equal(readFileSync(reference, 'utf8'), written);

  const inCi = spawnSync(process.execPath, [TEDLAB, 'run', '--update-references'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  assert.equal(inCi.status, 2);
  assert.match(inCi.stderr, /--update-references is refused in CI/);
});

test('a dry run checks steps without touching the results; no selected scenario, a bad --tags or --name is the user\'s error', () => {
  const dir = project({
    'features/a.feature': 'Feature: A\n  @fast\n  Scenario: one\n    Given the lab "site"\n  Scenario: two\n    When I rn "show clock" on "R1"\n' +
      '  Scenario: three\n    Given the lab "broken"\n',
    'labs/broken/topology.yaml': 'seed: 1\nrouters: {}\nhosts:\n  a: { address: 10.0.0.1/24 }\n  b: { address: 10.0.0.2/24 }\nlinks:\n  lan: { ends: [a, b], delay: -5ms }\n',
  });
  cpSync(STATIC_TUNNEL, path.join(dir, 'labs', 'site'), { recursive: true });
  const dry = tedlab(dir, 'run', '--dry-run');
  assert.equal(dry.status, 1, 'an undefined step fails a dry run');
  assert.match(dry.stdout, /dry run: 3 scenarios, 1 with steps tedlab does not have/);
  assert.ok(!existsSync(path.join(dir, 'reports')), 'a dry run writes no results');

  const real = tedlab(dir, 'run');
  assert.match(real.stdout, /LabSetupError: labs\/broken\/topology\.yaml:7:\d+: delay "-5ms" is not a duration/, 'load errors name the file relative to the project');

  for (const args of [['features/a.feature:4'], ['--tags', '@slow'], ['--name', 'nothing like it']]) {
    const none = tedlab(dir, 'run', ...args);
    assert.equal(none.status, 2, args.join(' '));
    assert.match(none.stderr, /no scenario was selected/, args.join(' '));
  }
  const wrong: [string[], RegExp][] = [
    [['--tags', 'fast'], /--tags "fast": a tag starts with @ \(did you mean @fast\?\)/],
    [['--tags', '@fast and'], /--tags "@fast and": syntax error: Expected operand\./],
    [['--name', '('], /--name "\(": not a regular expression/],
  ];
  for (const [args, message] of wrong) {
    const result = tedlab(dir, 'run', ...args);
    assert.equal(result.status, 2, args.join(' '));
    assert.match(result.stderr, message);
    assert.doesNotMatch(result.stderr, /a bug in tedlab/);
  }
});
