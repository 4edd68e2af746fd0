import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  attributeNumber,
  attributeProblem,
  decodeAttributes,
  encodeAttributes,
  findAttribute,
  numericAttribute,
  tlvAttribute,
  tvAttribute,
} from './attributes.ts';
import { Phase1Attribute, Phase1Encryption, LifeType } from './constants.ts';
import { fromHex } from '../test-hex.ts';

test('a TV attribute sets the AF bit and carries its value in the length field', () => {
  const bytes = encodeAttributes([tvAttribute(Phase1Attribute.encryptionAlgorithm, Phase1Encryption.desCbc)]);
  assert.deepEqual(bytes, fromHex('8001 0001'));
});

test('a TLV attribute has a clear AF bit, a length and the value', () => {
  // IOS's phase-1 lifetime: 86400 seconds as a 4-byte variable attribute.
  const bytes = encodeAttributes([tlvAttribute(Phase1Attribute.lifeDuration, fromHex('00015180'))]);
  assert.deepEqual(bytes, fromHex('000c 0004 00015180'));
});

test('both forms round-trip and keep the form they arrived in', () => {
  const bytes = fromHex('800b 0001 000c 0004 00015180 800c 7080 0010 0000');
  const decoded = decodeAttributes(bytes);
  assert.ok(decoded.ok);
  assert.deepEqual(decoded.value, [
    tvAttribute(Phase1Attribute.lifeType, LifeType.seconds),
    tlvAttribute(Phase1Attribute.lifeDuration, fromHex('00015180')),
    tvAttribute(Phase1Attribute.lifeDuration, 28800),
    tlvAttribute(16, new Uint8Array(0)),
  ]);
  assert.deepEqual(encodeAttributes(decoded.value), bytes);
});

test('numeric values read the same in either form', () => {
  assert.equal(attributeNumber(tvAttribute(12, 28800)), 28800);
  assert.equal(attributeNumber(tlvAttribute(12, fromHex('00015180'))), 86400);
  assert.equal(attributeNumber(tlvAttribute(12, fromHex('ffffffffffff'))), 0xffffffffffff);
  assert.equal(attributeNumber(tlvAttribute(12, new Uint8Array(0))), undefined);
  assert.equal(attributeNumber(tlvAttribute(12, new Uint8Array(7))), undefined);
});

test('numericAttribute picks TV up to 65535 and a 4-byte TLV above', () => {
  assert.deepEqual(numericAttribute(12, 65535), tvAttribute(12, 65535));
  assert.deepEqual(numericAttribute(12, 86400), tlvAttribute(12, fromHex('00015180')));
  assert.deepEqual(numericAttribute(2, 4608000), tlvAttribute(2, fromHex('00465000')));
  assert.deepEqual(numericAttribute(2, 2 ** 32), tlvAttribute(2, fromHex('0100000000')));
});

test('findAttribute returns the first attribute of a type', () => {
  const attributes = [tvAttribute(1, 5), tvAttribute(2, 1), tvAttribute(1, 7)];
  assert.deepEqual(findAttribute(attributes, 1), tvAttribute(1, 5));
  assert.equal(findAttribute(attributes, 3), undefined);
});

test('a TLV value running past the transform is a length error', () => {
  const decoded = decodeAttributes(fromHex('000c 0008 00015180'));
  assert.ok(!decoded.ok);
  assert.equal(decoded.error.code, 'bad-length');
  assert.match(decoded.error.message, /claims 8 value bytes, 4 remain/);
});

test('fewer than four bytes left for an attribute is a length error', () => {
  const decoded = decodeAttributes(fromHex('8001 0001 8002'));
  assert.ok(!decoded.ok);
  assert.equal(decoded.error.code, 'bad-length');
});

test('values the wire cannot carry are reported before encoding', () => {
  assert.match(attributeProblem(tvAttribute(12, 65536)) ?? '', /two-byte form/);
  assert.match(attributeProblem(tvAttribute(0x8000, 1)) ?? '', /15 bits/);
  assert.match(attributeProblem(tlvAttribute(1, new Uint8Array(65536))) ?? '', /too long/);
  assert.equal(attributeProblem(tlvAttribute(1, new Uint8Array(65535))), undefined);
});
