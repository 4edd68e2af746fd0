import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ScenarioTally, whyNoScenarioRan } from './cucumber-run.ts';
import { isEditorLitter, runHeading, WATCH_SETTLE_MS, watchAndRun, watchedFolders } from './watch.ts';

const TEDLAB = fileURLToPath(new URL('../tedlab.mjs', import.meta.url));
const TEMPLATE = fileURLToPath(new URL('../init/template', import.meta.url));

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `condition` holds, checking every 20 ms, for at most `limitMs`. */
async function eventually(condition: () => boolean, limitMs: number, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > limitMs) assert.fail(`not within ${limitMs} ms: ${what}`);
    await pause(20);
  }
}

test('editor litter is told apart from the files scenarios read', () => {
  for (const name of ['.two-sites.feature.swp', 'two-sites.feature~', '4913', 'r1.cfg.swx', '.hidden']) assert.equal(isEditorLitter(name), true, name);
  for (const name of ['two-sites.feature', 'topology.yaml', 'r1.cfg', 'show-run.txt']) assert.equal(isEditorLitter(name), false, name);
});

test('a run\'s heading names the changed file that is still there, not the temporary file renamed over it', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'tedlab-watch-heading-'));
  try {
    const real = path.join(folder, 'topology.yaml');
    writeFileSync(real, 'seed: 1\n');
    const gone = path.join(folder, 'sedX1b2c3');
    const heading = runHeading(2, [gone, real]);
    assert.match(heading, /^\n--- run 2: .*topology\.yaml changed ---\n$/);
    assert.match(runHeading(3, [gone]), /sedX1b2c3 changed ---/, 'a deletion alone is named');
    assert.match(runHeading(4, [real, path.join(folder, 'other.cfg')]), /topology\.yaml changed ---/, 'files that are gone are left out when some are there');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a run with no scenario says why: a feature file Gherkin could not read, else the selection', () => {
  const tally = new ScenarioTally();
  assert.match(whyNoScenarioRan(tally, '--tags and --name'), /^no scenario was selected: check the paths .*--tags and --name$/);
  tally.observe({ parseError: { source: { uri: 'features/a.feature' }, message: '(10:0): unexpected end of file' } } as Parameters<ScenarioTally['observe']>[0]);
  assert.equal(whyNoScenarioRan(tally, '--tags'), 'no scenario ran: features/a.feature could not be read (the parse error above)');
});

test('tedlab watch watches the features\' folders, ./labs, ./scenarios and --labs folders that exist', () => {
  const project = mkdtempSync(path.join(os.tmpdir(), 'tedlab-watch-folders-'));
  const cwd = process.cwd();
  try {
    for (const folder of ['features/ted', 'labs', 'more-labs']) mkdirSync(path.join(project, folder), { recursive: true });
    writeFileSync(path.join(project, 'features', 'ted', 'a.feature'), 'Feature: a\n');
    process.chdir(project);
    const real = (folder: string): string => path.join(process.cwd(), folder);
    assert.deepEqual(watchedFolders({ paths: [], labs: [] }), [real('features'), real('labs')]);
    assert.deepEqual(watchedFolders({ paths: ['features/ted/a.feature:3'], labs: ['more-labs'] }), [real('features/ted'), real('labs'), real('more-labs')]);
  } finally {
    process.chdir(cwd);
    rmSync(project, { recursive: true, force: true });
  }
});

test('a burst of changes makes one more run, and a change during a run one run after it', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tedlab-watch-runs-'));
  mkdirSync(path.join(root, 'sub'));
  let runs = 0;
  let runLength = 0;
  const run = async (): Promise<void> => {
    runs++;
    await pause(runLength);
  };
  // Stopped by a signal nothing else here listens to: under Node 24's test runner, SIGUSR2 also wrote a diagnostic report.
  const stopped = watchAndRun([root], run, 'SIGURG');
  try {
    await eventually(() => runs === 1, 2000, 'the first run');
    for (const name of ['a', 'b', 'c']) writeFileSync(path.join(root, 'sub', `${name}.yaml`), name);
    await eventually(() => runs === 2, 5000, 'a run after the burst');
    await pause(WATCH_SETTLE_MS * 3);
    assert.equal(runs, 2, 'one run for the whole burst');
    for (const litter of ['.x.feature.swp', 'x.feature~', '4913']) writeFileSync(path.join(root, litter), 'editor');
    await pause(WATCH_SETTLE_MS * 3);
    assert.equal(runs, 2, 'an editor\'s swap, probe and backup files are no change');
    runLength = 400;
    writeFileSync(path.join(root, 'x.feature'), 'x');
    await eventually(() => runs === 3, 5000, 'a run after the change');
    writeFileSync(path.join(root, 'x.feature'), 'y');
    await eventually(() => runs === 4, 5000, 'a run after the change made during a run');
    await pause(runLength + WATCH_SETTLE_MS * 3);
    assert.equal(runs, 4);
    runLength = 0;
    // A folder made meanwhile is watched from the end of the next run; a folder deleted is no failure.
    mkdirSync(path.join(root, 'later'));
    rmSync(path.join(root, 'sub'), { recursive: true });
    await eventually(() => runs === 5, 5000, 'a run after the folders changed');
    await pause(WATCH_SETTLE_MS * 2);
    writeFileSync(path.join(root, 'later', 'new.feature'), 'new');
    await eventually(() => runs === 6, 5000, 'a run after a change in the new folder');
  } finally {
    process.emit('SIGURG');
    await stopped;
    rmSync(root, { recursive: true, force: true });
  }
});

test('in a project, tedlab watch runs the scenarios, runs them again after an edit, and stops on Ctrl-C', { timeout: 120_000 }, async () => {
  const project = mkdtempSync(path.join(os.tmpdir(), 'tedlab-watch-'));
  try {
    cpSync(path.join(TEMPLATE, 'features'), path.join(project, 'features'), { recursive: true });
    cpSync(path.join(TEMPLATE, 'labs'), path.join(project, 'labs'), { recursive: true });
    const child = spawn(process.execPath, [TEDLAB, 'watch'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const summaries = (): string[] => [...output.matchAll(/^scenarios: (\d+) passed, (\d+) failed \(\d+ ms\)$/gm)].map((match) => `${match[1]}/${match[2]}`);
    await eventually(() => output.includes('(Ctrl-C stops)'), 90_000, `the first run and the watch\n${output}`);
    const [first] = summaries();
    assert.match(first ?? '', /^[1-9]\d*\/0$/, output);
    const [feature] = readdirSync(path.join(project, 'features')).filter((name) => name.endsWith('.feature'));
    const file = path.join(project, 'features', feature!);
    const text = readFileSync(file, 'utf8');
    // A first step that fails: nothing has printed that text.
    const broken = text.replace(/(\n\s+Scenario:[^\n]*\n)/, '$1    Then the output contains "no router ever prints this"\n');
    assert.notEqual(broken, text, 'the template has a scenario to break');
    writeFileSync(file, broken);
    await eventually(() => summaries().length >= 2, 30_000, `a second run after the edit\n${output}`);
    assert.match(summaries()[1]!, /^\d+\/[1-9]\d*$/, 'the edited scenario fails');
    assert.match(output, new RegExp(`^--- run 2: features/${feature!.replace('.', '\\.')} changed ---$`, 'm'), 'the second run says why it ran');
    child.kill('SIGINT');
    assert.equal(await exited, 0);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
