import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Lab } from './lab.ts';
import { LinkTraffic, type SeenPacket } from './testing/link-traffic.ts';

/**
 * Replays on the WAN: at every step of every exchange (each time a router sends an ISAKMP
 * message), a copy of every ISAKMP message already seen goes back on the wire, from its sender
 * to its receiver. The exchanges must still complete with mirrored SAs, the routers must take
 * every copy for what it is, and once the copies stop the WAN must go quiet.
 */

const STATIC = fileURLToPath(new URL('../../scenarios/examples/static-tunnel/topology.yaml', import.meta.url));
const TED = fileURLToPath(new URL('../../scenarios/ted-doc/topology.yaml', import.meta.url));
const QUIET_WINDOW_MS = 30 * 60_000;
const SETTLE_MS = 3 * 60_000;

interface Case {
  lab: Lab;
  routers: [string, string];
  hosts: [string, string];
}

const EXCHANGE_NAMES: Record<number, string> = { 2: 'main', 4: 'aggressive', 5: 'informational', 32: 'quick', 240: 'TED' };

/** Copies of everything seen so far follow each new ISAKMP message, once the CPU of the moment is done. */
function replayAtEveryStep(lab: Lab, routers: [string, string]): { traffic: LinkTraffic; replayed: () => number; stop: () => void } {
  let active = true;
  let replayed = 0;
  const traffic: LinkTraffic = new LinkTraffic(lab, 'wan', routers, (packet) => {
    if (!active || packet.kind !== 'isakmp') return;
    const earlier = traffic.seen.filter((seen) => seen.kind === 'isakmp');
    lab.sim.schedule(0, () => {
      for (const copy of earlier) traffic.inject(copy.bytes, copy.from);
      replayed += earlier.length;
    });
  });
  return { traffic, replayed: () => replayed, stop: () => { active = false; } };
}

function exchangesOf(packets: readonly SeenPacket[]): string[] {
  return [...new Set(packets.map((packet) => EXCHANGE_NAMES[packet.exchangeType ?? -1] ?? `type ${packet.exchangeType}`))].sort();
}

function assertTunnel({ lab, routers, hosts }: Case): void {
  // The copies cost the routers' CPUs time, so the tunnel may come up a little later than alone.
  const ping = lab.ping(hosts[0], hosts[1]);
  assert.match(ping.marks, /!!$/, `the tunnel comes up (${ping.marks})`);
  assert.equal(lab.ping(hosts[0], hosts[1]).marks, '!!!!!', 'the tunnel carries pings');
  const [a, b] = routers.map((router) => lab.ipsecSpis(router));
  assert.deepEqual([...a!.inbound].sort(), [...b!.outbound].sort(), 'the SAs mirror each other');
  for (const router of routers) assert.match(lab.run(router, 'show crypto isakmp sa'), /QM_IDLE/);
}

function assertQuiet(lab: Lab, traffic: LinkTraffic): void {
  lab.advance(SETTLE_MS);
  const from = lab.sim.now();
  lab.advance(QUIET_WINDOW_MS);
  assert.deepEqual(traffic.isakmpSince(from).map((packet) => `${packet.from} ${packet.exchangeType}`), [], 'no ISAKMP once idle');
}

function debugAll(lab: Lab, routers: readonly string[]): void {
  for (const router of routers) lab.run(router, 'debug crypto isakmp');
}

test('main mode, quick mode and informational DELETEs: every message replayed at every step', () => {
  const c: Case = { lab: Lab.load(STATIC), routers: ['R1', 'R2'], hosts: ['pc1', 'pc2'] };
  debugAll(c.lab, c.routers);
  const replay = replayAtEveryStep(c.lab, c.routers);
  assertTunnel(c);
  c.lab.run('R1', 'clear crypto sa');
  c.lab.advance(2_000);
  assertTunnel(c);
  replay.stop();
  assert.deepEqual(exchangesOf(replay.traffic.seen.filter((p) => p.kind === 'isakmp')), ['informational', 'main', 'quick']);
  assert.ok(replay.replayed() > 50, `copies sent: ${replay.replayed()}`);
  for (const router of c.routers) assert.match(c.lab.debugLog(router), /is a duplicate of a previous packet/);
  assertQuiet(c.lab, replay.traffic);
  assertTunnel(c);
});

test('aggressive mode and quick mode: every message replayed at every step', () => {
  const c: Case = { lab: Lab.load(STATIC), routers: ['R1', 'R2'], hosts: ['pc1', 'pc2'] };
  c.lab.configure('R1', ['crypto isakmp peer address 192.168.12.2', ' set aggressive-mode password am-s3cret']);
  c.lab.configure('R2', ['crypto isakmp key am-s3cret address 192.168.12.1']);
  const replay = replayAtEveryStep(c.lab, c.routers);
  assertTunnel(c);
  replay.stop();
  assert.deepEqual(exchangesOf(replay.traffic.seen.filter((p) => p.kind === 'isakmp')), ['aggressive', 'quick']);
  assertQuiet(c.lab, replay.traffic);
  assertTunnel(c);
});

test('TED: the probe, its reply, main and quick mode replayed at every step', () => {
  const c: Case = { lab: Lab.load(TED), routers: ['Daphne', 'fred'], hosts: ['pc-daphne', 'pc-fred'] };
  const replay = replayAtEveryStep(c.lab, c.routers);
  assertTunnel(c);
  replay.stop();
  assert.deepEqual(exchangesOf(replay.traffic.seen.filter((p) => p.kind === 'isakmp')), ['TED', 'main', 'quick']);
  assertQuiet(c.lab, replay.traffic);
  assertTunnel(c);
});

test('a replayed quick mode after its exchange was purged allocates nothing', () => {
  const lab = Lab.load(STATIC);
  const traffic = new LinkTraffic(lab, 'wan', ['R1', 'R2']);
  lab.ping('pc1', 'pc2');
  lab.advance(120_000);
  const qm1 = traffic.seen.find((packet) => packet.exchangeType === 32 && packet.from === 'R1')!;
  const spisBefore = lab.ipsecSpis('R2');
  const connectionsBefore = lab.run('R2', 'show crypto engine connections active');
  const replayedAt = lab.sim.now();
  traffic.inject(qm1.bytes, 'R1');
  lab.advance(10_000);
  assert.deepEqual(lab.ipsecSpis('R2'), spisBefore);
  assert.equal(lab.run('R2', 'show crypto engine connections active'), connectionsBefore);
  assert.equal(traffic.isakmpSince(replayedAt).length, 0, 'not answered');
});

function slowWan(delay: string): Lab {
  const text = readFileSync(STATIC, 'utf8').replace('wan: [R1 Fa0/0, R2 Fa0/0]', `wan: { ends: [R1 Fa0/0, R2 Fa0/0], delay: ${delay} }`);
  assert.ok(text.includes(delay));
  return Lab.fromYaml(text, { baseDir: fileURLToPath(new URL('../../scenarios/examples/static-tunnel/', import.meta.url)) });
}

for (const delay of ['6s', '12s']) {
  test(`a WAN with a one-way delay of ${delay}: the exchange completes and the WAN goes quiet`, () => {
    const lab = slowWan(delay);
    const traffic = new LinkTraffic(lab, 'wan', ['R1', 'R2']);
    lab.ping('pc1', 'pc2', { count: 1 });
    lab.advance(SETTLE_MS);
    for (const router of ['R1', 'R2']) assert.match(lab.run(router, 'show crypto isakmp sa'), /QM_IDLE/);
    const [r1, r2] = ['R1', 'R2'].map((router) => lab.ipsecSpis(router));
    assert.equal(r1!.inbound.length, 1);
    assert.deepEqual(r1!.inbound, r2!.outbound);
    // Nine messages; a round trip longer than the 10 s timer costs resends, but none goes more than three times.
    const copies = new Map<string, number>();
    for (const packet of traffic.isakmpSince(0)) {
      const key = Buffer.from(packet.bytes.subarray(28)).toString('hex');
      copies.set(key, (copies.get(key) ?? 0) + 1);
    }
    assert.equal(copies.size, 9, 'MM1-MM6, QM1-QM3');
    assert.ok(Math.max(...copies.values()) <= 3, `copies of one message: ${[...copies.values()]}`);
    const from = lab.sim.now();
    lab.advance(QUIET_WINDOW_MS);
    assert.equal(traffic.isakmpSince(from).length, 0);
  });
}
