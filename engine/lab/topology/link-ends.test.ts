import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CablingRegister, resolveLinkEnd, type NodeDirectory } from './link-ends.ts';
import { lookUpInterface } from './router-models.ts';

test('interface names expand the way the IOS CLI expands them', () => {
  for (const text of ['FastEthernet0/1', 'Fa0/1', 'fa0/1', 'f0/1', 'FASTETHERNET0/1', 'fastethernet 0/1', 'Fast 0/1']) {
    assert.deepEqual(lookUpInterface('c2600', text), { ok: true, name: 'FastEthernet0/1' }, text);
  }
  assert.deepEqual(lookUpInterface('c2600', 'Fa0/0'), { ok: true, name: 'FastEthernet0/0' });
});

test('interfaces a c2600 lacks are refused, named as far as they expand', () => {
  assert.deepEqual(lookUpInterface('c2600', 'fa0/2'), { ok: false, name: 'FastEthernet0/2' });
  assert.deepEqual(lookUpInterface('c2600', 'Fa0/0/0'), { ok: false, name: 'FastEthernet0/0/0' });
  assert.deepEqual(lookUpInterface('c2600', 'Serial0/0'), { ok: false, name: 'Serial0/0' });
  assert.deepEqual(lookUpInterface('c2600', 'Fa0/0.1'), { ok: false, name: 'Fa0/0.1' });
  assert.deepEqual(lookUpInterface('c2600', 'FastEthernetX0/0'), { ok: false, name: 'FastEthernetX0/0' });
});

const NODES: NodeDirectory = { routers: new Map([['Daphne', 'c2600'], ['fred', 'c2600']]), peers: new Set<string>(), hosts: new Set(['pc-fred']) };

test('ends resolve to router interfaces or hosts', () => {
  assert.deepEqual(resolveLinkEnd('Daphne Fa0/0', NODES), { ok: true, end: { kind: 'router', router: 'Daphne', interface: 'FastEthernet0/0' } });
  assert.deepEqual(resolveLinkEnd('  fred   FastEthernet 0/1 ', NODES), { ok: true, end: { kind: 'router', router: 'fred', interface: 'FastEthernet0/1' } });
  assert.deepEqual(resolveLinkEnd('pc-fred', NODES), { ok: true, end: { kind: 'host', host: 'pc-fred' } });
});

test('bad ends say what is wrong in network terms', () => {
  const message = (text: string) => {
    const resolved = resolveLinkEnd(text, NODES);
    return resolved.ok ? assert.fail(`${text} resolved`) : resolved.message;
  };
  assert.equal(message('fred FastEthernet0/2'), 'unknown interface "FastEthernet0/2" on router "fred"; a c2600 has FastEthernet0/0, FastEthernet0/1');
  assert.equal(message('Fred Fa0/1'), 'unknown router "Fred"; the routers are: Daphne, fred');
  assert.equal(message('fred'), 'router "fred" needs an interface, e.g. "fred FastEthernet0/0"');
  assert.equal(message('pc-fred eth0'), 'host "pc-fred" has a single interface: name the host alone, or put it on a VLAN of the link with "pc-fred vlan 10"');
  assert.equal(message('pc-fred vlan 4095'), 'host "pc-fred": VLAN 4095 is not a VLAN ID from 1 to 4094');
  assert.equal(message('pc-fred vlan 0'), 'host "pc-fred": VLAN 0 is not a VLAN ID from 1 to 4094');
  assert.deepEqual(resolveLinkEnd('pc-fred VLAN 10', NODES), { ok: true, end: { kind: 'host', host: 'pc-fred', vlan: 10 } });
  assert.equal(message('pc-daphne'), '"pc-daphne" is neither a router, a host nor a peer of this topology');
});

test('an interface or a host is cabled once', () => {
  const cabling = new CablingRegister();
  const fa00 = { kind: 'router', router: 'fred', interface: 'FastEthernet0/0' } as const;
  const host = { kind: 'host', host: 'pc-fred' } as const;
  assert.equal(cabling.claim(fa00, 'wan'), undefined);
  assert.equal(cabling.claim(host, 'lan'), undefined);
  assert.equal(cabling.claim({ ...fa00, router: 'Daphne' }, 'wan'), undefined);
  assert.equal(cabling.claim(fa00, 'backup'), 'interface FastEthernet0/0 of router "fred" is already on link "wan"');
  assert.equal(cabling.claim(host, 'lan'), 'host "pc-fred" is already on link "lan"');
});

test('Serial ends exist only with a WIC; a router with a WIC-2T in W1 has Serial0/0 and Serial0/1', () => {
  const nodes: NodeDirectory = { ...NODES, wics: new Map([['fred', [undefined, 'WIC-2T']]]) };
  assert.deepEqual(resolveLinkEnd('fred s0/1', nodes), { ok: true, end: { kind: 'router', router: 'fred', interface: 'Serial0/1' } });
  const missing = resolveLinkEnd('Daphne Serial0/0', nodes);
  assert.ok(!missing.ok && missing.message.includes('"wics: [WIC-2T]" gives Serial0/0 and Serial0/1'), JSON.stringify(missing));
  const beyond = resolveLinkEnd('fred Serial0/2', nodes);
  assert.ok(!beyond.ok && beyond.message.startsWith('unknown interface "Serial0/2" on router "fred"; a c2600 has FastEthernet0/0, FastEthernet0/1, Serial0/0, Serial0/1'));
});
