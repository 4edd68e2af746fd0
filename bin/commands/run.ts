import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { reportingConfiguration } from '../report/cucumber-reporting.ts';
import { reportLayout, type ReportLayout } from '../report/report-layout.ts';
import { makeReport } from './report.ts';

type Envelope = Parameters<NonNullable<Parameters<typeof runCucumber>[2]>>[0];

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunOptions {
  paths: string[];
  seed?: string;
  /** Worker processes; 0 runs every scenario in this process. */
  parallel: number;
  reportsDir?: string;
  /** Make the HTML report after the run (`tedlab run --report`, what `npm start` does). */
  report: boolean;
}

const NEEDS_VALUE: Record<string, string> = {
  '--seed': 'a number',
  '--parallel': 'a number of workers',
  '--reports': 'a folder',
};

export function parseRunArguments(args: readonly string[]): RunOptions | string {
  const options: RunOptions = { paths: [], parallel: 0, report: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--report') {
      options.report = true;
    } else if (arg in NEEDS_VALUE) {
      const value = args[++i];
      if (value === undefined || (arg !== '--reports' && !/^\d+$/.test(value))) return `${arg} needs ${NEEDS_VALUE[arg]}`;
      if (arg === '--seed') options.seed = value;
      else if (arg === '--parallel') options.parallel = Number(value);
      else options.reportsDir = value;
    } else if (arg.startsWith('-')) {
      return `unknown option ${arg}`;
    } else {
      options.paths.push(path.resolve(arg));
    }
  }
  return options;
}

/**
 * `tedlab run`: runs feature files with tedlab's steps, from any working directory, writing Allure
 * results and JUnit XML; with `--report`, makes the HTML report too. Exit code 1 when a scenario failed.
 */
export async function runFeatures(args: string[]): Promise<number> {
  const options = parseRunArguments(args);
  if (typeof options === 'string') {
    process.stderr.write(`tedlab run: ${options}\n`);
    return 2;
  }
  const missing = options.paths.filter((featurePath) => !existsSync(featurePath));
  if (missing.length > 0) {
    process.stderr.write(missing.map((featurePath) => `tedlab run: no such feature file or folder: ${featurePath}\n`).join(''));
    return 2;
  }
  if (options.seed !== undefined) process.env.TEDLAB_SEED = options.seed;
  process.env.TEDLAB_SCENARIOS ??= path.resolve('scenarios');
  const layout = reportLayout(options.reportsDir);
  const success = await runScenarios(options, layout);
  if (options.report && !(await makeReport(layout))) return 2;
  return success ? 0 : 1;
}

async function runScenarios(options: RunOptions, layout: ReportLayout): Promise<boolean> {
  // Results of an earlier run would mix into this run's report.
  rmSync(layout.results, { recursive: true, force: true });
  mkdirSync(layout.results, { recursive: true });
  const provided = {
    ...(options.paths.length > 0 ? { paths: options.paths } : {}),
    parallel: options.parallel,
    ...reportingConfiguration(layout, { seed: options.seed, workers: Math.max(1, options.parallel) }),
  };
  const { runConfiguration } = await loadConfiguration({ file: 'cucumber.mjs', provided }, { cwd: PROJECT_ROOT });
  const tally = new ScenarioTally();
  const { success } = await runCucumber(runConfiguration, { cwd: PROJECT_ROOT }, (envelope) => tally.observe(envelope));
  process.stdout.write(`\nscenarios: ${tally.passed} passed, ${tally.failed} failed\n`);
  return success;
}

/** Counts scenarios by outcome from cucumber's message stream. */
class ScenarioTally {
  passed = 0;
  failed = 0;
  private readonly failing = new Set<string>();

  observe(envelope: Envelope): void {
    const step = envelope.testStepFinished;
    if (step && step.testStepResult.status !== 'PASSED' && step.testStepResult.status !== 'SKIPPED') {
      this.failing.add(step.testCaseStartedId);
    }
    const finished = envelope.testCaseFinished;
    if (finished && !finished.willBeRetried) {
      if (this.failing.has(finished.testCaseStartedId)) this.failed++;
      else this.passed++;
    }
  }
}
