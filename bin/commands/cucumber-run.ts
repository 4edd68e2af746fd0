import type { Writable } from 'node:stream';
import { runCucumber, type IConfiguration, type IRunOptions } from '@cucumber/cucumber/api';
import { coalescedOutput } from '../report/coalesced-output.ts';
import type { Shard } from '../report/run-selection.ts';
import type { UnfinishedScenario } from '../report/unfinished-steps.ts';
import { stepDefinitionImports, suggestionSnippetSyntax } from './step-definitions.ts';

/** What tedlab run and tedlab watch share of a Cucumber run: its configuration, its console, its count. */

type Envelope = Parameters<NonNullable<Parameters<typeof runCucumber>[2]>>[0];

/** The scenarios to run and how, as `tedlab run` and `tedlab watch` take them. */
export interface ScenarioSelection {
  readonly paths: readonly string[];
  readonly tags?: string;
  readonly names: readonly string[];
  readonly shard?: Shard;
  readonly parallel: number;
  readonly dryRun: boolean;
  readonly failFast: boolean;
}

/** The Cucumber configuration of a run with tedlab's steps; `reporting` adds the result formatters. */
export function scenarioConfiguration(
  selection: ScenarioSelection,
  reporting: { format?: IConfiguration['format']; formatOptions?: object } = {},
): Partial<IConfiguration> {
  return {
    paths: selection.paths.length > 0 ? [...selection.paths] : ['features'],
    import: stepDefinitionImports(),
    strict: true,
    parallel: selection.parallel,
    dryRun: selection.dryRun,
    failFast: selection.failFast,
    ...(selection.tags === undefined ? {} : { tags: selection.tags }),
    ...(selection.names.length === 0 ? {} : { name: [...selection.names] }),
    ...(selection.shard === undefined ? {} : { shard: `${selection.shard.index}/${selection.shard.total}` }),
    format: ['progress', ...(reporting.format ?? [])],
    formatOptions: {
      snippetSyntax: suggestionSnippetSyntax(),
      // Attachments are for the report; on the console they are Allure's runtime messages.
      printAttachments: false,
      ...reporting.formatOptions,
    } as IConfiguration['formatOptions'],
  };
}

/**
 * Runs Cucumber with tedlab's console (undefinedStepWording) and counts the scenarios; resolves
 * once the console has written everything.
 */
export async function runCounted(configuration: IRunOptions, env?: NodeJS.ProcessEnv): Promise<{ tally: ScenarioTally; success: boolean }> {
  const tally = new ScenarioTally();
  const stdout = undefinedStepWording(process.stdout);
  const { success } = await runCucumber(
    configuration,
    { cwd: process.cwd(), stdout, ...(env === undefined ? {} : { env }) },
    (envelope) => tally.observe(envelope),
  );
  await new Promise<void>((resolve) => stdout.end(resolve));
  return { tally, success };
}

/**
 * Why a run ran no scenario: a feature file Gherkin could not read (Cucumber then runs none), or
 * else a selection that matched nothing. `selection` names the options that select.
 */
export function whyNoScenarioRan(tally: ScenarioTally, selection: string): string {
  if (tally.unreadable.length > 0) return `no scenario ran: ${tally.unreadable.join(', ')} could not be read (the parse error above)`;
  return `no scenario was selected: check the paths (a :LINE is the line a scenario starts on), ${selection}`;
}

/**
 * Cucumber heads an undefined step's snippet with "Implement with the following snippet", which
 * tedlab's users cannot do: what follows is tedlab's "did you mean" (suggestion-snippets.ts).
 */
export function undefinedStepWording(out: NodeJS.WritableStream): Writable {
  return coalescedOutput(out, (text) => text.replaceAll('Undefined. Implement with the following snippet:', 'Undefined: tedlab has no such step.'));
}

/**
 * Counts scenarios by outcome from Cucumber's message stream, and notes the scenarios with
 * steps it could not run (undefined, ambiguous, pending): none of them passed.
 */
export class ScenarioTally {
  passed = 0;
  failed = 0;
  private readonly failing = new Set<string>();
  private readonly pickles = new Map<string, { uri: string; name: string; steps: Map<string, string> }>();
  private readonly pickleOfTestCase = new Map<string, string>();
  private readonly pickleStepOfTestStep = new Map<string, string>();
  private readonly testCaseOfStarted = new Map<string, string>();
  private readonly unfinishedByStarted = new Map<string, UnfinishedScenario>();

  /** Feature files Gherkin could not read: Cucumber then runs no scenario at all. */
  readonly unreadable: string[] = [];

  observe(envelope: Envelope): void {
    this.index(envelope);
    if (envelope.parseError?.source.uri !== undefined) this.unreadable.push(envelope.parseError.source.uri);
    const step = envelope.testStepFinished;
    if (step && step.testStepResult.status !== 'PASSED' && step.testStepResult.status !== 'SKIPPED') {
      this.failing.add(step.testCaseStartedId);
      this.noteUnfinished(step.testCaseStartedId, step.testStepId, step.testStepResult.status, step.testStepResult.message);
    }
    const finished = envelope.testCaseFinished;
    if (finished && !finished.willBeRetried) {
      if (this.failing.has(finished.testCaseStartedId)) this.failed++;
      else this.passed++;
    }
  }

  get unfinished(): UnfinishedScenario[] {
    return [...this.unfinishedByStarted.values()];
  }

  private index(envelope: Envelope): void {
    const { pickle, testCase, testCaseStarted } = envelope;
    if (pickle) this.pickles.set(pickle.id, { uri: pickle.uri, name: pickle.name, steps: new Map(pickle.steps.map((s) => [s.id, s.text])) });
    if (testCase) {
      this.pickleOfTestCase.set(testCase.id, testCase.pickleId);
      for (const testStep of testCase.testSteps) if (testStep.pickleStepId) this.pickleStepOfTestStep.set(testStep.id, testStep.pickleStepId);
    }
    if (testCaseStarted) this.testCaseOfStarted.set(testCaseStarted.id, testCaseStarted.testCaseId);
  }

  private noteUnfinished(startedId: string, testStepId: string, status: string, message: string | undefined): void {
    if (status !== 'UNDEFINED' && status !== 'AMBIGUOUS' && status !== 'PENDING') return;
    const pickle = this.pickles.get(this.pickleOfTestCase.get(this.testCaseOfStarted.get(startedId) ?? '') ?? '');
    const text = pickle?.steps.get(this.pickleStepOfTestStep.get(testStepId) ?? '');
    if (pickle === undefined || text === undefined) return;
    const scenario = this.unfinishedByStarted.get(startedId) ?? { uri: pickle.uri, name: pickle.name, steps: [] };
    scenario.steps.push({ text, status, ...(message === undefined ? {} : { message }) });
    this.unfinishedByStarted.set(startedId, scenario);
  }
}
