import { test } from 'node:test';
import assert from 'node:assert/strict';
import { any, entry, extendedAcl, host, ip } from '../net/test-fixtures.ts';
import type { PacketFields } from '../net/acl-types.ts';
import { IpProtocol } from '../wire/ip-protocols.ts';
import { SecurityPolicyDatabase } from './security-policy.ts';
import { DAPHNE_LAN, FRED_LAN, subnet, tedPolicy } from './test-lab.ts';

const LAN_WILDCARD = 0xff;

function icmp(source: string, destination: string): PacketFields {
  return { protocol: IpProtocol.icmp, source: ip(source), destination: ip(destination), icmpType: 8, icmpCode: 0 };
}

test('an ACL deny entry leaves the packet to later map entries; a permit picks its own selector', () => {
  const acl101 = extendedAcl('101', [
    entry({ action: 'deny', protocol: IpProtocol.icmp, source: host('13.13.13.99'), destination: any() }),
    entry({ action: 'permit', source: { address: ip('13.13.13.0'), wildcard: LAN_WILDCARD }, destination: { address: ip('12.12.12.0'), wildcard: LAN_WILDCARD } }),
    entry({ action: 'permit', source: { address: ip('13.13.13.0'), wildcard: LAN_WILDCARD }, destination: { address: ip('14.14.14.0'), wildcard: LAN_WILDCARD } }),
  ]);
  const acl102 = extendedAcl('102', [entry({ action: 'permit', source: any(), destination: any() })]);
  const lists = new Map([['101', acl101], ['102', acl102]]);
  const spd = new SecurityPolicyDatabase((name) => lists.get(name));
  const catchAll = { local: { address: 0, mask: 0, protocol: 0, port: 0 }, remote: { address: 0, mask: 0, protocol: 0, port: 0 } };
  spd.replace([
    tedPolicy('daphne', { seq: 20, accessList: '102', selectors: [catchAll] }),
    tedPolicy('daphne', { seq: 10, selectors: [{ local: DAPHNE_LAN, remote: FRED_LAN }, { local: DAPHNE_LAN, remote: subnet('14.14.14.0') }] }),
  ]);
  const second = spd.matchOutbound('FastEthernet0/0', icmp('13.13.13.14', '14.14.14.1'));
  assert.deepEqual([second?.policy.seq, second?.selectorIndex], [10, 1]);
  const denied = spd.matchOutbound('FastEthernet0/0', icmp('13.13.13.99', '12.12.12.13'));
  assert.deepEqual([denied?.policy.seq, denied?.selectorIndex], [20, 0], 'denied by seq 10, caught by seq 20');
  assert.equal(acl101.lines.filter((line) => 'matches' in line && line.matches > 0).length, 2, 'IOS counts crypto ACL hits');
  assert.equal(spd.matchOutbound('FastEthernet0/1', icmp('13.13.13.14', '12.12.12.13')), undefined);
});

test('without the access list the selectors decide, protocol and ports included', () => {
  const spd = new SecurityPolicyDatabase();
  const telnet = { ...FRED_LAN, protocol: IpProtocol.tcp, port: 23 };
  spd.replace([tedPolicy('daphne', { selectors: [{ local: DAPHNE_LAN, remote: telnet }] })]);
  const tcp = (port: number): PacketFields => ({
    protocol: IpProtocol.tcp, source: ip('13.13.13.14'), destination: ip('12.12.12.13'), sourcePort: 40000, destinationPort: port,
  });
  assert.equal(spd.matchOutbound('FastEthernet0/0', tcp(23))?.selectorIndex, 0);
  assert.equal(spd.matchOutbound('FastEthernet0/0', tcp(80)), undefined);
  assert.equal(spd.matchOutbound('FastEthernet0/0', icmp('13.13.13.14', '12.12.12.13')), undefined);
});
