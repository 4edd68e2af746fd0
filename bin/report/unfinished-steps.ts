import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suggestionText } from '../../steps/support/step-suggestions.ts';

/**
 * Steps Cucumber could not run, undefined, ambiguous or pending, break their scenario: not
 * passed, anywhere. allure-cucumberjs writes such a scenario as passed with a step without a
 * status, so after the run each one is marked broken, with what was wrong and, for an
 * undefined step, the steps it was probably meant to be.
 */

export type UnfinishedStatus = 'UNDEFINED' | 'AMBIGUOUS' | 'PENDING';

export interface UnfinishedScenario {
  /** The feature file as Cucumber names it (relative to the working folder) and the scenario's name. */
  uri: string;
  name: string;
  steps: Array<{ text: string; status: UnfinishedStatus; message?: string }>;
}

interface AllureStep {
  name: string;
  status?: string;
  statusDetails?: { message?: string; trace?: string };
  steps?: AllureStep[];
}

interface AllureResult extends AllureStep {
  fullName?: string;
}

const WHY: Record<UnfinishedStatus, string> = {
  UNDEFINED: 'undefined step',
  AMBIGUOUS: 'ambiguous step: more than one step definition matches it',
  PENDING: 'pending step',
};

function describe(step: UnfinishedScenario['steps'][number]): string {
  const head = `${WHY[step.status]}: ${step.text}`;
  if (step.status === 'UNDEFINED') return `${head}\n${suggestionText([generatedExpression(step.text)])}`;
  return step.message === undefined ? head : `${head}\n${step.message}`;
}

/** The step's text with its quoted strings and numbers as parameters, as Cucumber generates an expression. */
export function generatedExpression(text: string): string {
  return text.replace(/"[^"]*"/g, '{string}').replace(/(?<![\w.])-?\d+(?![\w.])/g, '{int}');
}

/** Marks the Allure results of these scenarios, and their unfinished steps, broken. Returns how many it marked. */
export function markUnfinished(resultsDir: string, scenarios: readonly UnfinishedScenario[]): number {
  if (scenarios.length === 0) return 0;
  let marked = 0;
  for (const file of readdirSync(resultsDir).filter((name) => name.endsWith('-result.json'))) {
    const location = path.join(resultsDir, file);
    const result = JSON.parse(readFileSync(location, 'utf8')) as AllureResult;
    const scenario = scenarios.find((candidate) => result.fullName === `${candidate.uri}#${candidate.name}` && matchesSteps(result, candidate));
    if (scenario === undefined) continue;
    const messages = scenario.steps.map(describe);
    for (const step of result.steps ?? []) {
      const unfinished = scenario.steps.find((candidate) => step.name.endsWith(candidate.text));
      if (unfinished !== undefined && step.status === undefined) {
        step.status = 'broken';
        step.statusDetails = { message: describe(unfinished) };
      }
    }
    result.status = 'broken';
    // The trace names the class the report's "Scenario error" category matches.
    result.statusDetails = { message: messages.join('\n\n'), trace: `ScenarioUsageError: ${messages.join('\n\n')}` };
    writeFileSync(location, JSON.stringify(result));
    marked++;
  }
  return marked;
}

function matchesSteps(result: AllureResult, scenario: UnfinishedScenario): boolean {
  return scenario.steps.every((step) => (result.steps ?? []).some((candidate) => candidate.name.endsWith(step.text)));
}
