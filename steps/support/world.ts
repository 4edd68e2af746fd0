import path from 'node:path';
import { World, setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import type { Lab, PingOutcome } from '../../engine/lab/index.ts';

/** What one scenario carries between its steps. */
export class LabWorld extends World {
  private currentLab: Lab | undefined;
  /** The text the last command, configuration or console session produced. */
  output = '';
  /** Which kind of text `output` is, so a comparison normalises it the right way. */
  outputCommand = '';
  lastPing: PingOutcome | undefined;
  /** The error of the last load or configuration that was expected to fail. */
  lastError: string | undefined;

  constructor(options: IWorldOptions) {
    super(options);
  }

  get lab(): Lab {
    if (this.currentLab === undefined) throw new Error('no lab is loaded: start the scenario with Given the lab "NAME"');
    return this.currentLab;
  }

  set lab(lab: Lab) {
    this.currentLab = lab;
  }

  get hasLab(): boolean {
    return this.currentLab !== undefined;
  }

  get ping(): PingOutcome {
    if (this.lastPing === undefined) throw new Error('no ping has run in this scenario');
    return this.lastPing;
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

  scenarioPath(relative: string): string {
    return path.resolve(this.scenariosDir, relative);
  }
}

setWorldConstructor(LabWorld);
