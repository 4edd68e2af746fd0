import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { NatCounters, NatService, NatTranslation } from '../../net/nat-types.ts';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import { IosDevice } from '../session/ios-device.ts';
import { FakeRouterServices } from '../testing/fake-router-services.ts';

/** The fake router with a NAT table the test fills in, recording what the CLI asks of it. */
class NatFakeServices extends FakeRouterServices {
  table: NatTranslation[] = [];
  counts: NatCounters = { hits: 0, misses: 0, expired: 0, failed: 0 };
  calls: string[] = [];

  override nat(): NatService {
    return {
      translations: () => this.table,
      counters: () => this.counts,
      clearDynamic: () => {
        this.calls.push('clear translations');
        const before = this.table.length;
        this.table = this.table.filter((t) => t.static);
        return before - this.table.length;
      },
      clearCounters: () => this.calls.push('clear statistics'),
    };
  }
}

function device(services = new NatFakeServices()) {
  const router = new IosDevice({ hostname: 'Daphne', services });
  router.type('enable');
  return { router, services };
}

function configure(router: IosDevice, lines: string[]): string[] {
  router.type('configure terminal');
  const outputs = lines.map((line) => router.type(line));
  router.type('end');
  return outputs;
}

function runningLines(router: IosDevice): string[] {
  return router.type('show running-config').split('\n').filter((line) => line !== '!');
}

function patTranslation(): NatTranslation {
  const a = (text: string, port: number) => ({ address: parseIpv4(text)!, port });
  return {
    protocol: 'icmp', insideGlobal: a('11.11.11.1', 1), insideLocal: a('13.13.13.14', 1),
    outsideLocal: a('12.12.12.13', 1), outsideGlobal: a('12.12.12.13', 1), static: false,
    rule: { kind: 'list', accessList: '1', interfaceName: 'FastEthernet0/0', overload: true },
    createdAt: 0, lastUsedAt: 0, timeoutSeconds: 60,
  };
}

test('ip nat inside / outside: an interface is one or the other, and `no` takes only its own role away', () => {
  const { router } = device();
  const outputs = configure(router, ['interface fa0/1', 'ip nat outside', 'ip nat inside', 'no ip nat outside', 'interface fa0/0', 'ip nat outside']);
  assert.deepEqual(outputs, ['', '', '', '', '', '']);
  assert.equal(router.config.interfaces[1]!.nat, 'inside');
  assert.equal(router.config.interfaces[0]!.nat, 'outside');
  configure(router, ['interface FastEthernet0/1', 'no ip nat inside']);
  assert.equal(router.config.interfaces[1]!.nat, undefined);
});

test('in an interface section `ip nat` follows the access group and ICMP switches, precedes route-cache', () => {
  const { router } = device();
  configure(router, [
    'interface FastEthernet0/1', 'ip address 13.13.13.13 255.255.255.0', 'no ip route-cache', 'ip nat inside', 'no ip redirects',
    'ip access-group 101 in', 'no shutdown',
  ]);
  const lines = runningLines(router);
  const start = lines.indexOf('interface FastEthernet0/1');
  assert.deepEqual(lines.slice(start, start + 8), [
    'interface FastEthernet0/1',
    ' ip address 13.13.13.13 255.255.255.0',
    ' ip access-group 101 in',
    ' no ip redirects',
    ' ip nat inside',
    ' no ip route-cache',
    ' duplex auto',
    ' speed auto',
  ]);
});

test('global NAT lines come after the interfaces and before ip classless: timeouts, mappings, statics', () => {
  const { router } = device();
  const outputs = configure(router, [
    'ip nat inside source static 13.13.13.14 11.11.11.5',
    'ip nat inside source list 1 interface fa0/0 overload',
    'ip nat translation udp-timeout 60',
    'ip nat translation timeout never',
    'ip nat translation icmp-timeout 60',
    'access-list 1 permit 13.13.13.0 0.0.0.255',
  ]);
  assert.ok(outputs.every((output) => output === ''));
  const lines = runningLines(router);
  const classless = lines.indexOf('ip classless');
  assert.deepEqual(lines.slice(classless - 5, classless + 1), [
    ' speed auto',
    'ip nat translation timeout never',
    'ip nat translation udp-timeout 60',
    'ip nat inside source list 1 interface FastEthernet0/0 overload',
    'ip nat inside source static 13.13.13.14 11.11.11.5',
    'ip classless',
  ]);
  assert.deepEqual(router.config.nat.timeouts, { 'udp-timeout': 60, timeout: 'never' }, 'the default icmp-timeout is not kept');
  configure(router, ['no ip nat translation udp-timeout', 'no ip nat inside source static 13.13.13.14 11.11.11.5']);
  assert.deepEqual(router.config.nat.timeouts, { timeout: 'never' });
  assert.deepEqual(router.config.nat.insideSourceStatics, []);
});

test('a static mapping may not reuse a local or a global address', () => {
  const { router } = device();
  const outputs = configure(router, [
    'ip nat inside source static 13.13.13.14 11.11.11.5',
    'ip nat inside source static 13.13.13.14 11.11.11.5',
    'ip nat inside source static 13.13.13.14 11.11.11.6',
    'ip nat inside source static 13.13.13.15 11.11.11.5',
  ]);
  assert.deepEqual(outputs, [
    '',
    '',
    '% 13.13.13.14 already mapped (13.13.13.14 -> 11.11.11.5)',
    '% similar static entry (13.13.13.14 -> 11.11.11.5) already exists',
  ]);
  assert.equal(router.config.nat.insideSourceStatics.length, 1);
});

test('a dynamic mapping in use is neither removed nor changed; once cleared it is', () => {
  const { router, services } = device();
  configure(router, ['ip nat inside source list 1 interface FastEthernet0/0 overload']);
  services.table = [patTranslation()];
  const refused = configure(router, [
    'no ip nat inside source list 1 interface FastEthernet0/0 overload',
    'ip nat inside source list 1 interface FastEthernet0/1 overload',
  ]);
  assert.deepEqual(refused, ['%Dynamic mapping in use, cannot remove', '%Dynamic mapping in use, cannot change']);
  assert.deepEqual(router.config.nat.insideSourceLists, [{ accessList: '1', interfaceName: 'FastEthernet0/0', overload: true }]);
  assert.equal(router.type('clear ip nat translation *'), '');
  assert.deepEqual(services.calls, ['clear translations']);
  configure(router, ['no ip nat inside source list 1 interface FastEthernet0/0 overload']);
  assert.deepEqual(router.config.nat.insideSourceLists, []);
});

test('show ip nat translations and statistics read the router\'s table; clear ip nat statistics resets it', () => {
  const { router, services } = device();
  assert.equal(router.type('show ip nat translations'), '');
  configure(router, ['interface fa0/0', 'ip nat outside', 'interface fa0/1', 'ip nat inside', 'ip nat inside source list 1 interface fa0/0 overload']);
  services.table = [patTranslation()];
  services.counts = { hits: 9, misses: 1, expired: 0, failed: 0 };
  assert.deepEqual(router.type('show ip nat translations').split('\n'), [
    'Pro Inside global      Inside local       Outside local      Outside global',
    'icmp 11.11.11.1:1      13.13.13.14:1      12.12.12.13:1      12.12.12.13:1',
  ]);
  const statistics = router.type('show ip nat statistics').split('\n');
  assert.equal(statistics[0], 'Total active translations: 1 (0 static, 1 dynamic; 1 extended)');
  assert.ok(statistics.includes('Hits: 9  Misses: 1'));
  assert.equal(statistics.at(-1), 'access-list 1 interface FastEthernet0/0 refcount 1');
  router.type('clear ip nat statistics');
  assert.deepEqual(services.calls, ['clear statistics']);
  router.type('disable');
  assert.match(router.type('show ip nat translations'), /^Pro Inside global/, 'the table is there at the user level too');
  assert.match(router.type('clear ip nat translation *'), /Invalid input/);
});

test('every NAT word has its help text', () => {
  const { router } = device();
  router.type('configure terminal');
  assert.equal(router.type('ip nat inside source ?'), [
    '  list    Specify access list describing local addresses',
    '  static  Specify static local->global mapping',
    '',
  ].join('\n'));
  router.type('interface FastEthernet0/1');
  assert.equal(router.type('ip nat ?'), [
    '  inside   Inside interface for address translation',
    '  outside  Outside interface for address translation',
    '',
  ].join('\n'));
  router.type('end');
  assert.match(router.type('clear ip nat translation ?'), /^ {2}\* +Delete all dynamic translations$/m);
});

test('NAT lines added to the TED reference configuration land where IOS 12.2 writes them', () => {
  const reference = readFileSync(new URL('../../../scenarios/ted-doc/reference/daphne.running-config.txt', import.meta.url), 'utf8');
  const { router } = device(new NatFakeServices());
  const body = reference.split('\n').slice(4).join('\n');
  assert.deepEqual(router.loadStartupConfig(body).rejected, []);
  router.startPrivileged();
  configure(router, [
    'interface FastEthernet0/0', 'ip nat outside', 'interface FastEthernet0/1', 'ip nat inside',
    'ip nat inside source list 1 interface FastEthernet0/0 overload', 'access-list 1 permit 13.13.13.0 0.0.0.255',
  ]);
  const lines = runningLines(router);
  const from = lines.indexOf('interface FastEthernet0/0');
  assert.deepEqual(lines.slice(from, from + 15), [
    'interface FastEthernet0/0',
    ' ip address 11.11.11.1 255.255.255.0',
    ' ip nat outside',
    ' duplex auto',
    ' speed auto',
    ' crypto map tedtag',
    'interface FastEthernet0/1',
    ' ip address 13.13.13.13 255.255.255.0',
    ' ip nat inside',
    ' duplex auto',
    ' speed auto',
    'ip nat inside source list 1 interface FastEthernet0/0 overload',
    'ip classless',
    'ip route 0.0.0.0 0.0.0.0 11.11.11.2',
    'ip http server',
  ]);
});
