import { performance } from 'node:perf_hooks';
import { FUZZ_CASES } from './fuzz-cases.ts';
import { runEpisode, type EpisodeResult, type FuzzFailure } from './fuzz-episode.ts';
import { DEFAULT_INJECTOR_OPTIONS, type InjectorOptions } from './injector.ts';
import { MUTATION_NAMES } from './mutations.ts';

/**
 * A fuzz run: episodes 0, 1, 2, ... of one seed, each on its own lab, until the episode count
 * or the wall-clock budget is reached. Everything but `wallMs` (and how many episodes a time
 * budget allows) is a function of the seed and the options.
 */

export interface FuzzOptions extends Partial<InjectorOptions> {
  seed: number;
  /** How many episodes at most (default 8). */
  episodes?: number;
  /** Stop starting episodes once this much wall-clock time has passed. */
  minutes?: number;
  /** Run only these episode numbers (to reproduce a failure). */
  only?: readonly number[];
  /** Called after each episode, e.g. to show progress. */
  onEpisode?: (result: EpisodeResult) => void;
}

export interface FuzzReport {
  seed: number;
  episodes: number;
  /** Mutations injected (a duplication counts once). */
  packetsTried: number;
  /** Datagrams put on the WAN for them. */
  datagramsInjected: number;
  /** Uses of each mutator, every mutator listed. */
  mutations: Record<string, number>;
  /** Injection points per state label, sorted by label. */
  states: Record<string, number>;
  /** Episodes per lab case and per variant. */
  cases: Record<string, number>;
  variants: Record<string, number>;
  failures: FuzzFailure[];
  wallMs: number;
}

export function runFuzz(options: FuzzOptions): FuzzReport {
  const started = performance.now();
  const injector: InjectorOptions = { ...DEFAULT_INJECTOR_OPTIONS, ...definedOnly(options) };
  const unknown = injector.excluded.filter((name) => !MUTATION_NAMES.includes(name));
  if (unknown.length > 0) throw new RangeError(`no mutator named ${unknown.join(', ')} (known: ${MUTATION_NAMES.join(', ')})`);
  const budgetMs = options.minutes === undefined ? Number.POSITIVE_INFINITY : options.minutes * 60_000;
  const report = emptyReport(options.seed);
  for (const episode of episodeNumbers(options)) {
    if (performance.now() - started >= budgetMs) break;
    const result = runEpisode(options.seed, episode, injector);
    addEpisode(report, result);
    options.onEpisode?.(result);
  }
  report.states = sortedRecord(report.states);
  report.wallMs = Math.round(performance.now() - started);
  return report;
}

function* episodeNumbers(options: FuzzOptions): Generator<number> {
  if (options.only !== undefined) {
    yield* options.only;
    return;
  }
  const count = options.episodes ?? 8;
  for (let episode = 0; episode < count; episode++) yield episode;
}

function emptyReport(seed: number): FuzzReport {
  return {
    seed,
    episodes: 0,
    packetsTried: 0,
    datagramsInjected: 0,
    mutations: Object.fromEntries(MUTATION_NAMES.map((name) => [name, 0])),
    states: {},
    cases: Object.fromEntries(FUZZ_CASES.map((fuzzCase) => [fuzzCase.name, 0])),
    variants: {},
    failures: [],
    wallMs: 0,
  };
}

function addEpisode(report: FuzzReport, result: EpisodeResult): void {
  report.episodes++;
  report.packetsTried += result.packetsTried;
  report.datagramsInjected += result.datagramsInjected;
  addCounts(report.mutations, result.mutations);
  addCounts(report.states, result.states);
  report.cases[result.caseName] = (report.cases[result.caseName] ?? 0) + 1;
  report.variants[result.variant] = (report.variants[result.variant] ?? 0) + 1;
  if (result.failure !== undefined) report.failures.push(result.failure);
}

function addCounts(into: Record<string, number>, counts: ReadonlyMap<string, number>): void {
  for (const [name, count] of counts) into[name] = (into[name] ?? 0) + count;
}

function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function definedOnly(options: FuzzOptions): Partial<InjectorOptions> {
  const picked: Partial<InjectorOptions> = {};
  if (options.perPoint !== undefined) picked.perPoint = options.perPoint;
  if (options.maxPoints !== undefined) picked.maxPoints = options.maxPoints;
  if (options.perLabel !== undefined) picked.perLabel = options.perLabel;
  if (options.ipsecShare !== undefined) picked.ipsecShare = options.ipsecShare;
  if (options.excluded !== undefined) picked.excluded = options.excluded;
  return picked;
}

export type { FuzzFailure, EpisodeResult };
