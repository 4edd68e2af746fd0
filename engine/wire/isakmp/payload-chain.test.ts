import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tlvAttribute, tvAttribute } from './attributes.ts';
import {
  CertificateEncoding,
  Doi,
  EspTransformId,
  IdType,
  IpsecAttribute,
  NotifyType,
  PayloadType,
  ProtocolId,
  Situation,
} from './constants.ts';
import {
  decodePayloadChain,
  encodePayloadChain,
  idBodyBytes,
  nonceBodyBytes,
  payloadChainEncodingProblem,
  saBodyBytes,
} from './payload-chain.ts';
import { firstPayloadOfKind, payloadsOfKind, type IsakmpPayload, type SaPayload } from './payload-types.ts';
import { fromHex } from '../test-hex.ts';

const ESP_SA: SaPayload = {
  kind: 'sa',
  doi: Doi.ipsec,
  situation: Situation.identityOnly,
  proposals: [
    {
      kind: 'proposal',
      proposalNumber: 1,
      protocolId: ProtocolId.esp,
      spi: fromHex('ceac0247'),
      transforms: [
        {
          kind: 'transform',
          transformNumber: 1,
          transformId: EspTransformId.des,
          attributes: [
            tvAttribute(IpsecAttribute.encapsulationMode, 1),
            tvAttribute(IpsecAttribute.saLifeType, 1),
            tlvAttribute(IpsecAttribute.saLifeDuration, fromHex('00000e10')),
            tvAttribute(IpsecAttribute.authenticationAlgorithm, 1),
          ],
        },
        { kind: 'transform', transformNumber: 2, transformId: EspTransformId.tripleDes, attributes: [] },
      ],
    },
    { kind: 'proposal', proposalNumber: 2, protocolId: ProtocolId.ah, spi: fromHex('0badcafe'), transforms: [] },
  ],
};

/** One payload of every kind the codec knows, plus private-use ones it keeps raw. */
const EVERY_PAYLOAD: IsakmpPayload[] = [
  ESP_SA,
  { kind: 'ke', data: fromHex('0102030405060708') },
  { kind: 'id', idType: IdType.ipv4AddrSubnet, protocolId: 17, port: 500, data: fromHex('0c0c0c00 ffffff00') },
  { kind: 'cert', encoding: CertificateEncoding.x509Signature, data: fromHex('3082') },
  { kind: 'cr', encoding: CertificateEncoding.x509Signature, data: new Uint8Array(0) },
  { kind: 'hash', data: fromHex('00112233445566778899aabbccddeeff00112233') },
  { kind: 'sig', data: fromHex('5151') },
  { kind: 'nonce', data: fromHex('a1a2a3a4a5a6a7a8') },
  { kind: 'notify', doi: Doi.ipsec, protocolId: ProtocolId.esp, notifyType: NotifyType.replayStatus, spi: fromHex('ceac0247'), data: fromHex('00000001') },
  { kind: 'delete', doi: Doi.ipsec, protocolId: ProtocolId.esp, spiSize: 4, spis: [fromHex('756a7d1e'), fromHex('ceac0247')] },
  { kind: 'delete', doi: Doi.ipsec, protocolId: ProtocolId.ah, spiSize: 4, spis: [] },
  { kind: 'vendor-id', data: fromHex('afcad71368a1f1c96b8696fc77570100') },
  { kind: 'nat-d', data: fromHex('d3d7a3bd68e6cf41db0e268af40f255d770d1c03') },
  { kind: 'nat-oa', idType: IdType.ipv4Addr, data: fromHex('c0000201') },
  { kind: 'raw', type: 130, body: fromHex('cafe') },
  { kind: 'raw', type: 255, body: new Uint8Array(0) },
];

function decodeChain(firstType: number, bytes: Uint8Array) {
  const decoded = decodePayloadChain(firstType, bytes);
  assert.ok(decoded.ok, decoded.ok ? '' : decoded.error.message);
  return decoded.value;
}

function chainError(firstType: number, hex: string) {
  const decoded = decodePayloadChain(firstType, fromHex(hex));
  assert.ok(!decoded.ok, 'expected a decoding error');
  return decoded.error;
}

test('every payload type round-trips through one chain', () => {
  const encoded = encodePayloadChain(EVERY_PAYLOAD);
  assert.equal(encoded.firstPayload, PayloadType.sa);
  const decoded = decodeChain(encoded.firstPayload, encoded.bytes);
  assert.deepEqual(decoded.payloads, EVERY_PAYLOAD);
  assert.equal(decoded.trailingLength, 0);
  assert.deepEqual(encodePayloadChain(decoded.payloads).bytes, encoded.bytes);
});

test('each payload alone round-trips, as the first and only payload of a chain', () => {
  for (const payload of EVERY_PAYLOAD) {
    const encoded = encodePayloadChain([payload]);
    assert.equal(encoded.bytes[0], 0, `${payload.kind}: the only payload ends the chain`);
    assert.deepEqual(decodeChain(encoded.firstPayload, encoded.bytes).payloads, [payload]);
  }
});

test('a notify is laid out as RFC 2408 3.14 says (INITIAL-CONTACT with the cookies as SPI)', () => {
  const cookies = fromHex('fa106bd57c0fd683 37fceca19d65d55e');
  const notify: IsakmpPayload = { kind: 'notify', doi: Doi.ipsec, protocolId: ProtocolId.isakmp, notifyType: NotifyType.initialContact, spi: cookies, data: new Uint8Array(0) };
  const encoded = encodePayloadChain([notify]);
  assert.equal(encoded.firstPayload, PayloadType.notify);
  assert.deepEqual(encoded.bytes, fromHex('0000 001c 00000001 01 10 6002 fa106bd57c0fd683 37fceca19d65d55e'));
});

test('a delete is laid out as RFC 2408 3.15 says', () => {
  const encoded = encodePayloadChain([{ kind: 'delete', doi: 1, protocolId: ProtocolId.esp, spiSize: 4, spis: [fromHex('ceac0247')] }]);
  assert.deepEqual(encoded.bytes, fromHex('0000 0010 00000001 03 04 0001 ceac0247'));
});

test('an SA nests proposals (next 2/0) and transforms (next 3/0) with their own lengths and counts', () => {
  const sa: SaPayload = { ...ESP_SA, proposals: [{ ...ESP_SA.proposals[0]!, transforms: ESP_SA.proposals[0]!.transforms.slice(1) }, ESP_SA.proposals[1]!] };
  const encoded = encodePayloadChain([sa]);
  assert.deepEqual(
    encoded.bytes,
    fromHex(`0000 002c 00000001 00000001
             02 00 0014 01 03 04 01 ceac0247
               00 00 0008 02 03 0000
             00 00 000c 02 02 04 00 0badcafe`),
  );
});

test('next-payload fields link the chain and the last one is 0', () => {
  const encoded = encodePayloadChain([{ kind: 'hash', data: fromHex('01') }, { kind: 'nonce', data: fromHex('02') }, { kind: 'raw', type: 200, body: fromHex('03') }]);
  assert.equal(encoded.firstPayload, PayloadType.hash);
  assert.deepEqual(encoded.bytes, fromHex('0a00000501 c800000502 0000000503'));
});

test('an empty chain has first payload 0 and no bytes', () => {
  const encoded = encodePayloadChain([]);
  assert.equal(encoded.firstPayload, PayloadType.none);
  assert.equal(encoded.bytes.length, 0);
  assert.deepEqual(decodeChain(0, new Uint8Array(0)), { payloads: [], trailingLength: 0 });
});

test('bytes after the last payload of a decrypted body are reported as padding', () => {
  const decoded = decodeChain(PayloadType.hash, fromHex('0000 0006 abcd 00 00 00 00 00 00 00 07'));
  assert.deepEqual(decoded.payloads, [{ kind: 'hash', data: fromHex('abcd') }]);
  assert.equal(decoded.trailingLength, 8);
});

test('a payload length below 4 is a length error', () => {
  const error = chainError(PayloadType.hash, '0000 0003 00');
  assert.equal(error.code, 'bad-length');
  assert.match(error.message, /length 3 is shorter than its header/);
});

test('a payload running past the bytes left is a length error', () => {
  const error = chainError(PayloadType.nonce, '0000 0020 0102030405');
  assert.equal(error.code, 'bad-length');
  assert.match(error.message, /runs past/);
});

test('a chain announcing a payload after its last bytes is a length error', () => {
  const error = chainError(PayloadType.hash, '0a00 0005 01');
  assert.equal(error.code, 'bad-length');
  assert.match(error.message, /payload type 10 announced but only 0 bytes remain/);
});

test('a non-zero reserved byte in a generic header is rejected', () => {
  const error = chainError(PayloadType.hash, '0001 0005 01');
  assert.equal(error.code, 'bad-field');
});

test('a proposal whose transform count disagrees with its transforms is rejected', () => {
  // Proposal #1, ISAKMP, no SPI, announces 2 transforms, carries 1.
  const error = chainError(PayloadType.sa, '0000 001c 00000001 00000001  0000 0010 01 01 00 02  0000 0008 01 01 0000');
  assert.equal(error.code, 'bad-field');
  assert.match(error.message, /announces 2 transforms, carries 1/);
});

test('a proposal running past its SA is a length error, though the message has the bytes', () => {
  // The SA says 20 bytes; its proposal claims 16 of the 8 left in it. A hash follows.
  const error = chainError(PayloadType.sa, '0800 0014 00000001 00000001  0000 0010 01 01 00 00  0000 0008 aabbccdd');
  assert.equal(error.code, 'bad-length');
  assert.match(error.message, /sa payload: payload type 2: length 16 runs past the 8 bytes left/);
});

test('an SPI size larger than the proposal is a length error', () => {
  const error = chainError(PayloadType.sa, '0000 0018 00000001 00000001  0000 000c 01 03 08 00 aabbccdd');
  assert.equal(error.code, 'bad-length');
  assert.match(error.message, /spi needs 8 bytes, 4 remain/);
});

test('a payload other than a transform inside a proposal is rejected', () => {
  // The transform announces a vendor ID (13) as the next payload inside the proposal.
  const error = chainError(PayloadType.sa, '0000 0020 00000001 00000001  0000 0014 01 01 00 02  0d00 0008 01 01 0000  0000 0004');
  assert.equal(error.code, 'bad-field');
  assert.match(error.message, /payload type 13 among its transforms/);
});

test('bytes after the last proposal of an SA are a length error', () => {
  const error = chainError(PayloadType.sa, '0000 0018 00000001 00000001  0000 0008 01 01 00 00  00000000');
  assert.equal(error.code, 'bad-length');
  assert.match(error.message, /4 bytes follow its last proposal/);
});

test('a non-zero reserved field inside a transform is rejected', () => {
  const error = chainError(PayloadType.sa, '0000 001c 00000001 00000001  0000 0010 01 01 00 01  0000 0008 01 01 0001');
  assert.equal(error.code, 'bad-field');
  assert.match(error.message, /transform payload: reserved field is not zero/);
});

test('a notify too short for its fixed fields is a length error', () => {
  const error = chainError(PayloadType.notify, '0000 000a 00000001 0300');
  assert.equal(error.code, 'bad-length');
  assert.match(error.message, /notify payload: notifyType needs 2 bytes, 0 remain/);
});

test('a delete with fewer SPIs than it counts, or bytes after them, is a length error', () => {
  const short = chainError(PayloadType.delete, '0000 0010 00000001 03 04 0002 ceac0247');
  assert.equal(short.code, 'bad-length');
  assert.match(short.message, /spis\[1\] needs 4 bytes/);
  const long = chainError(PayloadType.delete, '0000 0012 00000001 03 04 0001 ceac0247 0000');
  assert.equal(long.code, 'bad-length');
  assert.match(long.message, /2 bytes follow its last field/);
});

test('an error deep in a chain names the payload it came from', () => {
  const error = chainError(PayloadType.hash, '0b00 0005 01  0000 0008 00000001');
  assert.match(error.message, /^payload 2: notify payload/);
});

test('hash inputs are the payload bodies without generic headers', () => {
  const id: IsakmpPayload = { kind: 'id', idType: IdType.ipv4Addr, protocolId: 17, port: 500, data: fromHex('c0000201') };
  assert.deepEqual(idBodyBytes(id), fromHex('01 11 01f4 c0000201'));
  assert.deepEqual(nonceBodyBytes({ kind: 'nonce', data: fromHex('0102') }), fromHex('0102'));
  const chain = encodePayloadChain([ESP_SA]).bytes;
  assert.deepEqual(saBodyBytes(ESP_SA), chain.subarray(4));
});

test('payloads of a kind are found in message order', () => {
  assert.equal(payloadsOfKind(EVERY_PAYLOAD, 'delete').length, 2);
  assert.equal(firstPayloadOfKind(EVERY_PAYLOAD, 'delete')?.spis.length, 2);
  assert.equal(firstPayloadOfKind(EVERY_PAYLOAD, 'raw')?.type, 130);
  assert.equal(firstPayloadOfKind([], 'sa'), undefined);
});

test('values the wire cannot carry are reported, not encoded', () => {
  const wrongSpi: IsakmpPayload = { kind: 'delete', doi: 1, protocolId: 3, spiSize: 4, spis: [fromHex('0102')] };
  assert.match(payloadChainEncodingProblem([wrongSpi]) ?? '', /2-byte entry in spis, spiSize is 4/);
  assert.throws(() => encodePayloadChain([wrongSpi]), RangeError);
  assert.match(payloadChainEncodingProblem([{ kind: 'raw', type: 0, body: new Uint8Array(0) }]) ?? '', /type 0 cannot be sent/);
  assert.match(payloadChainEncodingProblem([{ kind: 'ke', data: new Uint8Array(65532) }]) ?? '', /exceeds the 16-bit length/);
  const longSpi: IsakmpPayload = { kind: 'notify', doi: 1, protocolId: 3, notifyType: 1, spi: new Uint8Array(256), data: new Uint8Array(0) };
  assert.match(payloadChainEncodingProblem([longSpi]) ?? '', /256 entries in spi/);
  const badAttribute: SaPayload = { ...ESP_SA, proposals: [{ ...ESP_SA.proposals[0]!, transforms: [{ kind: 'transform', transformNumber: 1, transformId: 1, attributes: [tvAttribute(1, 70000)] }] }] };
  assert.match(payloadChainEncodingProblem([badAttribute]) ?? '', /transform payload: attribute 1 value 70000/);
  assert.equal(payloadChainEncodingProblem(EVERY_PAYLOAD), undefined);
  assert.equal(payloadChainEncodingProblem([{ kind: 'ke', data: new Uint8Array(65531) }]), undefined);
});
