import { createDiffieHellman, type DiffieHellman } from 'node:crypto';
import { cryptoFailure, cryptoOk, type CryptoResult } from './crypto-result.ts';
import { bigintToBytes, bytesToBigint, FixedBasePower } from './fixed-base-power.ts';
import { modpGroup, modpPrimeBytes, type ModpGroup, type ModpGroupId } from './modp-groups.ts';
import { RsaModularPower, withoutLeadingZeros } from './rsa-modular-power.ts';

/**
 * MODP Diffie-Hellman with caller-supplied private keys, so a lab's seed fixes every key.
 * OpenSSL does the modular exponentiation. Building its DH object checks the prime and
 * costs tens of milliseconds, so a group's first operations go through OpenSSL's RSA public
 * operation instead (rsa-modular-power.ts), and a busy group gets a DH object, built once and
 * reused; it holds only the group parameters between calls, because every call sets its own
 * private key.
 * A group that makes many key pairs computes g^x from a fixed-base table instead (the same
 * number, a third faster: fixed-base-power.ts); shared secrets come from OpenSSL, once per
 * pair of key pairs made here (dhAgreedSecret).
 */
export interface DhKeyPair {
  readonly privateKey: Uint8Array;
  /** g^x mod p, left-padded with zeros to the prime length as the KE payload carries it. */
  readonly publicKey: Uint8Array;
}

/** The group's entry in `cache`, made by `make` the first time it is asked for. */
function perGroup<T>(cache: Map<ModpGroupId, T>, group: ModpGroup, make: () => T): T {
  let value = cache.get(group.id);
  if (value === undefined) {
    value = make();
    cache.set(group.id, value);
  }
  return value;
}

/** Counts one more use of the group in `counts`; returns the count with this one. */
function countUse(counts: Map<ModpGroupId, number>, group: ModpGroup): number {
  const uses = (counts.get(group.id) ?? 0) + 1;
  counts.set(group.id, uses);
  return uses;
}

const engines = new Map<ModpGroupId, DiffieHellman>();

function engineFor(group: ModpGroup): DiffieHellman {
  return perGroup(engines, group, () => createDiffieHellman(modpPrimeBytes(group), group.generator));
}

function resolveGroup(group: ModpGroupId | ModpGroup): ModpGroup | undefined {
  return typeof group === 'number' ? modpGroup(group) : group;
}

const primesMinusOne = new Map<ModpGroupId, Uint8Array>();

/** p - 1 as big-endian bytes (every MODP prime is odd, so only its last byte changes). */
function primeMinusOne(group: ModpGroup): Uint8Array {
  return perGroup(primesMinusOne, group, () => {
    const bound = modpPrimeBytes(group);
    bound[bound.length - 1]! -= 1;
    return bound;
  });
}

/** Compares unsigned big-endian numbers of any lengths (leading zeros allowed): <0, 0 or >0. */
function compareUnsigned(a: Uint8Array, b: Uint8Array): number {
  let aStart = 0;
  let bStart = 0;
  while (aStart < a.length && a[aStart] === 0) aStart++;
  while (bStart < b.length && b[bStart] === 0) bStart++;
  const lengthDifference = (a.length - aStart) - (b.length - bStart);
  if (lengthDifference !== 0) return lengthDifference;
  for (let i = 0; aStart + i < a.length; i++) {
    const difference = a[aStart + i]! - b[bStart + i]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

const ONE = Uint8Array.of(1);

/** 1 < value < p - 1: rules out 0, 1, p - 1 and anything at or past the prime. */
function inOpenRange(group: ModpGroup, value: Uint8Array): boolean {
  return compareUnsigned(value, ONE) > 0 && compareUnsigned(value, primeMinusOne(group)) < 0;
}

const generatorOrders = new Map<ModpGroupId, Uint8Array>();

/** (p - 1) / 2, the order of g = 2 in every MODP group (p is a safe prime, and 2 a square mod p). */
function generatorOrder(group: ModpGroup): Uint8Array {
  return perGroup(generatorOrders, group, () => bigintToBytes((bytesToBigint(modpPrimeBytes(group)) - 1n) >> 1n, group.primeLength));
}

/**
 * 1 < x < p - 1 and x is not g's order, whose g^x is 1: such a key would make a public value no
 * peer accepts and shared secrets of 1 or p - 1 (OpenSSL refuses to compute them).
 */
function privateKeyProblem(group: ModpGroup, privateKey: Uint8Array): CryptoResult<never> | undefined {
  if (inOpenRange(group, privateKey) && compareUnsigned(privateKey, generatorOrder(group)) !== 0) return undefined;
  return cryptoFailure('invalid-private-key', `private key outside 1 < x < p-1, or (p-1)/2, for group ${group.id}`);
}

/** A peer's public value is usable when 1 < y < p - 1 (RFC 2631 §2.1.5, NIST SP 800-56A). */
export function isValidDhPublicValue(group: ModpGroup, value: Uint8Array): boolean {
  return inOpenRange(group, value);
}

/**
 * How many random bytes to draw for a private key: one byte short of the prime, so the
 * value is always below p (the top byte of every MODP prime is 0xFF).
 */
export function dhPrivateKeyLength(group: ModpGroup): number {
  return group.primeLength - 1;
}

function leftPad(bytes: Uint8Array, length: number): Uint8Array {
  if (bytes.length >= length) return bytes;
  const out = new Uint8Array(length);
  out.set(bytes, length - bytes.length);
  return out;
}

export function dhKeyPair(groupId: ModpGroupId | ModpGroup, privateKeyBytes: Uint8Array): CryptoResult<DhKeyPair> {
  const group = resolveGroup(groupId);
  if (group === undefined) return cryptoFailure('unknown-algorithm', `no MODP group ${String(groupId)}`);
  const problem = privateKeyProblem(group, privateKeyBytes);
  if (problem !== undefined) return problem;
  const publicKey = publicValue(group, privateKeyBytes);
  const pair: DhKeyPair = { privateKey: new Uint8Array(privateKeyBytes), publicKey };
  madeHere.set(pair, { group: group.id, privateKey: new Uint8Array(privateKeyBytes), publicHex: hexOf(publicKey) });
  return cryptoOk(pair);
}

/**
 * Key pairs a group makes before it gets a fixed-base table: building one (65 ms in group 1)
 * costs what about 540 key pairs then save, which only a big lab earns back (a 46-site TED mesh
 * makes 2,070). The whole scenario suite makes a few dozen per group and never builds one.
 */
export const KEY_PAIRS_BEFORE_TABLE = 512;

const keyPairsMade = new Map<ModpGroupId, number>();
const fixedBaseTables = new Map<ModpGroupId, FixedBasePower>();

function fixedBaseTableFor(group: ModpGroup): FixedBasePower | undefined {
  if (countUse(keyPairsMade, group) <= KEY_PAIRS_BEFORE_TABLE) return undefined;
  return perGroup(fixedBaseTables, group, () => new FixedBasePower(BigInt(group.generator), bytesToBigint(modpPrimeBytes(group)), group.primeLength));
}

/**
 * Operations a group does through the RSA route before it gets a DH object. The object's prime
 * check costs what about 550 (group 1) and 870 (group 2) operations then save: a run of one
 * feature does a dozen, and gets none.
 */
export const OPERATIONS_BEFORE_ENGINE = 512;

const operationsDone = new Map<ModpGroupId, number>();
const rsaRoutes = new Map<ModpGroupId, RsaModularPower>();

/** The RSA route while the group is not yet busy; undefined once it is. */
function rsaRouteFor(group: ModpGroup): RsaModularPower | undefined {
  if (countUse(operationsDone, group) > OPERATIONS_BEFORE_ENGINE) return undefined;
  return perGroup(rsaRoutes, group, () => new RsaModularPower(modpPrimeBytes(group)));
}

/** How many times each way answered, for the tests. */
export const dhOperationCounts = { rsaRoute: 0, engine: 0, table: 0 };

/** base^x mod p at the prime length, for 1 < base < p - 1 at any length. */
function modularPower(group: ModpGroup, base: Uint8Array, exponent: Uint8Array): Uint8Array {
  const routed = rsaRouteFor(group)?.power(leftPad(withoutLeadingZeros(base), group.primeLength), exponent);
  if (routed !== undefined) {
    dhOperationCounts.rsaRoute++;
    return routed;
  }
  dhOperationCounts.engine++;
  const engine = engineFor(group);
  engine.setPrivateKey(exponent);
  return leftPad(new Uint8Array(engine.computeSecret(base)), group.primeLength);
}

/** g^x mod p at the prime length: from the group's table once it has one, else from OpenSSL. */
function publicValue(group: ModpGroup, privateKey: Uint8Array): Uint8Array {
  const table = fixedBaseTableFor(group);
  if (table !== undefined && privateKey.length <= table.exponentBytes) {
    dhOperationCounts.table++;
    return bigintToBytes(table.power(privateKey), group.primeLength);
  }
  return modularPower(group, Uint8Array.of(group.generator), privateKey);
}

/** g^xy, left-padded to the prime length (RFC 2409 §5 feeds it to the PRF at full length). */
export function dhSharedSecret(
  groupId: ModpGroupId | ModpGroup,
  privateKey: Uint8Array,
  peerPublic: Uint8Array,
): CryptoResult<Uint8Array> {
  const group = resolveGroup(groupId);
  if (group === undefined) return cryptoFailure('unknown-algorithm', `no MODP group ${String(groupId)}`);
  if (!isValidDhPublicValue(group, peerPublic)) {
    return cryptoFailure('invalid-public-value', `peer public value outside 1 < y < p-1 for group ${group.id}`);
  }
  const problem = privateKeyProblem(group, privateKey);
  if (problem !== undefined) return problem;
  return cryptoOk(modularPower(group, peerPublic, privateKey));
}

/**
 * What dhKeyPair made, kept apart from the pair it returned: that pair's arrays can be changed in
 * place, these copies cannot, so publicHex is g^x of privateKey whatever a caller does.
 */
interface GenuinePair {
  readonly group: ModpGroupId;
  readonly privateKey: Uint8Array;
  readonly publicHex: string;
}

const madeHere = new WeakMap<DhKeyPair, GenuinePair>();

function hexOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');
}

/**
 * Shared secrets waiting for the other side of an exchange in this process, under the key it will
 * ask with: when a pair made here with public value A computes B^a, the pair made here whose public
 * value is B, meeting A, would compute A^b: the same g^ab. Both routers of a lab run in one process,
 * so half the modular exponentiations of a lab's exchanges are answered from here (see "Diffie-Hellman
 * shared secrets" in CHOICES.md). A peer outside the process never asks; the oldest entries go first.
 */
const awaitingPeer = new Map<string, Uint8Array>();
export const AWAITING_PEER_LIMIT = 4096;

/** How dhAgreedSecret answered, for the tests. */
export const dhAgreedSecretCounts = { computed: 0, fromPeer: 0 };

function exchangeKey(group: ModpGroupId, askerPublicHex: string, peerPublicHex: string): string {
  return `${group}:${askerPublicHex}:${peerPublicHex}`;
}

/**
 * g^xy for a key pair and the peer's public value, as dhSharedSecret computes it. A pair that
 * dhKeyPair made takes its result from the other side when that side is a pair made here and has
 * computed first; anything else is computed.
 */
export function dhAgreedSecret(
  groupId: ModpGroupId | ModpGroup,
  keyPair: DhKeyPair,
  peerPublic: Uint8Array,
): CryptoResult<Uint8Array> {
  const group = resolveGroup(groupId);
  const genuine = madeHere.get(keyPair);
  if (group === undefined || genuine === undefined || genuine.group !== group.id) return dhSharedSecret(groupId, keyPair.privateKey, peerPublic);
  const peerHex = hexOf(peerPublic);
  const ownKey = exchangeKey(group.id, genuine.publicHex, peerHex);
  const answered = awaitingPeer.get(ownKey);
  if (answered !== undefined) {
    awaitingPeer.delete(ownKey);
    dhAgreedSecretCounts.fromPeer++;
    return cryptoOk(new Uint8Array(answered));
  }
  const secret = dhSharedSecret(group, genuine.privateKey, peerPublic);
  if (!secret.ok) return secret;
  dhAgreedSecretCounts.computed++;
  if (awaitingPeer.size >= AWAITING_PEER_LIMIT) awaitingPeer.delete(awaitingPeer.keys().next().value!);
  awaitingPeer.set(exchangeKey(group.id, peerHex, genuine.publicHex), new Uint8Array(secret.value));
  return secret;
}
