/**
 * What kind of failure stopped a scenario. Every error a step or hook throws is turned into one
 * of these classes (classifyFailure), so the report can sort failures into categories an engineer
 * acts on differently: a wording difference, a protocol that behaved differently, a broken lab
 * description, a mistake in the scenario, or a bug in tedlab itself.
 *
 * The class name is what the report sees (Cucumber reports `error.constructor.name`); the two
 * assertion classes carry "Assertion" in their names so that Allure marks them failed, not broken.
 */
import { AssertionError } from 'node:assert';
// errors.ts, not the lab's index: `tedlab run` reads the failure categories in its main process
// before Cucumber loads the steps, and the index would load the whole engine there a second time.
import { LabError, describeError } from '../../engine/lab/errors.ts';

/** A file shown next to a failure: a diff, an expected or an actual text. */
export interface Evidence {
  readonly name: string;
  readonly content: string | Uint8Array;
  readonly contentType: string;
  readonly fileExtension: string;
}

export type FailureKind = 'transcript' | 'outcome' | 'setup' | 'scenario' | 'unsupported' | 'engine';

/** A classified failure; its stack begins with `<ClassName>: ` so the report's categories can match it. */
export abstract class ScenarioFailure extends Error {
  abstract readonly kind: FailureKind;
  readonly evidence: readonly Evidence[];

  constructor(message: string, evidence: readonly Evidence[] = [], frames = '') {
    super(message);
    this.name = new.target.name;
    this.evidence = evidence;
    // A stack into tedlab helps only with tedlab's own bugs; users read the message.
    this.stack = `${this.name}: ${message}${frames}`;
  }
}

/** The text of an output, a log or an error differs from what was expected: a wording difference. */
export class TranscriptAssertionError extends ScenarioFailure {
  readonly kind = 'transcript';
}

/** The network behaved differently: a ping result, an SA count or state, a load that should have failed. */
export class OutcomeAssertionError extends ScenarioFailure {
  readonly kind = 'outcome';
}

/** The topology or a router configuration is wrong: the lab could not be built or configured. */
export class LabSetupError extends ScenarioFailure {
  readonly kind = 'setup';
}

/** The scenario names something the lab does not have, or uses a step before what it needs. */
export class ScenarioUsageError extends ScenarioFailure {
  readonly kind = 'scenario';
}

/** The scenario asks for something tedlab does not model. */
export class UnsupportedFeatureError extends ScenarioFailure {
  readonly kind = 'unsupported';
}

/** Anything else: an exception from inside tedlab, which is a bug to report. */
export class EngineError extends ScenarioFailure {
  readonly kind = 'engine';
}

/** A plain-text evidence file. */
export function textEvidence(name: string, text: string): Evidence {
  return { name, content: text, contentType: 'text/plain', fileExtension: '.txt' };
}

/** A unified diff: text/plain so that the report shows it inline; `.diff` for whoever saves it. */
export function diffEvidence(name: string, diff: string): Evidence {
  return { name, content: diff, contentType: 'text/plain', fileExtension: '.diff' };
}

/** A page the report shows in its attachment frame. */
export function htmlEvidence(name: string, html: string): Evidence {
  return { name, content: html, contentType: 'text/html', fileExtension: '.html' };
}

/** Turns anything a step or hook threw into the failure class that says what kind of failure it is. */
export function classifyFailure(error: unknown): ScenarioFailure {
  if (error instanceof ScenarioFailure) return error;
  if (error instanceof LabError) {
    switch (error.kind) {
      case 'topology':
      case 'config':
        return new LabSetupError(error.message);
      case 'usage':
        return new ScenarioUsageError(error.message);
      case 'unsupported':
        return new UnsupportedFeatureError(error.message);
    }
  }
  if (error instanceof AssertionError) return assertionFailure(error);
  return new EngineError(describeError(error), [], engineFrames(error));
}

/** Something the lab was given and does not model, as a failure message lists it. */
export interface NotModelledNote {
  router: string;
  line: string;
  topic: string;
}

/**
 * The rule for a scenario that depends on what tedlab does not model: an assertion that fails
 * (a text or an outcome) after the lab reported such a thing is "Not modelled by tedlab", with
 * the list in its message, because the real 2600 might well have passed it. The caller decides
 * which reports count (world.ts); setup, scenario and engine failures keep their class.
 */
export function asNotModelled(failure: ScenarioFailure, notes: readonly NotModelledNote[]): ScenarioFailure {
  if (notes.length === 0 || (failure.kind !== 'transcript' && failure.kind !== 'outcome')) return failure;
  const list = notes.map((note) => `  ${note.router}: ${note.line} (${note.topic})`).join('\n');
  const lead = `this scenario uses what tedlab does not model, so the failure may be tedlab's limit, not the configuration's:\n${list}\n\n`;
  return new UnsupportedFeatureError(`${lead}${failure.message}`, failure.evidence);
}

/** A plain `assert` in a step checks what the lab did: an outcome, with both values as evidence. */
function assertionFailure(error: AssertionError): OutcomeAssertionError {
  const evidence = [
    textEvidence('expected', String(error.expected)),
    textEvidence('actual', String(error.actual)),
  ];
  return new OutcomeAssertionError(error.message, evidence);
}

/** The original stack frames, without the original first line, for the bug report. */
function engineFrames(error: unknown): string {
  if (!(error instanceof Error) || error.stack === undefined) return '';
  const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length === 0 ? '' : `\n${frames.join('\n')}`;
}
