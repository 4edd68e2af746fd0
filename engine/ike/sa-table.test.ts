import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IsakmpSa, type IsakmpExchange } from './isakmp-sa.ts';
import type { IkeRole } from './ike-events.ts';
import { SaTable } from './sa-table.ts';

/** The table finds SAs by peer through an index; these pin that it answers as a scan of all SAs would. */

const LOCAL = 0x0a000001;
const [PEER_A, PEER_B] = [0x0a000002, 0x0a000003];
const cookie = (n: number) => Uint8Array.of(0, 0, 0, 0, 0, 0, 0, n);
const ZERO = new Uint8Array(8);

function sa(connId: number, role: IkeRole, peer: number, initiator: number, responder = 0, exchange: IsakmpExchange = 'main'): IsakmpSa {
  return new IsakmpSa(connId, role, exchange, LOCAL, peer, cookie(initiator), responder === 0 ? ZERO : cookie(responder), 0x1000 + connId);
}

test('find matches peer and both cookies; an initiator still waiting for MM2 is found by its own cookie', () => {
  const table = new SaTable();
  const waiting = sa(1, 'I', PEER_A, 1);
  const answered = sa(2, 'R', PEER_B, 1, 9);
  table.add(waiting);
  table.add(answered);
  assert.equal(table.find(cookie(1), cookie(7), PEER_A), waiting);
  assert.equal(table.find(cookie(1), cookie(9), PEER_B), answered);
  assert.equal(table.find(cookie(1), cookie(8), PEER_B), undefined);
  assert.equal(table.find(cookie(1), cookie(9), 0x0a000004), undefined);
  waiting.deleted = true;
  assert.equal(table.find(cookie(1), cookie(7), PEER_A), undefined);
});

test('usableWith gives the newest established SA with the peer; removed SAs are gone from every lookup', () => {
  const table = new SaTable();
  const [older, newer, other] = [sa(1, 'I', PEER_A, 1, 2), sa(2, 'R', PEER_A, 3, 4), sa(3, 'I', PEER_B, 5, 6)];
  for (const entry of [older, newer, other]) {
    entry.established = true;
    table.add(entry);
  }
  assert.equal(table.usableWith(PEER_A), newer);
  table.remove(newer);
  assert.equal(table.usableWith(PEER_A), older);
  assert.equal(table.find(cookie(3), cookie(4), PEER_A), undefined);
  assert.equal(table.findResponderByInitiatorCookie(cookie(3), PEER_A), undefined);
  table.remove(older);
  table.remove(older);
  assert.equal(table.usableWith(PEER_A), undefined);
  assert.deepEqual(table.all(), [other]);
  table.add(older);
  assert.equal(table.usableWith(PEER_A), older, 'added back, found again');
});

test('negotiatingWith and findResponderByInitiatorCookie look at the peer and role only', () => {
  const table = new SaTable();
  const probe = sa(1, 'I', PEER_A, 1, 0, 'peer-discovery');
  const initiator = sa(2, 'I', PEER_A, 2);
  const responder = sa(3, 'R', PEER_B, 7, 8);
  for (const entry of [probe, initiator, responder]) table.add(entry);
  assert.equal(table.negotiatingWith(PEER_A), initiator);
  assert.equal(table.negotiatingWith(PEER_B), undefined);
  assert.equal(table.findResponderByInitiatorCookie(cookie(7), PEER_B), responder);
  assert.equal(table.findResponderByInitiatorCookie(cookie(7), PEER_A), undefined);
  assert.equal(table.probeByCookie(cookie(1)), probe);
  initiator.established = true;
  assert.equal(table.negotiatingWith(PEER_A), undefined);
});

test('probeByCookie finds only live probes this router sent, whoever answers', () => {
  const table = new SaTable();
  const probe = sa(1, 'I', PEER_A, 5, 0, 'peer-discovery');
  const mainMode = sa(2, 'I', PEER_B, 6);
  const answered = sa(3, 'R', PEER_B, 5, 0, 'peer-discovery');
  for (const entry of [probe, mainMode, answered]) table.add(entry);
  assert.equal(table.probeByCookie(cookie(5)), probe);
  assert.equal(table.probeByCookie(cookie(6)), undefined, 'a main-mode SA is no probe');
  probe.deleted = true;
  assert.equal(table.probeByCookie(cookie(5)), undefined);
  const again = sa(4, 'I', PEER_B, 5, 0, 'peer-discovery');
  table.add(again);
  assert.equal(table.probeByCookie(cookie(5)), again);
  table.remove(again);
  assert.equal(table.probeByCookie(cookie(5)), undefined);
});
