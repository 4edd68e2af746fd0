import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfiguration, loadSupport, type IRunOptions } from '@cucumber/cucumber/api';
import { describeError } from '../../engine/lab/errors.ts';
import { runCounted, scenarioConfiguration, whyNoScenarioRan } from './cucumber-run.ts';
import { commandOptions, exportToSteps, fileOf, type RunOptions } from './run.ts';

export const WATCH_USAGE = `usage: tedlab watch [PATH[:LINE]...] [OPTIONS]

Runs the scenarios (default: ./features), then again each time a file changes below the
features' folders, ./labs, ./scenarios or a --labs folder: a feature, a topology, a router
configuration, a reference. Cucumber and tedlab's steps stay loaded, so a run after the first
takes the scenarios' own time. It writes no results: tedlab run does. Ctrl-C stops it.

  --seed N                 run every lab with seed N instead of its topology's
  --labs DIR               also look for labs and references in DIR (repeatable)
  --tags EXPR              only scenarios whose tags match, e.g. "@ipsec and not @slow"
  --name REGEX             only scenarios whose name matches (repeatable)
  --fail-fast              stop a run at its first failing scenario
  -h, --help               this text
`;

/** How long after the last change a run starts: an editor's save is several writes. */
export const WATCH_SETTLE_MS = 150;

/** An option of tedlab run that makes no sense for a loop on the console, if one is given. */
function runOnlyOption(options: RunOptions): string | undefined {
  if (options.parallel > 0) return '--parallel';
  if (options.reportsDir !== undefined) return '--reports';
  if (options.report) return '--report';
  if (options.shard !== undefined) return '--shard';
  if (options.dryRun) return '--dry-run';
  if (options.updateReferences) return '--update-references';
  return undefined;
}

function refusedOption(options: RunOptions): string | undefined {
  const option = runOnlyOption(options);
  return option === undefined ? undefined : `${option} is for tedlab run`;
}

/** `tedlab watch`: runs the scenarios now and after every change, until interrupted. */
export async function watchCommand(args: string[]): Promise<number> {
  const options = commandOptions('watch', args, WATCH_USAGE, refusedOption);
  if (typeof options === 'number') return options;
  exportToSteps(options);
  const { runConfiguration } = await loadConfiguration({ file: false, provided: scenarioConfiguration(options) }, { cwd: process.cwd() });
  // Loaded once: tedlab's step definitions do not change while a user edits features and labs.
  const support = await loadSupport(runConfiguration, { cwd: process.cwd() });
  await watchAndRun(watchedFolders(options), () => runOrSay(() => runOnce({ ...runConfiguration, support })));
  return 0;
}

/** A run that could not be made (a feature file deleted, say) is said, and the watch goes on. */
async function runOrSay(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    process.stderr.write(`tedlab watch: this run could not be made: ${describeError(error)}\n`);
  }
}

/** One run of the scenarios, with tedlab run's console and summary line and its time. */
async function runOnce(configuration: IRunOptions): Promise<void> {
  const started = performance.now();
  const { tally } = await runCounted(configuration);
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`\nscenarios: ${tally.passed} passed, ${tally.failed} failed (${ms} ms)\n`);
  if (tally.passed + tally.failed === 0) process.stderr.write(`tedlab watch: ${whyNoScenarioRan(tally, '--tags and --name')}\n`);
}

/** The folders whose files the scenarios read: the features', ./labs, ./scenarios and --labs. */
export function watchedFolders(options: Pick<RunOptions, 'paths' | 'labs'>): string[] {
  const featureFolders = (options.paths.length > 0 ? options.paths : ['features']).map((featurePath) => {
    const file = fileOf(featurePath);
    return existsSync(file) && statSync(file).isDirectory() ? file : path.dirname(file);
  });
  const folders = [...featureFolders, 'labs', 'scenarios', ...options.labs].map((folder) => path.resolve(folder));
  return [...new Set(folders)].filter((folder) => existsSync(folder) && statSync(folder).isDirectory());
}

/** Every folder below `root` (itself included), skipping node_modules and hidden ones; none if it is gone. */
function foldersBelow(root: string): string[] {
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return [];
  }
  const found = [root];
  for (const entry of entries) {
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) found.push(...foldersBelow(path.join(root, entry.name)));
  }
  return found;
}

/** Files an editor writes beside the one being edited (vim's swap and probe files, backups, hidden files). */
export function isEditorLitter(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /\.(swp|swx|swo|tmp)$/.test(name) || name === '4913';
}

/** A watcher for one folder; none when the folder went away meanwhile. A folder deleted later just stops telling. */
function watchFolder(folder: string, changed: (file: string) => void): FSWatcher | undefined {
  try {
    return watch(folder, (_event, name) => {
      const file = name === null ? '' : String(name);
      if (!isEditorLitter(file)) changed(path.join(folder, file));
    }).on('error', () => undefined);
  } catch {
    return undefined;
  }
}

/**
 * The line that heads a run after the first: its number and what changed. Files still there
 * come first: a tool that writes a temporary file and renames it over the real one (sed -i,
 * many editors) reports both.
 */
export function runHeading(run: number, changes: readonly string[]): string {
  const there = changes.filter((file) => existsSync(file));
  const files = there.length > 0 ? there : changes;
  const first = path.relative(process.cwd(), files[0] ?? '') || '.';
  const more = files.length > 1 ? ` and ${files.length - 1} more` : '';
  return `\n--- run ${run}: ${first}${more} changed ---\n`;
}

/**
 * Runs `run` now, then once more after each burst of changes in `roots` (a change during a run
 * makes one run after it), until `signal`. Folders are watched one by one, not recursively
 * (Node 20's recursive watch on Linux is young); a folder made meanwhile is watched from the end
 * of the next run.
 */
export function watchAndRun(roots: readonly string[], run: () => Promise<void>, signal: NodeJS.Signals = 'SIGINT'): Promise<void> {
  return new Promise<void>((resolve) => {
    const watchers = new Map<string, FSWatcher>();
    const changes = new Set<string>();
    let timer: NodeJS.Timeout | undefined;
    let running = false;
    let again = false;
    let runs = 0;
    const changed = (file: string): void => {
      changes.add(file);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(start, WATCH_SETTLE_MS);
    };
    const watchNewFolders = (): void => {
      for (const folder of roots.flatMap(foldersBelow)) {
        if (watchers.has(folder)) continue;
        const watcher = watchFolder(folder, changed);
        if (watcher !== undefined) watchers.set(folder, watcher);
      }
    };
    const start = (): void => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      runs++;
      if (runs > 1) process.stdout.write(runHeading(runs, [...changes]));
      changes.clear();
      // The caller's run says its own errors; one that escapes ends the loop's turn, not the watch.
      void run().catch(() => undefined).finally(() => {
        running = false;
        watchNewFolders();
        if (again) {
          again = false;
          start();
        } else {
          process.stdout.write(`watching ${roots.map((root) => path.relative(process.cwd(), root) || '.').join(', ')} (Ctrl-C stops)\n`);
        }
      });
    };
    watchNewFolders();
    process.once(signal, () => {
      if (timer !== undefined) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      process.stdout.write('\n');
      resolve();
    });
    start();
  });
}
