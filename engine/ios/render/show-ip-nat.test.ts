import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NatTranslation } from '../../net/nat-types.ts';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import { createDefaultConfig } from '../config/config-model.ts';
import { NAT_TRANSLATIONS_HEADER, natTranslationLine, renderShowIpNatStatistics, renderShowIpNatTranslations } from './show-ip-nat.ts';

function at(text: string): { address: number; port?: number } {
  const [address, port] = text.split(':');
  return { address: parseIpv4(address!)!, ...(port === undefined ? {} : { port: Number(port) }) };
}

const PAT_RULE = { kind: 'list', accessList: '1', interfaceName: 'FastEthernet0/0', overload: true } as const;

function extended(protocol: 'tcp' | 'udp' | 'icmp', ig: string, il: string, ol: string, og: string): NatTranslation {
  return {
    protocol, insideGlobal: at(ig), insideLocal: at(il), outsideLocal: at(ol), outsideGlobal: at(og),
    static: false, rule: PAT_RULE, createdAt: 0, lastUsedAt: 0, timeoutSeconds: 60,
  };
}

function staticRow(ig: string, il: string): NatTranslation {
  return {
    insideGlobal: at(ig), insideLocal: at(il), static: true,
    rule: { kind: 'static', local: at(il).address, global: at(ig).address }, createdAt: 0, lastUsedAt: 0, timeoutSeconds: Infinity,
  };
}

test('the heading and rows sit in IOS\'s columns (rows as captured from IOS routers)', () => {
  assert.equal(NAT_TRANSLATIONS_HEADER, 'Pro Inside global      Inside local       Outside local      Outside global');
  assert.equal(
    natTranslationLine(extended('tcp', '10.45.1.7:41011', '10.78.9.7:41011', '10.123.4.1:23', '10.123.4.1:23')),
    'tcp 10.45.1.7:41011    10.78.9.7:41011    10.123.4.1:23      10.123.4.1:23',
  );
  assert.equal(natTranslationLine(staticRow('10.45.1.7', '10.78.9.7')), '--- 10.45.1.7          10.78.9.7          ---                ---');
  assert.equal(
    natTranslationLine(extended('icmp', '203.0.113.1:20', '10.1.10.11:20', '198.51.100.53:20', '198.51.100.53:20')),
    'icmp 203.0.113.1:20    10.1.10.11:20      198.51.100.53:20   198.51.100.53:20',
  );
  assert.equal(
    natTranslationLine(extended('icmp', '209.65.200.225:0', '10.1.4.6:0', '209.65.200.241:0', '209.65.200.241:0')),
    'icmp 209.65.200.225:0  10.1.4.6:0         209.65.200.241:0   209.65.200.241:0',
  );
});

test('an address too long for its column still leaves a blank before the next one', () => {
  const line = natTranslationLine(extended('udp', '203.0.113.100:65535', '192.168.100.100:65535', '1.1.1.1:53', '1.1.1.1:53'));
  assert.equal(line, 'udp 203.0.113.100:65535 192.168.100.100:65535 1.1.1.1:53         1.1.1.1:53');
});

test('an empty table prints nothing; a full one its heading, then the rows in the order given', () => {
  assert.deepEqual(renderShowIpNatTranslations([]), []);
  assert.deepEqual(
    renderShowIpNatTranslations([
      extended('icmp', '11.11.11.1:1', '13.13.13.14:1', '12.12.12.13:1', '12.12.12.13:1'),
      staticRow('11.11.11.5', '13.13.13.14'),
    ]),
    [
      'Pro Inside global      Inside local       Outside local      Outside global',
      'icmp 11.11.11.1:1      13.13.13.14:1      12.12.12.13:1      12.12.12.13:1',
      '--- 11.11.11.5         13.13.13.14        ---                ---',
    ],
  );
});

test('show ip nat statistics counts the table and names interfaces and mappings', () => {
  const config = createDefaultConfig('Daphne');
  config.interfaces[0]!.nat = 'outside';
  config.interfaces[1]!.nat = 'inside';
  config.nat.insideSourceLists.push({ accessList: '1', interfaceName: 'FastEthernet0/0', overload: true });
  const table = [
    extended('icmp', '11.11.11.1:1', '13.13.13.14:1', '12.12.12.13:1', '12.12.12.13:1'),
    extended('udp', '11.11.11.1:500', '13.13.13.14:500', '12.12.12.13:500', '12.12.12.13:500'),
    staticRow('11.11.11.5', '13.13.13.15'),
  ];
  assert.deepEqual(renderShowIpNatStatistics(config, table, { hits: 9, misses: 2, expired: 1, failed: 0 }), [
    'Total active translations: 3 (1 static, 2 dynamic; 2 extended)',
    'Outside interfaces:',
    '  FastEthernet0/0',
    'Inside interfaces:',
    '  FastEthernet0/1',
    'Hits: 9  Misses: 2',
    'Expired translations: 1',
    'Dynamic mappings:',
    '-- Inside Source',
    'access-list 1 interface FastEthernet0/0 refcount 2',
  ]);
});

test('statistics without NAT configured: zeros and empty lists', () => {
  assert.deepEqual(renderShowIpNatStatistics(createDefaultConfig(), [], { hits: 0, misses: 0, expired: 0, failed: 0 }), [
    'Total active translations: 0 (0 static, 0 dynamic; 0 extended)',
    'Outside interfaces:',
    'Inside interfaces:',
    'Hits: 0  Misses: 0',
    'Expired translations: 0',
    'Dynamic mappings:',
  ]);
});
