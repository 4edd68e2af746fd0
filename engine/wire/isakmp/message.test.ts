import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExchangeType, IsakmpFlag, NotifyType, PayloadType, nameOfValue, NOTIFY_TYPES, EXCHANGE_TYPES, transformIdName, ProtocolId } from './constants.ts';
import { decodeIsakmpHeader, type IsakmpHeader } from './header.ts';
import { decodeIsakmp, encodeIsakmp, isakmpEncodingProblem, type IsakmpMessage } from './message.ts';
import { fromHex } from '../test-hex.ts';

const HEADER: IsakmpHeader = {
  initiatorCookie: fromHex('fa106bd57c0fd683'),
  responderCookie: fromHex('37fceca19d65d55e'),
  majorVersion: 1,
  minorVersion: 0,
  exchangeType: ExchangeType.informational,
  flags: 0,
  messageId: 0xa8d36cf7,
};

const INFORMATIONAL: IsakmpMessage = {
  header: HEADER,
  body: {
    encrypted: false,
    payloads: [
      { kind: 'notify', doi: 1, protocolId: ProtocolId.isakmp, notifyType: NotifyType.invalidIdInformation, spi: new Uint8Array(0), data: new Uint8Array(0) },
    ],
  },
};

const INFORMATIONAL_BYTES = fromHex(`
  fa106bd57c0fd683 37fceca19d65d55e 0b 10 05 00 a8d36cf7 00000028
  0000 000c 00000001 01 00 0012`);

function decodeError(bytes: Uint8Array) {
  const decoded = decodeIsakmp(bytes);
  assert.ok(!decoded.ok, 'expected a decoding error');
  return decoded.error;
}

test('a plaintext message encodes header and payloads as RFC 2408 3.1 lays them out', () => {
  assert.deepEqual(encodeIsakmp(INFORMATIONAL), INFORMATIONAL_BYTES);
  const decoded = decodeIsakmp(INFORMATIONAL_BYTES);
  assert.ok(decoded.ok);
  assert.deepEqual(decoded.value, INFORMATIONAL);
});

test('the received header keeps next payload and length as sent', () => {
  const header = decodeIsakmpHeader(INFORMATIONAL_BYTES);
  assert.ok(header.ok);
  assert.equal(header.value.nextPayload, PayloadType.notify);
  assert.equal(header.value.length, 40);
  assert.equal(header.value.messageId, 0xa8d36cf7);
});

test('an encrypted message keeps its body opaque, with the first payload type from the header', () => {
  const message: IsakmpMessage = { header: { ...HEADER, exchangeType: ExchangeType.quick }, body: { encrypted: true, firstPayload: PayloadType.hash, encryptedBody: fromHex('00112233445566778899aabbccddeeff') } };
  const bytes = encodeIsakmp(message);
  assert.deepEqual(bytes.subarray(16, 20), fromHex('08 10 20 01'), 'next payload HASH, version 1.0, quick mode, E flag');
  const decoded = decodeIsakmp(bytes);
  assert.ok(decoded.ok);
  assert.deepEqual(decoded.value.body, message.body);
  assert.equal(decoded.value.header.flags, IsakmpFlag.encryption);
});

test('the E flag follows the body, whatever the header flags say', () => {
  const plain = encodeIsakmp({ ...INFORMATIONAL, header: { ...HEADER, flags: IsakmpFlag.encryption | IsakmpFlag.commit } });
  assert.equal(plain[19], IsakmpFlag.commit);
});

test('bytes beyond the header length are ignored, as link padding is', () => {
  const padded = new Uint8Array(INFORMATIONAL_BYTES.length + 6);
  padded.set(INFORMATIONAL_BYTES);
  const decoded = decodeIsakmp(padded);
  assert.ok(decoded.ok);
  assert.deepEqual(decoded.value, INFORMATIONAL);
});

test('fewer than 28 bytes is a truncated header', () => {
  const error = decodeError(INFORMATIONAL_BYTES.subarray(0, 27));
  assert.equal(error.code, 'truncated');
});

test('a header length larger than the buffer is truncation', () => {
  const error = decodeError(INFORMATIONAL_BYTES.subarray(0, 39));
  assert.equal(error.code, 'truncated');
  assert.match(error.message, /length 40 exceeds the 39 bytes/);
});

test('a header length shorter than the header is a length error', () => {
  const bytes = INFORMATIONAL_BYTES.slice();
  bytes[27] = 27;
  assert.equal(decodeError(bytes).code, 'bad-length');
});

test('a major version other than 1 is rejected, though the header still reads', () => {
  const bytes = INFORMATIONAL_BYTES.slice();
  bytes[17] = 0x20;
  assert.equal(decodeError(bytes).code, 'bad-version');
  const header = decodeIsakmpHeader(bytes);
  assert.ok(header.ok && header.value.majorVersion === 2);
});

test('a plaintext message must end with its last payload', () => {
  const bytes = fromHex(`fa106bd57c0fd683 37fceca19d65d55e 0b 10 05 00 a8d36cf7 0000002c
    0000 000c 00000001 01 00 0012 00000000`);
  const error = decodeError(bytes);
  assert.equal(error.code, 'bad-length');
  assert.match(error.message, /4 bytes follow the last payload/);
});

test('a payload running past the message length is a length error', () => {
  const bytes = fromHex(`fa106bd57c0fd683 37fceca19d65d55e 0b 10 05 00 a8d36cf7 00000024
    0000 000c 00000001 01 00 0012`);
  const error = decodeError(bytes);
  assert.equal(error.code, 'bad-length');
  assert.match(error.message, /length 12 runs past the 8 bytes left/);
});

test('a header length of exactly 28 with a first payload announced is a length error', () => {
  const bytes = INFORMATIONAL_BYTES.slice();
  bytes[27] = 28;
  assert.equal(decodeError(bytes).code, 'bad-length');
});

test('cookies of the wrong size are reported, not encoded', () => {
  const message = { ...INFORMATIONAL, header: { ...HEADER, responderCookie: new Uint8Array(7) } };
  assert.match(isakmpEncodingProblem(message) ?? '', /responder cookie of 7 bytes/);
  assert.throws(() => encodeIsakmp(message), RangeError);
  assert.equal(isakmpEncodingProblem(INFORMATIONAL), undefined);
});

test('constant tables give the RFC names', () => {
  assert.equal(nameOfValue(NOTIFY_TYPES, NotifyType.noProposalChosen), 'NO-PROPOSAL-CHOSEN');
  assert.equal(nameOfValue(NOTIFY_TYPES, 24), 'AUTHENTICATION-FAILED');
  assert.equal(nameOfValue(NOTIFY_TYPES, 24578), 'INITIAL-CONTACT');
  assert.equal(nameOfValue(EXCHANGE_TYPES, ExchangeType.identityProtection), 'Identity Protection');
  assert.equal(nameOfValue(EXCHANGE_TYPES, 250), undefined);
  assert.equal(transformIdName(ProtocolId.esp, 12), 'ESP_AES');
  assert.equal(transformIdName(ProtocolId.ah, 3), 'AH_SHA');
  assert.equal(transformIdName(ProtocolId.isakmp, 1), 'KEY_IKE');
  assert.equal(transformIdName(9, 1), undefined);
});
