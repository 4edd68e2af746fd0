import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { Lab } from './lab.ts';
import { LinkTraffic } from './testing/link-traffic.ts';

/**
 * Single forged datagrams that once left a tunnel dead for good (found by `npm run fuzz`): each
 * must now be dropped without effect on the exchange, and the tunnel must come up and carry pings.
 */

const STATIC = fileURLToPath(new URL('../../scenarios/examples/static-tunnel/topology.yaml', import.meta.url));
const MAIN_MODE = 2;

test('R1\'s own MM1 reflected back to it is not taken for MM2: the exchange completes', () => {
  const lab = Lab.load(STATIC);
  const wan: LinkTraffic = new LinkTraffic(lab, 'wan', ['R1', 'R2'], (packet) => {
    if (packet.exchangeType !== MAIN_MODE || wan.seen.length !== 1) return;
    const reflected = packet.bytes.slice();
    reflected.set(packet.bytes.subarray(16, 20), 12);
    reflected.set(packet.bytes.subarray(12, 16), 16);
    lab.sim.schedule(0, () => wan.inject(reflected, 'R2'));
  });
  assert.equal(lab.ping('pc1', 'pc2').marks, '.!!!!');
  assert.match(lab.run('R1', 'show crypto isakmp sa'), /QM_IDLE/);
});

test('a broken copy of MM2 does not stop R1 resending MM3: after a WAN outage it gives up and renegotiates', () => {
  const lab = Lab.load(STATIC);
  lab.run('R1', 'debug crypto isakmp');
  const wan: LinkTraffic = new LinkTraffic(lab, 'wan', ['R1', 'R2'], (packet) => {
    const mainMode = wan.seen.filter((seen) => seen.exchangeType === MAIN_MODE);
    if (packet.exchangeType !== MAIN_MODE || mainMode.length !== 3) return;
    const broken = mainMode[1]!.bytes.slice();
    broken[broken.length - 1]! ^= 1;
    broken[26] = 0;
    broken[27] = 0;
    lab.sim.schedule(0, () => wan.inject(broken, 'R2'));
    lab.sim.schedule(20, () => lab.setLinkUp('wan', false));
    lab.sim.schedule(90_000, () => lab.setLinkUp('wan', true));
  });
  lab.ping('pc1', 'pc2');
  lab.advance(10 * 60_000);
  assert.match(lab.debugLog('R1'), /deleting SA reason "death by retransmission P1" state \(I\) MM_SA_SETUP/);
  assert.equal(lab.ping('pc1', 'pc2').marks, '.!!!!');
});

test('a datagram with the SA\'s cookies from another UDP port does not move R1\'s answers there', () => {
  const lab = Lab.load(STATIC);
  const wan = new LinkTraffic(lab, 'wan', ['R1', 'R2']);
  lab.ping('pc1', 'pc2');
  const forged = wan.seen.filter((packet) => packet.exchangeType === MAIN_MODE && packet.from === 'R2').at(-1)!.bytes.slice();
  forged.set([0x04, 0xd2, 0x01, 0xf4, forged[24]!, forged[25]!, 0, 0], 20);
  wan.inject(forged, 'R2');
  lab.advance(1_000);
  lab.run('R1', 'clear crypto sa');
  lab.advance(2_000);
  assert.deepEqual([lab.ping('pc1', 'pc2').marks, lab.ping('pc1', 'pc2').marks], ['.!!!!', '!!!!!']);
});
