import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFilter, modifierHelp, parseModifier, splitPipe, withPipeHelp } from './output-filter.ts';

const CONFIG = ['hostname fred', '!', 'interface FastEthernet0/0', ' ip address 11.11.11.2 255.255.255.0', 'interface FastEthernet0/1', ' ip address 12.12.12.12 255.255.255.0', 'end'];

function filtered(modifier: string): string[] {
  const parsed = parseModifier(modifier);
  assert.ok(parsed.ok, modifier);
  return applyFilter(parsed.filter, CONFIG);
}

test('the first | word splits the line; a | glued to a word does not', () => {
  assert.deepEqual(splitPipe('show run | include ip address'), { command: 'show run ', modifier: 'include ip address', modifierOffset: 11 });
  assert.deepEqual(splitPipe('sh run |   i crypto|isakmp'), { command: 'sh run ', modifier: 'i crypto|isakmp', modifierOffset: 11 });
  assert.equal(splitPipe('show run|include x'), undefined);
  assert.equal(splitPipe('show running-config'), undefined);
});

test('include keeps the matching lines, exclude the others, begin everything from the first match', () => {
  assert.deepEqual(filtered('include ip address'), [' ip address 11.11.11.2 255.255.255.0', ' ip address 12.12.12.12 255.255.255.0']);
  assert.deepEqual(filtered('exclude ^ |!'), ['hostname fred', 'interface FastEthernet0/0', 'interface FastEthernet0/1', 'end']);
  assert.deepEqual(filtered('begin FastEthernet0/1'), CONFIG.slice(4));
  assert.deepEqual(filtered('begin nothing-like-this'), []);
});

test('keywords abbreviate and the regular expression is the rest of the line, blanks included', () => {
  assert.deepEqual(filtered('i 0/1$'), ['interface FastEthernet0/1']);
  assert.deepEqual(filtered('inc interface Fast'), ['interface FastEthernet0/0', 'interface FastEthernet0/1']);
  assert.deepEqual(filtered('e _ip_'), ['hostname fred', '!', 'interface FastEthernet0/0', 'interface FastEthernet0/1', 'end']);
});

test('12.2 has no section or count modifier, and a modifier needs its expression', () => {
  assert.deepEqual(parseModifier('section crypto'), { ok: false, failure: { kind: 'invalid', position: 0, wordIndex: 0 } });
  assert.deepEqual(parseModifier('count'), { ok: false, failure: { kind: 'invalid', position: 0, wordIndex: 0 } });
  assert.deepEqual(parseModifier('inlcude x'), { ok: false, failure: { kind: 'invalid', position: 2, wordIndex: 0 } });
  assert.deepEqual(parseModifier('include'), { ok: false, failure: { kind: 'incomplete' } });
  assert.deepEqual(parseModifier(''), { ok: false, failure: { kind: 'incomplete' } });
  assert.deepEqual(parseModifier('include ('), { ok: false, badRegex: true });
});

test('? after the pipe lists the three modifiers, then the expression', () => {
  assert.deepEqual(modifierHelp(''), {
    kind: 'lines',
    lines: ['  begin    Begin with the line that matches', '  exclude  Exclude lines that match', '  include  Include lines that match', ''],
  });
  assert.deepEqual(modifierHelp('include '), { kind: 'lines', lines: ['  LINE  Regular Expression', ''] });
  assert.deepEqual(modifierHelp('e'), { kind: 'lines', lines: ['exclude', ''] });
});

test('the pipe is listed right before <cr>, aligned with the other labels', () => {
  assert.deepEqual(withPipeHelp(['  interface  Show interface configuration', '  <cr>', '']), [
    '  interface  Show interface configuration',
    '  |          Output modifiers',
    '  <cr>',
    '',
  ]);
  assert.deepEqual(withPipeHelp(['  <cr>', '']), ['  |  Output modifiers', '  <cr>', '']);
  assert.deepEqual(withPipeHelp(['  interface  Show interface configuration', '']), ['  interface  Show interface configuration', '']);
});
