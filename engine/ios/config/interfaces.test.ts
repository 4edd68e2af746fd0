import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chassisInterfaces, compareForBrief, compareForRunningConfig, newInterface, normalizeInterfaceName, wicInterfaces } from './interfaces.ts';

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

test('WIC ports are numbered across the slots from Serial0/0, W0 first, an empty slot skipped', () => {
  assert.deepEqual(wicInterfaces([]), []);
  assert.deepEqual(wicInterfaces(['WIC-2T']), ['Serial0/0', 'Serial0/1']);
  assert.deepEqual(wicInterfaces(['WIC-1T', 'WIC-2T']), ['Serial0/0', 'Serial0/1', 'Serial0/2']);
  assert.deepEqual(wicInterfaces([undefined, 'WIC-1T']), ['Serial0/0']);
  assert.deepEqual(chassisInterfaces(['WIC-1T']), ['FastEthernet0/0', 'FastEthernet0/1', 'Serial0/0']);
  assert.equal(normalizeInterfaceName('s0/1'), 'Serial0/1');
  assert.equal(normalizeInterfaceName('se 0/0'), 'Serial0/0');
});

test('FastEthernets and Serials interleave by number in both listings (order unconfirmed for 12.2)', () => {
  const names = ['Serial0/1', 'Loopback0', 'FastEthernet0/1', 'Serial0/2', 'Serial0/0', 'FastEthernet0/0'];
  const hardware = ['FastEthernet0/0', 'Serial0/0', 'FastEthernet0/1', 'Serial0/1', 'Serial0/2'];
  assert.deepEqual([...names].sort(compareForRunningConfig), ['Loopback0', ...hardware]);
  assert.deepEqual([...names].sort(compareForBrief), [...hardware, 'Loopback0']);
});

test('a new Serial is shut, without duplex or speed; a new FastEthernet has both', () => {
  assert.deepEqual(newInterface('Serial0/0'), { name: 'Serial0/0', addressMethod: 'unset', shutdown: true, kept: [] });
  assert.equal(newInterface('FastEthernet0/0').duplex, 'auto');
});
