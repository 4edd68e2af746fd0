/**
 * The range of every number and date a topology holds, each with the reason for its bounds.
 * The schema states the ones JSON Schema can (scenarios/topology.schema.json repeats these
 * figures; a test keeps the two equal) and the builder the rest. The Lab checks a spec against
 * them once more before anything reaches the simulator, since a TopologySpec can also be built
 * by hand.
 */

import { messages } from './topology-messages.ts';
import type { TopologySpec } from './topology-types.ts';

export const VALUE_RANGES = {
  /**
   * Every whole number up to 2^53-1 is exact in YAML's and JavaScript's numbers; above it two
   * seeds written differently would silently be the same seed.
   */
  seed: { min: 0, max: Number.MAX_SAFE_INTEGER },
  /**
   * One hour: longer than IKE waits for any exchange (5 retransmissions 10 s apart) and as long
   * as the default IPsec SA lifetime. A link that delivers nothing is `up: false`.
   */
  delayMs: { min: 0, max: 3_600_000 },
  /** Captures record microseconds, so a finer delay could not show in one. */
  delayDecimals: { ms: 3, s: 6 },
  lossRate: { min: 0, max: 1 },
  /**
   * The bytes of frames a link's capture keeps, the newest (a ring): 64 KB holds a few IKE
   * exchanges; 1 GB is past what a lab on a 2-core machine should hold for every link. The
   * default, 32 MB, keeps an hour of a tunnel pinged every second many times over.
   */
  captureBytes: { min: 65_536, max: 1_073_741_824, default: 33_554_432 },
  /**
   * The characters a router's console transcript and its log keep each, the newest (a
   * terminal's scrollback): 64 KB holds a debugged exchange; the default, 8 MB, an hour of
   * `debug crypto isakmp` on a busy router.
   */
  consoleChars: { min: 65_536, max: 1_073_741_824, default: 8_388_608 },
  /**
   * One minute: a Diffie-Hellman step longer than the 60 s IKE gives an exchange can only time
   * every exchange out. The TED document's slow fred took 1500-2000 ms.
   */
  dhMs: { min: 0, max: 60_000 },
  /**
   * A c2600 keeps its startup configuration in 29,688 bytes of NVRAM; 64 KiB leaves room for a
   * compressed configuration's worth and comments, and keeps a load well under a second.
   */
  configBytes: 65_536,
  /** A lab of a few routers with inline configurations is a few KB; this stops a wrong file early. */
  topologyBytes: 1_048_576,
} as const;

/** The year of a c2600's unset clock (`show clock` says 1993 after every boot); 1993 had no Feb 29. */
export const CLOCK_YEAR = 1993;

/**
 * What in `topology` lies outside VALUE_RANGES, one message per value naming where it is; empty
 * when everything fits. A topology that came through the loader always fits.
 */
export function outOfRangeValues(topology: TopologySpec): string[] {
  const problems: string[] = [];
  const check = (where: string, value: number | undefined, range: { min: number; max: number }) => {
    if (value === undefined) return;
    if (!(Number.isFinite(value) && value >= range.min && value <= range.max)) {
      problems.push(messages.outOfRange(where, value, range.min, range.max));
    }
  };
  const seedProblem = seedRangeProblem(topology.seed);
  if (seedProblem !== undefined) problems.push(seedProblem);
  for (const router of topology.routers) {
    check(`routers.${router.name}.cpu.dh-ms`, router.cpu?.dhMs, VALUE_RANGES.dhMs);
    check(`routers.${router.name}.console (chars)`, router.consoleLimitChars, VALUE_RANGES.consoleChars);
  }
  for (const link of topology.links) {
    check(`links.${link.name}.delay (ms)`, link.delayMs, VALUE_RANGES.delayMs);
    check(`links.${link.name}.loss`, link.lossRate, VALUE_RANGES.lossRate);
    check(`links.${link.name}.capture (bytes)`, link.captureLimitBytes, VALUE_RANGES.captureBytes);
  }
  return problems;
}

/** Why `seed` cannot seed a lab, or undefined when it can. */
export function seedRangeProblem(seed: number): string | undefined {
  const { min, max } = VALUE_RANGES.seed;
  return Number.isSafeInteger(seed) && seed >= min && seed <= max ? undefined : messages.badSeed(seed);
}
