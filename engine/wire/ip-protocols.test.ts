import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ICMP_MESSAGE_TABLE, IP_PROTOCOL_TABLE, TCP_PORT_TABLE, UDP_PORT_TABLE, icmpMessageByName, icmpMessageName,
  portName, portNumber, protocolName, protocolNumber,
} from './ip-protocols.ts';

test('protocol keywords map both ways', () => {
  const expected: Record<string, number> = {
    icmp: 1, igmp: 2, ipinip: 4, tcp: 6, udp: 17, gre: 47, esp: 50, ahp: 51, eigrp: 88, ospf: 89, nos: 94, pim: 103, pcp: 108,
  };
  for (const [name, number] of Object.entries(expected)) {
    assert.equal(protocolNumber(name), number, name);
    assert.equal(protocolName(number), name, name);
  }
  assert.equal(protocolNumber('ip'), undefined);
  assert.equal(protocolName(200), undefined);
});

test('port names are per protocol, as IOS prints them', () => {
  assert.equal(portNumber('udp', 'isakmp'), 500);
  assert.equal(portNumber('tcp', 'www'), 80);
  assert.equal(portNumber('tcp', 'telnet'), 23);
  assert.equal(portNumber('udp', 'domain'), 53);
  assert.equal(portNumber('tcp', 'isakmp'), undefined);
  assert.equal(portName('tcp', 514), 'cmd');
  assert.equal(portName('udp', 514), 'syslog');
  assert.equal(portName('udp', 4500), undefined);
});

test('ICMP keywords carry type and, when specific, code', () => {
  assert.deepEqual([icmpMessageByName('echo')?.type, icmpMessageByName('echo')?.code], [8, undefined]);
  assert.deepEqual([icmpMessageByName('administratively-prohibited')?.type, icmpMessageByName('administratively-prohibited')?.code], [3, 13]);
  assert.equal(icmpMessageName(0), 'echo-reply');
  assert.equal(icmpMessageName(3), 'unreachable');
  assert.equal(icmpMessageName(3, 3), 'port-unreachable');
  assert.equal(icmpMessageName(11, 0), 'ttl-exceeded');
  assert.equal(icmpMessageName(99), undefined);
});

test('no table has a duplicate keyword or a duplicate type/code', () => {
  for (const table of [IP_PROTOCOL_TABLE, TCP_PORT_TABLE, UDP_PORT_TABLE, ICMP_MESSAGE_TABLE]) {
    const names = table.map((row) => row.name);
    assert.equal(new Set(names).size, names.length);
  }
  for (const table of [IP_PROTOCOL_TABLE, TCP_PORT_TABLE, UDP_PORT_TABLE]) {
    const numbers = table.map((row) => row.number);
    assert.equal(new Set(numbers).size, numbers.length);
  }
  const keys = ICMP_MESSAGE_TABLE.map((row) => `${row.type}/${row.code}`);
  assert.equal(new Set(keys).size, keys.length);
});
