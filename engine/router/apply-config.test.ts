import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sim } from '../sim/sim.ts';
import { Host } from '../net/host.ts';
import { Link } from '../net/link.ts';
import { decodeIpv4 } from '../wire/ipv4.ts';
import { formatIpv4, parseIpv4 } from '../wire/ipv4-address.ts';
import { createDefaultConfig } from '../ios/config/config-model.ts';
import { natSettings } from './apply-config.ts';
import { Router } from './router.ts';

const CONFIG = `hostname Daphne
interface FastEthernet0/0
 ip address 11.11.11.1 255.255.255.0
 ip nat outside
interface FastEthernet0/1
 ip address 13.13.13.13 255.255.255.0
 ip nat inside
ip nat translation icmp-timeout 10
ip nat inside source list 1 interface FastEthernet0/0 overload
ip nat inside source static 13.13.13.20 11.11.11.20
ip route 0.0.0.0 0.0.0.0 11.11.11.2
access-list 1 permit 13.13.13.0 0.0.0.255
end`;

function address(text: string): number {
  return parseIpv4(text)!;
}

function natRouterLab() {
  const sim = new Sim(1);
  const router = new Router(sim, { name: 'Daphne' });
  assert.deepEqual(router.loadStartupConfig(CONFIG), []);
  const mask = address('255.255.255.0');
  const inside = new Host(sim, 'pc', { address: address('13.13.13.14'), mask, gateway: address('13.13.13.13') });
  const outside = new Host(sim, 'isp', { address: address('11.11.11.2'), mask });
  new Link(sim, 'lan', [router.node.interface('FastEthernet0/1')!, inside.eth0]);
  const wan = new Link(sim, 'wan', [router.node.interface('FastEthernet0/0')!, outside.eth0]);
  return { sim, router, inside, outside, wan };
}

test('the NAT configuration reaches the IP stack: an inside ping leaves with the router\'s address', () => {
  const { sim, router, inside, wan } = natRouterLab();
  const sources: string[] = [];
  wan.addTap((_time, bytes, from) => {
    const datagram = decodeIpv4(bytes);
    if (datagram.ok && from.name === 'FastEthernet0/0') sources.push(formatIpv4(datagram.value.source));
  });
  const session = inside.ping({ destination: address('11.11.11.2'), count: 2 });
  sim.runUntil(() => session.done, 10_000);
  assert.equal(session.result.marks, '!!');
  assert.deepEqual(sources, ['11.11.11.1', '11.11.11.1']);
  const rows = router.node.nat.translations().map((t) => `${t.protocol ?? '---'} ${formatIpv4(t.insideLocal.address)}`);
  assert.deepEqual(rows, ['icmp 13.13.13.14', '--- 13.13.13.20']);
  sim.advance(10_001);
  assert.equal(router.node.nat.translations().length, 1, 'the configured 10 s ICMP timeout applies');
});

test('a typed change is applied at once: removing the mapping stops translation', () => {
  const { sim, router, inside, wan } = natRouterLab();
  const result = router.configure(['no ip nat inside source list 1 interface FastEthernet0/0 overload']);
  assert.equal(result.rejected, undefined);
  const sources: string[] = [];
  wan.addTap((_time, bytes) => {
    const datagram = decodeIpv4(bytes);
    if (datagram.ok && datagram.value.destination === address('11.11.11.2')) sources.push(formatIpv4(datagram.value.source));
  });
  const session = inside.ping({ destination: address('11.11.11.2'), count: 1 });
  sim.runUntil(() => session.done, 10_000);
  assert.deepEqual(sources, ['13.13.13.14']);
});

test('natSettings: roles by interface, statics first, lists bound to their access list, never as Infinity', () => {
  const config = createDefaultConfig();
  config.interfaces[0]!.nat = 'outside';
  config.interfaces[1]!.nat = 'inside';
  config.nat.insideSourceLists.push({ accessList: '7', interfaceName: 'FastEthernet0/0', overload: true });
  config.nat.insideSourceStatics.push({ local: address('13.13.13.20'), global: address('11.11.11.20') });
  config.nat.timeouts = { 'udp-timeout': 30, timeout: 'never' };
  const before = natSettings(config);
  assert.deepEqual([before.inside, before.outside], [['FastEthernet0/1'], ['FastEthernet0/0']]);
  assert.deepEqual(before.rules.map((rule) => rule.kind), ['static', 'list']);
  assert.equal(before.rules[1]!.kind === 'list' && before.rules[1]!.acl, undefined, 'list 7 does not exist yet');
  assert.equal(before.timeouts['udp-timeout'], 30);
  assert.equal(before.timeouts.timeout, Infinity);
  assert.equal(before.timeouts['icmp-timeout'], 60);
  config.accessLists.push({ name: '7', kind: 'standard', named: false, lines: [] });
  const after = natSettings(config);
  assert.equal(after.rules[1]!.kind === 'list' && after.rules[1]!.acl, config.accessLists[0]);
});

test('a static NAT global in the outside subnet becomes an alias the outside interface answers for', () => {
  const router = new Router(new Sim(1), { name: 'Daphne' });
  assert.deepEqual(router.loadStartupConfig(CONFIG), []);
  const outside = router.node.interface('FastEthernet0/0')!;
  const inside = router.node.interface('FastEthernet0/1')!;
  assert.deepEqual(outside.aliases, [address('11.11.11.20')]);
  assert.ok(outside.answersFor(address('11.11.11.20')));
  assert.ok(outside.answersFor(address('11.11.11.1')));
  assert.deepEqual(inside.aliases, []);
  router.configure(['no ip nat inside source static 13.13.13.20 11.11.11.20']);
  assert.deepEqual(outside.aliases, []);
});
