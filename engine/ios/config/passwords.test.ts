import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeType7, encodeType7, hashSecret, md5Crypt, secretMatches } from './passwords.ts';

test('MD5-crypt matches the reference implementation (openssl passwd -1)', () => {
  assert.equal(md5Crypt('password', 'saltsalt'), '$1$saltsalt$qjXMvbEw8oaL.CzflDtaK/');
  assert.equal(md5Crypt('cisco', 'abcd'), '$1$abcd$2hDGYdE0UrwK2pqoiF6BB1');
});

test('a hashed secret verifies only its own password', () => {
  const stored = hashSecret('s3cret');
  assert.ok(secretMatches('s3cret', stored));
  assert.ok(!secretMatches('s3cre', stored));
  assert.equal(hashSecret('s3cret'), stored);
});

test('type 7: the well-known vector, and a round trip', () => {
  assert.equal(decodeType7('0822455D0A16'), 'cisco');
  assert.equal(encodeType7('cisco', 8), '0822455D0A16');
  assert.equal(decodeType7(encodeType7('Longer pass 123', 13)), 'Longer pass 123');
  assert.equal(decodeType7('99AB'), undefined);
});
