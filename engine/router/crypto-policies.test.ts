import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IosDevice } from '../ios/index.ts';
import { FakeRouterServices } from '../ios/testing/fake-router-services.ts';
import { parseIpv4 } from '../wire/ipv4-address.ts';
import { buildCryptoPolicies } from './crypto-policies.ts';

const ip = (text: string): number => parseIpv4(text)!;

function loaded(text: string): IosDevice {
  const device = new IosDevice({ services: new FakeRouterServices() });
  assert.deepEqual(device.loadStartupConfig(text).rejected, []);
  return device;
}

test("the document's dynamic discover map becomes one template policy on FastEthernet0/0", () => {
  const daphne = loaded(readFileSync(fileURLToPath(new URL('../../scenarios/ted-doc/daphne.cfg', import.meta.url)), 'utf8'));
  const policies = buildCryptoPolicies(daphne.config);
  assert.deepEqual([...policies.keys()], ['FastEthernet0/0']);
  const [policy, ...rest] = policies.get('FastEthernet0/0')!;
  assert.equal(rest.length, 0);
  assert.equal(policy!.mapName, 'tedtag');
  assert.equal(policy!.seq, 10);
  assert.deepEqual(policy!.dynamicMap, { name: 'ted-map', seq: 10 });
  assert.equal(policy!.discover, true);
  assert.equal(policy!.localAddress, ip('11.11.11.1'));
  assert.deepEqual(policy!.peers, []);
  assert.deepEqual(policy!.selectors, [
    {
      local: { address: ip('13.13.13.0'), mask: ip('255.255.255.0'), protocol: 0, port: 0 },
      remote: { address: ip('12.12.12.0'), mask: ip('255.255.255.0'), protocol: 0, port: 0 },
    },
  ]);
  assert.deepEqual(policy!.transformSets, [
    { name: 'ted-transforms', mode: 'tunnel', espCipher: { transform: 'esp-des' }, espAuth: 'esp-md5-hmac' },
  ]);
  assert.equal(policy!.pfsGroup, undefined);
  assert.equal(policy!.lifetimeSeconds, 3600);
  assert.equal(policy!.lifetimeKilobytes, 4608000);
});

test('a static map takes its peers, PFS, its own and global lifetimes; hosts and ports become proxies', () => {
  const device = loaded(`hostname R1
crypto ipsec security-association lifetime kilobytes 10000
crypto ipsec transform-set strong esp-aes 256 esp-sha-hmac
crypto map vpn 20 ipsec-isakmp
 set peer 192.0.2.2
 set transform-set strong
 set pfs group5
 set security-association lifetime seconds 900
 match address 120
interface FastEthernet0/0
 ip address 192.0.2.1 255.255.255.0
 crypto map vpn
access-list 120 deny ip host 10.1.1.9 any
access-list 120 permit udp host 10.1.1.1 eq 500 10.2.0.0 0.0.255.255
end`);
  const [policy] = buildCryptoPolicies(device.config).get('FastEthernet0/0')!;
  assert.deepEqual(policy!.peers, [ip('192.0.2.2')]);
  assert.equal(policy!.pfsGroup, 5);
  assert.equal(policy!.lifetimeSeconds, 900);
  assert.equal(policy!.lifetimeKilobytes, 10000);
  assert.equal(policy!.acl?.name, '120');
  assert.deepEqual(policy!.selectors, [
    {
      local: { address: ip('10.1.1.1'), mask: 0xffffffff, protocol: 17, port: 500 },
      remote: { address: ip('10.2.0.0'), mask: ip('255.255.0.0'), protocol: 17, port: 0 },
    },
  ]);
  assert.deepEqual(policy!.transformSets[0]!.espCipher, { transform: 'esp-aes', keyBits: 256 });
  assert.equal(policy!.transformSets[0]!.espAuth, 'esp-sha-hmac');
});

test('an interface without an address or without a crypto map has no policies', () => {
  const device = loaded(`crypto map vpn 10 ipsec-isakmp
 set peer 192.0.2.2
interface FastEthernet0/0
 crypto map vpn
end`);
  assert.equal(buildCryptoPolicies(device.config).size, 0);
});
