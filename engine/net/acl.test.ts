import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeIpv4 } from '../wire/ipv4.ts';
import { parseHex } from '../wire/bytes.ts';
import type { AccessList, PacketFields } from './acl-types.ts';
import { evaluateAcl, packetFieldsOf } from './acl.ts';
import { any, entry, extendedAcl, host, ip } from './test-fixtures.ts';

const tcp = (source: string, destination: string, sourcePort: number, destinationPort: number, tcpFlags = 0x02): PacketFields => ({
  protocol: 6, source: ip(source), destination: ip(destination), sourcePort, destinationPort, tcpFlags,
});
const udp = (source: string, destination: string, sourcePort: number, destinationPort: number): PacketFields => ({
  protocol: 17, source: ip(source), destination: ip(destination), sourcePort, destinationPort,
});
const icmp = (source: string, destination: string, icmpType: number, icmpCode = 0): PacketFields => ({
  protocol: 1, source: ip(source), destination: ip(destination), icmpType, icmpCode,
});

test('standard list: the source alone decides, first match wins and counts', () => {
  const acl: AccessList = {
    name: '10', kind: 'standard', named: false,
    lines: [
      { remark: 'lab hosts' },
      entry({ action: 'deny', source: host('13.13.13.14') }),
      entry({ action: 'permit', source: { address: ip('13.13.13.0'), wildcard: ip('0.0.0.255') } }),
    ],
  };
  assert.equal(evaluateAcl(acl, udp('13.13.13.14', '1.1.1.1', 1, 1)).action, 'deny');
  assert.equal(evaluateAcl(acl, udp('13.13.13.20', '1.1.1.1', 1, 1)).action, 'permit');
  assert.equal(evaluateAcl(acl, icmp('13.13.13.21', '9.9.9.9', 8)).action, 'permit');
  const implicit = evaluateAcl(acl, udp('12.12.12.13', '13.13.13.14', 1, 1));
  assert.deepEqual(implicit, { action: 'deny' });
  assert.deepEqual(acl.lines.slice(1).map((l) => ('matches' in l ? l.matches : -1)), [1, 2]);
});

test('extended list: protocol, source and destination with wildcards (the TED crypto ACL)', () => {
  const acl = extendedAcl('101', [
    entry({ action: 'permit', source: { address: ip('13.13.13.0'), wildcard: ip('0.0.0.255') }, destination: { address: ip('12.12.12.0'), wildcard: ip('0.0.0.255') } }),
  ]);
  assert.equal(evaluateAcl(acl, icmp('13.13.13.14', '12.12.12.13', 8)).action, 'permit');
  assert.equal(evaluateAcl(acl, icmp('12.12.12.13', '13.13.13.14', 0)).action, 'deny');
  assert.equal(evaluateAcl(acl, udp('13.13.13.14', '12.12.13.1', 5, 5)).action, 'deny');
  const tcpOnly = extendedAcl('102', [entry({ action: 'permit', protocol: 6, source: any(), destination: any() })]);
  assert.equal(evaluateAcl(tcpOnly, tcp('1.1.1.1', '2.2.2.2', 1024, 23)).action, 'permit');
  assert.equal(evaluateAcl(tcpOnly, udp('1.1.1.1', '2.2.2.2', 1024, 23)).action, 'deny');
});

test('port operators eq, neq, lt, gt and range, on source and destination', () => {
  const cases: Array<[AccessList['lines'][number], PacketFields, boolean]> = [
    [entry({ action: 'permit', protocol: 17, source: any(), destination: any(), destinationPort: { operator: 'eq', ports: [500] } }), udp('1.1.1.1', '2.2.2.2', 500, 500), true],
    [entry({ action: 'permit', protocol: 17, source: any(), destination: any(), destinationPort: { operator: 'eq', ports: [500] } }), udp('1.1.1.1', '2.2.2.2', 500, 4500), false],
    [entry({ action: 'permit', protocol: 6, source: any(), destination: any(), destinationPort: { operator: 'neq', ports: [23] } }), tcp('1.1.1.1', '2.2.2.2', 9, 80), true],
    [entry({ action: 'permit', protocol: 6, source: any(), destination: any(), destinationPort: { operator: 'neq', ports: [23] } }), tcp('1.1.1.1', '2.2.2.2', 9, 23), false],
    [entry({ action: 'permit', protocol: 6, source: any(), sourcePort: { operator: 'lt', ports: [1024] }, destination: any() }), tcp('1.1.1.1', '2.2.2.2', 1023, 80), true],
    [entry({ action: 'permit', protocol: 6, source: any(), sourcePort: { operator: 'lt', ports: [1024] }, destination: any() }), tcp('1.1.1.1', '2.2.2.2', 1024, 80), false],
    [entry({ action: 'permit', protocol: 6, source: any(), sourcePort: { operator: 'gt', ports: [1023] }, destination: any() }), tcp('1.1.1.1', '2.2.2.2', 1024, 80), true],
    [entry({ action: 'permit', protocol: 6, source: any(), sourcePort: { operator: 'gt', ports: [1023] }, destination: any() }), tcp('1.1.1.1', '2.2.2.2', 1023, 80), false],
    [entry({ action: 'permit', protocol: 17, source: any(), destination: any(), destinationPort: { operator: 'range', ports: [137, 139] } }), udp('1.1.1.1', '2.2.2.2', 5, 137), true],
    [entry({ action: 'permit', protocol: 17, source: any(), destination: any(), destinationPort: { operator: 'range', ports: [137, 139] } }), udp('1.1.1.1', '2.2.2.2', 5, 139), true],
    [entry({ action: 'permit', protocol: 17, source: any(), destination: any(), destinationPort: { operator: 'range', ports: [137, 139] } }), udp('1.1.1.1', '2.2.2.2', 5, 140), false],
    // A packet without ports (a later fragment) never matches a port condition.
    [entry({ action: 'permit', protocol: 17, source: any(), destination: any(), destinationPort: { operator: 'gt', ports: [0] } }), { protocol: 17, source: 1, destination: 2 }, false],
  ];
  cases.forEach(([line, fields, expected], i) => {
    const acl = extendedAcl('110', [line as never]);
    assert.equal(evaluateAcl(acl, fields).action === 'permit', expected, `case ${i}`);
  });
});

test('ICMP type and code, and TCP established', () => {
  const acl = extendedAcl('120', [
    entry({ action: 'permit', protocol: 1, source: any(), destination: any(), icmpType: 0 }),
    entry({ action: 'permit', protocol: 1, source: any(), destination: any(), icmpType: 3, icmpCode: 13 }),
    entry({ action: 'permit', protocol: 6, source: any(), destination: any(), established: true }),
  ]);
  assert.equal(evaluateAcl(acl, icmp('1.1.1.1', '2.2.2.2', 0)).entry, acl.lines[0]);
  assert.equal(evaluateAcl(acl, icmp('1.1.1.1', '2.2.2.2', 8)).action, 'deny');
  assert.equal(evaluateAcl(acl, icmp('1.1.1.1', '2.2.2.2', 3, 13)).entry, acl.lines[1]);
  assert.equal(evaluateAcl(acl, icmp('1.1.1.1', '2.2.2.2', 3, 1)).action, 'deny');
  assert.equal(evaluateAcl(acl, tcp('1.1.1.1', '2.2.2.2', 80, 1024, 0x12)).action, 'permit'); // SYN+ACK
  assert.equal(evaluateAcl(acl, tcp('1.1.1.1', '2.2.2.2', 80, 1024, 0x04)).action, 'permit'); // RST
  assert.equal(evaluateAcl(acl, tcp('1.1.1.1', '2.2.2.2', 1024, 80, 0x02)).action, 'deny'); // SYN
  assert.deepEqual(acl.lines.map((l) => ('matches' in l ? l.matches : -1)), [1, 1, 2]);
});

test('packet fields come from real datagrams', () => {
  const dns = decodeIpv4(parseHex(`4500 0044 89c4 0000 3811 2f3d 6dc2 a004 5fd3 5c0e e1a6 0035 0030 a597 f618 0010
    0001 0000 0000 0001 0870 6963 736c 6966 6502 7275 0000 0100 0100 0029 1000 0000 8000 0000`)!);
  assert.ok(dns.ok);
  assert.deepEqual(packetFieldsOf(dns.value), {
    protocol: 17, source: ip('109.194.160.4'), destination: ip('95.211.92.14'), sourcePort: 57766, destinationPort: 53,
  });
  const ping = decodeIpv4(parseHex(`4500 003c 3aff 0000 8001 5c55 c0a8 9216 c0a8 9005 0800 4d35 0001 0026 6162 6364
    6566 6768 696a 6b6c 6d6e 6f70 7172 7374 7576 7761 6263 6465 6667 6869`)!);
  assert.ok(ping.ok);
  assert.deepEqual(packetFieldsOf(ping.value), {
    protocol: 1, source: ip('192.168.146.22'), destination: ip('192.168.144.5'), icmpType: 8, icmpCode: 0,
  });
  const fragment = { ...dns.value, fragmentOffset: 100 };
  assert.equal(packetFieldsOf(fragment).sourcePort, undefined);
  const syn = { ...dns.value, protocol: 6, payload: parseHex('0400 0050 00000000 00000000 5012 0000 0000 0000')! };
  assert.equal(packetFieldsOf(syn).tcpFlags, 0x12);
});
