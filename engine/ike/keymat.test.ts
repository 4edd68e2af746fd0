import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AES_128_CBC, hmac, lastCipherBlock, MD5, SHA1 } from '../crypto/index.ts';
import {
  derivePhase1Keys,
  hashI,
  hashR,
  informationalHash,
  ipsecSaKeys,
  keymat,
  messageIv,
  phase1EncryptionKey,
  phase1Iv,
  quickModeHash1,
  quickModeHash2,
  quickModeHash3,
  type KeymatInput,
  type Phase1HashInput,
} from './keymat.ts';
import {
  STRONGSWAN_ESP,
  STRONGSWAN_INFORMATIONAL,
  STRONGSWAN_MM5,
  STRONGSWAN_MM6,
  STRONGSWAN_PHASE1 as P1,
  STRONGSWAN_PHASE1_EXPECTED as EXPECTED,
  STRONGSWAN_QUICK_MODE as QM,
  type EncryptedMessage,
} from './keymat-vectors.ts';

const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const assertBytes = (actual: Uint8Array, expected: Uint8Array, what: string): void =>
  assert.equal(toHex(actual), toHex(expected), what);

const HASH_PAYLOAD = 8;
const NONCE_PAYLOAD = 10;
const ID_PAYLOAD = 5;

interface Payload {
  type: number;
  body: Uint8Array;
}

/** Walks a decrypted ISAKMP payload chain (generic headers) and reports where the padding starts. */
function payloadChain(plaintext: Uint8Array, firstType: number): { payloads: Payload[]; end: number } {
  const payloads: Payload[] = [];
  let type = firstType;
  let offset = 0;
  while (type !== 0) {
    const length = (plaintext[offset + 2]! << 8) | plaintext[offset + 3]!;
    payloads.push({ type, body: plaintext.slice(offset + 4, offset + length) });
    type = plaintext[offset]!;
    offset += length;
  }
  return { payloads, end: offset };
}

function bodyOf(payloads: Payload[], type: number): Uint8Array {
  const found = payloads.find((payload) => payload.type === type);
  assert.ok(found, `no payload of type ${type}`);
  return found.body;
}

const phase1Keys = derivePhase1Keys({ hash: SHA1, ...P1 });

function decrypt(message: EncryptedMessage, iv: Uint8Array, firstType: number): { payloads: Payload[]; rest: Uint8Array } {
  const plaintext = AES_128_CBC.decrypt(phase1Keys.encryptionKey, iv, message.body);
  assertBytes(lastCipherBlock(AES_128_CBC, message.body), message.nextIv, `next IV after frame ${message.frame}`);
  const { payloads, end } = payloadChain(plaintext, firstType);
  // Everything after the leading HASH payload, without the padding: the input of HASH(1)/(2)/informational.
  const hashLength = payloads[0]!.body.length + 4;
  return { payloads, rest: plaintext.slice(hashLength, end) };
}

const phase1HashInput: Phase1HashInput = { hash: SHA1, skeyid: phase1Keys.skeyid, ...P1 };

test('SKEYID, SKEYID_d/a/e and Ka equal what both strongSwan daemons derived', () => {
  assertBytes(phase1Keys.skeyid, EXPECTED.skeyid, 'SKEYID');
  assertBytes(phase1Keys.skeyidD, EXPECTED.skeyidD, 'SKEYID_d');
  assertBytes(phase1Keys.skeyidA, EXPECTED.skeyidA, 'SKEYID_a');
  assertBytes(phase1Keys.skeyidE, EXPECTED.skeyidE, 'SKEYID_e');
  assertBytes(phase1Keys.encryptionKey, EXPECTED.encryptionKey, 'Ka');
});

test('the initial phase-1 IV is hash(g^xi | g^xr) cut to the AES block', () => {
  assertBytes(phase1Iv(SHA1, P1.initiatorPublic, P1.responderPublic, P1.blockSize), EXPECTED.initialIv, 'initial IV');
});

test('HASH_I and HASH_R equal the logged values', () => {
  assertBytes(hashI(phase1HashInput, P1.initiatorIdBody), EXPECTED.hashI, 'HASH_I');
  assertBytes(hashR(phase1HashInput, P1.responderIdBody), EXPECTED.hashR, 'HASH_R');
});

test('MM5 and MM6 of the capture decrypt with Ka and the IV chain, and carry HASH_I and HASH_R', () => {
  const mm5 = decrypt(STRONGSWAN_MM5, EXPECTED.initialIv, ID_PAYLOAD);
  assertBytes(bodyOf(mm5.payloads, ID_PAYLOAD), P1.initiatorIdBody, 'IDii_b');
  assertBytes(bodyOf(mm5.payloads, HASH_PAYLOAD), hashI(phase1HashInput, P1.initiatorIdBody), 'HASH_I in MM5');
  const mm6 = decrypt(STRONGSWAN_MM6, STRONGSWAN_MM5.nextIv, ID_PAYLOAD);
  assertBytes(bodyOf(mm6.payloads, ID_PAYLOAD), P1.responderIdBody, 'IDir_b');
  assertBytes(bodyOf(mm6.payloads, HASH_PAYLOAD), hashR(phase1HashInput, P1.responderIdBody), 'HASH_R in MM6');
});

test('quick mode: the first IV, the IV chain, and Hash(1), Hash(2), Hash(3)', () => {
  const firstIv = messageIv(SHA1, STRONGSWAN_MM6.nextIv, QM.messageId, P1.blockSize);
  assertBytes(firstIv, QM.firstIv, 'IV for the quick-mode message id');
  const [qm1, qm2, qm3] = QM.messages;
  const one = decrypt(qm1, firstIv, HASH_PAYLOAD);
  assertBytes(bodyOf(one.payloads, NONCE_PAYLOAD), QM.initiatorNonce, 'Ni_b');
  assertBytes(quickModeHash1(SHA1, phase1Keys.skeyidA, QM.messageId, one.rest), QM.hash1, 'Hash(1)');
  assertBytes(one.payloads[0]!.body, QM.hash1, 'Hash(1) in QM1');
  const two = decrypt(qm2, qm1.nextIv, HASH_PAYLOAD);
  assertBytes(bodyOf(two.payloads, NONCE_PAYLOAD), QM.responderNonce, 'Nr_b');
  assertBytes(quickModeHash2(SHA1, phase1Keys.skeyidA, QM.messageId, QM.initiatorNonce, two.rest), QM.hash2, 'Hash(2)');
  assertBytes(two.payloads[0]!.body, QM.hash2, 'Hash(2) in QM2');
  const three = decrypt(qm3, qm2.nextIv, HASH_PAYLOAD);
  const hash3 = quickModeHash3(SHA1, phase1Keys.skeyidA, QM.messageId, QM.initiatorNonce, QM.responderNonce);
  assertBytes(hash3, QM.hash3, 'Hash(3)');
  assertBytes(three.payloads[0]!.body, QM.hash3, 'Hash(3) in QM3');
});

function espInput(spi: number): KeymatInput {
  return {
    hash: SHA1,
    skeyidD: phase1Keys.skeyidD,
    protocolId: STRONGSWAN_ESP.protocolId,
    spi,
    initiatorNonce: QM.initiatorNonce,
    responderNonce: QM.responderNonce,
  };
}

test('KEYMAT gives the logged ESP keys of both SAs, encryption key first', () => {
  const lengths = { encryptionKeyLength: STRONGSWAN_ESP.encryptionKeyLength, integrityKeyLength: STRONGSWAN_ESP.integrityKeyLength };
  for (const sa of [STRONGSWAN_ESP.initiatorToResponder, STRONGSWAN_ESP.responderToInitiator]) {
    const keys = ipsecSaKeys(espInput(sa.spi), lengths);
    assertBytes(keys.encryptionKey, sa.encryptionKey, `encryption key of SPI ${sa.spi.toString(16)}`);
    assertBytes(keys.integrityKey, sa.integrityKey, `integrity key of SPI ${sa.spi.toString(16)}`);
  }
});

test('informational exchanges: IV from the last phase-1 block and the message id, and their Hash', () => {
  for (const message of STRONGSWAN_INFORMATIONAL) {
    const iv = messageIv(SHA1, STRONGSWAN_MM6.nextIv, message.messageId, P1.blockSize);
    assertBytes(iv, message.firstIv, `IV for message id ${message.messageId}`);
    const { payloads, rest } = decrypt(message, iv, HASH_PAYLOAD);
    assertBytes(informationalHash(SHA1, phase1Keys.skeyidA, message.messageId, rest), message.hash, `Hash of frame ${message.frame}`);
    assertBytes(payloads[0]!.body, message.hash, `Hash in frame ${message.frame}`);
  }
});

// No published vector needs the expansions below, so these restate RFC 2409 directly.
test('Ka by the Appendix B expansion when SKEYID_e is shorter than the key (3DES with SHA-1)', () => {
  const k1 = hmac(SHA1, EXPECTED.skeyidE, Uint8Array.of(0));
  const k2 = hmac(SHA1, EXPECTED.skeyidE, k1);
  const ka = phase1EncryptionKey(SHA1, EXPECTED.skeyidE, 24);
  assertBytes(ka, new Uint8Array([...k1, ...k2]).slice(0, 24), 'Ka = K1 | K2');
  assert.notEqual(toHex(ka.slice(0, 16)), toHex(EXPECTED.skeyidE.slice(0, 16)));
  assert.equal(phase1EncryptionKey(MD5, EXPECTED.skeyidE.slice(0, 16), 32).length, 32);
  assertBytes(phase1EncryptionKey(SHA1, EXPECTED.skeyidE, 20), EXPECTED.skeyidE, 'no expansion when long enough');
});

test('KEYMAT: longer material only extends, and a PFS secret leads the seed', () => {
  const input = espInput(STRONGSWAN_ESP.initiatorToResponder.spi);
  const short = keymat(input, 36);
  const long = keymat(input, 44);
  assertBytes(long.slice(0, 36), short, 'prefix');
  assert.equal(long.length, 44);
  const gqm = Uint8Array.of(1, 2, 3, 4);
  const seed = new Uint8Array([...gqm, 3, 0x75, 0x6a, 0x7d, 0x1e, ...QM.initiatorNonce, ...QM.responderNonce]);
  const k1 = hmac(SHA1, phase1Keys.skeyidD, seed);
  const k2 = hmac(SHA1, phase1Keys.skeyidD, new Uint8Array([...k1, ...seed]));
  assertBytes(keymat({ ...input, pfsSharedSecret: gqm }, 40), new Uint8Array([...k1, ...k2]), 'PFS KEYMAT');
  const ahOnly = ipsecSaKeys(input, { encryptionKeyLength: 0, integrityKeyLength: 20 });
  assert.equal(ahOnly.encryptionKey.length, 0);
  assertBytes(ahOnly.integrityKey, short.slice(0, 20), 'AH key is the start of KEYMAT');
});
