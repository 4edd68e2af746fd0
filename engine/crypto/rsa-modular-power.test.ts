import assert from 'node:assert/strict';
import { test } from 'node:test';
// A file of its own: node --test runs it in a fresh process, so the operation counts start at 0.
import { dhKeyPair, dhOperationCounts, dhSharedSecret, OPERATIONS_BEFORE_ENGINE } from './diffie-hellman.ts';
import { MODP_GROUPS, modpGroup, modpPrimeBytes, type ModpGroup } from './modp-groups.ts';
import { bigintToBytes as toBytes, bytesToBigint as toBigInt } from './fixed-base-power.ts';
import { RsaModularPower } from './rsa-modular-power.ts';
import { toHex } from './test-hex.ts';
import { modPow } from './test-numbers.ts';

/** Test bytes, distinct per label. */
function drawBytes(label: number, length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (label * 151 + i * 37 + ((i * i) >> 2)) & 0xff);
}

test('b^e mod p by the RSA public operation equals BigInt arithmetic in every group', () => {
  for (const group of MODP_GROUPS) {
    const prime = modpPrimeBytes(group);
    const route = new RsaModularPower(prime);
    const exponents = [
      drawBytes(group.id, group.primeLength - 1),
      Uint8Array.of(...drawBytes(group.id + 1, 40).slice(0, 39), 0x10), // even
      Uint8Array.of(0, 0, 3), // leading zeros, and as short as it gets
    ];
    const bases = [toBytes(2n, group.primeLength), toBytes(toBigInt(prime) - 2n, group.primeLength), drawBytes(group.id + 9, group.primeLength).map((b, i) => (i === 0 ? 0x7f : b))];
    for (const exponent of exponents) {
      for (const base of bases) {
        const expected = toBytes(modPow(toBigInt(base), toBigInt(exponent), toBigInt(prime)), group.primeLength);
        const result = route.power(base, exponent);
        assert.ok(result !== undefined, `group ${group.id}: OpenSSL refused the operation`);
        assert.equal(toHex(result), toHex(expected), `group ${group.id}`);
      }
    }
  }
});

test('the route refuses what OpenSSL would not do as asked', () => {
  assert.throws(() => new RsaModularPower(Uint8Array.of(0, 0xff)), RangeError);
  assert.throws(() => new RsaModularPower(new Uint8Array(0)), RangeError);
  // Past 3,072 bits OpenSSL takes public exponents of at most 64 bits.
  assert.throws(() => new RsaModularPower(new Uint8Array(385).fill(0xff)), RangeError);
  assert.doesNotThrow(() => new RsaModularPower(new Uint8Array(384).fill(0xff)));
  const route = new RsaModularPower(modpPrimeBytes(modpGroup(1)!));
  assert.throws(() => route.power(Uint8Array.of(2), Uint8Array.of(3)), RangeError);
  // A base at or above the modulus: OpenSSL refuses, the route says so.
  assert.equal(route.power(modpPrimeBytes(modpGroup(1)!), Uint8Array.of(3)), undefined);
});

/** x = (p-1)/2, g's order: g^x is 1, and y^x is 1 or p-1. */
function generatorOrderKey(prime: bigint, length: number): Uint8Array {
  return toBytes((prime - 1n) >> 1n, length);
}

function assertRefusesOrderKey(group: ModpGroup, when: string): void {
  const order = generatorOrderKey(toBigInt(modpPrimeBytes(group)), group.primeLength);
  const pair = dhKeyPair(group, order);
  const secret = dhSharedSecret(group, order, toBytes(7n, group.primeLength));
  for (const result of [pair, secret]) {
    assert.equal(result.ok, false, when);
    if (!result.ok) assert.equal(result.error.code, 'invalid-private-key', when);
  }
}

test("a group's first operations take the RSA route and a busy group's the DH object, with the same numbers", () => {
  const group = modpGroup(2)!;
  const prime = toBigInt(modpPrimeBytes(group));
  const pair = dhKeyPair(group, drawBytes(3, group.primeLength - 1));
  assert.ok(pair.ok);
  assert.deepEqual(dhOperationCounts, { rsaRoute: 1, engine: 0, table: 0 });
  assert.equal(toBigInt(pair.value.publicKey), modPow(2n, toBigInt(pair.value.privateKey), prime));
  assertRefusesOrderKey(group, 'on the RSA route');
  const peer = toBytes(modPow(2n, 12345n, prime), group.primeLength);
  const expected = toHex(toBytes(modPow(toBigInt(peer), toBigInt(pair.value.privateKey), prime), group.primeLength));
  for (let operation = 2; operation <= OPERATIONS_BEFORE_ENGINE + 2; operation++) {
    const secret = dhSharedSecret(group, pair.value.privateKey, peer);
    assert.ok(secret.ok);
    if (operation === 2 || operation > OPERATIONS_BEFORE_ENGINE) assert.equal(toHex(secret.value), expected, `operation ${operation}`);
  }
  assert.deepEqual(dhOperationCounts, { rsaRoute: OPERATIONS_BEFORE_ENGINE, engine: 2, table: 0 });
  // g^x from the DH object too (the group has made one key pair, far from a fixed-base table).
  const later = dhKeyPair(group, drawBytes(4, group.primeLength - 1));
  assert.ok(later.ok);
  assert.equal(toBigInt(later.value.publicKey), modPow(2n, toBigInt(later.value.privateKey), prime));
  assert.deepEqual(dhOperationCounts, { rsaRoute: OPERATIONS_BEFORE_ENGINE, engine: 3, table: 0 });
  assertRefusesOrderKey(group, 'on the DH object');
});
