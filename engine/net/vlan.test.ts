import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sim } from '../sim/sim.ts';
import { vlanOf } from '../wire/dot1q.ts';
import { Host } from './host.ts';
import { IpNode } from './ip-node.ts';
import { Link } from './link.ts';
import { ip, MASK_24, runPing } from './test-fixtures.ts';

/** A router on a stick: FastEthernet0/0 with subinterfaces on VLANs 10 and 20, a PC on each VLAN and one untagged. */
function trunk() {
  const sim = new Sim(1);
  const r1 = new IpNode(sim, 'R1', { forwarding: true });
  const port = r1.addInterface('FastEthernet0/0', ip('10.0.1.1'), MASK_24);
  const subs = [10, 20].map((vlan) => {
    const sub = r1.addInterface(`FastEthernet0/0.${vlan}`, ip(`10.0.${vlan}.1`), MASK_24);
    sub.vlan = vlan;
    return sub;
  });
  const pcs = [10, 20, 1].map((net) => new Host(sim, `pc${net}`, { address: ip(`10.0.${net}.10`), mask: MASK_24, gateway: ip(`10.0.${net}.1`) }));
  pcs[0]!.eth0.vlan = 10;
  pcs[1]!.eth0.vlan = 20;
  const link = new Link(sim, 'trunk', [port, ...pcs.map((pc) => pc.eth0)]);
  return { sim, r1, port, subs, pcs, link };
}

test('a subinterface shares its port\'s MAC and link, and a port brings its VLAN subinterfaces onto the cable', () => {
  const { port, subs, link } = trunk();
  assert.deepEqual(subs.map((sub) => sub.mac), [port.mac, port.mac]);
  assert.deepEqual(subs.map((sub) => sub.link === link), [true, true]);
  assert.deepEqual(port.subinterfaces, subs);
});

test('the router routes between VLANs; frames on the cable carry their VLAN\'s tag', () => {
  const { sim, pcs, link } = trunk();
  const tags: (number | undefined)[] = [];
  link.addFrameTap((_time, frame) => tags.push(vlanOf(frame)));
  assert.equal(runPing(sim, pcs[0]!, '10.0.20.10').marks, '!!!!!', 'each VLAN\'s neighbours known from the start, as on an untagged link');
  assert.deepEqual([...new Set(tags)].sort(), [10, 20]);
});

test('an untagged PC does not hear the VLANs, and a PC on another VLAN does not reach the subinterface', () => {
  const { sim, pcs } = trunk();
  assert.equal(runPing(sim, pcs[2]!, '10.0.1.1').marks, '!!!!!', 'the untagged PC reaches the port itself');
  pcs[0]!.eth0.vlan = 30;
  assert.equal(runPing(sim, pcs[0]!, '10.0.10.1').marks, '.....');
});

test('a subinterface goes down with its port', () => {
  const { port, subs } = trunk();
  assert.equal(subs[0]!.lineUp, true);
  port.adminUp = false;
  assert.equal(subs[0]!.lineUp, false);
});
