import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sim } from '../sim/sim.ts';
import { Link } from '../net/link.ts';
import { ArpOperation, decodeArp } from '../wire/arp.ts';
import { decodeEthernet, EtherType } from '../wire/ethernet.ts';
import { formatIpv4, parseIpv4 } from '../wire/ipv4-address.ts';
import { BROADCAST_MAC, formatMacIos } from '../wire/mac-address.ts';
import { Router } from './router.ts';

const ip = (text: string) => parseIpv4(text)!;

const config = (name: string, address: string) => `hostname ${name}
interface FastEthernet0/0
 ip address ${address} 255.255.255.0
interface FastEthernet0/1
 shutdown
end`;

/** Two routers on one wire, cabled and logging; the gratuitous ARPs on the wire, as `sender-ip mac`. */
function twoRouters() {
  const sim = new Sim(1);
  const r1 = new Router(sim, { name: 'R1' });
  const r2 = new Router(sim, { name: 'R2' });
  assert.deepEqual(r1.loadStartupConfig(config('R1', '10.0.0.1')), []);
  assert.deepEqual(r2.loadStartupConfig(config('R2', '10.0.0.2')), []);
  const wan = new Link(sim, 'wan', [r1.node.interface('FastEthernet0/0')!, r2.node.interface('FastEthernet0/0')!]);
  for (const router of [r1, r2]) router.startLoggingInterfaceEvents();
  const announced: string[] = [];
  wan.addFrameTap((_time, bytes) => {
    const frame = decodeEthernet(bytes);
    if (!frame.ok || frame.value.etherType !== EtherType.arp || frame.value.destination !== BROADCAST_MAC) return;
    const arp = decodeArp(frame.value.payload);
    if (arp.ok && arp.value.operation === ArpOperation.reply && arp.value.senderAddress === arp.value.targetAddress) {
      announced.push(`${formatIpv4(arp.value.senderAddress)} ${formatMacIos(arp.value.senderMac)}`);
    }
  });
  return { sim, r1, r2, wan, announced };
}

test('a c2600\'s two FastEthernet ports have consecutive burned-in addresses from Cisco\'s OUI, fixed by its name', () => {
  const { r1 } = twoRouters();
  const [fa0, fa1] = ['FastEthernet0/0', 'FastEthernet0/1'].map((name) => r1.node.interface(name)!.mac);
  assert.equal(fa1! - fa0!, 1);
  assert.match(formatMacIos(fa0!), /^0003\.6b/);
  assert.equal(new Router(new Sim(99), { name: 'R1' }).node.interface('FastEthernet0/0')!.mac, fa0, 'another seed, the same MAC');
  assert.notEqual(new Router(new Sim(1), { name: 'R3' }).node.interface('FastEthernet0/0')!.mac, fa0);
});

test('nothing is announced while the lab is cabled; a new address, an alias and a link coming back up are', () => {
  const { sim, r1, r2, wan, announced } = twoRouters();
  sim.settle();
  assert.deepEqual(announced, [], 'the lab starts settled');
  const r1Mac = formatMacIos(r1.node.interface('FastEthernet0/0')!.mac);
  assert.equal(r1.configure(['interface FastEthernet0/0', 'ip address 10.0.0.11 255.255.255.0']).rejected, undefined);
  assert.equal(r1.configure(['interface FastEthernet0/0', 'ip nat outside', 'exit', 'ip nat inside source static 10.9.9.9 10.0.0.50']).rejected, undefined);
  sim.settle();
  assert.deepEqual(announced, [`10.0.0.11 ${r1Mac}`, `10.0.0.50 ${r1Mac}`]);
  assert.equal(r2.node.arp.cache.get(ip('10.0.0.11'), sim.now())?.mac, r1.node.interface('FastEthernet0/0')!.mac, 'R2 learned the new address');
  assert.equal(r2.node.arp.cache.get(ip('10.0.0.50'), sim.now())?.mac, r1.node.interface('FastEthernet0/0')!.mac, 'and the NAT global');
  announced.length = 0;
  wan.goDown();
  wan.comeUp();
  sim.settle();
  assert.deepEqual(announced.sort(), [`10.0.0.11 ${r1Mac}`, `10.0.0.2 ${formatMacIos(r2.node.interface('FastEthernet0/0')!.mac)}`, `10.0.0.50 ${r1Mac}`]);
});

test('show arp lists the router\'s own addresses without age and what it learned; clear arp-cache keeps only its own', () => {
  const { sim, r1 } = twoRouters();
  sim.advance(5 * 60_000);
  const fa0 = formatMacIos(r1.node.interface('FastEthernet0/0')!.mac);
  assert.deepEqual(r1.exec('show arp').split('\n').map((line) => line.replace(/ +/g, ' ')), [
    'Protocol Address Age (min) Hardware Addr Type Interface',
    `Internet 10.0.0.1 - ${fa0} ARPA FastEthernet0/0`,
    `Internet 10.0.0.2 5 ${formatMacIos(r1.node.arp.cache.get(ip('10.0.0.2'), sim.now())!.mac!)} ARPA FastEthernet0/0`,
  ]);
  assert.equal(r1.exec('clear arp-cache'), '');
  assert.deepEqual(r1.exec('show ip arp').split('\n').slice(1).map((line) => line.replace(/ +/g, ' ')), [`Internet 10.0.0.1 - ${fa0} ARPA FastEthernet0/0`]);
});
