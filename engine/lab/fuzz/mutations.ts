import type { SeededRandom } from '../../sim/random.ts';
import { BODY_MUTATORS } from './body-mutations.ts';
import { IPSEC_MUTATORS } from './ipsec-mutations.ts';
import { ISAKMP_MUTATORS } from './isakmp-mutations.ts';
import { OUTER_MUTATORS } from './outer-mutations.ts';
import type { Dissected } from './packet-layout.ts';
import { pick, type MutationInput, type Mutator } from './mutation-kit.ts';

/**
 * The seeded mutators over real captured IPv4 datagrams, and the one call that applies one of
 * them. Each has a name, and every mutation reports it with what exactly it did: a fuzz
 * failure can then be told as "isakmp-length (message length 76 -> 0) after MM3 (main)".
 */

export { dissect, type Dissected } from './packet-layout.ts';
export type { MutationInput, Mutator } from './mutation-kit.ts';

export const MUTATORS: readonly Mutator[] = [...BODY_MUTATORS, ...ISAKMP_MUTATORS, ...IPSEC_MUTATORS, ...OUTER_MUTATORS];
export const MUTATION_NAMES: readonly string[] = MUTATORS.map((mutator) => mutator.name);

export interface Mutation {
  name: string;
  detail: string;
  /** The datagrams to put on the link, in order (a duplication sends several). */
  datagrams: Uint8Array[];
  /** True: send them to the captured packet's sender, not to its receiver. */
  reflect: boolean;
}

/**
 * How often the next mutator is one not used yet in this episode (among those that apply)
 * instead of a weighted draw: a short run still tries every kind, and once all are used the
 * weights rule alone.
 */
const COVERAGE_SHARE = 0.08;
const NONE: ReadonlySet<string> = new Set();

export function applicableMutators(packet: Dissected): Mutator[] {
  return MUTATORS.filter((mutator) => mutator.applies(packet));
}

/**
 * One mutation of `input.packet`; `usage` counts the names used so far and is updated.
 * `excluded` names mutators not to use (to fuzz on past a known bug).
 */
export function mutate(input: MutationInput, usage?: Map<string, number>, excluded: ReadonlySet<string> = NONE): Mutation {
  const applicable = applicableMutators(input.packet).filter((mutator) => !excluded.has(mutator.name));
  if (applicable.length === 0) throw new RangeError(`no mutator applies to a ${input.packet.kind} packet`);
  // The outer breakers stay out of it: their weights alone keep them to a few percent.
  const unused = usage === undefined ? [] : applicable.filter((mutator) => !mutator.outer && !usage.has(mutator.name));
  const mutator = unused.length > 0 && input.random.float() < COVERAGE_SHARE
    ? pick(input.random, unused)
    : weighted(applicable, input.random);
  usage?.set(mutator.name, (usage.get(mutator.name) ?? 0) + 1);
  const output = mutator.apply(input);
  return { name: mutator.name, detail: output.detail, datagrams: output.datagrams, reflect: output.reflect ?? false };
}

/** Applies the named mutator, whatever the weights: for reproductions. */
export function mutateWith(name: string, input: MutationInput): Mutation {
  const mutator = MUTATORS.find((candidate) => candidate.name === name);
  if (mutator === undefined) throw new RangeError(`no mutator "${name}" (known: ${MUTATION_NAMES.join(', ')})`);
  if (!mutator.applies(input.packet)) throw new RangeError(`"${name}" does not apply to a ${input.packet.kind} packet`);
  const output = mutator.apply(input);
  return { name, detail: output.detail, datagrams: output.datagrams, reflect: output.reflect ?? false };
}

function weighted(mutators: readonly Mutator[], random: SeededRandom): Mutator {
  const total = mutators.reduce((sum, mutator) => sum + mutator.weight, 0);
  let point = random.float() * total;
  for (const mutator of mutators) {
    point -= mutator.weight;
    if (point < 0) return mutator;
  }
  return mutators[mutators.length - 1]!;
}
