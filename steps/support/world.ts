import path from 'node:path';
import { World, setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import type { Lab, PingOutcome } from '../../engine/lab/index.ts';
import { ScenarioUsageError, textEvidence, type Evidence } from './failures.ts';

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
    this.stepEvidence.push(textEvidence('output', text));
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

  /** Folder of topologies and references: TEDLAB_SCENARIOS, else ./scenarios of the working directory. */
  get scenariosDir(): string {
    return path.resolve(process.env.TEDLAB_SCENARIOS ?? 'scenarios');
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

  scenarioPath(relative: string): string {
    return path.resolve(this.scenariosDir, relative);
  }
}

setWorldConstructor(LabWorld);
