import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LabError } from '../errors.ts';
import { Lab, type LoadOptions } from '../lab.ts';
import { parseTopology } from './load-topology.ts';
import { formatTopologyError, type TopologySpec } from './topology-types.ts';
import { outOfRangeValues } from './value-ranges.ts';

const LAB = `
routers:
  R1:
    model: c2600
    clock: "*Mar  1 00:10:00"
    config: |
      hostname R1
      interface FastEthernet0/0
       ip address 10.0.0.1 255.255.255.0
hosts:
  pc: { address: 10.0.0.10/24, gateway: 10.0.0.1 }
peers:
  gw: { address: 10.0.0.2, bind: 10.0.0.1 }
links:
  lan: { ends: [R1 Fa0/0, pc, gw], delay: 2ms }
`;

function spec(text = LAB): TopologySpec {
  const result = parseTopology(text, 'lab.yaml', '/nowhere');
  if (!result.ok) return assert.fail(result.errors.map(formatTopologyError).join('\n'));
  return result.topology;
}

const errors = (text: string): string[] => {
  const result = parseTopology(text, 'lab.yaml', '/nowhere');
  return result.ok ? assert.fail('expected a refusal') : result.errors.map(formatTopologyError);
};

/** The Lab's constructor is private: a spec built by hand reaches it only this way, as a test must. */
const LabFromSpec = Lab as unknown as new (topology: TopologySpec, options: LoadOptions) => Lab;

test('a delay or a clock outside its range is refused at its value', () => {
  assert.deepEqual(errors(LAB.replace('delay: 2ms', 'delay: 3601s').replace('*Mar  1 00:10:00', 'Feb 29 00:10:00')), [
    'lab.yaml:5:12: clock "Feb 29 00:10:00": Feb 29 is not a date, that month has 28 days in 1993 (the year of a c2600\'s unset clock) (at routers.R1.clock)',
    'lab.yaml:15:43: delay "3601s" is longer than 3600s (one hour), the longest a link may take; a link that delivers nothing is "up: false" (at links.lan.delay)',
  ]);
});

test('a loaded topology is within every range; a spec built by hand may not be', () => {
  assert.deepEqual(outOfRangeValues(spec()), []);
  const [router] = spec().routers;
  const [link] = spec().links;
  const broken: TopologySpec = {
    ...spec(),
    seed: -1,
    routers: [{ ...router!, cpu: { dhMs: 1e300 } }],
    links: [{ ...link!, delayMs: Number.POSITIVE_INFINITY, lossRate: Number.NaN }],
  };
  assert.deepEqual(outOfRangeValues(broken), [
    'seed -1 is out of range: use a whole number from 0 to 9007199254740991 (2^53-1), e.g. 1',
    'routers.R1.cpu.dh-ms 1e+300 is out of range: use 0 to 60000',
    'links.lan.delay (ms) Infinity is out of range: use 0 to 3600000',
    'links.lan.loss NaN is out of range: use 0 to 1',
  ]);
});

test('the Lab refuses an out-of-range value with a LabError before the simulator sees it', () => {
  const [link] = spec().links;
  const broken: TopologySpec = { ...spec(), links: [{ ...link!, delayMs: Number.POSITIVE_INFINITY }] };
  assert.throws(() => new LabFromSpec(broken, {}), (error: unknown) => {
    assert.ok(error instanceof LabError, String(error));
    assert.equal(error.kind, 'topology');
    assert.equal(error.message, 'lab.yaml: links.lan.delay (ms) Infinity is out of range: use 0 to 3600000');
    return true;
  });
  for (const seed of [Number.NaN, -1, 0.5, 2 ** 53]) {
    assert.throws(() => Lab.fromYaml(LAB, { seed }), (error: unknown) => error instanceof LabError && error.kind === 'usage', String(seed));
  }
  assert.equal(Lab.fromYaml(LAB, { seed: Number.MAX_SAFE_INTEGER }).routerNames().length, 1);
});

test("a peer's bind that no router on its link owns is refused at the bind", () => {
  assert.throws(() => Lab.fromYaml(LAB.replace('bind: 10.0.0.1', 'bind: 10.0.0.9'), { file: 'lab.yaml' }), {
    name: 'LabError',
    message: 'lab.yaml:13:34: peer "gw" talks to 10.0.0.9, but no router interface on link "lan" has that address (at peers.gw.bind)',
  });
});
