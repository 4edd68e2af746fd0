import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIpv4, maskFromPrefixLength, prefixLengthOfMask } from '../wire/ipv4-address.ts';
import { RoutingTable, type InterfaceState } from './routing-table.ts';
import type { StaticRouteConfig } from './route-types.ts';
import { ip } from './test-fixtures.ts';

const up = (name: string, address: string, prefixLength = 24): InterfaceState => ({
  name, address: ip(address), mask: maskFromPrefixLength(prefixLength), lineUp: true,
});
const via = (prefix: string, prefixLength: number, nextHop: string, distance = 1): StaticRouteConfig => ({
  prefix: ip(prefix), mask: maskFromPrefixLength(prefixLength), nextHop: ip(nextHop), distance,
});
const describe = (table: RoutingTable) =>
  table.routes().map((r) => `${r.source[0]} ${formatIpv4(r.prefix)}/${prefixLengthOfMask(r.mask)} [${r.distance}]`);

test('connected routes come from interfaces that have an address and are up', () => {
  const table = RoutingTable.build(
    [up('Fa0/0', '11.11.11.1'), { ...up('Fa0/1', '13.13.13.13'), lineUp: false }, { name: 'Se0/0', lineUp: true }],
    [],
  );
  assert.deepEqual(describe(table), ['c 11.11.11.0/24 [0]']);
  assert.equal(table.routes()[0]!.interfaceName, 'Fa0/0');
});

test('longest prefix wins, whatever the order of configuration', () => {
  const table = RoutingTable.build([up('Fa0/0', '11.11.11.1')], [via('10.0.0.0', 8, '11.11.11.2'), via('10.1.0.0', 16, '11.11.11.3')]);
  assert.equal(table.lookup(ip('10.1.2.3'))?.nextHop, ip('11.11.11.3'));
  assert.equal(table.lookup(ip('10.2.2.3'))?.nextHop, ip('11.11.11.2'));
  assert.equal(table.lookup(ip('11.11.11.77'))?.nextHop, ip('11.11.11.77'));
  assert.equal(table.lookup(ip('12.0.0.1')), undefined);
});

test('a static route is installed only when its next hop resolves, recursively', () => {
  const statics = [
    via('0.0.0.0', 0, '20.0.0.1'), // resolves through the /8 below, which resolves through the connected /24
    via('20.0.0.0', 8, '11.11.11.2'),
    via('30.0.0.0', 8, '40.0.0.1'), // only the default reaches 40.0.0.1, which is enough
  ];
  const table = RoutingTable.build([up('Fa0/0', '11.11.11.1')], statics);
  assert.deepEqual(describe(table), [
    's 0.0.0.0/0 [1]', 'c 11.11.11.0/24 [0]', 's 20.0.0.0/8 [1]', 's 30.0.0.0/8 [1]',
  ]);
  const forwarding = table.lookup(ip('99.1.1.1'));
  assert.equal(forwarding?.interfaceName, 'Fa0/0');
  assert.equal(forwarding?.nextHop, ip('11.11.11.2'));
  assert.equal(forwarding?.route.prefix, 0);
});

test('routes whose next hops only they themselves (or each other) could reach are not installed', () => {
  const statics = [via('0.0.0.0', 0, '99.0.0.1'), via('50.0.0.0', 8, '50.0.0.1'), via('60.0.0.0', 8, '70.0.0.1'), via('70.0.0.0', 8, '60.0.0.1')];
  const table = RoutingTable.build([up('Fa0/0', '11.11.11.1')], statics);
  assert.deepEqual(describe(table), ['c 11.11.11.0/24 [0]']);
});

test('a static route goes when its next hop stops resolving (interface down)', () => {
  const statics = [via('0.0.0.0', 0, '11.11.11.2')];
  assert.equal(RoutingTable.build([up('Fa0/0', '11.11.11.1')], statics).routes().length, 2);
  assert.equal(RoutingTable.build([{ ...up('Fa0/0', '11.11.11.1'), lineUp: false }], statics).routes().length, 0);
});

test('a static route to an interface needs the interface up; the destination is the neighbour', () => {
  const config: StaticRouteConfig = { prefix: ip('10.0.0.0'), mask: maskFromPrefixLength(8), interfaceName: 'Fa0/1', distance: 1 };
  const down = RoutingTable.build([up('Fa0/0', '11.11.11.1'), { ...up('Fa0/1', '13.13.13.13'), lineUp: false }], [config]);
  assert.equal(down.lookup(ip('10.9.9.9')), undefined);
  const upTable = RoutingTable.build([up('Fa0/0', '11.11.11.1'), up('Fa0/1', '13.13.13.13')], [config]);
  assert.deepEqual(upTable.lookup(ip('10.9.9.9')), { route: upTable.bestRoute(ip('10.9.9.9')), interfaceName: 'Fa0/1', nextHop: ip('10.9.9.9') });
  const withHop = RoutingTable.build([up('Fa0/1', '13.13.13.13')], [{ ...config, nextHop: ip('13.13.13.1') }]);
  assert.equal(withHop.lookup(ip('10.9.9.9'))?.nextHop, ip('13.13.13.1'));
});

test('administrative distance: the lowest wins; connected beats static', () => {
  const table = RoutingTable.build(
    [up('Fa0/0', '11.11.11.1'), up('Fa0/1', '13.13.13.13')],
    [via('10.0.0.0', 8, '11.11.11.2', 250), via('10.0.0.0', 8, '13.13.13.1', 5), via('11.11.11.0', 24, '13.13.13.1')],
  );
  assert.deepEqual(describe(table), ['s 10.0.0.0/8 [5]', 'c 11.11.11.0/24 [0]', 'c 13.13.13.0/24 [0]']);
  assert.equal(table.lookup(ip('10.1.1.1'))?.nextHop, ip('13.13.13.1'));
});

test('no ip classless: a known major network never falls back to the default route', () => {
  const table = RoutingTable.build([up('Fa0/0', '10.1.1.1'), up('Fa0/1', '11.11.11.1')], [via('0.0.0.0', 0, '11.11.11.2')]);
  // 10.2.3.4 is in major network 10.0.0.0/8, of which the table knows the subnet 10.1.1.0/24.
  assert.equal(table.lookup(ip('10.2.3.4'), { classless: true })?.nextHop, ip('11.11.11.2'));
  assert.equal(table.lookup(ip('10.2.3.4'), { classless: false }), undefined);
  assert.equal(table.lookup(ip('10.1.1.9'), { classless: false })?.interfaceName, 'Fa0/0');
  // A major network the table knows nothing of still takes the default.
  assert.equal(table.lookup(ip('172.16.0.1'), { classless: false })?.nextHop, ip('11.11.11.2'));
});
