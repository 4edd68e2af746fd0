import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IosDevice } from '../session/ios-device.ts';
import { runningConfigBody } from '../render/running-config.ts';
import { deviceInConfigMode } from '../testing/configured-device.ts';
import { notModelledReports } from './not-modelled.ts';

/** Types each line, asserting IOS took it; returns the prompts seen after each line. */
function typeAll(device: IosDevice, lines: string[]): string[] {
  return lines.map((line) => {
    const result = device.enter(line);
    assert.ok(result.accepted, `${line}: ${result.output}`);
    return device.prompt();
  });
}

test('each kept block enters the sub-mode 12.2 prompts with, and exit climbs back one level', () => {
  const device = deviceInConfigMode();
  const prompts = typeAll(device, [
    'class-map match-any VOICE', 'policy-map QOS', 'class VOICE', 'exit', 'exit', 'key chain K', 'key 1', 'exit', 'exit',
    'time-range T', 'dial-peer voice 1 pots', 'voice-port 1/0/0', 'controller T1 1/0', 'exit',
  ]);
  assert.deepEqual(prompts, [
    'R1(config-cmap)#', 'R1(config-pmap)#', 'R1(config-pmap-c)#', 'R1(config-pmap)#', 'R1(config)#', 'R1(config-keychain)#',
    'R1(config-keychain-key)#', 'R1(config-keychain)#', 'R1(config)#', 'R1(config-time-range)#', 'R1(config-dial-peer)#',
    'R1(config-voiceport)#', 'R1(config-controller)#', 'R1(config)#',
  ]);
});

test('a class or key typed inside another one opens the next, in its own policy-map or key chain', () => {
  const device = deviceInConfigMode();
  typeAll(device, ['policy-map QOS', 'class A', 'bandwidth 64', 'class B', 'police 8000', 'key chain K', 'key 1', 'key-string one', 'key 2', 'key-string two']);
  const body = runningConfigBody(device.config);
  const from = body.indexOf('key chain K');
  assert.deepEqual(body.slice(from, from + 5), ['key chain K', ' key 1', '  key-string one', ' key 2', '  key-string two']);
  const policy = body.indexOf('policy-map QOS');
  assert.deepEqual(body.slice(policy, policy + 5), ['policy-map QOS', '  class A', '   bandwidth 64', '  class B', '   police 8000']);
});

test('class-map NAME is stored as match-all, and naming it again with match-any changes it in place', () => {
  const device = deviceInConfigMode();
  typeAll(device, ['class-map VOICE', 'match ip dscp ef', 'exit', 'class-map match-any VOICE', 'match access-group 120']);
  const body = runningConfigBody(device.config);
  assert.ok(!body.includes('class-map match-all VOICE'));
  const at = body.indexOf('class-map match-any VOICE');
  assert.deepEqual(body.slice(at, at + 3), ['class-map match-any VOICE', '  match ip dscp ef', '  match access-group 120']);
});

test('no of a block or of a line inside it removes it', () => {
  const device = deviceInConfigMode();
  typeAll(device, ['policy-map QOS', 'class A', 'bandwidth 64', 'no bandwidth', 'exit', 'no class A', 'exit', 'time-range T', 'exit', 'no time-range T']);
  const body = runningConfigBody(device.config);
  assert.ok(body.includes('policy-map QOS'));
  assert.ok(!body.some((line) => line.includes('class A') || line.includes('bandwidth') || line.includes('time-range')));
});

test('vocabulary lines are kept where IOS shows them; no of a default-on service shows as its no line', () => {
  const device = deviceInConfigMode();
  typeAll(device, ['no service dhcp', 'ip ssh version 2', 'tacacs-server host 10.0.0.49', 'interface fa0/0', 'service-policy output QOS', 'line vty 0 4', 'modem InOut']);
  const body = runningConfigBody(device.config);
  assert.ok(body.indexOf('no service dhcp') < body.indexOf('hostname R1'));
  assert.ok(body.indexOf('ip ssh version 2') < body.indexOf('interface FastEthernet0/0'));
  assert.ok(body.indexOf('tacacs-server host 10.0.0.49') > body.indexOf('ip classless'));
  assert.ok(body.indexOf(' service-policy output QOS') > body.indexOf('interface FastEthernet0/0'));
  assert.ok(body.indexOf(' modem InOut') > body.indexOf('line vty 0 4'));
  typeAll(device, ['service dhcp', 'no ip ssh version 2']);
  const after = runningConfigBody(device.config);
  assert.ok(!after.some((line) => line.includes('service dhcp') || line.includes('ip ssh')));
});

test('typos in modelled commands and in kept blocks still get IOS\'s caret, not a notice', () => {
  const device = deviceInConfigMode();
  for (const [line, caret] of [['hostnme R1', 5], ['crypto map X 10 ipsec-isakmpp', 28], ['class-map match-sll VOICE', 20]] as const) {
    const result = device.enter(line);
    assert.equal(result.accepted, false, line);
    assert.match(result.output, /% Invalid input detected at '\^' marker\./, line);
    assert.equal(result.output.split('\n')[0]!.indexOf('^'), caret + 'R1(config)#'.length, line);
  }
  typeAll(device, ['class-map VOICE']);
  assert.match(device.enter('mtch any').output, /% Invalid input/);
});

test('each block is noticed once per topic, with the impact the report gives it', () => {
  const device = deviceInConfigMode();
  const outputs = ['class-map A', 'exit', 'policy-map B', 'exit', 'key chain K'].map((line) => device.type(line));
  assert.match(outputs[0]!, /"class-map match-all A" is accepted but not modelled/);
  assert.equal(outputs[2], '');
  const impacts = notModelledReports(device.config).map((report) => `${report.topic}: ${report.impact}`);
  assert.deepEqual(impacts, ['QoS: behaviour', 'key chains: behaviour']);
});
