import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { IosDevice } from '../session/ios-device.ts';
import { FakeRouterServices } from '../testing/fake-router-services.ts';
import { configByteCount, renderRunningConfig, runningConfigBody } from './running-config.ts';
import { createDefaultConfig } from '../config/config-model.ts';

const REFERENCE_DIR = new URL('../../../scenarios/ted-doc/reference/', import.meta.url);

function reference(name: string): string[] {
  return readFileSync(new URL(`${name}.running-config.txt`, REFERENCE_DIR), 'utf8').replace(/\n$/, '').split('\n');
}

/** What a comparison keeps: `!`-only lines go, and the byte count is volatile. */
function comparable(lines: string[]): string[] {
  return lines
    .filter((line) => line.trim() !== '!')
    .map((line) => line.replace(/^Current configuration : \d+ bytes$/, 'Current configuration : N bytes'));
}

for (const name of ['daphne', 'fred']) {
  test(`${name}'s reference config loads without rejects and renders back exactly`, () => {
    const lines = reference(name);
    const device = new IosDevice({ services: new FakeRouterServices() });
    // The config file is the reference without the echo, the build line, the blank and the byte count.
    const result = device.loadStartupConfig(lines.slice(4).join('\n'));
    assert.deepEqual(result.rejected, []);
    assert.deepEqual(comparable(renderRunningConfig(device.config)), comparable(lines.slice(1)));
  });
}

test('the byte count is the size of the rendered body, newlines included', () => {
  const config = createDefaultConfig('R1');
  const rendered = renderRunningConfig(config);
  const body = runningConfigBody(config);
  assert.equal(rendered[2], `Current configuration : ${body.join('\n').length + 1} bytes`);
  assert.equal(configByteCount(['ab', 'c']), 5);
});

test('a router without configuration renders the 12.2 defaults', () => {
  const body = runningConfigBody(createDefaultConfig()).filter((line) => line !== '!');
  assert.deepEqual(body, [
    'version 12.2',
    'service timestamps debug uptime',
    'service timestamps log uptime',
    'no service password-encryption',
    'hostname Router',
    'ip subnet-zero',
    'interface FastEthernet0/0',
    ' no ip address',
    ' shutdown',
    ' duplex auto',
    ' speed auto',
    'interface FastEthernet0/1',
    ' no ip address',
    ' shutdown',
    ' duplex auto',
    ' speed auto',
    'ip classless',
    'no ip http server',
    'line con 0',
    'line aux 0',
    'line vty 0 4',
    'end',
  ]);
});
