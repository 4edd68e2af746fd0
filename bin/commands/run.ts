import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfiguration } from '@cucumber/cucumber/api';
import parseTagExpression from '@cucumber/tag-expressions';
import { PACKAGE_ROOT, RUNS_COMPILED } from '../../engine/package-files.ts';
import { compileCacheFolder } from '../compile-cache.ts';
import { reportingConfiguration } from '../report/cucumber-reporting.ts';
import { ResultsWriter } from '../report/results-writer.ts';
import { reportLayout, type ReportLayout } from '../report/report-layout.ts';
import { parseShard, writeSelection, type Shard } from '../report/run-selection.ts';
import { markUnfinished } from '../report/unfinished-steps.ts';
import { runCounted, scenarioConfiguration, whyNoScenarioRan, type ScenarioTally } from './cucumber-run.ts';

export interface RunOptions {
  /** Feature files or folders, a file may end in `:LINE`; default ./features. */
  paths: string[];
  seed?: string;
  /** Worker processes; 0 runs every scenario in this process. */
  parallel: number;
  reportsDir?: string;
  /** Make the HTML report after the run (`tedlab run --report`, what `npm start` does). */
  report: boolean;
  /** Folders to look for labs and references in, after those beside the feature, ./labs and ./scenarios. */
  labs: string[];
  tags?: string;
  names: string[];
  /** Run only the I-th of N parts of the selected scenarios (`--shard I/N`). */
  shard?: Shard;
  dryRun: boolean;
  failFast: boolean;
  updateReferences: boolean;
  help: boolean;
}

export const RUN_USAGE = `usage: tedlab run [PATH[:LINE]...] [OPTIONS]

Runs feature files (default: ./features) on the embedded engine, writing Allure results and
JUnit XML below reports/. Exit code 0 when every scenario passed, 1 when one did not, 2 when
the run could not be made.

  --seed N                 run every lab with seed N instead of its topology's
  --parallel N             run scenarios in N worker processes (default: in this process)
  --reports DIR            write results and the report below DIR instead of reports/
  --report                 make the HTML report after the run
  --labs DIR               also look for labs and references in DIR (repeatable); tedlab looks
                           beside the feature file, then in ./labs and ./scenarios
  --tags EXPR              only scenarios whose tags match, e.g. "@ipsec and not @slow"
  --name REGEX             only scenarios whose name matches (repeatable)
  --dry-run                check that every step is defined, without running anything
  --fail-fast              stop at the first failing scenario
  --shard I/N              run only the I-th of N parts of the selected scenarios (every N-th
                           scenario from the I-th, in file order): N machines running shards 1/N
                           to N/N run each scenario once; tedlab report DIR... merges their results
  --update-references      write the reference files that "matches the reference" steps name,
                           from what the routers printed, and list what changed (refused in CI)
  -h, --help               this text
`;

const RUN_OPTIONS = {
  seed: { type: 'string' },
  parallel: { type: 'string' },
  reports: { type: 'string' },
  report: { type: 'boolean' },
  labs: { type: 'string', multiple: true },
  tags: { type: 'string' },
  name: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
  'fail-fast': { type: 'boolean' },
  shard: { type: 'string' },
  'update-references': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const WHOLE_NUMBER = /^\d+$/;

/** The options of `tedlab run`, or what is wrong with them. */
export function parseRunArguments(args: readonly string[]): RunOptions | string {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: RUN_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/, '') : String(error);
  }
  const { values, positionals } = parsed;
  if (values.seed !== undefined && !WHOLE_NUMBER.test(values.seed)) return '--seed needs a whole number, 0 or more';
  if (values.parallel !== undefined && !WHOLE_NUMBER.test(values.parallel)) return '--parallel needs a number of workers';
  const selection = selectionProblem(values.tags, values.name ?? []);
  if (selection !== undefined) return selection;
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (typeof shard === 'string') return shard;
  return {
    paths: positionals,
    ...(values.seed === undefined ? {} : { seed: values.seed }),
    parallel: values.parallel === undefined ? 0 : Number(values.parallel),
    ...(values.reports === undefined ? {} : { reportsDir: values.reports }),
    report: values.report ?? false,
    labs: values.labs ?? [],
    ...(values.tags === undefined ? {} : { tags: values.tags }),
    names: values.name ?? [],
    ...(shard === undefined ? {} : { shard }),
    dryRun: values['dry-run'] ?? false,
    failFast: values['fail-fast'] ?? false,
    updateReferences: values['update-references'] ?? false,
    help: values.help ?? false,
  };
}

const TAG_OPERATORS = new Set(['and', 'or', 'not']);

/** What is wrong with --tags or --name, in the user's terms (Cucumber would only say that its filter failed). */
function selectionProblem(tags: string | undefined, names: readonly string[]): string | undefined {
  if (tags !== undefined) {
    try {
      parseTagExpression(tags);
    } catch (error) {
      return `--tags ${JSON.stringify(tags)}: ${error instanceof Error ? error.message.replace(/^Tag expression ".*" could not be parsed because of /, '') : String(error)}`;
    }
    const bare = tags.split(/[\s()]+/).find((word) => word !== '' && !TAG_OPERATORS.has(word) && !word.startsWith('@'));
    if (bare !== undefined) return `--tags ${JSON.stringify(tags)}: a tag starts with @ (did you mean @${bare}?)`;
  }
  for (const name of names) {
    try {
      new RegExp(name);
    } catch (error) {
      return `--name ${JSON.stringify(name)}: not a regular expression (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  return undefined;
}

/** `features/x.feature:12` names the file `features/x.feature`. */
export function fileOf(featurePath: string): string {
  return featurePath.replace(/(:\d+)+$/, '');
}

/** Why the run cannot start, if it cannot: paths that do not exist, updating references in CI. */
function problemsOf(options: RunOptions): string[] {
  const problems: string[] = [];
  if (options.paths.length === 0 && !existsSync('features')) {
    problems.push('no ./features folder here: run tedlab in your project\'s folder, name feature files or folders, or start one with tedlab init');
  }
  for (const featurePath of options.paths) {
    if (!existsSync(fileOf(featurePath))) problems.push(`no such feature file or folder: ${featurePath}`);
  }
  for (const dir of options.labs) if (!existsSync(dir)) problems.push(`--labs ${dir}: no such folder`);
  if (options.updateReferences && process.env.CI) problems.push('--update-references is refused in CI: references are what CI checks against');
  return problems;
}

/**
 * The options of `tedlab COMMAND` (run, or a command that takes run's options), or the exit code
 * when there is nothing to run: 2 for a bad option, one `refused` names or a missing path (each
 * said on stderr), 0 after printing `usage` for --help.
 */
export function commandOptions(
  command: string,
  args: readonly string[],
  usage: string,
  refused: (options: RunOptions) => string | undefined = () => undefined,
): RunOptions | number {
  const options = parseRunArguments(args);
  const problem = typeof options === 'string' ? options : refused(options);
  if (typeof options === 'string' || problem !== undefined) {
    process.stderr.write(`tedlab ${command}: ${problem}\n(tedlab ${command} --help lists the options)\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(usage);
    return 0;
  }
  const problems = problemsOf(options);
  if (problems.length > 0) {
    process.stderr.write(problems.map((line) => `tedlab ${command}: ${line}\n`).join(''));
    return 2;
  }
  return options;
}

/**
 * `tedlab run`: runs feature files with tedlab's steps in the working folder (paths print
 * relative to it), writing Allure results and JUnit XML; with `--report`, makes the HTML report
 * too. Exit code 1 when a scenario did not pass.
 */
export async function runFeatures(args: string[]): Promise<number> {
  const options = commandOptions('run', args, RUN_USAGE);
  if (typeof options === 'number') return options;
  const ledger = exportToSteps(options);
  const layout = reportLayout(options.reportsDir);
  const { tally, success, resultsWritten } = await runScenarios(options, layout);
  if (ledger !== undefined) listWrittenReferences(ledger);
  if (!resultsWritten) return 2;
  if (tally.passed + tally.failed === 0) {
    // More shards than scenarios leaves some shards empty: that part of the run is done, and merges.
    if (options.shard !== undefined && !options.dryRun) {
      process.stdout.write(`shard ${options.shard.index}/${options.shard.total}: no scenario falls in this part of the selection\n`);
      return 0;
    }
    process.stderr.write(`tedlab run: ${whyNoScenarioRan(tally, '--tags, --name and --shard')}\n`);
    return 2;
  }
  if (options.report && !options.dryRun) {
    // The report's code (Allure's command line, the history) is loaded only when a report is made.
    const { makeReport } = await import('./report.ts');
    if (!(await makeReport(layout))) return 2;
  }
  return success && tally.failed === 0 ? 0 : 1;
}

/**
 * What the step definitions read of the command line (they may run in worker processes).
 * Returns the ledger file the steps note written references in, when updating them.
 */
export function exportToSteps(options: RunOptions): string | undefined {
  if (options.seed !== undefined) process.env.TEDLAB_SEED = options.seed;
  process.env.TEDLAB_LABS = options.labs.map((dir) => path.resolve(dir)).join(path.delimiter);
  if (!options.updateReferences) return undefined;
  process.env.TEDLAB_UPDATE_REFERENCES = '1';
  const ledger = path.join(mkdtempSync(path.join(os.tmpdir(), 'tedlab-references-')), 'written.txt');
  process.env.TEDLAB_REFERENCE_LEDGER = ledger;
  return ledger;
}

/** The ledger has a line per written reference (steps/support/reference-update.ts). */
function listWrittenReferences(ledger: string): void {
  const written = existsSync(ledger) ? readFileSync(ledger, 'utf8').split('\n').filter((line) => line !== '') : [];
  process.stdout.write(written.length === 0
    ? 'references: every reference already matched, none written\n'
    : `references written:\n${written.map((line) => `  ${line}\n`).join('')}`);
  rmSync(path.dirname(ledger), { recursive: true, force: true });
}

/**
 * Cucumber's verdict and tedlab's count: Cucumber alone would pass a dry run with undefined
 * steps, the count alone would miss a hook that failed outside every scenario.
 */
interface RunOutcome {
  readonly tally: ScenarioTally;
  readonly success: boolean;
  /** False when a result file could not be written (a full disk, a folder that is not ours). */
  readonly resultsWritten: boolean;
}

/**
 * The environment Cucumber gives its --parallel workers: this process's, and, when the built
 * command runs with its compile cache on, the preload that turns the cache on in each worker.
 */
function workerEnvironment(parallel: number): NodeJS.ProcessEnv {
  if (parallel === 0 || !RUNS_COMPILED || compileCacheFolder(PACKAGE_ROOT) === undefined) return process.env;
  // A file URL has no spaces to quote in NODE_OPTIONS.
  const preload = `--import=${new URL('../compile-cache-preload.js', import.meta.url).href}`;
  const existing = process.env.NODE_OPTIONS;
  return { ...process.env, NODE_OPTIONS: existing === undefined || existing === '' ? preload : `${existing} ${preload}` };
}

async function runScenarios(options: RunOptions, layout: ReportLayout): Promise<RunOutcome> {
  // A dry run checks the steps only: the last real run's results and the report's history stay as they are.
  // Results of an earlier run would mix into this run's report.
  const cleared = options.dryRun ? undefined : clearInBackground(layout.results);
  if (!options.dryRun) {
    mkdirSync(layout.results, { recursive: true });
    writeSelection(layout.results, {
      paths: options.paths,
      ...(options.tags === undefined ? {} : { tags: options.tags }),
      names: options.names,
      ...(options.shard === undefined ? {} : { shard: options.shard }),
    });
  }
  const writer = options.dryRun ? undefined : new ResultsWriter(layout.results);
  const environment = { seed: options.seed, workers: Math.max(1, options.parallel) };
  const reporting = writer === undefined ? {} : reportingConfiguration(layout, environment, writer);
  const provided = scenarioConfiguration(options, reporting);
  // The working folder is the user's project: cucumber reads no configuration file of its own there.
  const { runConfiguration } = await loadConfiguration({ file: false, provided }, { cwd: process.cwd() });
  const { tally, success } = await runCounted(runConfiguration, workerEnvironment(options.parallel));
  await cleared;
  const unwritten = await writer?.flushed().then(() => undefined, (error: unknown) => error);
  if (options.dryRun) {
    process.stdout.write(`\ndry run: ${tally.passed + tally.failed} scenarios, ${tally.failed} with steps tedlab does not have\n`);
    return { tally, success, resultsWritten: true };
  }
  process.stdout.write(`\nscenarios: ${tally.passed} passed, ${tally.failed} failed\n`);
  if (unwritten !== undefined) {
    const reason = unwritten instanceof Error ? unwritten.message : String(unwritten);
    process.stderr.write(`tedlab run: the results could not be written in ${layout.results}: ${reason}\n`);
    return { tally, success, resultsWritten: false };
  }
  markUnfinished(layout.results, tally.unfinished);
  return { tally, success, resultsWritten: true };
}

/**
 * Moves a folder aside and deletes it while the run goes on: a suite's results are thousands of
 * files, and deleting them first kept every run waiting.
 */
function clearInBackground(dir: string): Promise<void> {
  if (!existsSync(dir)) return Promise.resolve();
  const aside = `${dir}.old-${process.pid}`;
  renameSync(dir, aside);
  // A folder that cannot be deleted stays aside, out of this run's results.
  return rm(aside, { recursive: true, force: true }).catch(() => undefined);
}
