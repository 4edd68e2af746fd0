import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FUZZ_CASES, loadCase } from './fuzz-cases.ts';
import { VARIANTS } from './fuzz-episode.ts';
import { checkOracle, checkQuiet } from './fuzz-oracle.ts';
import { formatFailure } from './fuzz-report.ts';
import { runFuzz, type FuzzReport } from './fuzz-run.ts';
import { MUTATORS } from './mutations.ts';

/**
 * The fuzz harness inside `npm test`: a short seeded run of every lab case in every variant
 * must pass the oracle, and must have reached what it claims to fuzz. The oracle itself is
 * shown to fail on labs that are broken on purpose: a check that cannot fail proves nothing.
 */

const SEED = 1;
const EPISODES = FUZZ_CASES.length * VARIANTS.length;

const short: FuzzReport = runFuzz({ seed: SEED, episodes: EPISODES });

test(`a seeded run of ${EPISODES} episodes (seed ${SEED}): no exception, the WAN goes quiet, the tunnel carries pings, a fresh negotiation succeeds`, () => {
  assert.equal(short.episodes, EPISODES);
  assert.deepEqual(short.failures.map(formatFailure), []);
});

test('the short run reached every exchange and phase, and used every mutation kind', () => {
  assert.ok(short.packetsTried > 1_000, `packets tried: ${short.packetsTried}`);
  const states = Object.keys(short.states);
  const expected = [
    /^after MM[1-6] \(main\)$/, /^after AM[1-3] \(aggressive\)$/, /^after QM[1-3] \(quick\)$/, /^after TED[12] \(TED\)$/,
    /^after ESP/, /^after AH/, /\(informational/, /^idle$/, /^after clear crypto (sa|isakmp)$/, /\(quick, after clear\)$/,
    /^before rekey$/, /\(quick, rekey\)$/,
  ];
  for (const pattern of expected) assert.ok(states.some((state) => pattern.test(state)), `a state like ${pattern} (hit: ${states.join(', ')})`);
  for (const step of ['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2', 'QM3', 'AM1', 'AM2', 'AM3', 'TED1', 'TED2']) {
    assert.ok(states.some((state) => state.startsWith(`after ${step} (`)), `after ${step}`);
  }
  const unused = Object.entries(short.mutations).filter(([, count]) => count === 0).map(([name]) => name);
  assert.deepEqual(unused, [], 'every mutation kind used');
  assert.deepEqual(Object.keys(short.mutations), MUTATORS.map((m) => m.name));
  assert.deepEqual(Object.values(short.cases), FUZZ_CASES.map(() => VARIANTS.length));
});

test('the same seed gives the same report, but for the wall-clock time', () => {
  const again = (): Omit<FuzzReport, 'wallMs'> => {
    const { wallMs: _, ...rest } = runFuzz({ seed: 5, only: [3, 6] });
    return rest;
  };
  const first = again();
  assert.ok(first.packetsTried > 0);
  assert.deepEqual(again(), first);
  const { wallMs: _, ...other } = runFuzz({ seed: 6, only: [3, 6] });
  assert.notDeepEqual(other, first);
});

test('the oracle fails when a router has lost its crypto map: no tunnel, no fresh negotiation', () => {
  const fuzzCase = FUZZ_CASES[0]!;
  const lab = loadCase(fuzzCase, SEED);
  lab.ping(fuzzCase.hosts[0], fuzzCase.hosts[1]);
  lab.configure('R2', ['interface FastEthernet0/0', 'no crypto map vpn']);
  const problems = checkOracle(lab, fuzzCase);
  assert.ok(problems.some((p) => p.startsWith('the tunnel does not carry pings')), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('a fresh negotiation fails')), problems.join('\n'));
});

test('the oracle fails when the WAN does not go quiet', () => {
  const fuzzCase = FUZZ_CASES[0]!;
  const lab = loadCase(fuzzCase, SEED);
  lab.ping(fuzzCase.hosts[0], fuzzCase.hosts[1]);
  // Something on R1 that keeps talking ISAKMP every ten minutes.
  const chatter = (): void => {
    lab.sendUdp('R1', '192.168.12.2', { sourcePort: 500, destinationPort: 500, payload: new Uint8Array(28) });
    lab.sim.schedule(600_000, chatter);
  };
  chatter();
  assert.match(checkQuiet(lab) ?? '', /^the WAN is not quiet: 3 ISAKMP datagrams/);
});

test('the report names a failure and how to reproduce it', () => {
  const text = formatFailure({
    seed: 3, episode: 17, caseName: 'TED', variant: 'rekey', labSeed: 42, problems: ['the WAN is not quiet: ...'],
    lastInjections: [{ timeMs: 15, state: 'after MM1 (main)', mutation: 'reflect', detail: 'addresses swapped', source: 'Daphne -> fred isakmp 2 @15ms' }],
  });
  assert.match(text, /seed 3 episode 17 \(TED, rekey/);
  assert.match(text, /after MM1 \(main\): reflect/);
  assert.match(text, /npm run fuzz -- --seed 3 --episode 17/);
});

test('an exception inside an episode is a failure with its seed and episode, not a crash of the run', () => {
  const report = runFuzz({ seed: 2, only: [1], excluded: MUTATORS.map((m) => m.name) });
  assert.equal(report.failures.length, 1);
  const [failure] = report.failures;
  assert.equal(failure!.seed, 2);
  assert.equal(failure!.episode, 1);
  assert.match(failure!.problems[0]!, /^exception: RangeError: no mutator applies/);
});
