/**
 * ESP's cost against its ceiling: the share of node:crypto's own CBC cipher and HMAC-96, made
 * afresh per packet as a plain program would, that tedlab's seal + open reaches on the same
 * packets. Both run in the same process, interleaved, so the machine's speed cancels out.
 * `npm run bench` prints it with the other figures (engine/bench-main.ts).
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { espOpen, espSaCrypto, espSeal, type EspSaCrypto } from './esp-transform.ts';
import type { TransformProposal } from './ipsec-port.ts';

export interface EspFigure {
  readonly transform: string;
  readonly payloadBytes: number;
  /** Packets per second sealed and opened by tedlab, and by the ceiling. */
  readonly tedlabPerSecond: number;
  readonly ceilingPerSecond: number;
  /** tedlab / ceiling. */
  readonly share: number;
}

interface Suite {
  readonly name: string;
  readonly transform: TransformProposal;
  readonly opensslCipher: string;
  /** The key OpenSSL takes: single DES runs as EDE with K, K, K (OpenSSL 3 refuses des-cbc). */
  readonly opensslKey: (key: Uint8Array) => Uint8Array;
  readonly hmac: 'md5' | 'sha1';
  readonly keyBytes: number;
  readonly authKeyBytes: number;
  readonly block: number;
}

const same = (key: Uint8Array): Uint8Array => key;
const tripled = (key: Uint8Array): Uint8Array => Buffer.concat([key, key, key]);

export const ESP_SUITES: readonly Suite[] = [
  { name: 'DES/MD5', transform: { name: 'b', espCipher: { transform: 'esp-des' }, espAuth: 'esp-md5-hmac', mode: 'tunnel' }, opensslCipher: 'des-ede3-cbc', opensslKey: tripled, hmac: 'md5', keyBytes: 8, authKeyBytes: 16, block: 8 },
  { name: '3DES/SHA', transform: { name: 'b', espCipher: { transform: 'esp-3des' }, espAuth: 'esp-sha-hmac', mode: 'tunnel' }, opensslCipher: 'des-ede3-cbc', opensslKey: same, hmac: 'sha1', keyBytes: 24, authKeyBytes: 20, block: 8 },
  { name: 'AES-128/SHA', transform: { name: 'b', espCipher: { transform: 'esp-aes', keyBits: 128 }, espAuth: 'esp-sha-hmac', mode: 'tunnel' }, opensslCipher: 'aes-128-cbc', opensslKey: same, hmac: 'sha1', keyBytes: 16, authKeyBytes: 20, block: 16 },
  { name: 'AES-256/SHA', transform: { name: 'b', espCipher: { transform: 'esp-aes', keyBits: 256 }, espAuth: 'esp-sha-hmac', mode: 'tunnel' }, opensslCipher: 'aes-256-cbc', opensslKey: same, hmac: 'sha1', keyBytes: 32, authKeyBytes: 20, block: 16 },
];

/** The plain program: pad, encrypt, HMAC; then HMAC, decrypt. Fresh objects per packet. */
function ceilingRound(suite: Suite, key: Uint8Array, authKey: Uint8Array, iv: Uint8Array, padded: Uint8Array): void {
  const encryptor = createCipheriv(suite.opensslCipher, suite.opensslKey(key), iv).setAutoPadding(false);
  const ciphertext = Buffer.concat([encryptor.update(padded), encryptor.final()]);
  const icv = createHmac(suite.hmac, authKey).update(ciphertext).digest().subarray(0, 12);
  const check = createHmac(suite.hmac, authKey).update(ciphertext).digest().subarray(0, 12);
  if (!check.equals(icv)) throw new Error('ceiling ICV');
  const decryptor = createDecipheriv(suite.opensslCipher, suite.opensslKey(key), iv).setAutoPadding(false);
  Buffer.concat([decryptor.update(ciphertext), decryptor.final()]);
}

function tedlabRound(sa: EspSaCrypto, sequence: number, iv: Uint8Array, payload: Uint8Array): void {
  const sealed = espSeal(sa, sequence, iv, payload, 4);
  const opened = espOpen(sa, sealed);
  if (!opened.ok) throw new Error(`tedlab ESP: ${opened.detail}`);
}

function perSecond(rounds: number, body: (round: number) => void): number {
  const start = performance.now();
  for (let round = 0; round < rounds; round++) body(round);
  return rounds / ((performance.now() - start) / 1000);
}

export function measureEsp(suite: Suite, payloadBytes: number, rounds = 3000): EspFigure {
  const key = randomBytes(suite.keyBytes);
  const authKey = randomBytes(suite.authKeyBytes);
  const iv = randomBytes(suite.block);
  const payload = randomBytes(payloadBytes);
  const padded = Buffer.alloc(Math.ceil((payloadBytes + 2) / suite.block) * suite.block);
  payload.copy(padded);
  const sa = espSaCrypto(suite.transform, { spi: 0x1000, encryptionKey: key, integrityKey: authKey });
  if (!sa.ok) throw new Error(sa.error.message);
  // Warm both up, then interleave halves so that a slower moment of the machine hits both.
  perSecond(200, (round) => tedlabRound(sa.value, round + 1, iv, payload));
  perSecond(200, () => ceilingRound(suite, key, authKey, iv, padded));
  const half = Math.floor(rounds / 2);
  const tedlab = [perSecond(half, (round) => tedlabRound(sa.value, round + 1, iv, payload))];
  const ceiling = [perSecond(half, () => ceilingRound(suite, key, authKey, iv, padded))];
  tedlab.push(perSecond(half, (round) => tedlabRound(sa.value, round + 1, iv, payload)));
  ceiling.push(perSecond(half, () => ceilingRound(suite, key, authKey, iv, padded)));
  const tedlabPerSecond = (tedlab[0]! + tedlab[1]!) / 2;
  const ceilingPerSecond = (ceiling[0]! + ceiling[1]!) / 2;
  return { transform: suite.name, payloadBytes, tedlabPerSecond, ceilingPerSecond, share: tedlabPerSecond / ceilingPerSecond };
}

export function measureAllEsp(): EspFigure[] {
  return ESP_SUITES.flatMap((suite) => [100, 1400].map((bytes) => measureEsp(suite, bytes)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const figure of measureAllEsp()) {
    console.log(`${figure.transform.padEnd(12)} ${String(figure.payloadBytes).padStart(5)} B  tedlab ${figure.tedlabPerSecond.toFixed(0).padStart(7)}/s  ceiling ${figure.ceilingPerSecond.toFixed(0).padStart(7)}/s  ${(figure.share * 100).toFixed(0).padStart(4)}%`);
  }
}
