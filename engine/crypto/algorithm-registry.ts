import { AES_128_CBC, AES_192_CBC, AES_256_CBC } from './aes-cipher.ts';
import {
  AH_TRANSFORM_ID,
  AUTH_ALGORITHM_ID,
  ESP_TRANSFORM_ID,
  IKE_ENCRYPTION_ID,
  IKE_HASH_ID,
} from './algorithm-ids.ts';
import type { BlockCipher } from './block-cipher.ts';
import { cryptoFailure, cryptoOk, type CryptoResult } from './crypto-result.ts';
import { DES_CBC, TRIPLE_DES_CBC } from './des-ciphers.ts';
import { MD5, SHA1, SHA256, type HashAlgorithm } from './hash.ts';
import { HMAC_MD5_96, HMAC_SHA1_96, type IntegrityAlgorithm } from './integrity-algorithm.ts';
import { modpGroup, type ModpGroup } from './modp-groups.ts';

/**
 * From the numbers negotiated in ISAKMP to implementations, with the names IOS uses:
 * `debugName` as `debug crypto isakmp` prints the attribute ("encryption DES-CBC",
 * "transform 1, ESP_DES", "authenticator is HMAC-MD5") and `keyword` as the CLI takes it
 * ("encryption 3des", "hash sha", transform set "esp-des esp-md5-hmac").
 */

interface CipherFamily<Id extends number, Debug extends string, Keyword extends string> {
  readonly id: Id;
  readonly debugName: Debug;
  readonly keyword: Keyword;
  /** Several for AES, chosen by the Key Length attribute, which AES requires (RFC 3602 §5.3). */
  readonly ciphers: readonly BlockCipher[];
  readonly variableKeyLength: boolean;
}

export type IkeEncryptionId = (typeof IKE_ENCRYPTION_ID)[keyof typeof IKE_ENCRYPTION_ID];
export type IkeEncryptionDebugName = 'DES-CBC' | '3DES-CBC' | 'AES-CBC';
export type IkeEncryptionKeyword = 'des' | '3des' | 'aes';

const AES_CIPHERS = [AES_128_CBC, AES_192_CBC, AES_256_CBC] as const;

const IKE_ENCRYPTIONS: readonly CipherFamily<IkeEncryptionId, IkeEncryptionDebugName, IkeEncryptionKeyword>[] = [
  { id: IKE_ENCRYPTION_ID.DES_CBC, debugName: 'DES-CBC', keyword: 'des', ciphers: [DES_CBC], variableKeyLength: false },
  { id: IKE_ENCRYPTION_ID.TRIPLE_DES_CBC, debugName: '3DES-CBC', keyword: '3des', ciphers: [TRIPLE_DES_CBC], variableKeyLength: false },
  { id: IKE_ENCRYPTION_ID.AES_CBC, debugName: 'AES-CBC', keyword: 'aes', ciphers: AES_CIPHERS, variableKeyLength: true },
];

export interface CipherChoice<Id extends number, Debug extends string, Keyword extends string> {
  readonly id: Id;
  readonly debugName: Debug;
  readonly keyword: Keyword;
  /** The Key Length attribute value to send: only for variable-length ciphers. */
  readonly keyLengthAttribute: number | undefined;
  readonly cipher: BlockCipher;
}

export type IkeEncryptionChoice = CipherChoice<IkeEncryptionId, IkeEncryptionDebugName, IkeEncryptionKeyword>;

function chooseCipher<Id extends number, D extends string, K extends string>(
  family: CipherFamily<Id, D, K>,
  keyLengthBits: number | undefined,
): CryptoResult<CipherChoice<Id, D, K>> {
  const { id, debugName, keyword } = family;
  if (!family.variableKeyLength) {
    if (keyLengthBits !== undefined) {
      return cryptoFailure('bad-key-length', `${debugName} has a fixed key; no Key Length attribute allowed`);
    }
    return cryptoOk({ id, debugName, keyword, keyLengthAttribute: undefined, cipher: family.ciphers[0]! });
  }
  const cipher = family.ciphers.find((candidate) => candidate.keyLength * 8 === keyLengthBits);
  if (cipher === undefined) {
    return cryptoFailure('bad-key-length', `${debugName} needs a Key Length of 128, 192 or 256, got ${String(keyLengthBits)}`);
  }
  return cryptoOk({ id, debugName, keyword, keyLengthAttribute: keyLengthBits, cipher });
}

/** Phase 1 Encryption Algorithm attribute (plus Key Length attribute, in bits) to a cipher. */
export function ikeEncryption(id: number, keyLengthBits?: number): CryptoResult<IkeEncryptionChoice> {
  const family = IKE_ENCRYPTIONS.find((candidate) => candidate.id === id);
  if (family === undefined) return cryptoFailure('unknown-algorithm', `no IKE encryption algorithm ${id}`);
  return chooseCipher(family, keyLengthBits);
}

/** The same choice from the `encryption` keyword of an ISAKMP policy (`aes 256`). */
export function ikeEncryptionByKeyword(keyword: string, keyLengthBits?: number): CryptoResult<IkeEncryptionChoice> {
  const family = IKE_ENCRYPTIONS.find((candidate) => candidate.keyword === keyword);
  if (family === undefined) return cryptoFailure('unknown-algorithm', `no IKE encryption keyword ${keyword}`);
  const bits = family.variableKeyLength ? (keyLengthBits ?? 128) : keyLengthBits;
  return chooseCipher(family, bits);
}

export type IkeHashId = (typeof IKE_HASH_ID)[keyof typeof IKE_HASH_ID];

export interface IkeHashChoice {
  readonly id: IkeHashId;
  readonly debugName: 'MD5' | 'SHA' | 'SHA256';
  readonly keyword: 'md5' | 'sha' | 'sha256';
  /** Also the PRF, as HMAC over it (RFC 2409 §4). */
  readonly hash: HashAlgorithm;
}

const IKE_HASHES: readonly IkeHashChoice[] = [
  { id: IKE_HASH_ID.MD5, debugName: 'MD5', keyword: 'md5', hash: MD5 },
  { id: IKE_HASH_ID.SHA, debugName: 'SHA', keyword: 'sha', hash: SHA1 },
  { id: IKE_HASH_ID.SHA2_256, debugName: 'SHA256', keyword: 'sha256', hash: SHA256 },
];

export function ikeHash(id: number): CryptoResult<IkeHashChoice> {
  const choice = IKE_HASHES.find((candidate) => candidate.id === id);
  return choice ? cryptoOk(choice) : cryptoFailure('unknown-algorithm', `no IKE hash algorithm ${id}`);
}

export function ikeHashByKeyword(keyword: string): CryptoResult<IkeHashChoice> {
  const choice = IKE_HASHES.find((candidate) => candidate.keyword === keyword);
  return choice ? cryptoOk(choice) : cryptoFailure('unknown-algorithm', `no IKE hash keyword ${keyword}`);
}

/** Phase 1 Group Description attribute (or IPsec PFS group) to a MODP group. */
export function ikeGroup(id: number): CryptoResult<ModpGroup> {
  const group = modpGroup(id);
  return group ? cryptoOk(group) : cryptoFailure('unknown-algorithm', `no MODP group ${id}`);
}

export type EspTransformId = (typeof ESP_TRANSFORM_ID)[keyof typeof ESP_TRANSFORM_ID];
export type EspCipherDebugName = 'ESP_DES' | 'ESP_3DES' | 'ESP_AES' | 'ESP_NULL';
export type EspCipherKeyword = 'esp-des' | 'esp-3des' | 'esp-aes' | 'esp-null';

const ESP_CIPHERS: readonly CipherFamily<EspTransformId, EspCipherDebugName, EspCipherKeyword>[] = [
  { id: ESP_TRANSFORM_ID.ESP_DES, debugName: 'ESP_DES', keyword: 'esp-des', ciphers: [DES_CBC], variableKeyLength: false },
  { id: ESP_TRANSFORM_ID.ESP_3DES, debugName: 'ESP_3DES', keyword: 'esp-3des', ciphers: [TRIPLE_DES_CBC], variableKeyLength: false },
  { id: ESP_TRANSFORM_ID.ESP_AES, debugName: 'ESP_AES', keyword: 'esp-aes', ciphers: AES_CIPHERS, variableKeyLength: true },
];

/** ESP without confidentiality (RFC 2410): no cipher, no key. */
export interface EspNullChoice {
  readonly id: typeof ESP_TRANSFORM_ID.ESP_NULL;
  readonly debugName: 'ESP_NULL';
  readonly keyword: 'esp-null';
  readonly keyLengthAttribute: undefined;
  readonly cipher: null;
}

export const ESP_NULL_CHOICE: EspNullChoice = {
  id: ESP_TRANSFORM_ID.ESP_NULL,
  debugName: 'ESP_NULL',
  keyword: 'esp-null',
  keyLengthAttribute: undefined,
  cipher: null,
};

export type EspCipherChoice = CipherChoice<EspTransformId, EspCipherDebugName, EspCipherKeyword> | EspNullChoice;

/** ESP transform id (plus the SA Key Length attribute, in bits) to a cipher, or ESP_NULL. */
export function espTransform(id: number, keyLengthBits?: number): CryptoResult<EspCipherChoice> {
  if (id === ESP_TRANSFORM_ID.ESP_NULL) {
    return keyLengthBits === undefined ? cryptoOk(ESP_NULL_CHOICE) : cryptoFailure('bad-key-length', 'ESP_NULL has no key');
  }
  const family = ESP_CIPHERS.find((candidate) => candidate.id === id);
  if (family === undefined) return cryptoFailure('unknown-algorithm', `no ESP transform ${id}`);
  return chooseCipher(family, keyLengthBits);
}

/** The same from a transform-set keyword (`esp-aes 256`); AES defaults to 128 as on IOS. */
export function espTransformByKeyword(keyword: string, keyLengthBits?: number): CryptoResult<EspCipherChoice> {
  if (keyword === ESP_NULL_CHOICE.keyword) return espTransform(ESP_NULL_CHOICE.id, keyLengthBits);
  const family = ESP_CIPHERS.find((candidate) => candidate.keyword === keyword);
  if (family === undefined) return cryptoFailure('unknown-algorithm', `no ESP cipher keyword ${keyword}`);
  return chooseCipher(family, family.variableKeyLength ? (keyLengthBits ?? 128) : keyLengthBits);
}

export type AuthAlgorithmId = (typeof AUTH_ALGORITHM_ID)[keyof typeof AUTH_ALGORITHM_ID];

export interface AuthAlgorithmChoice {
  readonly id: AuthAlgorithmId;
  /** "authenticator is HMAC-MD5" */
  readonly debugName: 'HMAC-MD5' | 'HMAC-SHA';
  /** The transform-set keyword when it protects ESP. */
  readonly espKeyword: 'esp-md5-hmac' | 'esp-sha-hmac';
  /** The transform-set keyword when it is AH. */
  readonly ahKeyword: 'ah-md5-hmac' | 'ah-sha-hmac';
  readonly integrity: IntegrityAlgorithm;
}

const AUTH_ALGORITHMS: readonly AuthAlgorithmChoice[] = [
  { id: AUTH_ALGORITHM_ID.HMAC_MD5, debugName: 'HMAC-MD5', espKeyword: 'esp-md5-hmac', ahKeyword: 'ah-md5-hmac', integrity: HMAC_MD5_96 },
  { id: AUTH_ALGORITHM_ID.HMAC_SHA, debugName: 'HMAC-SHA', espKeyword: 'esp-sha-hmac', ahKeyword: 'ah-sha-hmac', integrity: HMAC_SHA1_96 },
];

/** IPsec Authentication Algorithm attribute (RFC 2407 §4.5) to the HMAC-96 it names. */
export function authAlgorithm(id: number): CryptoResult<AuthAlgorithmChoice> {
  const choice = AUTH_ALGORITHMS.find((candidate) => candidate.id === id);
  return choice ? cryptoOk(choice) : cryptoFailure('unknown-algorithm', `no authentication algorithm ${id}`);
}

/** `esp-md5-hmac`, `ah-sha-hmac`... to the authentication algorithm. */
export function authAlgorithmByKeyword(keyword: string): CryptoResult<AuthAlgorithmChoice> {
  const choice = AUTH_ALGORITHMS.find((candidate) => candidate.espKeyword === keyword || candidate.ahKeyword === keyword);
  return choice ? cryptoOk(choice) : cryptoFailure('unknown-algorithm', `no authentication keyword ${keyword}`);
}

export type AhTransformId = (typeof AH_TRANSFORM_ID)[keyof typeof AH_TRANSFORM_ID];

export interface AhTransformChoice {
  readonly id: AhTransformId;
  readonly debugName: 'AH_MD5' | 'AH_SHA';
  /** RFC 2407 §4.4.3: AH_MD5 goes with HMAC-MD5, AH_SHA with HMAC-SHA. */
  readonly auth: AuthAlgorithmChoice;
}

const AH_TRANSFORMS: readonly AhTransformChoice[] = [
  { id: AH_TRANSFORM_ID.AH_MD5, debugName: 'AH_MD5', auth: AUTH_ALGORITHMS[0]! },
  { id: AH_TRANSFORM_ID.AH_SHA, debugName: 'AH_SHA', auth: AUTH_ALGORITHMS[1]! },
];

export function ahTransform(id: number): CryptoResult<AhTransformChoice> {
  const choice = AH_TRANSFORMS.find((candidate) => candidate.id === id);
  return choice ? cryptoOk(choice) : cryptoFailure('unknown-algorithm', `no AH transform ${id}`);
}
