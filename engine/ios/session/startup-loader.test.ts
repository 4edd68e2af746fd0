import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IosDevice } from './ios-device.ts';
import { FakeRouterServices } from '../testing/fake-router-services.ts';

const CONFIG = [
  '!',
  'version 12.2',
  'hostname R1',
  '!',
  'interface FastEthernet0/0',
  ' ip address 10.0.0.1 255.255.255.0',
  ' speed fast',
  ' ip adress 10.0.0.2 255.255.255.0',
  'ip route 10.1.0.0',
  'sh ip route',
  'ip route 10.1.1.1 255.255.0.0 10.0.0.2',
  'crypto isakmp policy 10',
  ' authentication pre-share',
  ' hash md5',
  'ip domain fred.example',
  'interface FastEthernet0/1',
  ' ip address 10.0.0.9 255.255.255.0',
  'end',
  'hostname after-end',
].join('\n');

test('rejected lines come back with their line numbers and IOS error texts', () => {
  const services = new FakeRouterServices();
  const device = new IosDevice({ services });
  const { rejected } = device.loadStartupConfig(CONFIG);
  assert.deepEqual(
    rejected.map((r) => [r.lineNumber, r.line, r.error]),
    [
      [7, ' speed fast', "       ^\n% Invalid input detected at '^' marker.\n"],
      [8, ' ip adress 10.0.0.2 255.255.255.0', "      ^\n% Invalid input detected at '^' marker.\n"],
      [9, 'ip route 10.1.0.0', '% Incomplete command.\n'],
      // Still in the interface section: `sh` abbreviates `shutdown`, so IOS stops at `ip`.
      [10, 'sh ip route', "   ^\n% Invalid input detected at '^' marker.\n"],
      [11, 'ip route 10.1.1.1 255.255.0.0 10.0.0.2', '%Inconsistent address and mask'],
      [15, 'ip domain fred.example', '% Ambiguous command:  "ip domain"'],
      [17, ' ip address 10.0.0.9 255.255.255.0', '% 10.0.0.0 overlaps with FastEthernet0/0'],
    ],
  );
});

test('indented sections parse through sub-mode fallback and end stops the file', () => {
  const services = new FakeRouterServices();
  const device = new IosDevice({ services });
  const { savedText } = device.loadStartupConfig(CONFIG);
  assert.equal(device.config.hostname, 'R1');
  assert.equal(device.config.crypto.isakmpPolicies[0]?.authentication, 'pre-share');
  assert.equal(device.config.crypto.isakmpPolicies[0]?.hash, 'md5');
  assert.equal(device.config.interfaces[0]?.addressMethod, 'NVRAM');
  assert.equal(device.prompt(), 'R1>');
  assert.equal(savedText.split('\n').at(-1), 'end');
  assert.equal(services.configChanges, 1);
});

test('exit lines in a file return to global configuration without logging anything', () => {
  const services = new FakeRouterServices();
  const device = new IosDevice({ services });
  const { rejected } = device.loadStartupConfig('interface Loopback0\n ip address 1.1.1.1 255.255.255.255\n exit\nexit\nhostname R9\nend');
  assert.deepEqual(rejected, []);
  assert.equal(device.config.hostname, 'R9');
  assert.deepEqual(services.logs, []);
});

test('a banner in a config file runs to its closing delimiter', () => {
  const device = new IosDevice({ services: new FakeRouterServices() });
  const { rejected } = device.loadStartupConfig('banner motd ^C\nWelcome\n  to R1\n^C\nhostname R1\nend');
  assert.deepEqual(rejected, []);
  assert.equal(device.config.hostname, 'R1');
  assert.deepEqual(device.config.kept.map((line) => line.text), ['banner motd ^C\nWelcome\n  to R1\n^C']);
});
