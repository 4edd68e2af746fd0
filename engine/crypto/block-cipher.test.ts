import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AES_128_CBC, AES_192_CBC, AES_256_CBC, aesCbcForKeyBits } from './aes-cipher.ts';
import { isBlockAligned, lastCipherBlock, type BlockCipher } from './block-cipher.ts';
import { DES_CBC, TRIPLE_DES_CBC } from './des-ciphers.ts';
import { ascii, hex, toHex } from './test-hex.ts';

/** The vector through the cipher and through its keyed context, which an SA keeps. */
function assertKnownAnswer(cipher: BlockCipher, key: string, iv: string, plaintext: Uint8Array, ciphertext: string): void {
  const encrypted = cipher.encrypt(hex(key), hex(iv), plaintext);
  assert.equal(toHex(encrypted), ciphertext.replace(/\s+/g, '').toLowerCase());
  assert.deepEqual(cipher.decrypt(hex(key), hex(iv), encrypted), plaintext);
  const keyed = cipher.keyed(hex(key));
  assert.equal(toHex(keyed.encrypt(hex(iv), plaintext)), toHex(encrypted), `${cipher.name} keyed`);
  assert.deepEqual(keyed.decrypt(hex(iv), encrypted), plaintext);
  assert.equal(Object.getPrototypeOf(encrypted), Uint8Array.prototype, 'a plain Uint8Array, not a Buffer sharing memory');
}

test('DES-CBC: the FIPS 81 example "Now is the time for all "', () => {
  assertKnownAnswer(DES_CBC, '0123456789abcdef', '1234567890abcdef', ascii('Now is the time for all '),
    'e5c7cdde872bf27c 43e934008c389c0f 683788499a7c05f6');
});

test('3DES-CBC: the SP 800-67 example, one block at a time with a zero IV (= ECB)', () => {
  const key = '0123456789ABCDEF 23456789ABCDEF01 456789ABCDEF0123';
  const blocks = ['The qufck brown fox jump'.slice(0, 8), 'The qufck brown fox jump'.slice(8, 16), 'The qufck brown fox jump'.slice(16)];
  const expected = ['A826FD8CE53B855F', 'CCE21C8112256FE6', '68D5C05DD9B6B900'];
  blocks.forEach((block, index) => assertKnownAnswer(TRIPLE_DES_CBC, key, '0000000000000000', ascii(block), expected[index]!));
});

test('3DES-CBC: the OpenSSL/libdes cbc3 vector chains across four blocks', () => {
  const plaintext = new Uint8Array(32);
  plaintext.set(ascii('7654321 Now is the time for '));
  assertKnownAnswer(TRIPLE_DES_CBC, '0123456789abcdef f1e0d3c2b5a49786 fedcba9876543210', 'fedcba9876543210', plaintext,
    '3FE301C962AC01D0 2213763C1CBD4CDC 799657C064ECF5D4 1C673812CFDE9675');
});

const SP800_38A_PLAINTEXT = hex(`6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51
  30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710`);
const SP800_38A_IV = '000102030405060708090a0b0c0d0e0f';

test('AES-128-CBC: SP 800-38A F.2.1/F.2.2', () => {
  assertKnownAnswer(AES_128_CBC, '2b7e151628aed2a6abf7158809cf4f3c', SP800_38A_IV, SP800_38A_PLAINTEXT,
    `7649abac8119b246cee98e9b12e9197d 5086cb9b507219ee95db113a917678b2
     73bed6b8e3c1743b7116e69e22229516 3ff1caa1681fac09120eca307586e1a7`);
});

test('AES-192-CBC: SP 800-38A F.2.3/F.2.4', () => {
  assertKnownAnswer(AES_192_CBC, '8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b', SP800_38A_IV, SP800_38A_PLAINTEXT,
    `4f021db243bc633d7178183a9fa071e8 b4d9ada9ad7dedf4e5e738763f69145a
     571b242012fb7ae07fa9baac3df102e0 08b0e27988598881d920a9e64f5615cd`);
});

test('AES-256-CBC: SP 800-38A F.2.5/F.2.6', () => {
  assertKnownAnswer(AES_256_CBC, '603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4', SP800_38A_IV,
    SP800_38A_PLAINTEXT,
    `f58c4c04d6e5f1ba779eabfb5f7bfbd6 9cfc4e967edb808d679f777bc6702c7d
     39f23369a9d9bacfa530e26304231461 b2eb05e2c39be9fcda6c19078c6a9d1b`);
});

test('the ciphers declare their block, key and IV sizes', () => {
  const sizes = [DES_CBC, TRIPLE_DES_CBC, AES_128_CBC, AES_192_CBC, AES_256_CBC].map((c) => [c.name, c.blockSize, c.keyLength, c.ivLength]);
  assert.deepEqual(sizes, [
    ['des-cbc', 8, 8, 8],
    ['3des-cbc', 8, 24, 8],
    ['aes-128-cbc', 16, 16, 16],
    ['aes-192-cbc', 16, 24, 16],
    ['aes-256-cbc', 16, 32, 16],
  ]);
  assert.equal(aesCbcForKeyBits(192), AES_192_CBC);
  assert.equal(aesCbcForKeyBits(64), undefined);
});

test('no padding: data that is not whole blocks, or a wrong key or IV, is refused', () => {
  const key = new Uint8Array(16);
  const iv = new Uint8Array(16);
  assert.throws(() => AES_128_CBC.encrypt(key, iv, new Uint8Array(15)), RangeError);
  assert.throws(() => AES_128_CBC.decrypt(key, iv, new Uint8Array(17)), RangeError);
  assert.throws(() => DES_CBC.encrypt(new Uint8Array(8), new Uint8Array(8), new Uint8Array(12)), RangeError);
  assert.throws(() => TRIPLE_DES_CBC.decrypt(new Uint8Array(16), new Uint8Array(8), new Uint8Array(8)), RangeError);
  assert.throws(() => AES_256_CBC.encrypt(new Uint8Array(32), new Uint8Array(8), new Uint8Array(16)), RangeError);
  assert.equal(AES_128_CBC.encrypt(key, iv, new Uint8Array(0)).length, 0);
  assert.equal(isBlockAligned(DES_CBC, 24), true);
  assert.equal(isBlockAligned(AES_128_CBC, 24), false);
});

test('the last ciphertext block is what chains into the next IKE message', () => {
  const ciphertext = AES_128_CBC.encrypt(hex('2b7e151628aed2a6abf7158809cf4f3c'), hex(SP800_38A_IV), SP800_38A_PLAINTEXT);
  assert.equal(toHex(lastCipherBlock(AES_128_CBC, ciphertext)), '3ff1caa1681fac09120eca307586e1a7');
  assert.throws(() => lastCipherBlock(DES_CBC, new Uint8Array(4)), RangeError);
});

test('a keyed context checks its key once and its IV and blocks on every call, and outlives many IVs', () => {
  assert.throws(() => AES_128_CBC.keyed(new Uint8Array(15)), RangeError);
  assert.throws(() => DES_CBC.keyed(new Uint8Array(24)), RangeError);
  const keyed = TRIPLE_DES_CBC.keyed(new Uint8Array(24).fill(7));
  assert.throws(() => keyed.encrypt(new Uint8Array(16), new Uint8Array(8)), RangeError);
  assert.throws(() => keyed.encrypt(new Uint8Array(8), new Uint8Array(9)), RangeError);
  const data = new Uint8Array(32).fill(1);
  const first = keyed.encrypt(new Uint8Array(8), data);
  const second = keyed.encrypt(new Uint8Array(8).fill(9), data);
  assert.notDeepEqual(first, second, 'each call uses its own IV');
  assert.deepEqual(keyed.encrypt(new Uint8Array(8), data), first, 'and nothing carries over between calls');
});
