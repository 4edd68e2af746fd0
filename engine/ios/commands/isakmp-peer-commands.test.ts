import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IosDevice } from '../session/ios-device.ts';
import { configuredDevice } from '../testing/configured-device.ts';
import { FakeRouterServices } from '../testing/fake-router-services.ts';
import { runningConfigBody } from '../render/running-config.ts';
import { parseIpv4 } from '../../wire/ipv4-address.ts';

/** The running-config from the first ISAKMP line to the first transform set, `!` lines kept. */
function isakmpSection(device: IosDevice): string[] {
  const body = runningConfigBody(device.config);
  const first = body.findIndex((line) => line.startsWith('crypto isakmp'));
  return body.slice(first, body.findIndex((line) => line.startsWith('crypto ipsec transform-set')));
}

const ip = (text: string) => parseIpv4(text)!;

const PEER_LINES = [
  'crypto isakmp policy 1',
  'hash md5',
  'authentication pre-share',
  'crypto isakmp peer address 14.38.69.71',
  'set aggressive-mode password cisco123',
  'set aggressive-mode client-endpoint ipv4-address 14.38.69.70',
  'crypto ipsec transform-set myset esp-3des esp-md5-hmac',
];

test('crypto isakmp peer enters (config-isakmp-peer)# and exit returns to (config)#', () => {
  const device = new IosDevice({ hostname: 'R1', services: new FakeRouterServices() });
  device.type('enable');
  device.type('configure terminal');
  device.type('crypto isakmp peer address 192.168.12.2');
  assert.equal(device.prompt(), 'R1(config-isakmp-peer)#');
  assert.equal(device.type('set aggressive-mode password s3cret'), '');
  device.type('exit');
  assert.equal(device.prompt(), 'R1(config)#');
});

test('the set lines store the password and each kind of client endpoint', () => {
  const { device } = configuredDevice([
    'crypto isakmp peer address 10.0.0.1',
    'set aggressive-mode password one',
    'set aggressive-mode client-endpoint fqdn spoke.example.com',
    'crypto isakmp peer address 10.0.0.2',
    'set aggressive-mode client-endpoint user-fqdn ops@example.com',
    'crypto isakmp peer address 10.0.0.1',
    'set aggressive-mode password two',
    'crypto isakmp peer address 10.0.0.3',
    'set aggressive-mode client-endpoint ipv4-address 10.9.9.9',
  ]);
  assert.deepEqual(device.config.crypto.isakmpPeers, [
    { address: ip('10.0.0.1'), aggressiveModePassword: 'two', aggressiveModeClientEndpoint: { kind: 'fqdn', name: 'spoke.example.com' } },
    { address: ip('10.0.0.2'), aggressiveModeClientEndpoint: { kind: 'user-fqdn', name: 'ops@example.com' } },
    { address: ip('10.0.0.3'), aggressiveModeClientEndpoint: { kind: 'ipv4-address', address: ip('10.9.9.9') } },
  ]);
});

test('the no forms clear a setting, or the whole peer block', () => {
  const { device } = configuredDevice([
    'crypto isakmp peer address 10.0.0.1',
    'set aggressive-mode password one',
    'set aggressive-mode client-endpoint ipv4-address 10.9.9.9',
    'no set aggressive-mode password',
    'crypto isakmp peer address 10.0.0.2',
    'set aggressive-mode password two',
    'set aggressive-mode client-endpoint fqdn a.example',
    'no set aggressive-mode client-endpoint fqdn a.example',
    'exit',
    'crypto isakmp peer address 10.0.0.3',
    'exit',
    'no crypto isakmp peer address 10.0.0.3',
  ]);
  assert.deepEqual(device.config.crypto.isakmpPeers, [
    { address: ip('10.0.0.1'), aggressiveModeClientEndpoint: { kind: 'ipv4-address', address: ip('10.9.9.9') } },
    { address: ip('10.0.0.2'), aggressiveModePassword: 'two' },
  ]);
});

test('a bad endpoint keyword is refused with the caret where it leaves every keyword', () => {
  const { outputs } = configuredDevice(['crypto isakmp peer address 10.0.0.1', 'set aggressive-mode client-endpoint ipv6 ::1']);
  // `ipv` still spells ipv4-address: the caret goes under the `6`, counted from the start of the prompt.
  const column = 'R1(config-isakmp-peer)#set aggressive-mode client-endpoint ipv'.length;
  assert.equal(outputs[1], `${' '.repeat(column)}^\n% Invalid input detected at '^' marker.\n`);
});

test('running-config: the peer block after the ISAKMP keys, as in Cisco\'s 12.2(8)T example', () => {
  const { device } = configuredDevice(PEER_LINES);
  assert.deepEqual(isakmpSection(device), [
    'crypto isakmp policy 1',
    ' hash md5',
    ' authentication pre-share',
    '!',
    'crypto isakmp peer address 14.38.69.71',
    ' set aggressive-mode password cisco123',
    ' set aggressive-mode client-endpoint ipv4-address 14.38.69.70',
    '!',
    '!',
  ]);
});

test('running-config: keys, the aggressive-mode switch, then every peer closed by its own !', () => {
  const { device } = configuredDevice([
    'crypto isakmp peer address 10.0.0.2',
    'set aggressive-mode client-endpoint user-fqdn ops@example.com',
    'crypto isakmp aggressive-mode disable',
    'crypto isakmp key abc123 address 0.0.0.0 0.0.0.0',
    'crypto isakmp peer address 10.0.0.1',
    'crypto ipsec transform-set ts esp-des',
  ]);
  assert.deepEqual(isakmpSection(device), [
    'crypto isakmp key abc123 address 0.0.0.0 0.0.0.0',
    'crypto isakmp aggressive-mode disable',
    '!',
    'crypto isakmp peer address 10.0.0.2',
    ' set aggressive-mode client-endpoint user-fqdn ops@example.com',
    '!',
    'crypto isakmp peer address 10.0.0.1',
    '!',
    '!',
  ]);
  device.type('configure terminal');
  device.type('no crypto isakmp aggressive-mode disable');
  device.type('end');
  assert.equal(device.config.crypto.aggressiveModeDisabled, false);
  assert.ok(!runningConfigBody(device.config).includes('crypto isakmp aggressive-mode disable'));
});

test('the rendered peer block reads back into the same configuration', () => {
  const { device } = configuredDevice([...PEER_LINES, 'crypto isakmp aggressive-mode disable']);
  const reloaded = new IosDevice({ services: new FakeRouterServices() });
  const { rejected } = reloaded.loadStartupConfig(runningConfigBody(device.config).join('\n'));
  assert.deepEqual(rejected, []);
  assert.deepEqual(reloaded.config.crypto, device.config.crypto);
});
