/**
 * Property: whatever value a topology holds where a value belongs, the loader refuses it with
 * a located topology or config error, or the lab loads and a ping from pc1 to pc2 ends in
 * bounded virtual time. Never an engine error. The topologies are the static-tunnel example
 * with one or two values replaced (topology-value-candidates.ts), drawn from a seeded stream so
 * that a failure names a case that reproduces.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SeededRandom } from '../../sim/random.ts';
import { LabError } from '../errors.ts';
import { Lab } from '../lab.ts';
import * as pool from './testing/topology-value-candidates.ts';
import type { Candidate, Verdict } from './testing/topology-value-candidates.ts';

const FILE = 'values.yaml';
const EXAMPLE = readFileSync(new URL('../../../scenarios/examples/static-tunnel/topology.yaml', import.meta.url), 'utf8');
/** Every echo timed out and then some (Lab.ping's own limit); a longer ping is an engine bug. */
const LONGEST_PING_MS = 5 * 2001 + 10_000;
const RANDOM_CASES = 120;

type Slot = 'seed' | 'clock' | 'dhMs' | 'configLine' | 'router' | 'host' | 'address' | 'gateway' | 'delay' | 'loss' | 'up'
  | 'capture' | 'link' | 'peer' | 'peerAddress' | 'bind' | 'wics' | 'console';
type Values = Partial<Record<Slot, string>>;

/** The example's own values in each slot (names as raw text, placed into keys and ends below). */
const DEFAULTS: Record<Slot, string> = {
  seed: '1', clock: '"*Mar  1 00:00:00.000"', dhMs: '185', configLine: '!', router: 'R1', host: 'pc1', address: '10.1.1.10/24',
  gateway: '10.1.1.1', delay: '1ms', loss: '0', up: 'true', capture: 'true', link: 'wan', peer: 'gw', peerAddress: '10.1.1.99', bind: '10.1.1.1',
  wics: '[]', console: '8MB',
};

/** The static-tunnel example with a slot at each value, plus a clock, a CPU, link options and a real peer on pc1's LAN. */
function topologyText(values: Values): string {
  const v = { ...DEFAULTS, ...values };
  const name = (raw: string, suffix = ''): string => pool.quote(`${unquote(raw)}${suffix}`);
  return [
    ['seed: 1', `seed: ${v.seed}`],
    ['  R1:\n    model: c2600\n', `  ${name(v.router)}:\n    model: c2600\n    clock: ${v.clock}\n    cpu: { dh-ms: ${v.dhMs} }\n    wics: ${v.wics}\n    console: ${v.console}\n`],
    ['      hostname R1\n', `      hostname R1\n      ${v.configLine}\n`],
    ['  pc1: { address: 10.1.1.10/24, gateway: 10.1.1.1 }', `  ${name(v.host)}: { address: ${v.address}, gateway: ${v.gateway} }`],
    ['links:\n', `peers:\n  ${name(v.peer)}: { address: ${v.peerAddress}, bind: ${v.bind} }\nlinks:\n`],
    ['  wan: [R1 Fa0/0, R2 Fa0/0]', `  ${name(v.link)}: { ends: [${name(v.router, ' Fa0/0')}, R2 Fa0/0], delay: ${v.delay}, loss: ${v.loss}, up: ${v.up}, capture: ${v.capture} }`],
    ['  lan1: [R1 Fa0/1, pc1]', `  lan1: [${name(v.router, ' Fa0/1')}, ${name(v.host)}, ${name(v.peer)}]`],
  ].reduce((text, [from, to]) => {
    assert.ok(text.includes(from!), `the example no longer has ${JSON.stringify(from)}`);
    return text.replace(from!, () => to!);
  }, EXAMPLE);
}

/** A name slot holds either a plain name or a quoted one (candidates are YAML). */
function unquote(raw: string): string {
  return raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
}

/** The candidates each slot draws from; names and config lines take only texts, every other slot wrong types too. */
const CANDIDATES: Record<Slot, readonly Candidate[]> = {
  seed: pool.SEEDS, clock: pool.CLOCKS, dhMs: pool.DH_MS, configLine: pool.CONFIG_LINES, router: pool.NAMES, host: pool.NAMES,
  address: pool.HOST_ADDRESSES, gateway: pool.GATEWAYS, delay: pool.DELAYS, loss: pool.LOSSES, up: pool.BOOLEANS,
  capture: pool.CAPTURES, link: pool.LINK_NAMES, peer: pool.NAMES, peerAddress: pool.PEER_ADDRESSES, bind: pool.PEER_BINDS,
  wics: pool.WICS, console: pool.SIZES,
};
const SLOTS = Object.keys(CANDIDATES) as Slot[];
const TEXT_ONLY_SLOTS: ReadonlySet<Slot> = new Set(['router', 'host', 'link', 'peer', 'configLine']);

type Outcome = { readonly kind: 'refused'; readonly message: string } | { readonly kind: 'loads'; readonly marks: string };

/** Loads the topology and pings; fails the test on anything but a located refusal or a finished ping. */
function outcomeOf(values: Values): Outcome {
  const text = topologyText(values);
  let lab: Lab;
  try {
    lab = Lab.fromYaml(text, { file: FILE, baseDir: '/nowhere' });
  } catch (error) {
    assertLocatedRefusal(error, values);
    return { kind: 'refused', message: (error as LabError).message };
  }
  const host = unquote(values.host ?? DEFAULTS.host);
  const started = lab.sim.now();
  const { marks } = lab.ping(host, 'pc2');
  assert.ok(lab.sim.now() - started <= LONGEST_PING_MS, `${describe(values)}: the ping took ${lab.sim.now() - started} ms`);
  assert.match(marks, /^\S{5}$/, describe(values));
  return { kind: 'loads', marks };
}

function assertLocatedRefusal(error: unknown, values: Values): void {
  // `unsupported`: a line of the 12.2 vocabulary the lab does not model (`no ip routing`), refused where it stands.
  if (!(error instanceof LabError) || !['topology', 'config', 'unsupported'].includes(error.kind)) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    assert.fail(`${describe(values)}: not a topology error but\n${detail}`);
  }
  assert.match(error.message, /^values\.yaml:[1-9]\d*:[1-9]\d*: \S/, `${describe(values)}: the refusal is not located:\n${error.message}`);
  assert.doesNotMatch(error.message, /internal error/, describe(values));
}

function describe(values: Values): string {
  const shown = Object.entries(values).map(([slot, yaml]) => `${slot}: ${yaml.length > 80 ? `${yaml.slice(0, 80)}...` : yaml}`);
  return `{ ${shown.join(', ')} }`;
}

function verdictProblem(verdict: Verdict, outcome: Outcome, values: Values): string | undefined {
  if (verdict === '?' || verdict === outcome.kind) return undefined;
  const detail = outcome.kind === 'refused' ? outcome.message : `loaded, ping ${outcome.marks}`;
  return `${describe(values)} should be ${verdict === 'loads' ? 'loaded' : 'refused'}, but it was: ${detail}`;
}

test('the example with its slots filled by its own values loads and the tunnel carries the ping', () => {
  const outcome = outcomeOf({});
  assert.deepEqual(outcome, { kind: 'loads', marks: '.!!!!' });
});

test('every listed candidate alone: refused with a location, or the lab loads and pings, as its verdict says', () => {
  const wrong: string[] = [];
  for (const [index, slot] of SLOTS.entries()) {
    // One wrong type and one strange text per slot, a different one each, keep the run short.
    const misfits = TEXT_ONLY_SLOTS.has(slot) ? [] : [pool.WRONG_TYPES, pool.STRANGE_TEXTS].map((list) => list[index % list.length]!);
    for (const candidate of [...CANDIDATES[slot], ...misfits]) {
      const values = { [slot]: candidate.yaml };
      const problem = verdictProblem(candidate.verdict, outcomeOf(values), values);
      if (problem !== undefined) wrong.push(problem);
    }
  }
  assert.deepEqual(wrong, []);
});

test('random values in one or two slots: refused with a location, or the lab loads and pings', () => {
  const random = new SeededRandom('topology-values');
  for (let index = 0; index < RANDOM_CASES; index++) {
    const values: Values = {};
    for (let count = random.int(1, 2); count > 0; count--) {
      const slot = SLOTS[random.int(0, SLOTS.length - 1)]!;
      values[slot] = randomCandidate(random, slot).yaml;
    }
    outcomeOf(values);
  }
});

/** Random values of the slot's kind, where there is a generator for them. */
const RANDOM_OF_KIND: Partial<Record<Slot, (random: SeededRandom) => Candidate>> = {
  seed: pool.RANDOM_VALUES.seed, dhMs: pool.RANDOM_VALUES.dhMs, delay: pool.RANDOM_VALUES.delay, loss: pool.RANDOM_VALUES.loss,
  clock: pool.RANDOM_VALUES.clock, address: pool.RANDOM_VALUES.address, gateway: pool.RANDOM_VALUES.station,
  peerAddress: pool.RANDOM_VALUES.station, bind: pool.RANDOM_VALUES.station,
};

/** A listed candidate, a random value of the right kind, a wrong type or strange text, or a random number or text. */
function randomCandidate(random: SeededRandom, slot: Slot): Candidate {
  const roll = random.float();
  const listed = CANDIDATES[slot];
  const ofKind = RANDOM_OF_KIND[slot];
  if (roll < 0.3) return listed[random.int(0, listed.length - 1)]!;
  if (roll < 0.7 && ofKind !== undefined) return ofKind(random);
  if (roll < 0.85 && !TEXT_ONLY_SLOTS.has(slot)) return pick(random, [...pool.WRONG_TYPES, ...pool.STRANGE_TEXTS]);
  // A config line goes into the literal block as it is, not quoted.
  if (slot === 'configLine') return { yaml: unquote(pool.randomText(random, 'abcdefghijklmnopqrstuvwxyz 0123456789./-').yaml), verdict: '?' };
  if (TEXT_ONLY_SLOTS.has(slot)) return pool.randomText(random, 'Rr1-_.');
  return random.float() < 0.5 ? pool.randomNumber(random, NUMBER_BOUNDS) : pool.randomText(random, '0123456789.:/%ms *MarFeb-e');
}

const NUMBER_BOUNDS = [0, 1, 60_000, 3_600_000, Number.MAX_SAFE_INTEGER, 2 ** 32, 255, 32];

function pick<T>(random: SeededRandom, items: readonly T[]): T {
  return items[random.int(0, items.length - 1)]!;
}
