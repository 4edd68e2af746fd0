import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AES_128_CBC, AES_192_CBC, AES_256_CBC } from './aes-cipher.ts';
import {
  ahTransform,
  authAlgorithm,
  authAlgorithmByKeyword,
  espTransform,
  espTransformByKeyword,
  ikeEncryption,
  ikeEncryptionByKeyword,
  ikeGroup,
  ikeHash,
  ikeHashByKeyword,
} from './algorithm-registry.ts';
import type { CryptoResult } from './crypto-result.ts';
import { DES_CBC, TRIPLE_DES_CBC } from './des-ciphers.ts';
import { MD5, SHA1, SHA256 } from './hash.ts';
import { HMAC_MD5_96, HMAC_SHA1_96 } from './integrity-algorithm.ts';

function value<T>(result: CryptoResult<T>): T {
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.value;
}

function errorCode<T>(result: CryptoResult<T>): string {
  assert.equal(result.ok, false);
  return result.ok ? '' : result.error.code;
}

test('phase 1 encryption attribute values (RFC 2409 App. A) give the cipher and the IOS name', () => {
  const des = value(ikeEncryption(1));
  assert.deepEqual([des.debugName, des.keyword, des.cipher, des.keyLengthAttribute], ['DES-CBC', 'des', DES_CBC, undefined]);
  const tripleDes = value(ikeEncryption(5));
  assert.deepEqual([tripleDes.debugName, tripleDes.keyword, tripleDes.cipher], ['3DES-CBC', '3des', TRIPLE_DES_CBC]);
  const aes = [128, 192, 256].map((bits) => value(ikeEncryption(7, bits)));
  assert.deepEqual(aes.map((a) => [a.debugName, a.cipher, a.keyLengthAttribute]), [
    ['AES-CBC', AES_128_CBC, 128],
    ['AES-CBC', AES_192_CBC, 192],
    ['AES-CBC', AES_256_CBC, 256],
  ]);
});

test('AES needs a valid Key Length attribute, fixed-key ciphers take none, unknown numbers are refused', () => {
  assert.equal(errorCode(ikeEncryption(7)), 'bad-key-length');
  assert.equal(errorCode(ikeEncryption(7, 64)), 'bad-key-length');
  assert.equal(errorCode(ikeEncryption(1, 64)), 'bad-key-length');
  assert.equal(errorCode(ikeEncryption(2)), 'unknown-algorithm');
  assert.equal(errorCode(ikeEncryption(6)), 'unknown-algorithm');
});

test('ISAKMP policy keywords map to the same choices; aes alone is AES-128', () => {
  assert.equal(value(ikeEncryptionByKeyword('3des')).id, 5);
  assert.equal(value(ikeEncryptionByKeyword('aes')).keyLengthAttribute, 128);
  assert.equal(value(ikeEncryptionByKeyword('aes', 256)).cipher, AES_256_CBC);
  assert.equal(errorCode(ikeEncryptionByKeyword('blowfish')), 'unknown-algorithm');
});

test('phase 1 hash attribute values: MD5 1, SHA 2, SHA2-256 4', () => {
  assert.deepEqual([1, 2, 4].map((id) => value(ikeHash(id))).map((h) => [h.debugName, h.keyword, h.hash]), [
    ['MD5', 'md5', MD5],
    ['SHA', 'sha', SHA1],
    ['SHA256', 'sha256', SHA256],
  ]);
  assert.equal(value(ikeHashByKeyword('sha')).id, 2);
  assert.equal(errorCode(ikeHash(3)), 'unknown-algorithm');
});

test('group description values 1, 2, 5 and 14 are the MODP groups', () => {
  assert.deepEqual([1, 2, 5, 14].map((id) => value(ikeGroup(id)).bits), [768, 1024, 1536, 2048]);
  assert.equal(errorCode(ikeGroup(15)), 'unknown-algorithm');
});

test('ESP transform ids (RFC 2407 §4.4.4) give the cipher and the transform-set keyword', () => {
  const rows = [value(espTransform(2)), value(espTransform(3)), value(espTransform(12, 256)), value(espTransform(11))];
  assert.deepEqual(rows.map((r) => [r.id, r.debugName, r.keyword, r.cipher]), [
    [2, 'ESP_DES', 'esp-des', DES_CBC],
    [3, 'ESP_3DES', 'esp-3des', TRIPLE_DES_CBC],
    [12, 'ESP_AES', 'esp-aes', AES_256_CBC],
    [11, 'ESP_NULL', 'esp-null', null],
  ]);
  assert.equal(errorCode(espTransform(12)), 'bad-key-length');
  assert.equal(errorCode(espTransform(11, 128)), 'bad-key-length');
  assert.equal(errorCode(espTransform(1)), 'unknown-algorithm');
  assert.equal(value(espTransformByKeyword('esp-aes')).cipher, AES_128_CBC);
  assert.equal(value(espTransformByKeyword('esp-des')).id, 2);
  assert.equal(value(espTransformByKeyword('esp-null')).cipher, null);
});

test('authentication algorithm attribute values and AH transform ids (RFC 2407 §4.5, §4.4.3)', () => {
  const md5 = value(authAlgorithm(1));
  const sha = value(authAlgorithm(2));
  assert.deepEqual([md5.debugName, md5.espKeyword, md5.ahKeyword, md5.integrity], ['HMAC-MD5', 'esp-md5-hmac', 'ah-md5-hmac', HMAC_MD5_96]);
  assert.deepEqual([sha.debugName, sha.espKeyword, sha.ahKeyword, sha.integrity], ['HMAC-SHA', 'esp-sha-hmac', 'ah-sha-hmac', HMAC_SHA1_96]);
  assert.equal(value(authAlgorithmByKeyword('esp-sha-hmac')).id, 2);
  assert.equal(value(authAlgorithmByKeyword('ah-md5-hmac')).id, 1);
  assert.equal(errorCode(authAlgorithm(3)), 'unknown-algorithm');
  assert.deepEqual([value(ahTransform(2)), value(ahTransform(3))].map((t) => [t.debugName, t.auth.id]), [
    ['AH_MD5', 1],
    ['AH_SHA', 2],
  ]);
  assert.equal(errorCode(ahTransform(4)), 'unknown-algorithm');
});
