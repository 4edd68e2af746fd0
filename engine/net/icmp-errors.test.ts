import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeIpv4, type Ipv4Datagram } from '../wire/ipv4.ts';
import { decodeIcmp, encodeIcmp } from '../wire/icmp.ts';
import { IcmpErrorSender, mayTriggerIcmpError } from './icmp-errors.ts';
import { emptyTrafficCounters } from './node-counters.ts';
import type { OutgoingDatagram } from './outgoing-datagram.ts';
import { ip } from './test-fixtures.ts';

function datagram(overrides: Partial<Ipv4Datagram> = {}): Ipv4Datagram {
  return {
    tos: 0, identification: 1, dontFragment: false, moreFragments: false, fragmentOffset: 0, ttl: 1, protocol: 17,
    source: ip('13.13.13.14'), destination: ip('12.12.12.13'), options: new Uint8Array(0),
    payload: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), ...overrides,
  };
}

test('no error about an ICMP error, a later fragment, or a source that is no single host', () => {
  assert.equal(mayTriggerIcmpError(datagram()), true);
  assert.equal(mayTriggerIcmpError(datagram({ protocol: 1, payload: encodeIcmp({ kind: 'echo-request', identifier: 1, sequence: 1, data: new Uint8Array(0) }) })), true);
  assert.equal(mayTriggerIcmpError(datagram({ protocol: 1, payload: encodeIcmp({ kind: 'time-exceeded', code: 0, original: new Uint8Array(0) }) })), false);
  assert.equal(mayTriggerIcmpError(datagram({ protocol: 1, payload: encodeIcmp({ kind: 'destination-unreachable', code: 1, nextHopMtu: 0, original: new Uint8Array(0) }) })), false);
  assert.equal(mayTriggerIcmpError(datagram({ fragmentOffset: 10 })), false);
  assert.equal(mayTriggerIcmpError(datagram({ source: 0 })), false);
  assert.equal(mayTriggerIcmpError(datagram({ source: ip('224.0.0.5') })), false);
  assert.equal(mayTriggerIcmpError(datagram({ destination: ip('255.255.255.255') })), false);
});

test('unreachables are limited to one per interval; time exceeded is not limited', () => {
  let now = 0;
  const sent: OutgoingDatagram[] = [];
  const traffic = emptyTrafficCounters();
  const sender = new IcmpErrorSender({ now: () => now, traffic, send: (o) => (sent.push(o), { ok: true, datagram: datagram() }) }, 500);
  assert.equal(sender.unreachable(datagram(), 1), true);
  now = 499;
  assert.equal(sender.unreachable(datagram(), 1), false);
  assert.equal(sender.timeExceeded(datagram()), true);
  now = 500;
  assert.equal(sender.unreachable(datagram(), 13), true);
  assert.deepEqual([traffic.icmpErrorsSent, traffic.icmpErrorsRateLimited], [3, 1]);
  const last = decodeIcmp(sent[2]!.payload);
  assert.ok(last.ok && last.value.kind === 'destination-unreachable');
  if (!last.ok || last.value.kind !== 'destination-unreachable') return;
  assert.equal(last.value.code, 13);
  assert.equal(sent[2]!.destination, ip('13.13.13.14'));
  assert.equal(last.value.original.length, 28, 'header plus the first 8 payload bytes');
  const quoted = decodeIpv4(last.value.original);
  assert.ok(!quoted.ok && quoted.error.code === 'truncated', 'the quote is a cut datagram');
});
