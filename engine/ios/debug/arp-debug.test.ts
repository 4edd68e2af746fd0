import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArpOperation } from '../../wire/arp.ts';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import { parseMac } from '../../wire/mac-address.ts';
import { arpDebugMessage } from './arp-debug.ts';

const mac = (text: string) => parseMac(text)!;
const ip = (text: string) => parseIpv4(text)!;

// The 12.x command reference's sample lines, with the interface 12.x captures add (unconfirmed for 12.2).
test('a request the router sends names the target MAC, zeros, and the interface', () => {
  const message = arpDebugMessage({
    direction: 'sent',
    packet: { operation: ArpOperation.request, senderMac: mac('0000.0c01.e117'), senderAddress: ip('172.16.22.7'), targetMac: mac('0000.0000.0000'), targetAddress: ip('172.16.22.96') },
    frameDestination: mac('ffff.ffff.ffff'),
    interfaceName: 'FastEthernet0/0',
  });
  assert.equal(message, 'IP ARP: sent req src 172.16.22.7 0000.0c01.e117, dst 172.16.22.96 0000.0000.0000 FastEthernet0/0');
});

test('a reply the router receives names the sender\'s MAC only', () => {
  const message = arpDebugMessage({
    direction: 'rcvd',
    packet: { operation: ArpOperation.reply, senderMac: mac('0800.2010.b908'), senderAddress: ip('172.16.22.96'), targetMac: mac('0000.0c01.e117'), targetAddress: ip('172.16.22.7') },
    frameDestination: mac('0000.0c01.e117'),
    interfaceName: 'FastEthernet0/1',
  });
  assert.equal(message, 'IP ARP: rcvd rep src 172.16.22.96 0800.2010.b908, dst 172.16.22.7 FastEthernet0/1');
});
