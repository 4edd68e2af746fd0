import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareForBrief, compareForRunningConfig, normalizeInterfaceName } from './interfaces.ts';

test('interface names in any IOS spelling normalise to the canonical name', () => {
  assert.equal(normalizeInterfaceName('fa0/0'), 'FastEthernet0/0');
  assert.equal(normalizeInterfaceName('f0/1'), 'FastEthernet0/1');
  assert.equal(normalizeInterfaceName('FastEthernet 0/0'), 'FastEthernet0/0');
  assert.equal(normalizeInterfaceName('lo12'), 'Loopback12');
  assert.equal(normalizeInterfaceName('Null0'), 'Null0');
  assert.equal(normalizeInterfaceName('Ethernet0'), undefined);
  assert.equal(normalizeInterfaceName('fa'), undefined);
});

test('running-config lists loopbacks first, brief lists hardware first', () => {
  const names = ['FastEthernet0/1', 'Loopback10', 'FastEthernet0/0', 'Loopback2'];
  assert.deepEqual([...names].sort(compareForRunningConfig), ['Loopback2', 'Loopback10', 'FastEthernet0/0', 'FastEthernet0/1']);
  assert.deepEqual([...names].sort(compareForBrief), ['FastEthernet0/0', 'FastEthernet0/1', 'Loopback2', 'Loopback10']);
});
