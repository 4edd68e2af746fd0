import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Lab } from './lab.ts';
import { routerAndHostLab } from './testing/router-and-host.ts';

const lab = (linkOptions: string): Lab => routerAndHostLab({ link: linkOptions });

const lostLines = (subject: Lab): string[] =>
  subject.exchangeReport().packetLists[0]!.text.split('\n').filter((line) => line.endsWith('[lost on the link]'));

test('frames the link loses to its loss rate are marked lost in the packet list, the others not', () => {
  const lossy = lab('loss: 30%');
  const ping = lossy.ping('pc1', '10.0.0.1', { count: 20 });
  const lost = lostLines(lossy);
  assert.ok(lost.length > 0 && ping.received < 20);
  // Every echo that got no reply lost its request or its reply on the link, and nothing else was lost.
  assert.equal(lost.length, 20 - ping.received);
});

test('a frame in flight when the link goes down is marked lost', () => {
  const slow = lab('delay: 500ms');
  const ping = slow.startPing('pc1', '10.0.0.1', { count: 1 });
  slow.advance(100);
  slow.setLinkUp('lan', false);
  slow.advance(3000);
  assert.equal(ping.outcome().marks, '.');
  const lost = lostLines(slow);
  assert.equal(lost.length, 1);
  assert.match(lost[0]!, / pc1 +R1 +10\.0\.0\.2 +10\.0\.0\.1 +ICMP .*Echo request/);
});
