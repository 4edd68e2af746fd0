import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { configLineLocation, resolveRouterConfig, type ConfigResolution } from './router-config.ts';
import { YamlLocator } from './yaml-locator.ts';

function resolve(text: string, baseDir = '/nowhere'): ConfigResolution {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const value = doc.getIn(['routers', 'R1', 'config']);
  assert.equal(typeof value, 'string');
  return resolveRouterConfig(value as string, ['routers', 'R1', 'config'], new YamlLocator('lab.yaml', doc, lineCounter, text), baseDir);
}

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'topology-config-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function config(text: string, baseDir?: string) {
  const result = resolve(text, baseDir);
  if (!result.ok) return assert.fail(result.error.message);
  return { config: result.config };
}

test('a literal block keeps each config line on its own YAML line, blank lines included', () => {
  const text = ['routers:', '  R1:', '    config: |', '      hostname R1', '', '      interface FastEthernet0/0', '       ip address 10.0.0.1 255.255.255.0', '    model: c2600', ''].join('\n');
  const router = config(text);
  assert.equal(router.config.text, 'hostname R1\n\ninterface FastEthernet0/0\n ip address 10.0.0.1 255.255.255.0\n');
  assert.deepEqual(configLineLocation(router, 1), { file: 'lab.yaml', line: 4, column: 7 });
  assert.deepEqual(configLineLocation(router, 3), { file: 'lab.yaml', line: 6, column: 7 });
  assert.deepEqual(configLineLocation(router, 4), { file: 'lab.yaml', line: 7, column: 7 });
});

test('the block indentation is found even when the first line is blank or indented further', () => {
  const text = ['routers:', '  R1:', '    config: |4', '', '         ip address 10.0.0.1 255.255.255.0', '        end', ''].join('\n');
  const router = config(text);
  assert.equal(router.config.text, '\n ip address 10.0.0.1 255.255.255.0\nend\n');
  assert.deepEqual(configLineLocation(router, 2), { file: 'lab.yaml', line: 5, column: 9 });
  assert.deepEqual(configLineLocation(router, 3), { file: 'lab.yaml', line: 6, column: 9 });
});

test('a quoted config with \\n escapes places every line at the string', () => {
  const router = config('routers:\n  R1: { config: "hostname R1\\nend\\n" }\n');
  assert.equal(router.config.text, 'hostname R1\nend\n');
  assert.deepEqual(configLineLocation(router, 1), { file: 'lab.yaml', line: 2, column: 17 });
  assert.deepEqual(configLineLocation(router, 2), { file: 'lab.yaml', line: 2, column: 17 });
});

test('an empty config is an empty inline configuration, not a file', () => {
  assert.deepEqual(config('routers:\n  R1: { config: "" }\n').config.lineOffsets, []);
});

test('a folded block is refused because it joins config lines', () => {
  const result = resolve('routers:\n  R1:\n    config: >\n      hostname R1\n      end\n');
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.deepEqual([result.error.line, result.error.column, result.error.path], [3, 13, 'routers.R1.config']);
    assert.match(result.error.message, /literal block/);
  }
});

test('a config file is read relative to the topology folder, CR LF normalised, lines from 1', (t) => {
  const dir = tempDir(t);
  mkdirSync(path.join(dir, 'configs'));
  writeFileSync(path.join(dir, 'configs', 'r1.cfg'), 'hostname R1\r\n!\r\nend\r\n');
  const router = config('routers:\n  R1: { config: configs/r1.cfg }\n', dir);
  const file = path.join(dir, 'configs', 'r1.cfg');
  assert.deepEqual(router.config, { text: 'hostname R1\n!\nend\n', file, firstLine: 1, column: 1 });
  assert.deepEqual(configLineLocation(router, 3), { file, line: 3, column: 1 });
});

test('a config path that is a folder is reported at the config value', (t) => {
  const dir = tempDir(t);
  mkdirSync(path.join(dir, 'r1.cfg'));
  const result = resolve('routers:\n  R1: { config: r1.cfg }\n', dir);
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.deepEqual(result.error, {
      file: 'lab.yaml',
      line: 2,
      column: 17,
      path: 'routers.R1.config',
      message: `cannot read config file "r1.cfg" (${path.join(dir, 'r1.cfg')}): it is a folder, not a file`,
    });
  }
});
