import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';

type Envelope = Parameters<NonNullable<Parameters<typeof runCucumber>[2]>>[0];

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface RunOptions {
  paths: string[];
  seed?: string;
}

function parseRunArguments(args: string[]): RunOptions | string {
  const options: RunOptions = { paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--seed') {
      const value = args[++i];
      if (value === undefined || !/^\d+$/.test(value)) return '--seed needs a number';
      options.seed = value;
    } else if (arg.startsWith('-')) {
      return `unknown option ${arg}`;
    } else {
      options.paths.push(path.resolve(arg));
    }
  }
  return options;
}

/** Runs feature files with tedlab's steps, from any working directory. */
export async function runFeatures(args: string[]): Promise<number> {
  const options = parseRunArguments(args);
  if (typeof options === 'string') {
    process.stderr.write(`tedlab run: ${options}\n`);
    return 2;
  }
  if (options.seed !== undefined) process.env.TEDLAB_SEED = options.seed;
  process.env.TEDLAB_SCENARIOS ??= path.resolve('scenarios');
  const provided = options.paths.length > 0 ? { paths: options.paths } : {};
  const { runConfiguration } = await loadConfiguration(
    { file: 'cucumber.mjs', provided },
    { cwd: PROJECT_ROOT },
  );
  const tally = new ScenarioTally();
  const { success } = await runCucumber(runConfiguration, { cwd: PROJECT_ROOT }, (envelope) => tally.observe(envelope));
  process.stdout.write(`\nscenarios: ${tally.passed} passed, ${tally.failed} failed\n`);
  return success ? 0 : 1;
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
