/**
 * What the Allure report shows of each scenario: behaviour labels, the seed, every step's output,
 * the evidence of a failure (diff and originals) on the failing step, and, once the scenario ends,
 * the topology, each router's console and debug log and each link's capture.
 */
// Registers Allure's runtime with Cucumber: without this import every call below silently does nothing.
import 'allure-cucumberjs';
import * as allure from 'allure-js-commons/sync';
import { After, AfterStep, Before, setDefinitionFunctionWrapper } from '@cucumber/cucumber';
import { classifyFailure, textEvidence, type Evidence, type ScenarioFailure } from './failures.ts';
import { labEvidence } from './lab-evidence.ts';
import { scenarioLabels } from './scenario-labels.ts';
import { LabWorld } from './world.ts';

/** The attachment that shows a step's DocString, and the parameter that shows the lab's seed. */
export const DOCSTRING_ATTACHMENT = 'DocString';
export const SEED_PARAMETER = 'lab';

type DefinitionCode = (this: unknown, ...args: unknown[]) => unknown;

function attach(evidence: Evidence): void {
  allure.attachment(evidence.name, evidence.content, {
    contentType: evidence.contentType,
    fileExtension: evidence.fileExtension,
  });
}

/** Classifies what a step or hook threw and shows its evidence on the step that threw it. */
function reportFailure(context: unknown, error: unknown): ScenarioFailure {
  const failure = context instanceof LabWorld ? context.classify(classifyFailure(error)) : classifyFailure(error);
  if (context instanceof LabWorld) failure.evidence.forEach(attach);
  return failure;
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';

// Every step and hook throws a classified failure, so the report can tell what kind of failure it was.
setDefinitionFunctionWrapper((code: DefinitionCode) => function classifyingFailures(this: unknown, ...args: unknown[]) {
  try {
    const result = code.apply(this, args);
    if (!isPromiseLike(result)) return result;
    return Promise.resolve(result).catch((error: unknown) => {
      throw reportFailure(this, error);
    });
  } catch (error) {
    throw reportFailure(this, error);
  }
});

Before({ name: 'label the scenario with its epic, story and suite' }, function ({ gherkinDocument, pickle }) {
  for (const label of scenarioLabels(gherkinDocument, pickle)) allure.label(label.name, label.value);
});

// Step hooks take no name in Cucumber 12; this one runs inside each step, so its attachments land on the step.
AfterStep(function attachStepOutput(this: LabWorld, { pickleStep, result }) {
  if (result.status === 'FAILED' && this.hasLab && this.failedStep === undefined) {
    this.failedStep = { timeMs: this.lab.nowMs(), step: pickleStep.text };
  }
  // Allure shows a step by its text alone: the lines it configured or expected would be hidden.
  const docString = pickleStep.argument?.docString?.content;
  if (docString !== undefined) attach(textEvidence(DOCSTRING_ATTACHMENT, docString));
  this.takeStepEvidence().forEach(attach);
  if (this.hasLab && !this.seedReported) {
    // The scenario tree shows parameter values alone, so the value names itself. Excluded from
    // the history id: the same scenario under another seed keeps its trend.
    allure.parameter(SEED_PARAMETER, `seed ${this.seed}`, { excluded: true });
    this.seedReported = true;
  }
});

After({ name: 'attach the topology, the router consoles and the link captures' }, function (this: LabWorld) {
  if (!this.hasLab) {
    // The lab did not load: its YAML is all there is to look at.
    if (this.inlineTopology !== undefined) {
      attach({ name: 'topology.yaml', content: this.inlineTopology, contentType: 'text/yaml', fileExtension: '.yaml' });
    }
    return;
  }
  for (const group of labEvidence(this.lab, this.inlineTopology, this.failedStep)) {
    allure.step(group.title, () => group.evidence.forEach(attach));
  }
});
