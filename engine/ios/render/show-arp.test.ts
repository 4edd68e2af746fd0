import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import { parseMac } from '../../wire/mac-address.ts';
import { renderShowArp, SHOW_ARP_HEADER } from './show-arp.ts';

const ip = (text: string) => parseIpv4(text)!;

/**
 * The layout, column for column, against a capture of `show arp` (ntc-templates'
 * tests/cisco_ios/show_arp/cisco_ios_show_arp.raw, an IOS of later than 12.2 whose columns
 * 12.2's command reference shows the same): own address, learned entry, incomplete entry.
 */
test('show arp: own, learned and incomplete entries in the captured column layout', () => {
  const lines = renderShowArp([
    { address: ip('10.100.88.1'), ageMinutes: undefined, mac: parseMac('c4f7.d564.b716'), interfaceName: 'Vlan10' },
    { address: ip('10.100.88.197'), ageMinutes: 0, mac: undefined, interfaceName: undefined },
    { address: ip('10.152.1.229'), ageMinutes: 0, mac: parseMac('488f.5a5a.87ea'), interfaceName: 'Vlan1' },
    { address: ip('87.238.97.129'), ageMinutes: 0, mac: parseMac('c4ad.3425.b7be'), interfaceName: 'FastEthernet4' },
  ]);
  assert.deepEqual(lines, [
    'Protocol  Address          Age (min)  Hardware Addr   Type   Interface',
    'Internet  10.100.88.1             -   c4f7.d564.b716  ARPA   Vlan10',
    'Internet  10.100.88.197           0   Incomplete      ARPA',
    'Internet  10.152.1.229            0   488f.5a5a.87ea  ARPA   Vlan1',
    'Internet  87.238.97.129           0   c4ad.3425.b7be  ARPA   FastEthernet4',
  ]);
});

test('ages of several digits stay right-aligned under "Age (min)"; a 15-character address keeps its blank', () => {
  const [, line] = renderShowArp([{ address: ip('192.168.100.200'), ageMinutes: 239, mac: 0x00036b8f1a20, interfaceName: 'FastEthernet0/0' }]);
  assert.equal(line, 'Internet  192.168.100.200       239   0003.6b8f.1a20  ARPA   FastEthernet0/0');
  assert.equal(line!.indexOf('239') + 3, SHOW_ARP_HEADER.indexOf('Age (min)') + 'Age (min)'.length - 1);
  assert.deepEqual(renderShowArp([]), [SHOW_ARP_HEADER]);
});
