import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AclEntry } from '../../net/acl-types.ts';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import { aclEntryConfigText, aclEntryShowText, kindOfNumber } from './acl-text.ts';

const ip = (text: string) => parseIpv4(text)!;
const ANY = { address: 0, wildcard: 0xffffffff };

test('standard entries: host as a bare address, wildcards spelled out in show', () => {
  const net: AclEntry = { action: 'deny', source: { address: ip('10.1.1.0'), wildcard: ip('0.0.0.255') }, matches: 0 };
  const host: AclEntry = { action: 'permit', source: { address: ip('10.1.1.1'), wildcard: 0 }, matches: 0 };
  assert.equal(aclEntryConfigText(net, 'standard'), 'deny 10.1.1.0 0.0.0.255');
  assert.equal(aclEntryShowText(net, 'standard'), 'deny   10.1.1.0, wildcard bits 0.0.0.255');
  assert.equal(aclEntryShowText(host, 'standard'), 'permit 10.1.1.1');
  assert.equal(aclEntryConfigText({ action: 'permit', source: ANY, log: true, matches: 0 }, 'standard'), 'permit any log');
});

test('extended entries name protocols, ports and ICMP messages the IOS way', () => {
  const tcp: AclEntry = {
    action: 'permit',
    protocol: 6,
    source: ANY,
    sourcePort: { operator: 'gt', ports: [1023] },
    destination: { address: ip('1.1.1.1'), wildcard: 0 },
    destinationPort: { operator: 'eq', ports: [80] },
    established: true,
    log: true,
    matches: 3,
  };
  assert.equal(aclEntryConfigText(tcp, 'extended'), 'permit tcp any gt 1023 host 1.1.1.1 eq www established log');
  const udp: AclEntry = { action: 'deny', protocol: 17, source: ANY, destination: ANY, destinationPort: { operator: 'range', ports: [500, 4500] }, matches: 0 };
  assert.equal(aclEntryConfigText(udp, 'extended'), 'deny udp any any range isakmp 4500');
  const icmp: AclEntry = { action: 'permit', protocol: 1, source: ANY, destination: ANY, icmpType: 3, icmpCode: 9, matches: 0 };
  assert.equal(aclEntryConfigText(icmp, 'extended'), 'permit icmp any any dod-net-prohibited');
  const numbered: AclEntry = { action: 'permit', protocol: 1, source: ANY, destination: ANY, icmpType: 42, icmpCode: 1, matches: 0 };
  assert.equal(aclEntryConfigText(numbered, 'extended'), 'permit icmp any any 42 1');
  assert.equal(aclEntryConfigText({ action: 'permit', protocol: 50, source: ANY, destination: ANY, matches: 0 }, 'extended'), 'permit esp any any');
  assert.equal(aclEntryConfigText({ action: 'permit', protocol: 99, source: ANY, destination: ANY, matches: 0 }, 'extended'), 'permit 99 any any');
  assert.equal(aclEntryConfigText({ action: 'permit', source: ANY, destination: ANY, matches: 0 }, 'extended'), 'permit ip any any');
});

test('list numbers say the kind', () => {
  assert.deepEqual(['1', '99', '100', '1300', '2000', '2699', '700', 'web'].map(kindOfNumber), [
    'standard', 'standard', 'extended', 'standard', 'extended', 'extended', undefined, undefined,
  ]);
});
