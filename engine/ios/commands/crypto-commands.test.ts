import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IosDevice } from '../session/ios-device.ts';
import { configuredDevice } from '../testing/configured-device.ts';
import { parseIpv4 } from '../../wire/ipv4-address.ts';

function runningSection(device: IosDevice, from: string, to: string): string[] {
  const lines = device.type('show running-config').split('\n').filter((line) => line !== '!');
  return lines.slice(lines.indexOf(from), lines.indexOf(to));
}

test('ISAKMP policies store what they say and render only non-defaults', () => {
  const { device } = configuredDevice([
    'crypto isakmp policy 20',
    'encryption aes 256',
    'hash md5',
    'authentication pre-share',
    'group 5',
    'lifetime 3600',
    'crypto isakmp policy 10',
    'encr 3des',
    'no encr',
    'crypto isakmp key s3cr3t address 11.11.11.2',
  ]);
  assert.deepEqual(device.config.crypto.isakmpPolicies[0], {
    priority: 20, encryption: 'aes', keyBits: 256, hash: 'md5', authentication: 'pre-share', group: 5, lifetimeSeconds: 3600,
  });
  assert.deepEqual(runningSection(device, 'crypto isakmp policy 10', 'interface FastEthernet0/0'), [
    'crypto isakmp policy 10',
    'crypto isakmp policy 20',
    ' encr aes 256',
    ' hash md5',
    ' authentication pre-share',
    ' group 5',
    ' lifetime 3600',
    'crypto isakmp key s3cr3t address 11.11.11.2',
  ]);
});

test('show crypto isakmp policy lists each suite and the default one', () => {
  const { device } = configuredDevice(['crypto isakmp policy 10', 'authentication pre-share', 'hash md5']);
  assert.deepEqual(device.type('show crypto isakmp policy').split('\n'), [
    'Protection suite of priority 10',
    '\tencryption algorithm:\tDES - Data Encryption Standard (56 bit keys).',
    '\thash algorithm:\t\tMessage Digest 5',
    '\tauthentication method:\tPre-Shared Key',
    '\tDiffie-Hellman group:\t#1 (768 bit)',
    '\tlifetime:\t\t86400 seconds, no volume limit',
    'Default protection suite',
    '\tencryption algorithm:\tDES - Data Encryption Standard (56 bit keys).',
    '\thash algorithm:\t\tSecure Hash Standard',
    '\tauthentication method:\tRivest-Shamir-Adleman Signature',
    '\tDiffie-Hellman group:\t#1 (768 bit)',
    '\tlifetime:\t\t86400 seconds, no volume limit',
  ]);
});

test('transform sets keep AH, cipher, then authentication, and refuse two of a kind', () => {
  const { device, outputs } = configuredDevice([
    'crypto ipsec transform-set strong esp-sha-hmac esp-aes 256',
    'mode transport',
    'crypto ipsec transform-set bad esp-des esp-3des',
  ]);
  assert.equal(outputs[2], '% Transform esp-3des conflicts with esp-des');
  assert.deepEqual(device.config.crypto.transformSets, [
    { name: 'strong', transforms: [{ name: 'esp-aes', keyBits: 256 }, { name: 'esp-sha-hmac' }], mode: 'transport' },
  ]);
  assert.match(device.type('show running-config'), /^crypto ipsec transform-set strong esp-aes 256 esp-sha-hmac\n mode transport$/m);
});

test('crypto maps: the note on a new entry, set and match lines, dynamic templates', () => {
  const { device, outputs } = configuredDevice([
    'crypto ipsec transform-set ts esp-des esp-md5-hmac',
    'crypto map vpn 20 ipsec-isakmp',
    'set peer 11.11.11.2',
    'set peer 11.11.11.3',
    'no set peer 11.11.11.3',
    'set transform-set ts',
    'set transform-set missing',
    'set pfs',
    'set security-association lifetime seconds 3600',
    'match address 101',
    'crypto dynamic-map dyn 10',
    'set transform-set ts',
    'crypto map vpn 10 ipsec-isakmp dynamic dyn discover',
    'interface fa0/0',
    'crypto map vpn',
  ]);
  assert.match(outputs[1]!, /^% NOTE: This new crypto map will remain disabled until a peer\n {8}and a valid access list have been configured\.$/);
  assert.equal(outputs[6], 'ERROR: transform set with tag "missing" does not exist.');
  const [ten, twenty] = device.config.crypto.cryptoMaps;
  assert.deepEqual(ten, { map: 'vpn', seq: 10, discover: true, peers: [], transformSets: [], dynamicMap: 'dyn' });
  assert.deepEqual(twenty, {
    map: 'vpn', seq: 20, discover: false, peers: [parseIpv4('11.11.11.2')], transformSets: ['ts'],
    pfs: 'group1', lifetimeSeconds: 3600, matchAddress: '101',
  });
  assert.equal(device.config.interfaces[0]?.cryptoMap, 'vpn');
  assert.deepEqual(runningSection(device, 'crypto dynamic-map dyn 10', 'interface FastEthernet0/0'), [
    'crypto dynamic-map dyn 10',
    ' set transform-set ts',
    'crypto map vpn 10 ipsec-isakmp dynamic dyn discover',
    'crypto map vpn 20 ipsec-isakmp',
    ' set peer 11.11.11.2',
    ' set security-association lifetime seconds 3600',
    ' set transform-set ts',
    ' set pfs group1',
    ' match address 101',
  ]);
  device.type('conf t');
  device.type('no crypto map vpn 20');
  assert.deepEqual(device.config.crypto.cryptoMaps.map((entry) => entry.seq), [10]);
});
