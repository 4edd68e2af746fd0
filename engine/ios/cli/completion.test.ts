import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileCommands, type SyntaxSpec } from './command-types.ts';
import { completeKeyword, completeLine } from './completion.ts';

// What Tab does on IOS 12.2 is unconfirmed (TEXT-SOURCES.md, "tedlab console"): these tests hold
// tedlab's reading, a unique keyword spelt out, and check that it follows the grammar.

const TABLE = compileCommands<SyntaxSpec>(
  [
    { syntax: 'show running-config' },
    { syntax: 'show ip route [(A.B.C.D$address|static)]' },
    { syntax: 'show ip interface brief' },
    { syntax: 'show clock' },
    { syntax: 'show crypto isakmp sa' },
    { syntax: 'configure terminal' },
    { syntax: 'connect WORD$host' },
    { syntax: 'ip' },
    { syntax: 'ipx' },
    { syntax: 'interface (%FastEthernet$type <0-0>/<0-1>$port|%Loopback$type <0-2147483647>$port)' },
  ],
  {},
);

test('Tab spells out the one keyword a word abbreviates, followed by a blank', () => {
  assert.equal(completeLine(TABLE, 'sh'), 'show ');
  assert.equal(completeLine(TABLE, 'sh ip int br'), 'sh ip int brief ');
  assert.equal(completeLine(TABLE, 'show cr'), 'show crypto ');
  assert.equal(completeLine(TABLE, 'int fa'), 'int FastEthernet ');
});

test('Tab leaves an ambiguous, unknown or argument word, and a line that ends with a blank, as it is', () => {
  assert.equal(completeKeyword(TABLE, 'c'), undefined, 'configure or connect');
  assert.equal(completeLine(TABLE, 'c'), 'c');
  assert.equal(completeLine(TABLE, 'frob'), 'frob');
  assert.equal(completeLine(TABLE, 'show ip route 10.1'), 'show ip route 10.1');
  assert.equal(completeLine(TABLE, 'show '), 'show ');
  assert.equal(completeLine(TABLE, ''), '');
  assert.equal(completeLine(TABLE, 'shw ip'), 'shw ip', 'a refused word before it');
});

test('a word that spells a keyword out completes to it even when longer keywords start with it', () => {
  assert.equal(completeLine(TABLE, 'ip'), 'ip ');
  assert.equal(completeLine(TABLE, 'ipx'), 'ipx ');
});

