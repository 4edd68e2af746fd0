import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IosDevice } from '../session/ios-device.ts';
import { FakeRouterServices } from '../testing/fake-router-services.ts';
import { parseIpv4 } from '../../wire/ipv4-address.ts';

function configured(lines: string[]): IosDevice {
  const device = new IosDevice({ hostname: 'R1', services: new FakeRouterServices() });
  device.type('enable');
  device.type('conf t');
  for (const line of lines) assert.equal(device.enter(line).accepted, true, line);
  device.type('end');
  return device;
}

test('numbered entries become typed ACL entries the network can evaluate', () => {
  const device = configured([
    'access-list 1 permit 10.1.1.77 0.0.0.255',
    'access-list 101 remark traffic to protect',
    'access-list 101 permit tcp host 1.1.1.1 eq telnet 2.2.0.0 0.0.255.255 range 1000 2000 established',
    'access-list 101 deny icmp any any echo log',
    'access-list 101 permit ahp any any',
  ]);
  const [standard, extended] = device.config.accessLists;
  assert.deepEqual(standard, {
    name: '1', kind: 'standard', named: false,
    lines: [{ action: 'permit', source: { address: parseIpv4('10.1.1.0'), wildcard: 255 }, matches: 0 }],
  });
  assert.deepEqual(extended!.lines, [
    { remark: 'traffic to protect' },
    {
      action: 'permit', protocol: 6, matches: 0, established: true,
      source: { address: parseIpv4('1.1.1.1'), wildcard: 0 }, sourcePort: { operator: 'eq', ports: [23] },
      destination: { address: parseIpv4('2.2.0.0'), wildcard: 0xffff }, destinationPort: { operator: 'range', ports: [1000, 2000] },
    },
    { action: 'deny', protocol: 1, source: { address: 0, wildcard: 0xffffffff }, destination: { address: 0, wildcard: 0xffffffff }, icmpType: 8, log: true, matches: 0 },
    { action: 'permit', protocol: 51, source: { address: 0, wildcard: 0xffffffff }, destination: { address: 0, wildcard: 0xffffffff }, matches: 0 },
  ]);
});

test('named lists edit in their sub-mode and render as sections', () => {
  const device = configured([
    'ip access-list extended web',
    'permit tcp any any eq www',
    'permit udp any any eq domain',
    'remark keep DNS',
    'no permit tcp any any eq 80',
    'ip access-list standard mgmt',
    'permit host 10.0.0.5',
  ]);
  const running = device.type('show running-config');
  assert.match(running, /^ip access-list extended web\n permit udp any any eq domain\n remark keep DNS\n!\nip access-list standard mgmt\n permit 10\.0\.0\.5\n!$/m);
  assert.equal(device.type('show access-lists web'), 'Extended IP access list web\n    permit udp any any eq domain');
});

test('a name used by the other kind of list is refused', () => {
  const device = configured(['ip access-list standard mgmt', 'exit']);
  device.type('conf t');
  assert.deepEqual(device.enter('ip access-list extended mgmt'), {
    output: '% A named standard IP access list with this name already exists',
    accepted: false,
  });
});

test('an entry with ports on a protocol without ports is refused at the port', () => {
  const device = configured([]);
  device.type('conf t');
  const caret = (column: number) => `${' '.repeat(column)}^\n% Invalid input detected at '^' marker.\n`;
  const prompt = 'R1(config)#'.length;
  assert.equal(device.type('access-list 101 permit ip any any eq 80'), caret(prompt + 'access-list 101 permit ip any any '.length));
  assert.equal(device.type('access-list 1 permit tcp any'), caret(prompt + 'access-list 1 permit '.length));
});
