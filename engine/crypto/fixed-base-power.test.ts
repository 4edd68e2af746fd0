import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDiffieHellman } from 'node:crypto';
import { dhKeyPair, dhPrivateKeyLength, KEY_PAIRS_BEFORE_TABLE } from './diffie-hellman.ts';
import { bigintToBytes, bytesToBigint, FixedBasePower } from './fixed-base-power.ts';
import { MODP_GROUPS, modpPrimeBytes } from './modp-groups.ts';

/** Exponents with every byte value somewhere, zeros and 0xFF included, from a simple recurrence. */
function exponent(seed: number, length: number): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length }, (_, i) => {
    state = (state * 1103515245 + 12345) >>> 0;
    return i % 7 === 3 ? 0 : (state >>> 16) & 0xff;
  });
}

/** OpenSSL's g^x, the reference the table must equal. */
function openSslPublic(prime: Uint8Array, x: Uint8Array): Uint8Array {
  const dh = createDiffieHellman(prime, 2);
  dh.setPrivateKey(x);
  dh.generateKeys();
  return bigintToBytes(bytesToBigint(dh.getPublicKey()), prime.length);
}

test('the fixed-base table gives exactly g^x mod p, as OpenSSL does, in groups 1, 2 and 5', () => {
  // Group 14's table takes a second to build; its code is the same.
  for (const group of MODP_GROUPS.filter((g) => g.bits <= 1536)) {
    const prime = modpPrimeBytes(group);
    const table = new FixedBasePower(2n, bytesToBigint(prime), group.primeLength);
    for (const [seed, length] of [[1, dhPrivateKeyLength(group)], [2, dhPrivateKeyLength(group)], [3, 20], [4, 1]] as const) {
      const x = exponent(seed, length);
      assert.deepEqual(bigintToBytes(table.power(x), group.primeLength), openSslPublic(prime, x), `group ${group.id}, seed ${seed}`);
    }
    assert.equal(table.power(new Uint8Array(0)), 1n);
    assert.throws(() => table.power(new Uint8Array(group.primeLength + 1)), RangeError);
  }
});

test('key pairs stay the same once a group has made enough of them to switch to its table', () => {
  const group = MODP_GROUPS[0]!;
  const prime = modpPrimeBytes(group);
  const dh = createDiffieHellman(prime, 2);
  // The reference made by one OpenSSL object (building one checks the prime: tens of ms).
  const reference = (x: Uint8Array) => {
    dh.setPrivateKey(x);
    dh.generateKeys();
    return bigintToBytes(bytesToBigint(dh.getPublicKey()), prime.length);
  };
  for (let i = 0; i <= KEY_PAIRS_BEFORE_TABLE + 3; i++) {
    const x = exponent(100 + i, dhPrivateKeyLength(group));
    const pair = dhKeyPair(group.id, x);
    assert.ok(pair.ok);
    assert.deepEqual(pair.value.publicKey, reference(x), `key pair ${i}`);
  }
});

test('bytes and numbers convert both ways, with left padding and leading zeros', () => {
  assert.deepEqual(bigintToBytes(0x1234n, 4), Uint8Array.of(0, 0, 0x12, 0x34));
  assert.deepEqual(bigintToBytes(0xabcn, 1), Uint8Array.of(0x0a, 0xbc), 'never cut');
  assert.equal(bytesToBigint(Uint8Array.of(0, 0, 1, 0)), 256n);
  assert.equal(bytesToBigint(new Uint8Array(0)), 0n);
  const big = exponent(9, 96);
  assert.deepEqual(bigintToBytes(bytesToBigint(big), 96), big);
});
