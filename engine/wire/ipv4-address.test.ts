import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseIpv4, formatIpv4, maskFromPrefixLength, prefixLengthOfMask, matchesWildcard, inSubnet, classfulMask,
} from './ipv4-address.ts';

test('dotted quads parse and format back', () => {
  for (const text of ['0.0.0.0', '11.11.11.1', '255.255.255.255', '192.168.0.1']) {
    const value = parseIpv4(text);
    assert.notEqual(value, undefined);
    assert.equal(formatIpv4(value!), text);
  }
  assert.equal(parseIpv4('13.13.13.14'), 0x0d0d0d0e);
});

test('malformed addresses are refused', () => {
  for (const text of ['256.1.1.1', '1.2.3', '1.2.3.4.5', 'a.b.c.d', '', ' 1.2.3.4', '1.2.3.-4']) {
    assert.equal(parseIpv4(text), undefined, text);
  }
});

test('masks and prefix lengths correspond; holes are detected', () => {
  assert.equal(maskFromPrefixLength(24), parseIpv4('255.255.255.0'));
  assert.equal(maskFromPrefixLength(0), 0);
  assert.equal(maskFromPrefixLength(32), 0xffffffff);
  for (let len = 0; len <= 32; len++) assert.equal(prefixLengthOfMask(maskFromPrefixLength(len)), len);
  assert.equal(prefixLengthOfMask(parseIpv4('255.0.255.0')!), undefined);
});

test('wildcard masks match the cared-for bits only', () => {
  const base = parseIpv4('13.13.13.0')!;
  const wildcard = parseIpv4('0.0.0.255')!;
  assert.ok(matchesWildcard(parseIpv4('13.13.13.14')!, base, wildcard));
  assert.ok(!matchesWildcard(parseIpv4('13.13.14.14')!, base, wildcard));
  assert.ok(matchesWildcard(parseIpv4('1.2.3.4')!, 0, 0xffffffff), 'any');
  // discontiguous wildcard: odd hosts only
  assert.ok(matchesWildcard(parseIpv4('10.0.0.3')!, parseIpv4('10.0.0.1')!, parseIpv4('0.0.0.254')!));
  assert.ok(!matchesWildcard(parseIpv4('10.0.0.4')!, parseIpv4('10.0.0.1')!, parseIpv4('0.0.0.254')!));
});

test('subnets and classful masks', () => {
  assert.ok(inSubnet(parseIpv4('11.11.11.2')!, parseIpv4('11.11.11.0')!, maskFromPrefixLength(24)));
  assert.equal(classfulMask(parseIpv4('11.1.1.1')!), maskFromPrefixLength(8));
  assert.equal(classfulMask(parseIpv4('172.16.1.1')!), maskFromPrefixLength(16));
  assert.equal(classfulMask(parseIpv4('192.168.1.1')!), maskFromPrefixLength(24));
});
