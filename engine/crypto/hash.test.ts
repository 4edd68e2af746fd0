import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hmac, hmac96, ikePrf, MD5, SHA1, SHA256, truncatedHmac, type HashAlgorithm } from './hash.ts';
import { HMAC_MD5_96, HMAC_SHA1_96 } from './integrity-algorithm.ts';
import { ascii, repeated, toHex } from './test-hex.ts';

function digestHex(hash: HashAlgorithm, text: string): string {
  return toHex(hash.digest(ascii(text)));
}

test('MD5: the RFC 1321 A.5 test suite', () => {
  const suite: [string, string][] = [
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
    ['1234567890'.repeat(8), '57edf4a22be3c955ac49da2e2107b67a'],
  ];
  for (const [input, digest] of suite) assert.equal(digestHex(MD5, input), digest, input);
});

const FIPS_TWO_BLOCKS = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';

test('SHA-1 and SHA-256: the FIPS 180 one-block and two-block examples', () => {
  assert.equal(digestHex(SHA1, 'abc'), 'a9993e364706816aba3e25717850c26c9cd0d89d');
  assert.equal(digestHex(SHA1, FIPS_TWO_BLOCKS), '84983e441c3bd26ebaae4aa1f95129e5e54670f1');
  assert.equal(digestHex(SHA256, 'abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(digestHex(SHA256, FIPS_TWO_BLOCKS), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
});

test('the hashes declare their output and block lengths', () => {
  assert.deepEqual([MD5, SHA1, SHA256].map((h) => [h.name, h.outputLength, h.blockLength]), [
    ['md5', 16, 64],
    ['sha1', 20, 64],
    ['sha256', 32, 64],
  ]);
});

const LARGE_KEY_DATA = ascii('Test Using Larger Than Block-Size Key - Hash Key First');

test('HMAC-MD5: RFC 2202 §2 test cases 1, 2, 3 and 6', () => {
  assert.equal(toHex(hmac(MD5, repeated(0x0b, 16), ascii('Hi There'))), '9294727a3638bb1c13f48ef8158bfc9d');
  assert.equal(toHex(hmac(MD5, ascii('Jefe'), ascii('what do ya want for nothing?'))), '750c783e6ab0b503eaa86e310a5db738');
  assert.equal(toHex(hmac(MD5, repeated(0xaa, 16), repeated(0xdd, 50))), '56be34521d144c88dbb8c733f0e8b3f6');
  assert.equal(toHex(hmac(MD5, repeated(0xaa, 80), LARGE_KEY_DATA)), '6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd');
});

test('HMAC-SHA1: RFC 2202 §3 test cases 1, 2, 3 and 6', () => {
  assert.equal(toHex(hmac(SHA1, repeated(0x0b, 20), ascii('Hi There'))), 'b617318655057264e28bc0b6fb378c8ef146be00');
  assert.equal(toHex(hmac(SHA1, ascii('Jefe'), ascii('what do ya want for nothing?'))), 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
  assert.equal(toHex(hmac(SHA1, repeated(0xaa, 20), repeated(0xdd, 50))), '125d7342b9ac11cd91a39af48aa17b4f63f175d3');
  assert.equal(toHex(hmac(SHA1, repeated(0xaa, 80), LARGE_KEY_DATA)), 'aa4ae5e15272d00e95705637ce8a3b55ed402112');
});

test('HMAC-SHA256: RFC 4231 test cases 1, 2, 5 (truncated to 128 bits) and 6', () => {
  assert.equal(toHex(hmac(SHA256, repeated(0x0b, 20), ascii('Hi There'))),
    'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
  assert.equal(toHex(hmac(SHA256, ascii('Jefe'), ascii('what do ya want for nothing?'))),
    '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  assert.equal(toHex(truncatedHmac(SHA256, repeated(0x0c, 20), ascii('Test With Truncation'), 16)),
    'a3b6167473100ee06e0c796c2955552b');
  assert.equal(toHex(hmac(SHA256, repeated(0xaa, 131), LARGE_KEY_DATA)),
    '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
});

test('HMAC-96: RFC 2202 test case 5, full and truncated to 96 bits (RFC 2403 / RFC 2404 ICVs)', () => {
  const data = ascii('Test With Truncation');
  assert.equal(toHex(hmac(MD5, repeated(0x0c, 16), data)), '56461ef2342edc00f9bab995690efd4c');
  assert.equal(toHex(hmac96(MD5, repeated(0x0c, 16), data)), '56461ef2342edc00f9bab995');
  assert.equal(toHex(hmac(SHA1, repeated(0x0c, 20), data)), '4c1a03424b55e07fe7f27be1d58bb9324a9a5a04');
  assert.equal(toHex(hmac96(SHA1, repeated(0x0c, 20), data)), '4c1a03424b55e07fe7f27be1');
  assert.throws(() => truncatedHmac(MD5, repeated(0x0c, 16), data, 17), RangeError);
});

test('ESP/AH integrity algorithms compute and verify 96-bit ICVs with hash-length keys', () => {
  const data = ascii('Test With Truncation');
  assert.equal(toHex(HMAC_MD5_96.icv(repeated(0x0c, 16), data)), '56461ef2342edc00f9bab995');
  assert.equal(toHex(HMAC_SHA1_96.icv(repeated(0x0c, 20), data)), '4c1a03424b55e07fe7f27be1');
  const icv = HMAC_SHA1_96.icv(repeated(0x0c, 20), data);
  assert.equal(HMAC_SHA1_96.verify(repeated(0x0c, 20), data, icv), true);
  const tampered = icv.slice();
  tampered[11] ^= 1;
  assert.equal(HMAC_SHA1_96.verify(repeated(0x0c, 20), data, tampered), false);
  assert.equal(HMAC_SHA1_96.verify(repeated(0x0c, 20), data, icv.slice(0, 11)), false);
  assert.deepEqual([HMAC_MD5_96.keyLength, HMAC_SHA1_96.keyLength, HMAC_SHA1_96.icvLength], [16, 20, 12]);
  assert.throws(() => HMAC_MD5_96.icv(repeated(0x0c, 20), data), RangeError);
});

test('the IKE PRF is HMAC of the negotiated hash', () => {
  const prf = ikePrf(SHA1);
  assert.equal(toHex(prf(ascii('Jefe'), ascii('what do ya want for nothing?'))), 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
});

test('the keyed HMAC-96 of an SA gives the same ICVs, and checks its key length once', async () => {
  const { HMAC_MD5_96, HMAC_SHA1_96 } = await import('./integrity-algorithm.ts');
  const { hmac: nobleHmac } = await import('@noble/hashes/hmac.js');
  const { md5, sha1 } = await import('@noble/hashes/legacy.js');
  const data = new TextEncoder().encode('an ESP header, IV and ciphertext');
  for (const [algorithm, noble] of [[HMAC_MD5_96, md5], [HMAC_SHA1_96, sha1]] as const) {
    const key = new Uint8Array(algorithm.keyLength).map((_, index) => index * 7);
    const keyed = algorithm.keyed(key);
    const icv = keyed.icv(data);
    assert.deepEqual(icv, algorithm.icv(key, data));
    assert.deepEqual(icv, nobleHmac(noble, key, data).slice(0, 12), `${algorithm.name} against an independent HMAC`);
    assert.ok(keyed.verify(data, icv));
    assert.ok(!keyed.verify(data, icv.map((byte, index) => (index === 0 ? byte ^ 1 : byte))));
    assert.throws(() => algorithm.keyed(new Uint8Array(algorithm.keyLength + 1)), RangeError);
  }
});
