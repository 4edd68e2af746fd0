import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyNatTraversalPayload, withNonEspMarker } from './nat-traversal.ts';
import { fromHex } from '../test-hex.ts';

test('an IKE message on port 4500 sits behind four zero bytes, which are removed', () => {
  const message = fromHex('fa106bd57c0fd683 37fceca19d65d55e');
  const sent = withNonEspMarker(message);
  assert.deepEqual(sent, fromHex('00000000 fa106bd57c0fd683 37fceca19d65d55e'));
  const carried = classifyNatTraversalPayload(sent);
  assert.ok(carried.ok);
  assert.deepEqual(carried.value, { kind: 'ike', message });
});

test('anything starting with a non-zero SPI is ESP, kept whole', () => {
  const packet = fromHex('756a7d1e 00000001 aabbccdd');
  const carried = classifyNatTraversalPayload(packet);
  assert.ok(carried.ok);
  assert.deepEqual(carried.value, { kind: 'esp', packet });
});

test('a single 0xff byte is a NAT keepalive (RFC 3948 2.3)', () => {
  const carried = classifyNatTraversalPayload(fromHex('ff'));
  assert.ok(carried.ok);
  assert.deepEqual(carried.value, { kind: 'keepalive' });
});

test('other payloads shorter than a marker are refused', () => {
  for (const hex of ['', '00', '000000', 'fe']) {
    const carried = classifyNatTraversalPayload(fromHex(hex));
    assert.ok(!carried.ok, hex);
    assert.equal(carried.error.code, 'truncated');
  }
});
