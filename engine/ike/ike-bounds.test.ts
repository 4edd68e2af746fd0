import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IOS_C2600_CPU_COSTS } from './cpu-queue.ts';
import { IOS_IKE_LIMITS } from './ike-limits.ts';
import { tamperWithSent, twoRouters, type Side } from './testing/two-routers.ts';

/**
 * What anyone who reaches UDP/500 can make a router do is bounded: datagrams beyond the input
 * queue are dropped on arrival, half-open responder SAs beyond the limit are refused, and the
 * messages a flood repeats are printed once per interval. The real peer's tunnel still comes up.
 */

function flood(from: Side, to: Side, count: number, payloadOf: (index: number) => Uint8Array): void {
  for (let index = 0; index < count; index++) {
    from.node.sendUdp({ destination: to.address, sourcePort: 500, destinationPort: 500, payload: payloadOf(index) });
  }
}

const installed = (side: Side) => side.port.installs.length;

test('30,000 junk datagrams at once: the input queue takes 75, the tunnel comes up at once, one message is printed', () => {
  const lab = twoRouters({ cpuCosts: IOS_C2600_CPU_COSTS });
  lab.acquireFromDaphne();
  lab.run(1);
  flood(lab.daphne, lab.fred, 30_000, (index) => Uint8Array.of(1, 2, 3, index & 0xff));
  lab.run(15_000);
  const { counters } = lab.fred.daemon;
  assert.equal(counters.malformed, IOS_IKE_LIMITS.inputQueue);
  assert.ok(counters.inputQueueDrops >= 30_000 - IOS_IKE_LIMITS.inputQueue);
  assert.deepEqual([installed(lab.daphne), installed(lab.fred)], [1, 1], 'the genuine negotiation completes');
  const fred = lab.fred.events();
  assert.equal(fred.filter((e) => e.kind === 'bad-message').length, 1);
  assert.equal(fred.filter((e) => e.kind === 'input-queue-full').length, 1);
});

test('3,000 MM1s from forged cookies: at most 40 half-open SAs, the rest refused; they all expire; the tunnel comes up', () => {
  const lab = twoRouters({ cpuCosts: IOS_C2600_CPU_COSTS });
  const sent: Uint8Array[] = [];
  tamperWithSent(lab.daphne, (bytes) => {
    sent.push(bytes);
    return undefined;
  });
  lab.acquireFromDaphne();
  lab.run(30);
  const mm1 = sent[0]!;
  let flooded = 0;
  // A steady flood: 100 forged MM1s every second for 30 s, each with a new initiator cookie.
  for (let second = 0; second < 30; second++) {
    flood(lab.daphne, lab.fred, 100, () => {
      const forged = mm1.slice();
      new DataView(forged.buffer).setUint32(0, ++flooded);
      return forged;
    });
    lab.run(1_000);
    const halfOpen = lab.fred.daemon.isakmpSaRows().filter((row) => row.state !== 'QM_IDLE').length;
    assert.ok(halfOpen <= IOS_IKE_LIMITS.halfOpenSas, `${halfOpen} half-open SAs`);
  }
  // Every forged MM1 is accounted for: refused at the queue, refused as one half-open SA too many, or answered.
  const { counters } = lab.fred.daemon;
  const answered = flooded - counters.inputQueueDrops - counters.halfOpenRefused;
  assert.ok(counters.halfOpenRefused > 1_000 && counters.inputQueueDrops > 0, JSON.stringify(counters));
  assert.ok(answered > 0 && answered <= 3 * IOS_IKE_LIMITS.halfOpenSas, `${answered} forged SAs opened`);
  lab.run(120_000);
  assert.deepEqual(lab.fred.daemon.isakmpSaRows().map((row) => row.state), ['QM_IDLE'], 'only the genuine SA is left');
  assert.deepEqual([installed(lab.daphne), installed(lab.fred)], [1, 1]);
});
