import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIpv4 } from '../../wire/ipv4-address.ts';
import {
  configLineLocation,
  formatTopologyError,
  loadTopologyFile,
  parseTopology,
  type TopologyResult,
  type TopologySpec,
} from './index.ts';

const SCENARIOS = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const scenario = (relative: string): string => path.join(SCENARIOS, relative);

function loaded(result: TopologyResult): TopologySpec {
  if (!result.ok) assert.fail(`expected a clean load, got:\n${result.errors.map(formatTopologyError).join('\n')}`);
  return result.topology;
}

function errorsOf(result: TopologyResult): string[] {
  if (result.ok) return assert.fail('expected the topology to be rejected');
  return result.errors.map(formatTopologyError);
}

test('the ted-doc lab loads clean with both reference configurations', () => {
  const file = scenario('ted-doc/topology.yaml');
  const topology = loaded(loadTopologyFile(file));
  assert.equal(topology.seed, 1);
  assert.equal(topology.dir, path.dirname(file));
  assert.deepEqual(
    topology.routers.map((router) => [router.name, router.model, router.clock]),
    [
      ['Daphne', 'c2600', undefined],
      ['fred', 'c2600', undefined],
    ],
  );
  for (const [router, reference] of [
    [topology.routers[0]!, 'daphne'],
    [topology.routers[1]!, 'fred'],
  ] as const) {
    const shown = readFileSync(scenario(`ted-doc/reference/${reference}.running-config.txt`), 'utf8');
    assert.equal(router.config.text, shown.split('\n').slice(4).join('\n'));
    assert.ok(router.config.text.startsWith('!\nversion 12.2\n') && router.config.text.endsWith('end\n'));
    assert.deepEqual(configLineLocation(router, 10), { file: scenario(`ted-doc/${reference}.cfg`), line: 10, column: 1 });
  }
  assert.deepEqual(
    topology.hosts.map((host) => [host.name, formatIpv4(host.address), host.prefixLength, formatIpv4(host.mask), formatIpv4(host.gateway!)]),
    [
      ['pc-daphne', '13.13.13.14', 24, '255.255.255.0', '13.13.13.13'],
      ['pc-fred', '12.12.12.13', 24, '255.255.255.0', '12.12.12.12'],
    ],
  );
  const link = (name: string, ...ends: unknown[]) => ({ name, ends, delayMs: 1, lossRate: 0, up: true, capture: true });
  assert.deepEqual(topology.links, [
    link('wan', { kind: 'router', router: 'Daphne', interface: 'FastEthernet0/0' }, { kind: 'router', router: 'fred', interface: 'FastEthernet0/0' }),
    link('lan1', { kind: 'router', router: 'Daphne', interface: 'FastEthernet0/1' }, { kind: 'host', host: 'pc-daphne' }),
    link('lan2', { kind: 'router', router: 'fred', interface: 'FastEthernet0/1' }, { kind: 'host', host: 'pc-fred' }),
  ]);
});

test('the two-routers example: inline configs placed line by line in the YAML, abbreviations expanded', () => {
  const file = scenario('examples/two-routers/topology.yaml');
  const topology = loaded(loadTopologyFile(file));
  const [r1, r2] = topology.routers;
  assert.equal(r2!.clock, '*Mar  1 00:10:00.000');
  assert.deepEqual(configLineLocation(r1!, 1), { file, line: 9, column: 7 });
  assert.deepEqual(configLineLocation(r1!, 4), { file, line: 12, column: 7 });
  assert.deepEqual(configLineLocation(r2!, 9), { file, line: 33, column: 7 });
  // Every config line really is where the location says.
  const source = readFileSync(file, 'utf8').split('\n');
  for (const router of topology.routers) {
    router.config.text.trimEnd().split('\n').forEach((line, index) => {
      const at = configLineLocation(router, index + 1);
      assert.equal(source[at.line - 1]!.slice(at.column - 1), line);
    });
  }
  assert.deepEqual(topology.links[0], {
    name: 'wan',
    ends: [
      { kind: 'router', router: 'R1', interface: 'FastEthernet0/0' },
      { kind: 'router', router: 'R2', interface: 'FastEthernet0/0' },
    ],
    delayMs: 2,
    lossRate: 0,
    up: true,
    capture: true,
  });
});

const broken = (name: string): string => scenario(`examples/broken/${name}.yaml`);

test('broken example: a misspelt key points at the key, the missing key at its map', () => {
  const file = broken('bad-key');
  assert.deepEqual(errorsOf(loadTopologyFile(file)), [
    `${file}:6:5: missing required key "address" (at hosts.pc1)`,
    `${file}:6:5: unknown key "adress"; expected one of: address, gateway (at hosts.pc1.adress)`,
  ]);
});

test('broken example: a bad octet and a gateway outside the subnet point at their scalars', () => {
  const file = broken('bad-address');
  assert.deepEqual(errorsOf(loadTopologyFile(file)), [
    `${file}:5:19: "10.1.1.300" is not an IPv4 address (four numbers 0-255) (at hosts.pc1.address)`,
    `${file}:6:42: gateway 10.2.3.1 is not in the host's subnet 10.2.2.0/24 (at hosts.pc2.gateway)`,
  ]);
});

test('broken example: unknown interface, unknown router and double cabling point at each end', () => {
  const file = broken('unknown-interface');
  assert.deepEqual(errorsOf(loadTopologyFile(file)), [
    `${file}:8:29: unknown interface "FastEthernet0/2" on router "R2"; a c2600 has FastEthernet0/0, FastEthernet0/1 (at links.wan[1])`,
    `${file}:9:10: unknown router "r1"; the routers are: R1, R2 (at links.lan1[0])`,
    `${file}:10:10: interface FastEthernet0/0 of router "R1" is already on link "wan" (at links.lan2[0])`,
    `${file}:10:20: host "pc1" is already on link "lan1" (at links.lan2[1])`,
  ]);
});

test('broken example: a YAML syntax error gets file:line:col', () => {
  const file = broken('yaml-syntax');
  assert.deepEqual(errorsOf(loadTopologyFile(file)), [
    `${file}:7:3: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]`,
  ]);
});

test('broken example: a missing config file points at the config value', () => {
  const file = broken('missing-config');
  const missing = path.join(path.dirname(file), 'no-such-file.cfg');
  assert.deepEqual(errorsOf(loadTopologyFile(file)), [
    `${file}:3:31: cannot read config file "no-such-file.cfg" (${missing}): no such file (at routers.R1.config)`,
  ]);
});

test('an unreadable topology file is reported against the whole file', () => {
  const file = scenario('examples/no-such-topology.yaml');
  const result = loadTopologyFile(file);
  assert.deepEqual(result, {
    ok: false,
    errors: [{ file, line: 0, column: 0, path: '', message: 'cannot read the topology file: no such file' }],
  });
  assert.equal(errorsOf(result)[0], `${file}: cannot read the topology file: no such file`);
});

const parse = (text: string) => errorsOf(parseTopology(text, 'lab.yaml', '/nowhere'));
const ROUTER = '{ model: c2600, config: "hostname X\\n" }';

test('duplicate names across routers and hosts point at the second key', () => {
  const text = `routers:\n  Edge: ${ROUTER}\nhosts:\n  edge: { address: 10.0.0.1/24 }\n`;
  assert.deepEqual(parse(text), [
    'lab.yaml:4:3: host name "edge" is already used by router "Edge" (names are compared without case) (at hosts.edge)',
  ]);
});

test('a duplicate key inside one map is a YAML error at the repeated key', () => {
  assert.deepEqual(parse(`routers:\n  R1: ${ROUTER}\n  R1: ${ROUTER}\n`), ['lab.yaml:3:3: YAML syntax error: Map keys must be unique']);
});

test('host address problems: prefix length, network address, own gateway, shared address', () => {
  const text = [
    'routers: {}',
    'hosts:',
    '  a: { address: 10.0.0.1/33 }',
    '  b: { address: 10.0.0.0/24 }',
    '  c: { address: 10.0.0.5/24, gateway: 10.0.0.5 }',
    '  d: { address: 10.0.0.5/24, gateway: 10.0.0.255 }',
    '',
  ].join('\n');
  assert.deepEqual(parse(text), [
    'lab.yaml:3:17: prefix length /33 is out of range: use /0 to /32 (at hosts.a.address)',
    'lab.yaml:4:17: 10.0.0.0 is the network address of 10.0.0.0/24, not an address inside it (at hosts.b.address)',
    'lab.yaml:5:39: gateway 10.0.0.5 is the host\'s own address (at hosts.c.gateway)',
    'lab.yaml:6:17: address 10.0.0.5 is already used by host "c" (at hosts.d.address)',
    'lab.yaml:6:39: 10.0.0.255 is the broadcast address of 10.0.0.0/24, not an address inside it (at hosts.d.gateway)',
  ]);
});

test('link ends that name a router without interface, a host with one, or nothing known', () => {
  const text = `routers:\n  R1: ${ROUTER}\nhosts:\n  h1: { address: 10.0.0.1/24 }\nlinks:\n  a: [R1, h1 Fa0/0]\n  b:\n    - ghost\n    - R1 Serial0/0\n`;
  assert.deepEqual(parse(text), [
    'lab.yaml:6:7: router "R1" needs an interface, e.g. "R1 FastEthernet0/0" (at links.a[0])',
    'lab.yaml:6:11: host "h1" has a single interface: name the host alone, or put it on a VLAN of the link with "h1 vlan 10" (at links.a[1])',
    'lab.yaml:8:7: "ghost" is neither a router, a host nor a peer of this topology (at links.b[0])',
    'lab.yaml:9:7: unknown interface "Serial0/0" on router "R1"; a c2600 has FastEthernet0/0, FastEthernet0/1 (its Serial ports come with WAN interface cards: e.g. "wics: [WIC-2T]" gives Serial0/0 and Serial0/1) (at links.b[1])',
  ]);
});

test('link options are normalised and defaults applied', () => {
  const text = [
    'seed: 42',
    'routers:',
    `  R1: ${ROUTER}`,
    'hosts:',
    '  h1: { address: 10.0.0.1/24 }',
    '  h2: { address: 10.0.1.1/24 }',
    'links:',
    '  lan: { ends: [R1 fastethernet 0/1, h1], delay: 0.5ms, loss: 5%, up: false, capture: false }',
    '  wan: { ends: [R1 f0/0, h2], loss: 0.25 }',
    '',
  ].join('\n');
  const topology = loaded(parseTopology(text, 'lab.yaml', '/nowhere'));
  assert.equal(topology.seed, 42);
  assert.deepEqual(
    topology.links.map((link) => [link.name, link.ends.length, link.delayMs, link.lossRate, link.up, link.capture]),
    [
      ['lan', 2, 0.5, 0.05, false, false],
      ['wan', 2, 1, 0.25, true, true],
    ],
  );
  assert.deepEqual(topology.links[0]!.ends[0], { kind: 'router', router: 'R1', interface: 'FastEthernet0/1' });
});

test('the same interface twice on one link is cabled twice', () => {
  const text = `routers:\n  R1: ${ROUTER}\nlinks:\n  wan: { ends: [R1 f0/0, R1 FastEthernet0/0] }\n`;
  assert.deepEqual(parse(text), [
    'lab.yaml:4:26: interface FastEthernet0/0 of router "R1" is already on link "wan" (at links.wan.ends[1])',
  ]);
});

test('clock and cpu pass through, the clock in canonical IOS form', () => {
  const text = 'routers:\n  fred: { model: c2600, config: "", clock: "2:07:30.5", cpu: { dh-ms: 185 } }\n';
  const [fred] = loaded(parseTopology(text, 'lab.yaml', '/nowhere')).routers;
  assert.equal(fred!.clock, '*Mar  1 02:07:30.500');
  assert.deepEqual(fred!.cpu, { dhMs: 185 });
  assert.equal(fred!.config.text, '');
});

test('nothing a caller can pass makes it throw', () => {
  const inputs = ['', 'just text', '[1, 2', '- a\n- b\n', 'routers: {}\n---\nrouters: {}\n', '\u0000\u0001', 'routers:\n\tR1: {}\n'];
  for (const text of inputs) {
    const result = parseTopology(text, 'lab.yaml', '/nowhere');
    assert.equal(result.ok, false, JSON.stringify(text));
    if (!result.ok) for (const error of result.errors) assert.ok(error.line >= 1 && error.column >= 1, JSON.stringify(error));
  }
  assert.deepEqual(parse('routers: {}\n---\nrouters: {}\n'), [
    'lab.yaml:2:1: YAML syntax error: a topology file holds one YAML document; remove the second "---"',
  ]);
  assert.deepEqual(parse('a: &a [x, x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n'), [
    'lab.yaml:1:1: the YAML cannot be expanded: Excessive alias count indicates a resource exhaustion attack',
  ]);
});

test('an error inside an aliased value points at the alias, where the value is used', () => {
  const text = 'routers: {}\nhosts:\n  a: &twin { address: 10.0.0.1/24 }\n  b: *twin\n';
  assert.deepEqual(parse(text), ['lab.yaml:4:6: address 10.0.0.1 is already used by host "a" (at hosts.b.address)']);
});

const WIC_ROUTER = '{ model: c2600, config: "", wics: [WIC-2T, WIC-1T] }';

test('wics give a router Serial ports; two of them make a serial link, first end the DCE', () => {
  const text = `routers:\n  R1: ${WIC_ROUTER}\n  R2: { model: c2600, config: "", wics: [empty, WIC-1T] }\nlinks:\n  line: [R1 s0/2, R2 Serial0/0]\n  lan: [R1 Fa0/0, R2 Fa0/0]\n`;
  const topology = loaded(parseTopology(text, 'lab.yaml', '/nowhere'));
  assert.deepEqual(topology.routers.map((router) => router.wics), [['WIC-2T', 'WIC-1T'], [undefined, 'WIC-1T']]);
  assert.deepEqual(topology.links.map((link) => [link.name, link.medium ?? 'ethernet']), [['line', 'serial'], ['lan', 'ethernet']]);
  assert.deepEqual(topology.links[0]!.ends[0], { kind: 'router', router: 'R1', interface: 'Serial0/2' });
});

test('a Serial port shares its link with nothing but one other Serial port', () => {
  const text = [
    'routers:', `  R1: ${WIC_ROUTER}`, `  R2: ${WIC_ROUTER}`, 'hosts:', '  h1: { address: 10.0.0.1/24 }',
    'links:', '  mixed: [R1 Fa0/0, R2 Serial0/0]', '  three: [R1 Serial0/0, R2 Serial0/1, R1 Serial0/1]', '  host: [R2 Serial0/2, h1]', '',
  ].join('\n');
  const serialOnly = 'a serial link is a back-to-back cable between exactly two Serial ports, e.g. [R1 Serial0/0, R2 Serial0/0]';
  assert.deepEqual(parse(text), [
    `lab.yaml:7:21: "R2 Serial0/0" is a Serial port: ${serialOnly} (at links.mixed[1])`,
    `lab.yaml:8:11: "R1 Serial0/0" is a Serial port: ${serialOnly} (at links.three[0])`,
    `lab.yaml:9:10: "R2 Serial0/2" is a Serial port: ${serialOnly} (at links.host[0])`,
  ]);
});

test('wics beyond the two slots, or an unknown card, are refused at the value', () => {
  const errors = parse('routers:\n  R1: { model: c2600, config: "", wics: [WIC-1T, WIC-1T, WIC-2T] }\n  R2: { model: c2600, config: "", wics: [WIC-4T] }\n');
  assert.equal(errors.length, 2, errors.join('\n'));
  assert.match(errors[0]!, /^lab\.yaml:2:41: wics is a list of at most two cards/);
  assert.equal(errors[1], 'lab.yaml:3:42: unknown wics "WIC-4T"; expected one of: WIC-1T, WIC-2T, empty (at routers.R2.wics[0])');
});

test('a host on a VLAN of a link: `pc1 vlan 10`', () => {
  const text = `routers:\n  R1: ${ROUTER}\nhosts:\n  h1: { address: 10.0.0.1/24 }\nlinks:\n  trunk: [R1 Fa0/0, h1 vlan 10]\n`;
  const topology = loaded(parseTopology(text, 'lab.yaml', '/nowhere'));
  assert.deepEqual(topology.links[0]!.ends[1], { kind: 'host', host: 'h1', vlan: 10 });
});
