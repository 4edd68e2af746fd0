import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IosDevice, renderShowCryptoMap } from '../ios/index.ts';
import { FakeRouterServices } from '../ios/testing/fake-router-services.ts';
import type { DynamicPeer } from '../ipsec/index.ts';
import { maskFromPrefixLength, parseIpv4 } from '../wire/ipv4-address.ts';
import { buildCryptoPolicies } from './crypto-policies.ts';
import { DynamicMapInstances } from './dynamic-map-instances.ts';

const ip = (text: string): number => parseIpv4(text)!;
const net = (address: string, length: number) => ({ address: ip(address), mask: maskFromPrefixLength(length), protocol: 0, port: 0 });

function daphne(extra = ''): IosDevice {
  const device = new IosDevice({ services: new FakeRouterServices() });
  const text = readFileSync(fileURLToPath(new URL('../../scenarios/ted-doc/daphne.cfg', import.meta.url)), 'utf8');
  assert.deepEqual(device.loadStartupConfig(text.replace('\nend', `\n${extra}\nend`)).rejected, []);
  return device;
}

function peer(device: IosDevice, address: string, remote: string): DynamicPeer {
  const policy = buildCryptoPolicies(device.config).get('FastEthernet0/0')!.find((candidate) => candidate.dynamicMap)!;
  return { policy, peer: ip(address), localProxy: net('13.13.13.0', 24), remoteProxy: net(remote, 24) };
}

test('the document\'s instance: tedtag 11 from ted-map/10, shown by show crypto map exactly as Daphne showed it', () => {
  const device = daphne();
  const instances = new DynamicMapInstances().update(device.config, [peer(device, '11.11.11.2', '12.12.12.0')]);
  assert.deepEqual(instances.map(({ seq, template, accessListLines }) => ({ seq, template, accessListLines })), [
    { seq: 11, template: { name: 'ted-map', seq: 10 }, accessListLines: ['access-list permit ip 13.13.13.0 0.0.0.255 12.12.12.0 0.0.0.255'] },
  ]);
  const reference = readFileSync(fileURLToPath(new URL('../../scenarios/ted-doc/reference/daphne.show-crypto-map.txt', import.meta.url)), 'utf8');
  assert.equal(renderShowCryptoMap(device.config, instances).join('\n').trimEnd(), reference.split('\n').slice(1).join('\n').trimEnd());
});

test('each new peer takes the lowest free number after the template; numbers stay while their SAs live and are freed with them', () => {
  const device = daphne();
  const registry = new DynamicMapInstances();
  const fred = peer(device, '11.11.11.2', '12.12.12.0');
  const wilma = peer(device, '11.11.11.3', '14.14.14.0');
  const barney = peer(device, '11.11.11.4', '15.15.15.0');
  const numbers = (peers: DynamicPeer[]) => registry.update(device.config, peers).map((instance) => [instance.seq, instance.peer]);
  assert.deepEqual(numbers([fred, wilma]), [[11, ip('11.11.11.2')], [12, ip('11.11.11.3')]]);
  assert.deepEqual(numbers([wilma]), [[12, ip('11.11.11.3')]], 'fred\'s SAs are gone, and so is his instance');
  assert.deepEqual(numbers([wilma, barney]), [[12, ip('11.11.11.3')], [11, ip('11.11.11.4')]]);
  assert.deepEqual(numbers([]), []);
});

test('a number a configured entry of the same map holds is skipped', () => {
  const device = daphne('crypto map tedtag 11 ipsec-isakmp\n set peer 11.11.11.9\n set transform-set ted-transforms\n match address 101');
  const instances = new DynamicMapInstances().update(device.config, [peer(device, '11.11.11.2', '12.12.12.0')]);
  assert.deepEqual(instances.map((instance) => instance.seq), [12]);
});

test('host proxies and ports read as IOS writes ACL entries', () => {
  const device = daphne();
  const base = peer(device, '11.11.11.2', '12.12.12.0');
  const [instance] = new DynamicMapInstances().update(device.config, [{
    ...base, localProxy: { address: ip('13.13.13.14'), mask: 0xffffffff, protocol: 17, port: 500 }, remoteProxy: net('12.12.12.0', 24),
  }]);
  assert.deepEqual(instance!.accessListLines, ['access-list permit udp host 13.13.13.14 eq isakmp 12.12.12.0 0.0.0.255']);
});
