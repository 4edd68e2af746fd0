import { SeededRandom } from '../../sim/random.ts';
import type { Lab } from '../lab.ts';
import type { SeenPacket } from '../testing/link-traffic.ts';
import type { Phase } from './state-labels.ts';
import { FUZZ_CASES, loadCase, type FuzzCase } from './fuzz-cases.ts';
import { checkOracle } from './fuzz-oracle.ts';
import { DEFAULT_INJECTOR_OPTIONS, Injector, type InjectedDatagram, type InjectionRecord, type InjectorOptions } from './injector.ts';

/**
 * One fuzz episode: a lab case brought up while the injector fuzzes every step of its
 * exchanges, then fuzzed idle, after a `clear` on one router and through a rekey as the
 * variant says, then judged by the oracle. An episode depends on the run's seed and its own
 * number only, so any episode can be run again alone.
 */

export interface Variant {
  readonly name: string;
  readonly clear: boolean;
  readonly rekey: boolean;
}

export const VARIANTS: readonly Variant[] = [
  { name: 'plain', clear: false, rekey: false },
  { name: 'clear', clear: true, rekey: false },
  { name: 'rekey', clear: false, rekey: true },
  { name: 'clear+rekey', clear: true, rekey: true },
];

/** Which episode failed and how: what a reproduction needs. */
export interface FailedEpisode {
  seed: number;
  episode: number;
  caseName: string;
  variant: string;
  /** The seed the episode's lab ran with. */
  labSeed: number;
  problems: string[];
}

export interface FuzzFailure extends FailedEpisode {
  /** The last mutations injected, oldest first. */
  lastInjections: InjectionRecord[];
}

export interface EpisodeResult {
  episode: number;
  caseName: string;
  variant: string;
  packetsTried: number;
  datagramsInjected: number;
  mutations: ReadonlyMap<string, number>;
  states: ReadonlyMap<string, number>;
  failure?: FuzzFailure;
}

/** When the rekey phase starts after the last quick mode: a minute before its SAs' 3600 s run out (IOS rekeys 30 s before). */
const REKEY_LEAD_MS = 3_600_000 - 60_000;

export function episodeSetup(seed: number, episode: number): { fuzzCase: FuzzCase; variant: Variant; random: SeededRandom; labSeed: number } {
  const random = new SeededRandom(seed, `fuzz/episode/${episode}`);
  const fuzzCase = FUZZ_CASES[episode % FUZZ_CASES.length]!;
  const variant = VARIANTS[Math.floor(episode / FUZZ_CASES.length) % VARIANTS.length]!;
  return { fuzzCase, variant, random, labSeed: random.int(1, 999_999) };
}

export function runEpisode(seed: number, episode: number, options: InjectorOptions = DEFAULT_INJECTOR_OPTIONS,
  onInjected?: (injected: InjectedDatagram) => void): EpisodeResult {
  const { fuzzCase, variant, random, labSeed } = episodeSetup(seed, episode);
  let injector: Injector | undefined;
  const problems: string[] = [];
  try {
    const lab = loadCase(fuzzCase, labSeed);
    injector = new Injector(lab, fuzzCase, random.fork('inject'), options, onInjected);
    driveEpisode(lab, fuzzCase, variant, injector, random);
    injector.stop();
    problems.push(...checkOracle(lab, fuzzCase));
  } catch (error) {
    problems.push(`exception: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  const result: EpisodeResult = {
    episode,
    caseName: fuzzCase.name,
    variant: variant.name,
    packetsTried: injector?.packetsTried ?? 0,
    datagramsInjected: injector?.datagramsInjected ?? 0,
    mutations: injector?.mutations ?? new Map(),
    states: injector?.states ?? new Map(),
  };
  if (problems.length === 0) return result;
  const failure = { seed, episode, caseName: fuzzCase.name, variant: variant.name, labSeed, problems, lastInjections: injector?.recent ?? [] };
  return { ...result, failure };
}

/** What the episode's script needs of the injector (a reproduction script may pass its own). */
export interface EpisodeInjector {
  phase: Phase;
  injectNow(state: string): void;
  readonly traffic: { readonly seen: readonly SeenPacket[] };
}

/** The episode's script while the injector is on; `random` chooses the router and command of a clear. */
export function driveEpisode(lab: Lab, fuzzCase: FuzzCase, variant: Variant, injector: EpisodeInjector, random: SeededRandom): void {
  const [from, to] = fuzzCase.hosts;
  lab.ping(from, to);
  injector.phase = 'idle';
  lab.advance(20_000);
  injector.injectNow('idle');
  lab.advance(10_000);
  if (variant.clear) {
    const router = fuzzCase.routers[random.int(0, 1)]!;
    const command = random.float() < 0.5 ? 'clear crypto sa' : 'clear crypto isakmp';
    injector.phase = 'after clear';
    lab.run(router, command);
    injector.injectNow(`after ${command}`);
    lab.advance(2_000);
    lab.ping(from, to);
    lab.advance(10_000);
  }
  if (variant.rekey) {
    injector.phase = 'rekey';
    const lastQuickMode = Math.max(0, ...injector.traffic.seen.filter((packet) => packet.exchangeType === 32).map((packet) => packet.timeMs));
    const start = lastQuickMode + REKEY_LEAD_MS;
    if (start > lab.sim.now()) lab.advance(start - lab.sim.now());
    injector.injectNow('before rekey');
    lab.advance(120_000);
  }
}
