import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ip, runPing } from '../net/test-fixtures.ts';
import { SA_REQUEST_TIMER_MS } from './acquire-requests.ts';
import { DAPHNE_LAN, FRED_LAN, ipsecLab, tracesOf } from './test-lab.ts';

test('without an SA the packet is dropped and one acquire raised; packets while it is pending raise none', () => {
  const lab = ipsecLab();
  const result = runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 3 });
  assert.equal(result.marks, '...');
  assert.equal(lab.wanCapture.length, 0, 'nothing left Daphne in clear');
  assert.equal(lab.daphneIpsec.drops['awaiting-sa'], 3);
  assert.equal(lab.events.daphne.acquires.length, 1);
  const [acquire] = lab.events.daphne.acquires;
  assert.deepEqual(
    { ...acquire, policy: acquire!.policy.mapName },
    {
      policy: 'tedtag', local: DAPHNE_LAN, remote: FRED_LAN,
      packetSource: ip('13.13.13.14'), packetDestination: ip('12.12.12.13'), peer: ip('11.11.11.2'),
    },
  );
  const requests = tracesOf(lab.traces.daphne, 'sa-request');
  assert.equal(requests.length, 1);
  assert.equal(requests[0]!.message.direction, 'OUTBOUND');
  assert.equal(requests[0]!.message.flags, 0x4004);
  assert.equal(lab.daphneIpsec.pendingRequests, 1);
});

test('IKE answering the acquire turns the first ping into .!!!!', () => {
  const lab = ipsecLab();
  lab.events.daphne.onAcquire = () => lab.sim.schedule(500, () => lab.installPairs());
  const result = runPing(lab.sim, lab.pcDaphne, '12.12.12.13');
  assert.equal(result.marks, '.!!!!');
  assert.equal(lab.events.daphne.acquires.length, 1);
  assert.equal(lab.daphneIpsec.pendingRequests, 0, 'the installed pair settled the request');
  assert.equal(lab.daphneIpsec.snapshot()[0]!.idents[0]!.counters.encaps, 4);
});

test('the request timer gives up, and the next packet asks again', () => {
  const lab = ipsecLab();
  runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 1 });
  lab.sim.advance(SA_REQUEST_TIMER_MS);
  assert.equal(lab.daphneIpsec.pendingRequests, 0);
  assert.equal(tracesOf(lab.traces.daphne, 'request-timer-fired').length, 1);
  runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 1 });
  assert.equal(lab.events.daphne.acquires.length, 2);
});

test('a discover entry asks without a peer and describes the probe it needs', () => {
  const lab = ipsecLab({ daphnePolicy: { discover: true, peers: [], dynamicMap: { name: 'ted-map', seq: 10 } } });
  runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 1 });
  const [acquire] = lab.events.daphne.acquires;
  assert.equal(acquire?.peer, undefined);
  const [request] = tracesOf(lab.traces.daphne, 'tunnel-discover-request');
  assert.deepEqual(request?.message.dest, { interfaceName: 'FastEthernet0/0', nextHop: ip('11.11.11.2') });
  assert.equal(request?.message.local, ip('13.13.13.14'));
  assert.equal(request?.message.remoteProxy.address, ip('11.11.11.1'));
  assert.equal(request?.message.remoteProxy.mask, 0xffffffff);
});

test('traffic outside the crypto ACL and IKE itself pass in clear', () => {
  const lab = ipsecLab();
  const result = runPing(lab.sim, lab.daphne, '11.11.11.2', { count: 2 });
  assert.equal(result.marks, '!!');
  assert.equal(lab.events.daphne.acquires.length, 0);
  const ike = lab.daphne.sendUdp({ destination: ip('12.12.12.13'), source: ip('13.13.13.13'), sourcePort: 500, destinationPort: 500, payload: new Uint8Array(28) });
  assert.ok(ike.ok);
  assert.equal(lab.events.daphne.acquires.length, 0, 'a TED probe to the remote LAN is not an SA request');
});
