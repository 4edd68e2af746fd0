import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parseTopology } from './load-topology.ts';
import { TOPOLOGY_SCHEMA_FILE } from './schema-check.ts';
import { compileTopologySchema, GENERATED_VALIDATOR_FILE, generatedValidatorSource } from './schema-validator-main.ts';
import { formatTopologyError, type TopologyError } from './topology-types.ts';
import { VALUE_RANGES } from './value-ranges.ts';

function errors(text: string): TopologyError[] {
  const result = parseTopology(text, 'lab.yaml', '/nowhere');
  if (result.ok) return assert.fail('expected the schema to reject the topology');
  return [...result.errors];
}

const messages = (text: string): string[] => errors(text).map(formatTopologyError);

test('the published schema is valid draft-07 and compiles under strict ajv', () => {
  const schema = JSON.parse(readFileSync(TOPOLOGY_SCHEMA_FILE, 'utf8')) as { $schema: string };
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  const ajv = new Ajv({ strict: false });
  assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
  assert.equal(typeof compileTopologySchema(), 'function');
});

test('the validator compiled ahead of time is the schema as it is now (npm run schema-validator)', () => {
  assert.equal(readFileSync(GENERATED_VALIDATOR_FILE, 'utf8'), generatedValidatorSource());
});

test('a broken schema file is a returned error, not an exception', () => {
  const result = compileTopologySchema('/nowhere/topology.schema.json');
  assert.ok(result instanceof Error);
});

test('an unknown top-level key points at the key itself', () => {
  assert.deepEqual(errors('seed: 1\nrouters: {}\nswitches: 3\n'), [
    { file: 'lab.yaml', line: 3, column: 1, path: 'switches', message: 'unknown key "switches"; expected one of: seed, routers, hosts, peers, links' },
  ]);
});

test('an unknown key in a flow map points at the key, not at the map', () => {
  assert.deepEqual(messages('routers:\n  R1: { model: c2600, confg: r1.cfg, config: r1.cfg }\n'), [
    'lab.yaml:2:23: unknown key "confg"; expected one of: model, config, clock, console, wics, cpu (at routers.R1.confg)',
  ]);
});

test('a missing required key points at the map that lacks it', () => {
  assert.deepEqual(messages('routers:\n  R1:\n    model: c2600\n  R2: { config: r2.cfg }\n'), [
    'lab.yaml:3:5: missing required key "config" (at routers.R1)',
    'lab.yaml:4:7: missing required key "model" (at routers.R2)',
  ]);
  assert.deepEqual(messages('# a lab\nseed: 3\n'), ['lab.yaml:2:1: missing required key "routers"']);
});

test('an empty value points at its key', () => {
  assert.deepEqual(messages('routers:\n  R1:\n'), ['lab.yaml:2:3: expected a map (key: value), got nothing (at routers.R1)']);
});

test('wrong types, unknown models and out-of-range numbers point at the value', () => {
  const text = [
    'seed: "7"',
    'routers:',
    '  R1: { model: c3640, config: 12 }',
    'hosts:',
    '  pc: { address: 10.0.0.1/24 }',
    'links:',
    '  a: { ends: [R1 Fa0/0, pc], loss: 1.5, up: yes }',
    '',
  ].join('\n');
  assert.deepEqual(messages(text), [
    'lab.yaml:1:7: expected a whole number, got the text "7" (at seed)',
    'lab.yaml:3:16: unknown model "c3640"; expected one of: c2600 (at routers.R1.model)',
    'lab.yaml:3:31: expected a text, got the number 12 (at routers.R1.config)',
    'lab.yaml:7:36: loss must be a percentage like 5% or a fraction from 0 to 1 like 0.05 (at links.a.loss)',
    'lab.yaml:7:45: expected true or false, got the text "yes" (at links.a.up)',
  ]);
});

test('names that break the naming rules point at the name', () => {
  const text = 'routers:\n  2600-a: { model: c2600, config: x.cfg }\nhosts:\n  pc_1: { address: 10.0.0.1/24 }\nlinks:\n  "my link": [x, y]\n';
  assert.deepEqual(messages(text), [
    'lab.yaml:2:3: router name "2600-a" is not a valid IOS hostname (a letter first, a letter or digit last, letters, digits and hyphens between, at most 63 characters), e.g. R1 or branch-2 (at routers.2600-a)',
    'lab.yaml:4:3: host name "pc_1" is not valid (a letter first, a letter or digit last, letters, digits and hyphens between, at most 63 characters), e.g. pc1 or pc-daphne (at hosts.pc_1)',
    'lab.yaml:6:3: link name "my link" is not valid (letters, digits, \'.\', \'_\' and \'-\', starting with a letter or digit) (at links.my link)',
  ]);
});

test('value syntax comes from the schema patterns, with editor-friendly messages', () => {
  const text = [
    'routers:',
    '  R1: { model: c2600, config: x.cfg, clock: "Mar  1 24:00:00" }',
    'hosts:',
    '  pc: { address: 10.0.0.1, gateway: 10.0.0.1/24 }',
    'links:',
    '  a: { ends: [R1 Fa0/0, pc], delay: 5 min, loss: 101% }',
    '  b: [R1 Fa0/1]',
    '  c: ["", pc]',
    '',
  ].join('\n');
  assert.deepEqual(messages(text), [
    'lab.yaml:2:45: clock "Mar  1 24:00:00" is not an IOS clock: write it like "*Mar  1 02:07:30.000" or "02:07:30.000" (at routers.R1.clock)',
    'lab.yaml:4:18: address "10.0.0.1" is not ADDRESS/LENGTH, e.g. 13.13.13.14/24 (at hosts.pc.address)',
    'lab.yaml:4:37: gateway "10.0.0.1/24" is not an IPv4 address, e.g. 13.13.13.13 (at hosts.pc.gateway)',
    'lab.yaml:6:37: delay "5 min" is not a duration: write it like 1ms, 0.5ms or 2s (at links.a.delay)',
    'lab.yaml:6:50: loss "101%" is not a percentage from 0% to 100% (at links.a.loss)',
    'lab.yaml:7:6: a link needs a list of at least two ends, e.g. [Daphne FastEthernet0/0, fred FastEthernet0/0] (at links.b)',
    'lab.yaml:8:7: a link end is "ROUTER INTERFACE" or a host name, not an empty text (at links.c[0])',
  ]);
});

test('schema errors stop the load before the semantic checks run', () => {
  // The unknown router "ghost" would be a semantic error; only the shape error is reported.
  assert.deepEqual(messages('routers: {}\nlinks:\n  a: { ends: [ghost Fa0/0, x], colour: red }\n'), [
    'lab.yaml:3:32: unknown key "colour"; expected one of: ends, delay, loss, up, capture (at links.a.colour)',
  ]);
});

test('IOS hostnames end with a letter or digit and have at most 63 characters', () => {
  const longest = `R${'1'.repeat(62)}`;
  const text = `routers:\n  ${longest}: { model: c2600, config: "" }\n  edge-: { model: c2600, config: "" }\n  ${longest}2: { model: c2600, config: "" }\n`;
  assert.deepEqual(errors(text).map((error) => [error.line, error.path.slice(0, 20)]), [
    [3, 'routers.edge-'],
    [4, `routers.${longest.slice(0, 12)}`],
  ]);
});

test('numbers out of range name the value and the whole range', () => {
  const text = [
    'seed: 9007199254740992',
    'routers:',
    '  R1: { model: c2600, config: "", cpu: { dh-ms: 1e300 } }',
    '  R2: { model: c2600, config: "", cpu: { dh-ms: -0.5 } }',
    '  R3: { model: c2600, config: "", cpu: { dh-ms: .inf } }',
    '',
  ].join('\n');
  assert.deepEqual(messages(text), [
    'lab.yaml:1:7: seed 9007199254740992 is out of range: use 0 to 9007199254740991 (at seed)',
    'lab.yaml:3:49: dh-ms 1e+300 is out of range: use 0 to 60000 (at routers.R1.cpu.dh-ms)',
    'lab.yaml:4:49: dh-ms -0.5 is out of range: use 0 to 60000 (at routers.R2.cpu.dh-ms)',
    'lab.yaml:5:49: expected a number, got .inf (infinity) (at routers.R3.cpu.dh-ms)',
  ]);
});

test('the schema states the ranges the engine enforces', () => {
  const schema = JSON.parse(readFileSync(TOPOLOGY_SCHEMA_FILE, 'utf8')) as {
    properties: { seed: { minimum: number; maximum: number } };
    definitions: { router: { properties: { cpu: { properties: { 'dh-ms': { minimum: number; maximum: number } } } } } };
  };
  const { seed } = schema.properties;
  const dhMs = schema.definitions.router.properties.cpu.properties['dh-ms'];
  assert.deepEqual([seed.minimum, seed.maximum], [VALUE_RANGES.seed.min, VALUE_RANGES.seed.max]);
  assert.deepEqual([dhMs.minimum, dhMs.maximum], [VALUE_RANGES.dhMs.min, VALUE_RANGES.dhMs.max]);
});
