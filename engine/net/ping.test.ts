import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sim } from '../sim/sim.ts';
import { decodeIcmp, encodeIcmp, quoteForIcmpError, type IcmpMessage } from '../wire/icmp.ts';
import { decodeIpv4, encodeIpv4, type Ipv4Datagram } from '../wire/ipv4.ts';
import type { IcmpListener } from './local-delivery.ts';
import type { OutgoingDatagram } from './outgoing-datagram.ts';
import { PingSession, pingData, type PingPort } from './ping.ts';
import { ip, runPing, tedLab } from './test-fixtures.ts';

test('IOS echo format: 100-byte datagrams, 0xABCD data, sequences from 0 under one identifier', () => {
  const lab = tedLab();
  const echoes: Array<{ length: number; ttl: number; message: IcmpMessage }> = [];
  lab.lan1.addTap((_time, bytes) => {
    const datagram = decodeIpv4(bytes);
    if (!datagram.ok) return;
    const icmp = decodeIcmp(datagram.value.payload);
    if (icmp.ok && icmp.value.kind === 'echo-request') echoes.push({ length: bytes.length, ttl: datagram.value.ttl, message: icmp.value });
  });
  runPing(lab.sim, lab.pcDaphne, '12.12.12.13');
  assert.equal(echoes.length, 5);
  assert.ok(echoes.every((e) => e.length === 100 && e.ttl === 64));
  const first = echoes[0]!.message;
  assert.ok(first.kind === 'echo-request');
  if (first.kind !== 'echo-request') return;
  assert.equal(first.data.length, 72);
  assert.deepEqual(first.data.subarray(0, 4), Uint8Array.of(0xab, 0xcd, 0xab, 0xcd));
  assert.deepEqual(echoes.map((e) => (e.message.kind === 'echo-request' ? e.message.sequence : -1)), [0, 1, 2, 3, 4]);
  assert.equal(new Set(echoes.map((e) => (e.message.kind === 'echo-request' ? e.message.identifier : -1))).size, 1);
});

test('size and count are honoured; a router pings with TTL 255', () => {
  const lab = tedLab();
  const seen: Array<[number, number]> = [];
  lab.wan.addTap((_time, bytes) => seen.push([bytes.length, bytes[8]!]));
  const result = runPing(lab.sim, lab.daphne, '12.12.12.13', { count: 2, size: 36 });
  assert.equal(result.marks, '!!');
  assert.deepEqual(seen[0], [36, 255]);
  assert.equal(pingData(36).length, 8);
  assert.equal(pingData(10).length, 0);
});

test('replies after the timeout count as timeouts and do not answer a later echo', () => {
  const lab = tedLab({ delays: { wan: 1500 } });
  const result = runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { timeoutMs: 1000 });
  assert.equal(result.marks, '.....');
  assert.equal(lab.sim.now(), 5000);
});

/** A node stand-in: records what the session sends and lets the test answer. */
function fakePort() {
  const sim = new Sim(1);
  const sent: Ipv4Datagram[] = [];
  let listener: IcmpListener | undefined;
  const port: PingPort = {
    sim,
    send: (outgoing: OutgoingDatagram) => {
      const datagram: Ipv4Datagram = {
        tos: 0, identification: sent.length, dontFragment: false, moreFragments: false, fragmentOffset: 0, ttl: 255,
        protocol: outgoing.protocol, source: ip('1.1.1.1'), destination: outgoing.destination, options: new Uint8Array(0),
        payload: outgoing.payload,
      };
      sent.push(datagram);
      return { ok: true, datagram };
    },
    addIcmpListener: (l) => {
      listener = l;
      return () => (listener = undefined);
    },
  };
  const answer = (message: (last: Ipv4Datagram) => IcmpMessage): void => {
    const last = sent[sent.length - 1]!;
    sim.schedule(1, () => listener?.(message(last), last, undefined as never));
  };
  return { sim, sent, port, answer, listening: () => listener !== undefined };
}

test('each ICMP error gives its IOS mark, only when it quotes the current echo', () => {
  const { sim, port, answer, listening } = fakePort();
  const session = new PingSession(port, { destination: ip('2.2.2.2'), count: 5 }, 77);
  const quote = (d: Ipv4Datagram) => quoteForIcmpError(encodeIpv4(d));
  const steps: Array<(d: Ipv4Datagram) => IcmpMessage> = [
    (d) => ({ kind: 'destination-unreachable', code: 4, nextHopMtu: 1400, original: quote(d) }),
    (d) => ({ kind: 'other', type: 4, code: 0, body: Uint8Array.of(0, 0, 0, 0, ...quote(d)) }),
    (d) => ({ kind: 'other', type: 12, code: 0, body: Uint8Array.of(0, 0, 0, 0, ...quote(d)) }),
    (d) => ({ kind: 'time-exceeded', code: 0, original: quote({ ...d, payload: encodeIcmp({ kind: 'echo-request', identifier: 78, sequence: 3, data: new Uint8Array(0) }) }) }),
  ];
  session.start();
  for (const step of steps) {
    sim.advance(0);
    answer(step);
    sim.advance(1);
  }
  sim.runUntil(() => session.done, 60_000);
  assert.equal(session.result.marks, 'MQ?..');
  assert.equal(listening(), false, 'the session stops listening when done');
});
