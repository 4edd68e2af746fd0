import assert from 'node:assert/strict';
import test from 'node:test';
import { configuredDevice } from '../testing/configured-device.ts';

test('crypto map local-address takes any interface spelling and keeps its canonical name', () => {
  const { device, outputs } = configuredDevice(['crypto map vpn local-address lo0', 'crypto map vpn 10 ipsec-isakmp']);
  assert.deepEqual(outputs.slice(0, 1), ['']);
  assert.equal(device.config.crypto.mapLocalAddresses.vpn, 'Loopback0');
  assert.match(device.type('show running-config'), /^crypto map vpn local-address Loopback0\ncrypto map vpn 10 ipsec-isakmp$/m);
});

test('the local address is written once, before the first entry of its map only (placement unconfirmed for 12.2)', () => {
  const { device } = configuredDevice([
    'crypto map other 5 ipsec-isakmp', 'exit',
    'crypto map vpn local-address FastEthernet0/1', 'crypto map vpn 10 ipsec-isakmp', 'exit', 'crypto map vpn 20 ipsec-isakmp',
  ]);
  const lines = device.type('show running-config').split('\n').filter((line) => line.startsWith('crypto map'));
  assert.deepEqual(lines, [
    'crypto map other 5 ipsec-isakmp',
    'crypto map vpn local-address FastEthernet0/1',
    'crypto map vpn 10 ipsec-isakmp',
    'crypto map vpn 20 ipsec-isakmp',
  ]);
});

test('no crypto map MAP local-address removes it; a bad interface name is refused', () => {
  const { device, outputs } = configuredDevice(['crypto map vpn local-address Loopback3', 'no crypto map vpn local-address', 'crypto map vpn local-address Bogus0']);
  assert.deepEqual(device.config.crypto.mapLocalAddresses, {});
  assert.match(outputs[2]!, /% Invalid input detected at '\^' marker\./);
});
