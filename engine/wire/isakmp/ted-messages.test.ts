import { test } from 'node:test';
import assert from 'node:assert/strict';
import { md5 } from '@noble/hashes/legacy.js';
import { fromHex } from '../test-hex.ts';
import { IdType } from './constants.ts';
import { decodeIsakmp, encodeIsakmp } from './message.ts';
import type { IdPayload } from './payload-types.ts';
import {
  readTedProbe, readTedProxyPayload, readTedReply, TED_EXCHANGE_TYPE, TED_PROXY_PAYLOAD_TYPE, TED_V3_VENDOR_ID,
  tedMessageKind, tedProbeMessage, tedProxyPayload, tedReplyMessage, type TedProbe, type TedReply,
} from './ted-messages.ts';

/** The document's probe and reply: Daphne (11.11.11.1, 13.13.13.0/24) asks, fred (11.11.11.2, 12.12.12.0/24) answers. */

const CISCO_VID = fromHex('3e984048101e66cc659fd002b0ed3655');
const PROBER_COOKIE = fromHex('0123456789abcdef');
const RESPONDER_COOKIE = fromHex('fedcba9876543210');
const MESSAGE_ID = 0x893d46ec;

const subnetId = (address: string, mask: string): IdPayload =>
  ({ kind: 'id', idType: IdType.ipv4AddrSubnet, protocolId: 0, port: 0, data: fromHex(address + mask) });

const PROBE: TedProbe = {
  initiatorCookie: PROBER_COOKIE, messageId: MESSAGE_ID, proberAddress: 0x0b0b0b01,
  proxy: subnetId('0d0d0d00', 'ffffff00'), tedV3: true, vendorId: CISCO_VID,
};

const PROBE_BYTES = fromHex(`
  0123456789abcdef 0000000000000000 0d 10 f0 00 893d46ec 00000060
  05 00 0014 3e984048101e66cc659fd002b0ed3655
  05 00 000c 01 11 01f4 0b0b0b01
  0d 00 0010 04 00 0000 0d0d0d00 ffffff00
  00 00 0014 f7a0b8625c265dbc13040b0002ff0de2`);

const REPLY: TedReply = {
  initiatorCookie: PROBER_COOKIE, responderCookie: RESPONDER_COOKIE, messageId: MESSAGE_ID,
  responderAddress: 0x0b0b0b02, proxy: subnetId('0c0c0c00', 'ffffff00'), vendorId: CISCO_VID,
};

const REPLY_BYTES = fromHex(`
  0123456789abcdef fedcba9876543210 0d 10 f0 00 893d46ec 00000050
  05 00 0014 3e984048101e66cc659fd002b0ed3655
  ef 00 000c 01 11 01f4 0b0b0b02
  00 00 0014 10 00 0010 04 00 0000 0c0c0c00 ffffff00`);

test('the probe is laid out as documented: VID, ID(prober) with next payload 5, ID(proxy), VID TED-V3', () => {
  assert.deepEqual(encodeIsakmp(tedProbeMessage(PROBE)), PROBE_BYTES);
});

test('the reply is laid out as documented: VID, ID(responder) with next payload 239, TED-PROXY', () => {
  assert.deepEqual(encodeIsakmp(tedReplyMessage(REPLY)), REPLY_BYTES);
});

test('probe and reply decode back to what was encoded', () => {
  const probe = decodeIsakmp(PROBE_BYTES);
  assert.ok(probe.ok);
  assert.equal(tedMessageKind(probe.value), 'probe');
  assert.deepEqual(readTedProbe(probe.value), { ok: true, value: PROBE });
  const reply = decodeIsakmp(REPLY_BYTES);
  assert.ok(reply.ok);
  assert.equal(tedMessageKind(reply.value), 'reply');
  assert.deepEqual(readTedReply(reply.value), { ok: true, value: REPLY });
});

test('the TED constants sit in ISAKMP\'s private ranges; the TED-V3 vendor ID is MD5("Cisco TED V3")', () => {
  assert.ok(TED_EXCHANGE_TYPE >= 240 && TED_EXCHANGE_TYPE <= 255);
  assert.ok(TED_PROXY_PAYLOAD_TYPE >= 128 && TED_PROXY_PAYLOAD_TYPE <= 255);
  assert.deepEqual(TED_V3_VENDOR_ID, md5(new TextEncoder().encode('Cisco TED V3')));
});

test('a probe without the TED-V3 vendor ID is an older prober\'s; a host proxy travels as ID_IPV4_ADDR', () => {
  const host: IdPayload = { kind: 'id', idType: IdType.ipv4Addr, protocolId: 0, port: 0, data: fromHex('0d0d0d0e') };
  const message = tedProbeMessage({ ...PROBE, proxy: host, tedV3: false });
  const decoded = decodeIsakmp(encodeIsakmp(message));
  assert.ok(decoded.ok);
  const probe = readTedProbe(decoded.value);
  assert.ok(probe.ok);
  assert.equal(probe.value.tedV3, false);
  assert.deepEqual(probe.value.proxy, host);
});

test('other exchanges, and TED messages missing their IDs, are not read as TED', () => {
  const main = decodeIsakmp(PROBE_BYTES);
  assert.ok(main.ok);
  assert.equal(tedMessageKind({ ...main.value, header: { ...main.value.header, exchangeType: 2 } }), undefined);
  const noProxy = tedProbeMessage(PROBE);
  assert.ok(!noProxy.body.encrypted);
  noProxy.body.payloads.splice(2, 1);
  assert.equal(readTedProbe(noProxy).ok, false);
  const reply = tedReplyMessage(REPLY);
  assert.ok(!reply.body.encrypted);
  reply.body.payloads.pop();
  const error = readTedReply(reply);
  assert.ok(!error.ok);
  assert.match(error.error.message, /239/);
  assert.equal(readTedReply(tedProbeMessage(PROBE)).ok, false);
});

test('a TED-PROXY payload never trusts its sub-payload lengths', () => {
  const good = tedProxyPayload(REPLY.proxy);
  assert.deepEqual(readTedProxyPayload(good), { ok: true, value: REPLY.proxy });
  const cut = { ...good, body: good.body.slice(0, 10) };
  assert.equal(readTedProxyPayload(cut).ok, false);
  const long = { ...good, body: Uint8Array.from(good.body, (byte, index) => (index === 3 ? 0xff : byte)) };
  assert.equal(readTedProxyPayload(long).ok, false);
  const reserved = { ...good, body: Uint8Array.from(good.body, (byte, index) => (index === 1 ? 1 : byte)) };
  assert.equal(readTedProxyPayload(reserved).ok, false);
  const otherType = { ...good, body: Uint8Array.from(good.body, (byte, index) => (index === 0 ? 17 : byte)) };
  assert.match(readTedProxyPayload(otherType).ok ? '' : 'no proxy', /no proxy/);
  assert.equal(readTedProxyPayload({ ...good, body: new Uint8Array(0) }).ok, false);
});
