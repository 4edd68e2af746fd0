import path from 'node:path';
import { Before, World, setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import type { Lab, PingOutcome } from '../../engine/lab/index.ts';
import { ScenarioFailure, ScenarioUsageError, textEvidence, type Evidence } from './failures.ts';
import { classifyForLab, classifyOutputCheck } from './not-modelled-rule.ts';
import { displayPath, findLab, findReference, searchFolders } from './lab-search.ts';
import type { FailedStep } from './lab-evidence.ts';
import { explainRejection, type RejectedCommand } from './rejected-command.ts';
import { updateReference, type ReferenceText } from './reference-update.ts';

/** What one scenario carries between its steps. */
export class LabWorld extends World {
  private currentLab: Lab | undefined;
  private currentOutput = '';
  private currentError: string | undefined;
  /** What the running step produced, for the report to attach to that step. */
  private stepEvidence: Evidence[] = [];
  /** Which kind of text `output` is, so a comparison normalises it the right way. */
  outputCommand = '';
  lastPing: PingOutcome | undefined;
  /** The YAML of a lab given inline (`Given the lab:`), which no file holds. */
  inlineTopology: string | undefined;
  /** Whether the report already has this scenario's seed. */
  seedReported = false;
  /** The virtual moment the scenario's first failing step failed, for the IKE ladder. */
  failedStep: FailedStep | undefined;

  constructor(options: IWorldOptions) {
    super(options);
  }

  get lab(): Lab {
    if (this.currentLab === undefined) throw new ScenarioUsageError('no lab is loaded: start the scenario with Given the lab "NAME"');
    return this.currentLab;
  }

  set lab(lab: Lab) {
    this.currentLab = lab;
  }

  get hasLab(): boolean {
    return this.currentLab !== undefined;
  }

  /** The text the last command, configuration or console session produced. */
  get output(): string {
    return this.currentOutput;
  }

  set output(text: string) {
    this.currentOutput = text;
    this.rejectedCommand = undefined;
    this.stepEvidence.push(textEvidence('output', text));
  }

  /** The command IOS refused, when the output is its refusal (`When I run`). */
  rejectedCommand: RejectedCommand | undefined;

  /**
   * Runs an assertion on the output: a failure on a refused command's output says so first, and a
   * failure on an output that is tedlab's notice for a command it does not model is classed as such.
   */
  checkOutput(assertion: (output: string) => void): void {
    try {
      assertion(this.output);
    } catch (failure) {
      const explained = explainRejection(failure, this.rejectedCommand);
      throw explained instanceof ScenarioFailure ? classifyOutputCheck(explained, this.output, this.currentLab) : explained;
    }
  }

  /** A failure as the report classes it (not-modelled-rule.ts says when it is "Not modelled by tedlab"). */
  classify(failure: ScenarioFailure): ScenarioFailure {
    return classifyForLab(failure, this.currentLab);
  }

  /** The error of the last load or configuration that was expected to fail. */
  get lastError(): string | undefined {
    return this.currentError;
  }

  set lastError(error: string | undefined) {
    this.currentError = error;
    if (error !== undefined) this.stepEvidence.push(textEvidence('error', error));
  }

  get ping(): PingOutcome {
    if (this.lastPing === undefined) throw new ScenarioUsageError('no ping has run in this scenario');
    return this.lastPing;
  }

  /** Hands over what the step produced so far, once. */
  takeStepEvidence(): Evidence[] {
    const evidence = this.stepEvidence;
    this.stepEvidence = [];
    return evidence;
  }

  /** The feature file of the running scenario (set before its first step). */
  featureFile: string | undefined;

  /** Where this scenario's labs and references are looked for, in order (lab-search.ts). */
  get labFolders(): string[] {
    return searchFolders(this.featureFile);
  }

  /** The folder an inline topology's config files are relative to: the feature's own. */
  get inlineBaseDir(): string {
    return this.featureFile === undefined ? process.cwd() : path.dirname(this.featureFile);
  }

  /** The seed given on the command line (`tedlab run --seed N`), if any; else the topology's. */
  get seedOverride(): number | undefined {
    const seed = process.env.TEDLAB_SEED;
    return seed === undefined ? undefined : Number(seed);
  }

  /** The seed the loaded lab runs with. */
  get seed(): number {
    return this.seedOverride ?? this.lab.topology.seed;
  }

  /** The echo line a reference made from the output starts with: `R1#show crypto isakmp sa`. */
  get outputEcho(): string | undefined {
    return this.outputEchoLine;
  }

  set outputEcho(line: string | undefined) {
    this.outputEchoLine = line;
  }

  private outputEchoLine: string | undefined;

  /** `--update-references`: the reference is brought in line with what was printed (reference-update.ts). */
  updateReference(relative: string, text: ReferenceText): void {
    let found: string | undefined;
    try {
      found = this.referencePath(relative);
    } catch {
      found = undefined;
    }
    updateReference(relative, found, this.labFolders, text);
  }

  /** The lab's topology file, relative to the working folder when inside it: its errors name it so. */
  labPath(name: string): string {
    return displayPath(findLab(name, this.labFolders));
  }

  referencePath(relative: string): string {
    return findReference(relative, this.labFolders);
  }
}

setWorldConstructor(LabWorld);

Before({ name: 'note the scenario\'s feature file' }, function (this: LabWorld, { pickle }) {
  this.featureFile = path.resolve(pickle.uri);
});
