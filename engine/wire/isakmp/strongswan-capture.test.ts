import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cbc } from '@noble/ciphers/aes.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesEqual, concatBytes } from '../bytes.ts';
import { decodeEsp, encodeEsp, espAuthenticatedBytes, espUnpad } from '../esp.ts';
import { decodeIpv4 } from '../ipv4.ts';
import { formatIpv4 } from '../ipv4-address.ts';
import { readPcap } from '../pcap-reader.ts';
import { decodeUdp } from '../udp.ts';
import { attributeNumber, findAttribute } from './attributes.ts';
import { ExchangeType, IdType, IsakmpFlag, NotifyType, PayloadType, Phase1Attribute, ProtocolId } from './constants.ts';
import { decodeIsakmp, encodeIsakmp, type IsakmpMessage } from './message.ts';
import { ISAKMP_UDP_PORT, classifyNatTraversalPayload } from './nat-traversal.ts';
import { decodePayloadChain, encodePayloadChain, idBodyBytes, saBodyBytes } from './payload-chain.ts';
import { firstPayloadOfKind, payloadsOfKind, type IsakmpPayload } from './payload-types.ts';
import { fromHex } from '../test-hex.ts';

/**
 * The independent check: two strongSwan 5.9.8 daemons ran main mode, quick mode, ESP and
 * two deletes (engine/testdata/strongswan-ikev1/README.md). Every value asserted here comes from
 * their capture and their logs, never from this codec.
 */
const DATA = new URL('../../testdata/strongswan-ikev1/', import.meta.url);
const LOG = readFileSync(new URL('charon.log', DATA), 'utf8');
const COOKIES = fromHex('fa106bd57c0fd683 37fceca19d65d55e');
const INITIATOR = '192.0.2.1';

interface Captured {
  from: string;
  port: number;
  /** The ISAKMP message, non-ESP marker removed. */
  bytes: Uint8Array;
  message: IsakmpMessage;
}

/** The hex dump strongSwan logs after `<label> => N bytes`, first occurrence. */
function loggedHex(label: string): Uint8Array {
  const lines = LOG.split('\n');
  const start = lines.findIndex((line) => line.includes(`${label} => `));
  const size = Number(/=> (\d+) bytes/.exec(lines[start] ?? '')?.[1]);
  assert.ok(start >= 0 && size > 0, `${label} is in the log`);
  const hex = lines.slice(start + 1, start + 1 + Math.ceil(size / 16)).map((line) => {
    const dump = /> +\d+: ((?:[0-9A-F]{2} ){1,16})/.exec(line);
    assert.ok(dump, `hex dump line: ${line}`);
    return dump[1]!;
  });
  return fromHex(hex.join(''));
}

function readCapture() {
  const capture = readPcap(readFileSync(new URL('exchange.pcap', DATA)));
  assert.ok(capture.ok, capture.ok ? '' : capture.error.message);
  const ike: Captured[] = [];
  const esp: { from: string; packet: Uint8Array }[] = [];
  for (const record of capture.value.records) {
    const ip = decodeIpv4(record.ipv4Bytes);
    assert.ok(ip.ok);
    // Captured on a veth: the kernel left the UDP checksum to offload, so the field holds
    // only the pseudo-header sum. Zero means "no checksum" to the decoder.
    const segment = ip.value.payload.slice();
    segment.set([0, 0], 6);
    const udp = decodeUdp(segment, ip.value.source, ip.value.destination);
    assert.ok(udp.ok);
    const from = formatIpv4(ip.value.source);
    const port = udp.value.destinationPort;
    let bytes = udp.value.payload;
    if (port !== ISAKMP_UDP_PORT) {
      const carried = classifyNatTraversalPayload(bytes);
      assert.ok(carried.ok);
      if (carried.value.kind === 'esp') esp.push({ from, packet: carried.value.packet });
      if (carried.value.kind !== 'ike') continue;
      bytes = carried.value.message;
    }
    const message = decodeIsakmp(bytes);
    assert.ok(message.ok, message.ok ? '' : message.error.message);
    ike.push({ from, port, bytes, message: message.value });
  }
  return { capture: capture.value, ike, esp };
}

const { capture, ike, esp } = readCapture();
const [MM1, MM2, MM3, MM4] = ike.map((captured) => captured.message);

function plainPayloads(message: IsakmpMessage | undefined): IsakmpPayload[] {
  assert.ok(message && !message.body.encrypted);
  return message.body.payloads;
}

test('the capture holds 15 Ethernet frames, all IPv4: 11 ISAKMP messages and 4 ESP packets', () => {
  assert.equal(capture.linkType, 1);
  assert.equal(capture.records.length, 15);
  assert.equal(capture.skipped, 0);
  assert.equal(ike.length, 11);
  assert.equal(esp.length, 4);
  assert.deepEqual(ike.map((captured) => captured.port), [500, 500, 500, 500, 4500, 4500, 4500, 4500, 4500, 4500, 4500]);
});

test('every ISAKMP message re-encodes byte for byte', () => {
  for (const captured of ike) assert.deepEqual(encodeIsakmp(captured.message), captured.bytes);
});

test('MM1 offers AES-CBC 128, SHA, pre-shared key, group 2 first, with five vendor IDs', () => {
  const payloads = plainPayloads(MM1);
  assert.equal(MM1!.header.exchangeType, ExchangeType.identityProtection);
  assert.equal(MM1!.header.messageId, 0);
  assert.deepEqual(MM1!.header.responderCookie, new Uint8Array(8));
  const sa = firstPayloadOfKind(payloads, 'sa');
  assert.ok(sa);
  const [proposal] = sa.proposals;
  assert.equal(proposal?.protocolId, ProtocolId.isakmp);
  assert.equal(proposal?.transforms.length, 2);
  const attributes = proposal!.transforms[0]!.attributes;
  const value = (type: number) => attributeNumber(findAttribute(attributes, type)!);
  assert.equal(value(Phase1Attribute.encryptionAlgorithm), 7);
  assert.equal(value(Phase1Attribute.keyLength), 128);
  assert.equal(value(Phase1Attribute.hashAlgorithm), 2);
  assert.equal(value(Phase1Attribute.authenticationMethod), 1);
  assert.equal(value(Phase1Attribute.groupDescription), 2);
  assert.equal(value(Phase1Attribute.lifeType), 1);
  assert.equal(payloadsOfKind(payloads, 'vendor-id').length, 5);
});

test('MM2 chooses the AES transform and sets the responder cookie', () => {
  const payloads = plainPayloads(MM2);
  assert.deepEqual(concatBytes(MM2!.header.initiatorCookie, MM2!.header.responderCookie), COOKIES);
  const transforms = firstPayloadOfKind(payloads, 'sa')?.proposals[0]?.transforms;
  assert.equal(transforms?.length, 1);
  assert.equal(attributeNumber(findAttribute(transforms![0]!.attributes, Phase1Attribute.encryptionAlgorithm)!), 7);
  assert.equal(payloadsOfKind(payloads, 'vendor-id').length, 4);
});

test('MM3 and MM4 carry a 128-byte KE, a nonce and two NAT-D hashes', () => {
  for (const message of [MM3, MM4]) {
    const payloads = plainPayloads(message);
    assert.deepEqual(payloads.map((payload) => payload.kind), ['ke', 'nonce', 'nat-d', 'nat-d']);
    assert.equal(firstPayloadOfKind(payloads, 'ke')?.data.length, 128);
    assert.equal(firstPayloadOfKind(payloads, 'nonce')?.data.length, 32);
  }
  // The initiator logged the NAT-D hash it sent first.
  assert.deepEqual(payloadsOfKind(plainPayloads(MM3), 'nat-d')[0]?.data, loggedHex('natd_hash'));
});

const ENCRYPTED_MESSAGE_IDS = [0, 0, 2783743328, 2783743328, 2783743328, 2832428279, 2654809306];

test('the encrypted messages stay opaque, with their message IDs and first payload types', () => {
  const encrypted = ike.slice(4).map((captured) => captured.message);
  assert.deepEqual(encrypted.map((message) => message.header.messageId), ENCRYPTED_MESSAGE_IDS);
  for (const message of encrypted) {
    assert.ok(message.body.encrypted && message.header.flags & IsakmpFlag.encryption);
    const expectedFirst = message.header.messageId === 0 ? PayloadType.id : PayloadType.hash;
    assert.equal(message.body.firstPayload, expectedFirst);
  }
});

/**
 * RFC 2409 appendix B: each message ID's first IV comes from the log ("initial IV" for
 * phase 1, "next IV for MID" before the first phase-2 message); later ones are the last
 * cipher block of the message before.
 */
function decryptAll(): IsakmpPayload[][] {
  const ka = fromHex('784ff5fecd52648681e314638153c8bf');
  const ivs = new Map<number, Uint8Array>([
    [0, fromHex('d2d2cc4696a27a7e6fc91b4b2fb39d0f')],
    [2783743328, fromHex('3386c8b920b648c62c6189571fb24d0f')],
    [2832428279, fromHex('b1d4187787968f169a85583465922dad')],
    [2654809306, fromHex('2f6e18da96c7269730db7e7d421e256a')],
  ]);
  return ike.slice(4).map(({ message }) => {
    assert.ok(message.body.encrypted);
    const { encryptedBody, firstPayload } = message.body;
    const plaintext = cbc(ka, ivs.get(message.header.messageId)!, { disablePadding: true }).decrypt(encryptedBody);
    ivs.set(message.header.messageId, encryptedBody.slice(-16));
    const chain = decodePayloadChain(firstPayload, plaintext);
    assert.ok(chain.ok, chain.ok ? '' : chain.error.message);
    const used = plaintext.length - chain.value.trailingLength;
    // strongSwan pads with zeros to the block, a whole block when already aligned.
    assert.ok(chain.value.trailingLength >= 1 && chain.value.trailingLength <= 16);
    assert.ok(plaintext.subarray(used).every((byte) => byte === 0));
    assert.deepEqual(encodePayloadChain(chain.value.payloads).bytes, plaintext.subarray(0, used));
    return chain.value.payloads;
  });
}

let decryptedCache: IsakmpPayload[][] | undefined;
/** Decrypted lazily, so that a failure shows up in a test rather than at load time. */
function decrypted(): IsakmpPayload[][] {
  decryptedCache ??= decryptAll();
  return decryptedCache;
}

test('decrypted bodies decode, padding after the last payload reported, and re-encode exactly', () => {
  assert.deepEqual(
    decrypted().map((payloads) => payloads.map((payload) => payload.kind).join(' ')),
    ['id hash notify', 'id hash', 'hash sa nonce id id', 'hash sa nonce id id', 'hash', 'hash delete', 'hash delete'],
  );
  const contact = firstPayloadOfKind(decrypted()[0]!, 'notify');
  assert.equal(contact?.notifyType, NotifyType.initialContact);
  assert.deepEqual(contact?.spi, COOKIES);
});

test('HASH_I and HASH_R data as strongSwan logged them build from the payload bodies', () => {
  const [mm1, , mm3, mm4] = [MM1, MM2, MM3, MM4].map(plainPayloads);
  const sa = firstPayloadOfKind(mm1!, 'sa')!;
  const keI = firstPayloadOfKind(mm3!, 'ke')!.data;
  const keR = firstPayloadOfKind(mm4!, 'ke')!.data;
  const idI = firstPayloadOfKind(decrypted()[0]!, 'id')!;
  const idR = firstPayloadOfKind(decrypted()[1]!, 'id')!;
  assert.equal(idI.idType, IdType.ipv4Addr);
  assert.deepEqual(idI.data, fromHex('c0000201'));
  const cookiesR = concatBytes(COOKIES.subarray(8), COOKIES.subarray(0, 8));
  assert.deepEqual(concatBytes(keI, keR, COOKIES, saBodyBytes(sa), idBodyBytes(idI)), loggedHex('HASH_I data'));
  assert.deepEqual(concatBytes(keR, keI, cookiesR, saBodyBytes(sa), idBodyBytes(idR)), loggedHex('HASH_R data'));
});

test('quick mode proposes ESP with the inbound SPI and the protected hosts as IDs', () => {
  const [qm1, qm2] = [decrypted()[2]!, decrypted()[3]!];
  assert.deepEqual(firstPayloadOfKind(qm1, 'sa')?.proposals[0]?.spi, fromHex('ceac0247'));
  assert.deepEqual(firstPayloadOfKind(qm2, 'sa')?.proposals[0]?.spi, fromHex('756a7d1e'));
  assert.equal(firstPayloadOfKind(qm1, 'sa')?.proposals[0]?.protocolId, ProtocolId.esp);
  const ids = payloadsOfKind(qm1, 'id').map((id) => formatIpv4(new DataView(id.data.buffer, id.data.byteOffset).getUint32(0)));
  assert.deepEqual(ids, ['198.51.100.1', '203.0.113.1']);
});

test('the informational messages delete the ESP SA by SPI, then the ISAKMP SA by cookies', () => {
  const [child, parent] = [decrypted()[5]!, decrypted()[6]!].map((payloads) => firstPayloadOfKind(payloads, 'delete')!);
  assert.deepEqual([child.protocolId, child.spiSize, child.spis], [ProtocolId.esp, 4, [fromHex('ceac0247')]]);
  assert.deepEqual([parent.protocolId, parent.spiSize, parent.spis], [ProtocolId.isakmp, 16, [COOKIES]]);
});

/** ESP SAs from the log header: SPI, sender, AES-CBC key, HMAC-SHA1-96 key. */
const ESP_SAS = new Map([
  [0x756a7d1e, { from: INITIATOR, key: fromHex('6f972bff75d1853ec2d69ccd0aecda44'), auth: fromHex('c0666d79774a82228fcbde4f51f405f41a307391') }],
  [0xceac0247, { from: '192.0.2.2', key: fromHex('062d833743f36bc83f05b4f4f8c5a2b7'), auth: fromHex('c175a6819128c1e0ddc2cef52c753bca889d3943') }],
]);

test('ESP in UDP 4500 decodes with the logged SPIs, authenticates, and unpads to the inner ICMP echoes', () => {
  const inner: string[] = [];
  for (const { from, packet } of esp) {
    const decoded = decodeEsp(packet, { ivLength: 16, icvLength: 12 });
    assert.ok(decoded.ok);
    const sa = ESP_SAS.get(decoded.value.spi);
    assert.equal(sa?.from, from, `SPI ${decoded.value.spi.toString(16)} comes from its sender`);
    assert.deepEqual(encodeEsp(decoded.value), packet);
    const icv = hmac(sha1, sa!.auth, espAuthenticatedBytes(decoded.value)).subarray(0, 12);
    assert.ok(bytesEqual(icv, decoded.value.icv), 'HMAC-SHA1-96 over header, IV and ciphertext');
    const plaintext = cbc(sa!.key, decoded.value.iv, { disablePadding: true }).decrypt(decoded.value.ciphertext);
    const unpadded = espUnpad(plaintext);
    assert.ok(unpadded.ok, unpadded.ok ? '' : unpadded.error.message);
    assert.equal(unpadded.value.nextHeader, 4, 'tunnel mode carries IPv4');
    const datagram = decodeIpv4(unpadded.value.payload);
    assert.ok(datagram.ok);
    inner.push(`${decoded.value.sequenceNumber} ${formatIpv4(datagram.value.source)}>${formatIpv4(datagram.value.destination)} ${datagram.value.protocol}`);
  }
  assert.deepEqual(inner, [
    '1 198.51.100.1>203.0.113.1 1',
    '1 203.0.113.1>198.51.100.1 1',
    '2 198.51.100.1>203.0.113.1 1',
    '2 203.0.113.1>198.51.100.1 1',
  ]);
});
