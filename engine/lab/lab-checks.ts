import { PING_LIMITS } from '../net/ping.ts';
import { LabError } from './errors.ts';
import type { LoadOptions, PingOptions } from './lab-types.ts';
import { formatTopologyError, outOfRangeValues, seedRangeProblem } from './topology/index.ts';
import type { SourceLocation, TopologyResult, TopologySpec } from './topology/index.ts';

/** What the Lab checks of its inputs before anything reaches the simulator. */

/**
 * The loader keeps every value in range; this second check guards the simulator against a spec
 * built some other way and against a seed from the command line, so that a bad value is a
 * LabError naming it rather than a RangeError from deep inside the engine.
 */
export function checkValueRanges(topology: TopologySpec, options: LoadOptions): void {
  const problems = outOfRangeValues(topology);
  if (problems.length > 0) throw new LabError('topology', problems.map((problem) => `${topology.file}: ${problem}`).join('\n'));
  const seedProblem = options.seed === undefined ? undefined : seedRangeProblem(options.seed);
  if (seedProblem !== undefined) throw new LabError('usage', seedProblem);
}

/** Why a ping cannot be made with these options (IOS's own limits), or undefined. */
export function pingOptionsProblem(options: PingOptions): string | undefined {
  for (const name of ['count', 'size', 'timeoutMs'] as const) {
    const value = options[name];
    const { min, max } = PING_LIMITS[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= max)) {
      return `ping ${name} ${value} is out of range: a whole number from ${min} to ${max}`;
    }
  }
  return undefined;
}

/** Time passes forward by a finite amount. */
export function checkAdvance(ms: number): void {
  if (!(Number.isFinite(ms) && ms >= 0)) throw new LabError('usage', `time passes by a finite number of milliseconds, 0 or more, not ${ms}`);
}

export function formatLocation(at: SourceLocation): string {
  return `${at.file}:${at.line}:${at.column}`;
}

export function topologyOrThrow(result: TopologyResult): TopologySpec {
  if (result.ok) return result.topology;
  throw new LabError('topology', result.errors.map(formatTopologyError).join('\n'));
}
