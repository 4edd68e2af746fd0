import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeIpv4 } from '../wire/ipv4.ts';
import { decodeUdp } from '../wire/udp.ts';
import { IpProtocol } from '../wire/ip-protocols.ts';
import { formatIpv4 } from '../wire/ipv4-address.ts';
import type { IpNode } from './ip-node.ts';
import { TracerouteSession } from './traceroute.ts';
import type { ProbeOutcome, TracerouteRequest, TracerouteResult } from './traceroute-types.ts';
import { ip, tedLab } from './test-fixtures.ts';

function trace(lab: ReturnType<typeof tedLab>, from: IpNode, destination: string, request: Partial<TracerouteRequest> = {}): TracerouteResult {
  const session = new TracerouteSession(from, { destination: ip(destination), ...request }, 0);
  session.start();
  lab.sim.runUntil(() => session.done, lab.sim.now() + session.worstCaseMs);
  assert.ok(session.done, 'the trace ends');
  return session.result;
}

/** `from rtt` per probe, `*` for a timeout, `from !X` for an unreachable. */
function summary(result: TracerouteResult): string[] {
  const probe = (outcome: ProbeOutcome) => {
    if (outcome.kind === 'timeout') return '*';
    const from = formatIpv4(outcome.from);
    return outcome.kind === 'answer' ? `${from} ${outcome.rttMs}` : `${from} !${outcome.code}`;
  };
  return result.hops.map((hop) => `${hop.ttl}: ${hop.probes.map(probe).join(', ')}`);
}

test('UDP probes with growing TTLs: time exceeded from each router, port unreachable from the destination', () => {
  const lab = tedLab({ delays: { lan1: 1, wan: 5, lan2: 2 } });
  const probes: Array<{ ttl: number; port: number }> = [];
  lab.lan1.addTap((_time, bytes) => {
    const datagram = decodeIpv4(bytes);
    if (!datagram.ok || datagram.value.protocol !== IpProtocol.udp) return;
    const udp = decodeUdp(datagram.value.payload, datagram.value.source, datagram.value.destination);
    if (udp.ok) probes.push({ ttl: datagram.value.ttl, port: udp.value.destinationPort });
  });
  const result = trace(lab, lab.pcDaphne, '12.12.12.13');
  assert.deepEqual(summary(result), [
    '1: 13.13.13.13 2, 13.13.13.13 2, 13.13.13.13 2',
    '2: 11.11.11.2 12, 11.11.11.2 12, 11.11.11.2 12',
    '3: 12.12.12.13 16, 12.12.12.13 16, 12.12.12.13 16',
  ]);
  assert.equal(result.reached, true);
  assert.deepEqual(probes.map((probe) => probe.ttl), [1, 1, 1, 2, 2, 2, 3, 3, 3]);
  assert.deepEqual(probes.map((probe) => probe.port), [33434, 33435, 33436, 33437, 33438, 33439, 33440, 33441, 33442]);
});

test('a router at the end answers from the address traced, its unreachables spaced by IOS\'s 500 ms limit', () => {
  const lab = tedLab();
  const result = trace(lab, lab.pcDaphne, '12.12.12.12');
  // The second probe follows the first at once and meets the rate limit; the third comes 3 s later.
  assert.deepEqual(summary(result), ['1: 13.13.13.13 2, 13.13.13.13 2, 13.13.13.13 2', '2: 12.12.12.12 12, *, 12.12.12.12 12']);
  assert.equal(lab.fred.traffic.icmpErrorsRateLimited, 1);
});

test('a router without a route ends the trace with host unreachables', () => {
  const lab = tedLab();
  lab.fred.setStaticRoutes([]);
  const result = trace(lab, lab.pcFred, '99.9.9.9');
  // TTL 1 expires at fred before it looks for a route; TTL 2 finds none.
  assert.deepEqual(summary(result), ['1: 12.12.12.12 4, 12.12.12.12 4, 12.12.12.12 4', '2: 12.12.12.12 !H, *, 12.12.12.12 !H']);
  assert.equal(result.reached, false);
});

test('nobody answering: every probe times out up to the maximum TTL', () => {
  const lab = tedLab();
  lab.pcFred.eth0.adminUp = false;
  const result = trace(lab, lab.pcDaphne, '12.12.12.13', { maxTtl: 4, probesPerHop: 2, timeoutMs: 1000 });
  assert.deepEqual(summary(result), [
    '1: 13.13.13.13 2, 13.13.13.13 2',
    '2: 11.11.11.2 12, 11.11.11.2 12',
    '3: *, *',
    '4: *, *',
  ]);
  assert.equal(result.reached, false);
});

test('PCs answer every probe: their unreachables are not spaced as a router\'s', () => {
  const lab = tedLab();
  const result = trace(lab, lab.fred, '12.12.12.13');
  assert.deepEqual(summary(result), ['1: 12.12.12.13 4, 12.12.12.13 4, 12.12.12.13 4']);
  assert.equal(lab.pcFred.traffic.icmpErrorsRateLimited, 0);
});
