import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keepText, refusalReason, vocabularyKeeper } from './kept-vocabulary.ts';

test('a kept line is added once; no X removes the lines that begin with X', () => {
  let lines = keepText([], 'ip ssh version 2');
  lines = keepText(lines, 'ip ssh time-out 60');
  lines = keepText(lines, 'ip ssh version 2');
  assert.deepEqual(lines, ['ip ssh version 2', 'ip ssh time-out 60']);
  assert.deepEqual(keepText(lines, 'no ip ssh version'), ['ip ssh time-out 60']);
});

test('no X with nothing to remove turns off a default, and X then only removes the no line', () => {
  const off = keepText([], 'no service dhcp');
  assert.deepEqual(off, ['no service dhcp']);
  assert.deepEqual(keepText(off, 'service dhcp'), []);
  assert.deepEqual(keepText(['no ip domain-list corp'], 'ip domain-list corp'), ['ip domain-list corp']);
});

test('no ip routing, static ARP and certificates stay refused with their reasons; ip routing itself is fine', () => {
  const keeper = vocabularyKeeper('global');
  assert.equal(keeper.keeps('no ip routing'), false);
  assert.equal(keeper.keeps('ip routing'), true);
  assert.equal(keeper.keeps('arp'), false);
  assert.equal(keeper.keeps('crypto ca'), false);
  assert.equal(keeper.keeps('tacacs-server'), true);
  assert.equal(refusalReason('no ip routing'), 'the lab\'s routers always route IP');
  assert.equal(refusalReason('tacacs-server'), undefined);
});
