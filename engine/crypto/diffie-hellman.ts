import { createDiffieHellman, type DiffieHellman } from 'node:crypto';
import { cryptoFailure, cryptoOk, type CryptoResult } from './crypto-result.ts';
import { modpGroup, modpPrimeBytes, type ModpGroup, type ModpGroupId } from './modp-groups.ts';

/**
 * MODP Diffie-Hellman with caller-supplied private keys, so a lab's seed fixes every key.
 * OpenSSL does the modular exponentiation. Building its DH object checks the prime and
 * costs tens of milliseconds, so each group gets one, built on first use and reused; it
 * holds only the group parameters between calls, because every call sets its own private key.
 */
export interface DhKeyPair {
  readonly privateKey: Uint8Array;
  /** g^x mod p, left-padded with zeros to the prime length as the KE payload carries it. */
  readonly publicKey: Uint8Array;
}

const engines = new Map<ModpGroupId, DiffieHellman>();

function engineFor(group: ModpGroup): DiffieHellman {
  let engine = engines.get(group.id);
  if (engine === undefined) {
    engine = createDiffieHellman(modpPrimeBytes(group), group.generator);
    engines.set(group.id, engine);
  }
  return engine;
}

function resolveGroup(group: ModpGroupId | ModpGroup): ModpGroup | undefined {
  return typeof group === 'number' ? modpGroup(group) : group;
}

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

const primeValues = new Map<ModpGroupId, bigint>();

function primeValue(group: ModpGroup): bigint {
  let prime = primeValues.get(group.id);
  if (prime === undefined) {
    prime = toBigInt(modpPrimeBytes(group));
    primeValues.set(group.id, prime);
  }
  return prime;
}

/** 1 < value < p - 1: rules out 0, 1, p - 1 and anything at or past the prime. */
function inOpenRange(group: ModpGroup, value: Uint8Array): boolean {
  const number = toBigInt(value);
  return number > 1n && number < primeValue(group) - 1n;
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
  if (!inOpenRange(group, privateKeyBytes)) {
    return cryptoFailure('invalid-private-key', `private key outside 1 < x < p-1 for group ${group.id}`);
  }
  const engine = engineFor(group);
  engine.setPrivateKey(privateKeyBytes);
  engine.generateKeys();
  const publicKey = leftPad(new Uint8Array(engine.getPublicKey()), group.primeLength);
  return cryptoOk({ privateKey: new Uint8Array(privateKeyBytes), publicKey });
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
  if (!inOpenRange(group, privateKey)) {
    return cryptoFailure('invalid-private-key', `private key outside 1 < x < p-1 for group ${group.id}`);
  }
  const engine = engineFor(group);
  engine.setPrivateKey(privateKey);
  const secret = new Uint8Array(engine.computeSecret(peerPublic));
  return cryptoOk(leftPad(secret, group.primeLength));
}
