import { LinkTraffic } from '../testing/link-traffic.ts';
import { loadCase } from './fuzz-cases.ts';
import { driveEpisode, episodeSetup, runEpisode, type FailedEpisode } from './fuzz-episode.ts';
import { checkOracle } from './fuzz-oracle.ts';
import { DEFAULT_INJECTOR_OPTIONS, type InjectedDatagram, type InjectorOptions } from './injector.ts';

/**
 * Shrinks a failed episode to the few injected datagrams that make it fail. The episode runs
 * once recording every datagram it injected with its virtual time; then subsets are replayed
 * on a fresh lab of the same case and lab seed, each datagram put on the WAN at its time, and
 * delta debugging (Zeller's ddmin) keeps the smallest subset whose oracle still fails the same
 * way. The episode's script (pings, idle, clear, rekey) runs unchanged around them.
 */

/** The problems are those of the full episode. */
export interface MinimizedFailure extends FailedEpisode {
  /** Whether replaying every recorded datagram fails the same way (if not, no shrinking). */
  reproduced: boolean;
  /** The datagrams that still make it fail, in time order. */
  injections: InjectedDatagram[];
  /** Of how many recorded. */
  recorded: number;
  replays: number;
}

/** The failed episode, shrunk; undefined when the episode passes. */
export function minimizeEpisode(seed: number, episode: number, options: InjectorOptions = DEFAULT_INJECTOR_OPTIONS): MinimizedFailure | undefined {
  const recorded: InjectedDatagram[] = [];
  const result = runEpisode(seed, episode, options, (injected) => recorded.push({ ...injected, bytes: injected.bytes.slice() }));
  if (result.failure === undefined) return undefined;
  const wanted = kindsOf(result.failure.problems);
  let replays = 0;
  const fails = (subset: readonly InjectedDatagram[]): boolean => {
    replays++;
    const problems = replayEpisode(seed, episode, subset);
    return problems.length > 0 && kindsOf(problems) === wanted;
  };
  const reproduced = fails(recorded);
  const { caseName, variant, labSeed, problems } = result.failure;
  const injections = reproduced ? ddmin(recorded, fails) : recorded;
  return { seed, episode, caseName, variant, labSeed, problems, reproduced, injections, recorded: recorded.length, replays };
}

/** The oracle's verdict on the episode's script with only these datagrams injected. */
export function replayEpisode(seed: number, episode: number, injections: readonly InjectedDatagram[]): string[] {
  const { fuzzCase, variant, random, labSeed } = episodeSetup(seed, episode);
  try {
    const lab = loadCase(fuzzCase, labSeed);
    const traffic = new LinkTraffic(lab, 'wan', [fuzzCase.routers[0], fuzzCase.routers[1]]);
    // Deferred twice at its time, so that it follows the lab's own work of that instant as it did.
    for (const injected of injections) {
      lab.sim.schedule(injected.timeMs, () => lab.sim.schedule(0, () => lab.sim.schedule(0, () => traffic.inject(injected.bytes, injected.from))));
    }
    driveEpisode(lab, fuzzCase, variant, { phase: 'setup', injectNow: () => {}, traffic }, random);
    traffic.close();
    return checkOracle(lab, fuzzCase);
  } catch (error) {
    return [`exception: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** What failed, without the figures: "the tunnel does not carry pings|exception". */
function kindsOf(problems: readonly string[]): string {
  return problems.map((problem) => problem.split(':')[0]).join('|');
}

/** Zeller and Hildebrandt's ddmin: a 1-minimal subset for which `fails` holds. */
function ddmin<T>(items: readonly T[], fails: (subset: readonly T[]) => boolean): T[] {
  let current = [...items];
  let parts = 2;
  while (current.length >= 2) {
    const size = Math.ceil(current.length / parts);
    const chunks = Array.from({ length: Math.ceil(current.length / size) }, (_, i) => current.slice(i * size, (i + 1) * size));
    const chunk = chunks.find((candidate) => fails(candidate));
    if (chunk !== undefined) {
      current = chunk;
      parts = 2;
      continue;
    }
    const complement = chunks.map((_, i) => chunks.filter((__, j) => j !== i).flat()).find((candidate) => fails(candidate));
    if (complement !== undefined) {
      current = complement;
      parts = Math.max(parts - 1, 2);
      continue;
    }
    if (parts >= current.length) break;
    parts = Math.min(current.length, parts * 2);
  }
  return current;
}

export function formatMinimized(minimized: MinimizedFailure): string {
  const { seed, episode, caseName, variant, labSeed } = minimized;
  const lines = [
    `seed ${seed} episode ${episode} (${caseName}, ${variant}; lab seed ${labSeed})`,
    ...minimized.problems.map((problem) => `  ${problem.split('\n')[0]}`),
  ];
  if (!minimized.reproduced) {
    lines.push(`  replaying its ${minimized.recorded} datagrams at their times does not fail the same way: not minimised`);
    return lines.join('\n');
  }
  lines.push(`  fails with ${minimized.injections.length} of its ${minimized.recorded} injected datagrams (${minimized.replays} replays):`);
  for (const { timeMs, from, record, bytes } of minimized.injections) {
    lines.push(`    ${timeMs} ms from ${from}: ${record.state}: ${record.mutation} (${record.detail}) of ${record.source}`);
    lines.push(`      ${Buffer.from(bytes).toString('hex')}`);
  }
  return lines.join('\n');
}
