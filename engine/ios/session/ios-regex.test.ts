import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileIosRegex, translateIosRegex } from './ios-regex.ts';

function matches(pattern: string, text: string): boolean {
  const compiled = compileIosRegex(pattern);
  assert.ok(compiled.ok, `${pattern} compiles`);
  return compiled.regex.test(text);
}

test('the underscore matches a delimiter or either end of the line, never a letter', () => {
  assert.ok(matches('_1300_', 'permit 1300 any'));
  assert.ok(matches('_1300_', '1300'));
  assert.ok(matches('_1300_', '(1300,'));
  assert.ok(matches('_1300_', '{1300}'));
  assert.ok(matches('_1300_', 'as_1300_path'));
  assert.ok(!matches('_1300_', '11300'));
  assert.ok(!matches('_1300_', 'x1300y'));
});

test('anchors, wildcards, multipliers, ranges and alternation mean what the appendix says', () => {
  assert.ok(matches('^interface', 'interface FastEthernet0/0'));
  assert.ok(!matches('^interface', ' ip interface'));
  assert.ok(matches('0/0$', 'interface FastEthernet0/0'));
  assert.ok(matches('Fast.*0/1', 'interface FastEthernet0/1'));
  assert.ok(matches('(ab)+c', 'xababc'));
  assert.ok(matches('[0-9][0-9]*\\.1', 'address 11.11.11.1'));
  assert.ok(matches('crypto|isakmp', ' isakmp key'));
  assert.ok(!matches('crypto|isakmp', 'interface'));
});

test('matching is case-sensitive and finds the pattern anywhere in the line', () => {
  assert.ok(matches('ip', 'no ip domain-lookup'));
  assert.ok(!matches('IP', 'no ip domain-lookup'));
});

test('braces are ordinary characters and a backslash makes the next character ordinary', () => {
  assert.ok(matches('a{2}', 'a{2}'));
  assert.ok(!matches('a{2}', 'aa'));
  assert.ok(matches('\\.', 'a.b'));
  assert.ok(!matches('\\.', 'ab'));
  assert.ok(matches('\\_', 'a_b'));
  assert.ok(!matches('\\_', 'a b'));
  assert.ok(matches('\\$1', 'cost $1'));
});

test('inside brackets the underscore is itself and an escaped bracket is a member', () => {
  assert.equal(translateIosRegex('[_a]'), '[_a]');
  assert.ok(matches('[\\]x]', 'a]'));
  assert.ok(matches('[^a-z]', 'abc1'));
  assert.ok(!matches('[^a-z]', 'abc'));
});

test('a pattern IOS cannot compile is refused, not thrown', () => {
  assert.equal(compileIosRegex('(').ok, false);
  assert.equal(compileIosRegex('[abc').ok, false);
  assert.equal(compileIosRegex('abc\\').ok, false);
  assert.equal(compileIosRegex('*a').ok, false);
});
