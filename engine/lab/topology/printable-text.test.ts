import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeControlCharacter, excerpt, findControlCharacter } from './control-characters.ts';
import { loadTopologyFile, parseTopology } from './load-topology.ts';
import { formatTopologyError, type TopologyResult } from './topology-types.ts';

function errorsOf(result: TopologyResult): string[] {
  if (result.ok) return assert.fail('expected the topology to be rejected');
  return result.errors.map(formatTopologyError);
}

const parse = (text: string, baseDir = '/nowhere') => errorsOf(parseTopology(text, 'lab.yaml', baseDir));

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'topology-text-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('control characters are found and named; a tab is a blank', () => {
  assert.deepEqual(findControlCharacter('ab\u0000c'), { index: 2, character: '\u0000' });
  assert.equal(findControlCharacter('a\tb \u00e9 \u{1F600}'), undefined);
  assert.deepEqual(['\u0000', '\u001b', '\u007f', '\u0085', '\u2028'].map(describeControlCharacter), [
    'U+0000 (NUL)',
    'U+001B (ESC)',
    'U+007F (DEL)',
    'U+0085',
    'U+2028 (line separator)',
  ]);
  assert.equal(excerpt('R1\u0000\u0085'), '"R1\\u0000\\u0085"');
  assert.equal(excerpt('x'.repeat(100)), `"${'x'.repeat(60)}"... (100 characters)`);
});

test('a control character in a name, a value or a list item is refused where it stands, escaped', () => {
  const text = [
    'routers:',
    '  "R1\\0": { model: c2600, config: "" }',
    'hosts:',
    '  pc: { address: "10.0.0.1/24\\e[2J" }',
    'links:',
    '  lan: ["R1\\a Fa0/0", pc]',
    '',
  ].join('\n');
  assert.deepEqual(parse(text), [
    'lab.yaml:2:3: "R1\\u0000" holds the control character U+0000 (NUL) at character 3: a topology holds printable text only (at routers.R1\\u0000)',
    'lab.yaml:4:18: "10.0.0.1/24\\u001b[2J" holds the control character U+001B (ESC) at character 12: a topology holds printable text only (at hosts.pc.address)',
    'lab.yaml:6:9: "R1\\u0007 Fa0/0" holds the control character U+0007 (BEL) at character 3: a topology holds printable text only (at links.lan[0])',
  ]);
});

test('a config line with a control character is refused at its line and column, inline or in a file', (t) => {
  const inline = 'routers:\n  R1:\n    model: c2600\n    config: |\n      hostname R1\n       description a\u0000b\n';
  assert.deepEqual(parse(inline), [
    'lab.yaml:6:21: config line 2 holds the control character U+0000 (NUL) at column 15: a configuration is printable text, as "show running-config" prints it (at routers.R1.config)',
  ]);
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'r1.cfg'), 'hostname R1\r\n!\r\ninterface FastEthernet0/0\r\n shutdown\u001a\r\n');
  assert.deepEqual(parse('routers:\n  R1: { model: c2600, config: r1.cfg }\n', dir), [
    `${path.join(dir, 'r1.cfg')}:4:10: config line 4 holds the control character U+001A (Ctrl-Z) at column 10: a configuration is printable text, as "show running-config" prints it (at routers.R1.config)`,
  ]);
  writeFileSync(path.join(dir, 'r2.cfg'), 'hostname R2\rend\n');
  assert.match(parse('routers:\n  R2: { model: c2600, config: r2.cfg }\n', dir)[0]!, /r2\.cfg:1:12: config line 1 holds the control character U\+000D \(carriage return\)/);
  assert.deepEqual(parse('routers:\n  R1: { model: c2600, config: "r1\\0.cfg" }\n'), [
    'lab.yaml:2:31: the config file name holds the control character U+0000 (NUL): write a file path, or the configuration as a literal block ("config: |") (at routers.R1.config)',
  ]);
});

test('a configuration larger than 64 KiB is refused before IOS reads it', (t) => {
  const big = `hostname R1\n${'!\n'.repeat(40_000)}`;
  const inline = `routers:\n  R1:\n    model: c2600\n    config: |\n${big.split('\n').map((line) => `      ${line}`).join('\n')}\n`;
  assert.deepEqual(parse(inline), [
    'lab.yaml:4:13: the configuration is 80012 bytes, more than the 65536 a router\'s may have (a c2600\'s NVRAM holds 29688) (at routers.R1.config)',
  ]);
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'big.cfg'), big);
  assert.deepEqual(parse('routers:\n  R1: { model: c2600, config: big.cfg }\n', dir), [
    'lab.yaml:2:31: the configuration is 80012 bytes, more than the 65536 a router\'s may have (a c2600\'s NVRAM holds 29688) (at routers.R1.config)',
  ]);
});

test('a device or a pipe is never read as a config or a topology: it would never end', (t) => {
  assert.deepEqual(parse('routers:\n  R1: { model: c2600, config: /dev/zero }\n'), [
    'lab.yaml:2:31: cannot read config file "/dev/zero" (/dev/zero): it is not a regular file (a device, a pipe or a socket) (at routers.R1.config)',
  ]);
  assert.deepEqual(errorsOf(loadTopologyFile('/dev/zero')), ['/dev/zero: cannot read the topology file: it is not a regular file (a device, a pipe or a socket)']);
  const fifo = path.join(tempDir(t), 'fifo.yaml');
  execFileSync('mkfifo', [fifo]);
  assert.deepEqual(errorsOf(loadTopologyFile(fifo)), [`${fifo}: cannot read the topology file: it is not a regular file (a device, a pipe or a socket)`]);
});

test('a topology larger than 1 MiB is refused whole', () => {
  assert.deepEqual(parse(`# ${'x'.repeat(1_048_576)}\nrouters: {}\n`), [
    'lab.yaml: the topology file is 1048591 bytes, more than the 1048576 a topology may have: is it the right file?',
  ]);
});
