import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Route } from '../../net/route-types.ts';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import { renderRouteEntry, renderShowIpRoute, routeTableLines } from './show-ip-route.ts';

const ip = (text: string) => parseIpv4(text)!;

function connected(prefix: string, mask: string, interfaceName: string): Route {
  return { source: 'connected', prefix: ip(prefix), mask: ip(mask), distance: 0, metric: 0, interfaceName };
}

function staticRoute(prefix: string, mask: string, nextHop?: string, interfaceName?: string, distance = 1): Route {
  return {
    source: 'static',
    prefix: ip(prefix),
    mask: ip(mask),
    distance,
    metric: 0,
    ...(nextHop ? { nextHop: ip(nextHop) } : {}),
    ...(interfaceName ? { interfaceName } : {}),
  };
}

const DAPHNE_ROUTES = [
  staticRoute('0.0.0.0', '0.0.0.0', '11.11.11.2'),
  connected('13.13.13.0', '255.255.255.0', 'FastEthernet0/1'),
  connected('11.11.11.0', '255.255.255.0', 'FastEthernet0/0'),
];

test("Daphne's table: subnetted classful groups, then the default route with its gateway", () => {
  const lines = renderShowIpRoute(DAPHNE_ROUTES);
  assert.equal(lines[0], 'Codes: C - connected, S - static, I - IGRP, R - RIP, M - mobile, B - BGP');
  assert.deepEqual(lines.slice(7), [
    '',
    'Gateway of last resort is 11.11.11.2 to network 0.0.0.0',
    '',
    '     11.0.0.0/24 is subnetted, 1 subnets',
    'C       11.11.11.0 is directly connected, FastEthernet0/0',
    '     13.0.0.0/24 is subnetted, 1 subnets',
    'C       13.13.13.0 is directly connected, FastEthernet0/1',
    'S*   0.0.0.0/0 [1/0] via 11.11.11.2',
  ]);
});

test('without a default route the gateway is not set; classful networks stand alone', () => {
  const lines = renderShowIpRoute([connected('192.168.1.0', '255.255.255.0', 'Loopback0')]);
  assert.equal(lines[8], 'Gateway of last resort is not set');
  assert.deepEqual(lines.slice(10), ['C    192.168.1.0/24 is directly connected, Loopback0']);
});

test('several masks in one network are variably subnetted; statics show distance and path', () => {
  const lines = routeTableLines([
    connected('10.1.1.0', '255.255.255.0', 'FastEthernet0/0'),
    staticRoute('10.2.0.0', '255.255.0.0', '10.1.1.2', undefined, 5),
    staticRoute('10.3.0.0', '255.255.0.0', undefined, 'Null0'),
    staticRoute('10.4.0.0', '255.255.0.0', '10.1.1.3', 'FastEthernet0/0'),
    staticRoute('172.16.0.0', '255.240.0.0', '10.1.1.2'),
  ]);
  assert.deepEqual(lines, [
    '     10.0.0.0/8 is variably subnetted, 4 subnets, 2 masks',
    'C       10.1.1.0/24 is directly connected, FastEthernet0/0',
    'S       10.2.0.0/16 [5/0] via 10.1.1.2',
    'S       10.3.0.0/16 is directly connected, Null0',
    'S       10.4.0.0/16 [1/0] via 10.1.1.3, FastEthernet0/0',
    'S    172.16.0.0/12 [1/0] via 10.1.1.2',
  ]);
});

test('equal-cost static paths continue under the first one', () => {
  const lines = routeTableLines([staticRoute('0.0.0.0', '0.0.0.0', '1.1.1.1'), staticRoute('0.0.0.0', '0.0.0.0', '2.2.2.2')]);
  assert.deepEqual(lines, ['S*   0.0.0.0/0 [1/0] via 1.1.1.1', '               [1/0] via 2.2.2.2']);
});

test('show ip route ADDRESS describes the longest match', () => {
  assert.deepEqual(renderRouteEntry(DAPHNE_ROUTES, ip('11.11.11.7')), [
    'Routing entry for 11.11.11.0/24',
    '  Known via "connected", distance 0, metric 0 (connected, via interface)',
    '  Routing Descriptor Blocks:',
    '  * directly connected, via FastEthernet0/0',
    '      Route metric is 0, traffic share count is 1',
    '',
  ]);
  assert.equal(renderRouteEntry(DAPHNE_ROUTES, ip('0.0.0.0'))[0], 'Routing entry for 0.0.0.0/0, supernet');
  assert.deepEqual(renderRouteEntry(DAPHNE_ROUTES, ip('12.12.12.13')), ['% Network not in table']);
  assert.deepEqual(renderRouteEntry(DAPHNE_ROUTES, ip('11.11.12.1')), ['% Subnet not in table']);
});
