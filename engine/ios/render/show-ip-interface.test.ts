import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import { newInterface, type InterfaceConfig } from '../config/interfaces.ts';
import { renderIpInterface, renderShowIpInterface } from './show-ip-interface.ts';

function configured(settings: Partial<InterfaceConfig>): InterfaceConfig {
  return {
    ...newInterface('FastEthernet0/0'),
    shutdown: false,
    address: { address: parseIpv4('11.11.11.1')!, mask: parseIpv4('255.255.255.0')! },
    addressMethod: 'NVRAM',
    ...settings,
  };
}

// Every line of this list is in a 12.2-era capture (Catalyst 3550 guide, 12.1/12.2 EA); on a c2600
// without CEF the switching lines read as on 2600 captures. "Address determined by configuration
// command" for an address typed at the console is inferred (the capture shows "setup command").
test('show ip interface: the 12.2 list of IP features, with the applied access lists and IOS\'s defaults', () => {
  const lines = renderIpInterface({ config: configured({ accessGroupIn: '110' }), lineUp: true }, { cef: false });
  assert.deepEqual(lines, [
    'FastEthernet0/0 is up, line protocol is up',
    '  Internet address is 11.11.11.1/24',
    '  Broadcast address is 255.255.255.255',
    '  Address determined by non-volatile memory',
    '  MTU is 1500 bytes',
    '  Helper address is not set',
    '  Directed broadcast forwarding is disabled',
    '  Outgoing access list is not set',
    '  Inbound  access list is 110',
    '  Proxy ARP is enabled',
    '  Local Proxy ARP is disabled',
    '  Security level is default',
    '  Split horizon is enabled',
    '  ICMP redirects are always sent',
    '  ICMP unreachables are always sent',
    '  ICMP mask replies are never sent',
    '  IP fast switching is enabled',
    '  IP fast switching on the same interface is disabled',
    '  IP Flow switching is disabled',
    '  IP CEF switching is disabled',
    '  IP Fast switching turbo vector',
    '  IP multicast fast switching is enabled',
    '  IP multicast distributed fast switching is disabled',
    '  IP route-cache flags are Fast',
    '  Router Discovery is disabled',
    '  IP output packet accounting is disabled',
    '  IP access violation accounting is disabled',
    '  TCP/IP header compression is disabled',
    '  RTP/IP header compression is disabled',
    '  Probe proxy name replies are disabled',
    '  Policy routing is disabled',
    '  Network address translation is disabled',
    '  WCCP Redirect outbound is disabled',
    '  WCCP Redirect exclude is disabled',
    '  BGP Policy Mapping is disabled',
  ]);
});

test('the configuration changes the lines it governs: NAT domain, proxy ARP, redirects, route cache, CEF', () => {
  const config = configured({
    nat: 'inside',
    accessGroupOut: 'BLOCK',
    addressMethod: 'manual',
    kept: ['no ip proxy-arp', 'no ip redirects', 'no ip unreachables', 'no ip route-cache'],
  });
  const lines = renderIpInterface({ config, lineUp: true }, { cef: true });
  for (const expected of [
    '  Address determined by configuration command',
    '  Outgoing access list is BLOCK',
    '  Proxy ARP is disabled',
    '  ICMP redirects are never sent',
    '  ICMP unreachables are never sent',
    '  IP fast switching is disabled',
    '  IP CEF switching is enabled',
    '  IP CEF Fast switching turbo vector',
    '  IP route-cache flags are CEF',
    '  Network address translation is enabled, interface in domain inside',
  ]) {
    assert.ok(lines.includes(expected), expected);
  }
});

test('an interface without an address has IP processing disabled; all interfaces come in IOS\'s order', () => {
  const bare = { ...newInterface('FastEthernet0/1') };
  assert.deepEqual(renderIpInterface({ config: bare, lineUp: false }, { cef: false }), [
    'FastEthernet0/1 is administratively down, line protocol is down',
    '  Internet protocol processing disabled',
  ]);
  const all = renderShowIpInterface(
    [{ config: bare, lineUp: false }, { config: configured({}), lineUp: true }],
    { cef: false },
  ).filter((line) => !line.startsWith(' '));
  assert.deepEqual(all, ['FastEthernet0/0 is up, line protocol is up', 'FastEthernet0/1 is administratively down, line protocol is down']);
});
