import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeIpv4, encodeIpv4 } from '../wire/ipv4.ts';
import type { IpNode } from './ip-node.ts';
import { CONSUME, PASS, replaceWith } from './packet-hooks.ts';
import { ip, runPing, tedLab } from './test-fixtures.ts';

const IP_IN_IP = 4;

/** A toy tunnel over the wan: what a crypto map does, with IP-in-IP instead of ESP. */
function tunnel(node: IpNode, wanName: string, local: string, peer: string): void {
  // The wrapped datagram is routed afresh and never shown to this hook again, so no loop.
  node.setOutboundHook(wanName, (datagram) =>
    replaceWith({ ...datagram, protocol: IP_IN_IP, source: ip(local), destination: ip(peer), ttl: 255, payload: encodeIpv4(datagram) }),
  );
  node.setInboundHook((datagram) => {
    if (datagram.protocol !== IP_IN_IP) return PASS;
    const inner = decodeIpv4(datagram.payload);
    return inner.ok ? replaceWith(inner.value) : CONSUME;
  });
}

test('outbound and inbound hooks can wrap and unwrap traffic between the routers', () => {
  const lab = tedLab();
  tunnel(lab.daphne, 'FastEthernet0/0', '11.11.11.1', '11.11.11.2');
  tunnel(lab.fred, 'FastEthernet0/0', '11.11.11.2', '11.11.11.1');
  const protocolsOnWan: number[] = [];
  lab.wan.addTap((_time, bytes) => protocolsOnWan.push(bytes[9]!));
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13').marks, '!!!!!');
  assert.deepEqual(protocolsOnWan, Array(10).fill(IP_IN_IP));
});

test('an inbound replacement meets the inbound ACL again, as decrypted traffic does in IOS 12.2', () => {
  const lab = tedLab();
  tunnel(lab.daphne, 'FastEthernet0/0', '11.11.11.1', '11.11.11.2');
  tunnel(lab.fred, 'FastEthernet0/0', '11.11.11.2', '11.11.11.1');
  lab.fredWan.inboundAcl = {
    name: '130', kind: 'extended', named: false,
    lines: [{ action: 'permit', protocol: IP_IN_IP, source: { address: 0, wildcard: 0xffffffff }, destination: { address: 0, wildcard: 0xffffffff }, matches: 0 }],
  };
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13').marks, 'U.U.U');
  assert.equal(lab.fred.drops['acl-in'], 5);
});

test('a consuming hook takes the datagram; the owner may send it on later, bypassing the hook', () => {
  const lab = tedLab();
  const held: Parameters<IpNode['send']>[0][] = [];
  lab.daphne.setOutboundHook('FastEthernet0/0', (datagram) => {
    held.push(datagram);
    return CONSUME;
  });
  const session = lab.pcDaphne.ping({ destination: ip('12.12.12.13'), count: 1 });
  lab.sim.advance(10);
  assert.equal(held.length, 1);
  assert.equal(session.done, false);
  lab.daphne.send(held[0]!, { bypassOutboundHook: true });
  lab.sim.runUntil(() => session.done, 5000);
  assert.equal(session.result.marks, '!');
});
