import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sim } from '../sim/sim.ts';
import { encodeIpv4 } from '../wire/ipv4.ts';
import { encodeIcmp } from '../wire/icmp.ts';
import { Host } from './host.ts';
import { ip, MASK_24, runPing, tedLab } from './test-fixtures.ts';

test('a host has eth0 with its address, and a default route to its gateway', () => {
  const pc = new Host(new Sim(1), 'pc', { address: ip('13.13.13.14'), mask: MASK_24, gateway: ip('13.13.13.13') });
  assert.equal(pc.eth0.name, 'eth0');
  assert.equal(pc.address, ip('13.13.13.14'));
  assert.equal(pc.gateway, ip('13.13.13.13'));
  assert.equal(pc.forwarding, false);
  pc.setGateway(ip('13.13.13.1'));
  assert.equal(pc.gateway, ip('13.13.13.1'));
  assert.equal(pc.routingTable().routes().length, 0, 'no link yet: eth0 is down, nothing is installed');
});

test('a host answers pings from the router next to it and from across the network', () => {
  const lab = tedLab();
  assert.equal(runPing(lab.sim, lab.fred, '12.12.12.13').marks, '!!!!!');
  assert.equal(runPing(lab.sim, lab.pcFred, '13.13.13.14').marks, '!!!!!');
});

test('a host does not forward what is not addressed to it', () => {
  const lab = tedLab();
  const transit = encodeIpv4({
    tos: 0, identification: 9, dontFragment: false, moreFragments: false, fragmentOffset: 0, ttl: 64, protocol: 1,
    source: ip('13.13.13.13'), destination: ip('12.12.12.13'), options: new Uint8Array(0),
    payload: encodeIcmp({ kind: 'echo-request', identifier: 1, sequence: 1, data: new Uint8Array(0) }),
  });
  lab.pcDaphne.receive(lab.pcDaphne.eth0, transit);
  lab.sim.settle();
  assert.equal(lab.pcDaphne.drops['not-forwarding'], 1);
  assert.equal(lab.pcDaphne.traffic.forwarded, 0);
});
