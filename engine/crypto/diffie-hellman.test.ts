import assert from 'node:assert/strict';
import { getDiffieHellman } from 'node:crypto';
import { test } from 'node:test';
import {
  AWAITING_PEER_LIMIT, dhAgreedSecret, dhAgreedSecretCounts, dhKeyPair, dhPrivateKeyLength, dhSharedSecret, isValidDhPublicValue, type DhKeyPair,
} from './diffie-hellman.ts';
import { MODP_GROUPS, modpGroup, modpPrimeBytes, type ModpGroup } from './modp-groups.ts';
import { toHex } from './test-hex.ts';
import { modPow } from './test-numbers.ts';

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}

function toBytes(value: bigint, length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => Number((value >> BigInt(8 * (length - 1 - i))) & 0xffn));
}

/** arctan(1/x) in fixed point with `scale` fractional bits (Taylor series). */
function arctanInverse(x: bigint, scale: bigint): bigint {
  let term = (1n << scale) / x;
  let sum = 0n;
  for (let k = 0n; term !== 0n; k++) {
    sum += (k % 2n === 0n ? term : -term) / (2n * k + 1n);
    term /= x * x;
  }
  return sum;
}

/** floor(2^bits * pi), by Machin's formula with 64 guard bits. */
function piTimesPowerOfTwo(bits: number): bigint {
  const scale = BigInt(bits) + 64n;
  const pi = 16n * arctanInverse(5n, scale) - 4n * arctanInverse(239n, scale);
  return pi >> 64n;
}

/** The construction both RFCs state: p = 2^n - 2^(n-64) - 1 + 2^64 * (floor(2^(n-130) pi) + k). */
const RFC_OFFSETS: Record<number, bigint> = { 1: 149686n, 2: 129093n, 5: 741804n, 14: 124476n };

function rfcPrime(group: ModpGroup): bigint {
  const n = BigInt(group.bits);
  return (1n << n) - (1n << (n - 64n)) - 1n + (1n << 64n) * (piTimesPowerOfTwo(group.bits - 130) + RFC_OFFSETS[group.id]!);
}


test('each typed prime equals the RFC formula built from pi, and has the stated bit length', () => {
  for (const group of MODP_GROUPS) {
    const prime = toBigInt(modpPrimeBytes(group));
    assert.equal(prime.toString(2).length, group.bits, `group ${group.id}`);
    assert.equal(modpPrimeBytes(group).length, group.primeLength);
    assert.equal(prime, rfcPrime(group), `group ${group.id} (${group.source})`);
  }
});

test("each typed prime equals OpenSSL's copy of the same RFC group", () => {
  const openSslNames: Record<number, string> = { 1: 'modp1', 2: 'modp2', 5: 'modp5', 14: 'modp14' };
  for (const group of MODP_GROUPS) {
    const reference = getDiffieHellman(openSslNames[group.id]!);
    assert.equal(toHex(modpPrimeBytes(group)), reference.getPrime('hex'), `group ${group.id}`);
    assert.equal(reference.getGenerator('hex'), '02');
  }
});

test('the groups IKEv1 negotiates, by Group Description number', () => {
  assert.deepEqual(MODP_GROUPS.map((g) => [g.id, g.bits, g.primeLength, g.generator]), [
    [1, 768, 96, 2],
    [2, 1024, 128, 2],
    [5, 1536, 192, 2],
    [14, 2048, 256, 2],
  ]);
  assert.equal(modpGroup(3), undefined);
});

function privateKey(group: ModpGroup, fill: number): Uint8Array {
  return new Uint8Array(dhPrivateKeyLength(group)).map((_, i) => (fill * (i + 7)) & 0xff);
}

test('the public value is g^x mod p, at the full prime length', () => {
  for (const group of MODP_GROUPS.filter((g) => g.bits <= 1024)) {
    const x = privateKey(group, 13);
    const pair = dhKeyPair(group.id, x);
    assert.ok(pair.ok);
    assert.equal(pair.value.publicKey.length, group.primeLength);
    const expected = modPow(2n, toBigInt(x), toBigInt(modpPrimeBytes(group)));
    assert.equal(toHex(pair.value.publicKey), toHex(toBytes(expected, group.primeLength)));
  }
});

test('small values are left-padded with zeros to the prime length', () => {
  const group = modpGroup(2)!;
  const pair = dhKeyPair(group, Uint8Array.of(2));
  assert.ok(pair.ok);
  assert.equal(toHex(pair.value.publicKey), '00'.repeat(127) + '04');
  const secret = dhSharedSecret(group, Uint8Array.of(2), Uint8Array.of(3));
  assert.ok(secret.ok);
  assert.equal(toHex(secret.value), '00'.repeat(127) + '09');
});

test('both sides agree on g^xy in every group, and reusing the engines mixes nothing up', () => {
  const pairs = MODP_GROUPS.map((group) => {
    const initiator = dhKeyPair(group, privateKey(group, 3));
    const responder = dhKeyPair(group, privateKey(group, 5));
    assert.ok(initiator.ok && responder.ok);
    return { group, initiator: initiator.value, responder: responder.value };
  });
  for (const { group, initiator, responder } of pairs) {
    const atInitiator = dhSharedSecret(group, initiator.privateKey, responder.publicKey);
    const atResponder = dhSharedSecret(group, responder.privateKey, initiator.publicKey);
    assert.ok(atInitiator.ok && atResponder.ok);
    assert.equal(atInitiator.value.length, group.primeLength);
    assert.deepEqual(atInitiator.value, atResponder.value, `group ${group.id}`);
    assert.notDeepEqual(initiator.publicKey, responder.publicKey);
  }
  const again = dhKeyPair(1, privateKey(modpGroup(1)!, 3));
  assert.ok(again.ok);
  assert.deepEqual(again.value.publicKey, pairs[0]!.initiator.publicKey);
});

test('bad peer public values are refused with a typed error (1 < y < p-1)', () => {
  const group = modpGroup(1)!;
  const p = toBigInt(modpPrimeBytes(group));
  const x = privateKey(group, 3);
  const bad = [0n, 1n, p - 1n, p, p + 1n].map((y) => toBytes(y, group.primeLength));
  bad.push(new Uint8Array(group.primeLength + 1).fill(0xff));
  for (const y of bad) {
    assert.equal(isValidDhPublicValue(group, y), false);
    const result = dhSharedSecret(group, x, y);
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.error.code, 'invalid-public-value');
  }
  assert.equal(isValidDhPublicValue(group, toBytes(p - 2n, group.primeLength)), true);
  assert.equal(isValidDhPublicValue(group, Uint8Array.of(2)), true);
});

test('bad private keys and unknown groups are typed errors too', () => {
  for (const x of [new Uint8Array(0), Uint8Array.of(1), new Uint8Array(96).fill(0xff)]) {
    const result = dhKeyPair(1, x);
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.error.code, 'invalid-private-key');
  }
  const unknown = dhKeyPair(3 as 1, Uint8Array.of(5));
  assert.equal(unknown.ok, false);
  if (!unknown.ok) assert.equal(unknown.error.code, 'unknown-algorithm');
  assert.equal(dhPrivateKeyLength(modpGroup(14)!), 255);
});

/** Test bytes, distinct per label (crypto imports nothing from the lab's seeded stream). */
function drawBytes(label: number, length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (label * 131 + i * 29 + ((i * i) >> 3)) & 0xff);
}

/** strongSwan's exp_len per group (key_exchange.c), used by charon with dh_exponent_ansi_x9_42 = no. */
const STRONGSWAN_SHORT_EXPONENT_BYTES: Readonly<Record<number, number>> = { 1: 32, 2: 32, 5: 32, 14: 48 };

test('a peer with a short exponent (charon with dh_exponent_ansi_x9_42 = no) and a full-length side agree on g^xy', () => {
  for (const group of MODP_GROUPS) {
    const shortKey = drawBytes(group.id, STRONGSWAN_SHORT_EXPONENT_BYTES[group.id]!);
    const short = dhKeyPair(group, shortKey);
    const full = dhKeyPair(group, drawBytes(group.id + 50, dhPrivateKeyLength(group)));
    assert.ok(short.ok && full.ok);
    assert.equal(short.value.publicKey.length, group.primeLength);
    const expected = modPow(2n, toBigInt(short.value.privateKey), toBigInt(modpPrimeBytes(group)));
    assert.equal(toBigInt(short.value.publicKey), expected, `group ${group.id}: g^x with the short x`);
    const atShort = dhSharedSecret(group, short.value.privateKey, full.value.publicKey);
    const atFull = dhSharedSecret(group, full.value.privateKey, short.value.publicKey);
    assert.ok(atShort.ok && atFull.ok);
    assert.deepEqual(atShort.value, atFull.value, `group ${group.id}`);
  }
});

test('the range check reads values of any length: leading zeros do not change a number', () => {
  const group = modpGroup(2)!;
  const p = toBigInt(modpPrimeBytes(group));
  const padded = (value: bigint, extra: number) => toBytes(value, group.primeLength + extra);
  assert.equal(isValidDhPublicValue(group, padded(p - 1n, 3)), false);
  assert.equal(isValidDhPublicValue(group, padded(p - 2n, 3)), true);
  assert.equal(isValidDhPublicValue(group, Uint8Array.of(0, 0, 1)), false);
  assert.equal(isValidDhPublicValue(group, Uint8Array.of(0, 0, 2)), true);
  assert.equal(isValidDhPublicValue(group, Uint8Array.of(0, 1, 0)), true);
  assert.equal(isValidDhPublicValue(group, new Uint8Array(0)), false);
  // Past p - 1 by a byte in the middle, not just the last one.
  const high = modpPrimeBytes(group);
  high[60] = 0xff;
  assert.equal(isValidDhPublicValue(group, high), toBigInt(high) < p - 1n);
});

function madePair(group: ModpGroup, x: Uint8Array): DhKeyPair {
  const pair = dhKeyPair(group, x);
  assert.ok(pair.ok);
  return pair.value;
}

/** y^x mod p by BigInt, apart from OpenSSL and from the memo. */
function expectedSecret(group: ModpGroup, peerPublic: Uint8Array, x: Uint8Array): string {
  return toHex(toBytes(modPow(toBigInt(peerPublic), toBigInt(x), toBigInt(modpPrimeBytes(group))), group.primeLength));
}

function countsSince(before: typeof dhAgreedSecretCounts): { computed: number; fromPeer: number } {
  return { computed: dhAgreedSecretCounts.computed - before.computed, fromPeer: dhAgreedSecretCounts.fromPeer - before.fromPeer };
}

test('two key pairs made here: the second side takes g^xy from the first, the number its own exponentiation gives', () => {
  for (const group of MODP_GROUPS.filter((g) => g.bits <= 1024)) {
    const a = madePair(group, privateKey(group, 21));
    const b = madePair(group, privateKey(group, 23));
    const before = { ...dhAgreedSecretCounts };
    const atA = dhAgreedSecret(group, a, b.publicKey);
    const atB = dhAgreedSecret(group, b, a.publicKey);
    assert.ok(atA.ok && atB.ok);
    assert.deepEqual(countsSince(before), { computed: 1, fromPeer: 1 }, `group ${group.id}`);
    assert.equal(toHex(atB.value), expectedSecret(group, a.publicKey, b.privateKey));
    assert.equal(toHex(atA.value), toHex(atB.value));
    atB.value.fill(0);
    // Taken once: asking again computes.
    const again = dhAgreedSecret(group, b, a.publicKey);
    assert.ok(again.ok);
    assert.equal(toHex(again.value), toHex(atA.value));
    assert.deepEqual(countsSince(before), { computed: 2, fromPeer: 1 });
  }
});

test('a pair not made here, or made in another group, is computed with its own numbers', () => {
  const group = modpGroup(1)!;
  const a = madePair(group, privateKey(group, 31));
  const b = madePair(group, privateKey(group, 33));
  const other = madePair(group, privateKey(group, 35));
  assert.ok(dhAgreedSecret(group, a, b.publicKey).ok);
  const before = { ...dhAgreedSecretCounts };
  // Claims b's public value with another private key: the waiting g^ab is not its answer.
  const forged: DhKeyPair = { privateKey: other.privateKey, publicKey: b.publicKey };
  const atForged = dhAgreedSecret(group, forged, a.publicKey);
  assert.ok(atForged.ok);
  assert.equal(toHex(atForged.value), expectedSecret(group, a.publicKey, other.privateKey));
  assert.deepEqual(countsSince(before), { computed: 0, fromPeer: 0 });
  const inGroup2 = dhAgreedSecret(modpGroup(2)!, b, a.publicKey);
  assert.ok(inGroup2.ok);
  assert.equal(toHex(inGroup2.value), expectedSecret(modpGroup(2)!, a.publicKey, b.privateKey));
  assert.deepEqual(countsSince(before), { computed: 0, fromPeer: 0 });
  // The genuine b still finds it.
  const atB = dhAgreedSecret(group, b, a.publicKey);
  assert.ok(atB.ok);
  assert.equal(toHex(atB.value), expectedSecret(group, a.publicKey, b.privateKey));
  assert.deepEqual(countsSince(before), { computed: 0, fromPeer: 1 });
});

test('a pair changed in place answers with the numbers it was made with; a peer value padded otherwise gets the same number', () => {
  const group = modpGroup(1)!;
  const a = madePair(group, privateKey(group, 41));
  const b = madePair(group, privateKey(group, 43));
  const bPrivate = new Uint8Array(b.privateKey);
  const aPublic = new Uint8Array(a.publicKey);
  assert.ok(dhAgreedSecret(group, a, b.publicKey).ok);
  a.publicKey.fill(7);
  b.privateKey.fill(9);
  const before = { ...dhAgreedSecretCounts };
  const atB = dhAgreedSecret(group, b, aPublic);
  assert.ok(atB.ok);
  assert.equal(toHex(atB.value), expectedSecret(group, aPublic, bPrivate));
  assert.deepEqual(countsSince(before), { computed: 0, fromPeer: 1 });
  const c = madePair(group, privateKey(group, 47));
  const d = madePair(group, privateKey(group, 49));
  assert.ok(dhAgreedSecret(group, c, d.publicKey).ok);
  const atD = dhAgreedSecret(group, d, Uint8Array.of(0, ...c.publicKey));
  assert.ok(atD.ok);
  assert.equal(toHex(atD.value), expectedSecret(group, c.publicKey, d.privateKey));
});

test('the secrets waiting for a peer are bounded: past the limit the oldest goes first', () => {
  const group = modpGroup(1)!;
  // Short private keys keep the 4,097 exponentiations quick; the arithmetic is the same.
  const asker = madePair(group, Uint8Array.of(0x5a, 0x17));
  const peers = Array.from({ length: AWAITING_PEER_LIMIT + 1 }, (_, i) => madePair(group, Uint8Array.of(0x40, i >> 8, i & 0xff)));
  for (const peer of peers) assert.ok(dhAgreedSecret(group, asker, peer.publicKey).ok);
  const before = { ...dhAgreedSecretCounts };
  assert.ok(dhAgreedSecret(group, peers.at(-1)!, asker.publicKey).ok);
  assert.deepEqual(countsSince(before), { computed: 0, fromPeer: 1 });
  const oldest = dhAgreedSecret(group, peers[0]!, asker.publicKey);
  assert.ok(oldest.ok);
  assert.equal(toHex(oldest.value), expectedSecret(group, asker.publicKey, peers[0]!.privateKey));
  assert.deepEqual(countsSince(before), { computed: 1, fromPeer: 1 });
});
