import { bytesEqual, readUint16, readUint32, writeUint16 } from '../bytes.ts';
import { decodeFailure, decodedOk, type Decoded } from '../decoded.ts';
import type { Ipv4Address } from '../ipv4-address.ts';
import { COOKIE_LENGTH, IdType, ISAKMP_VERSION, PRIVATE_EXCHANGE_TYPE_FIRST } from './constants.ts';
import { decodeSchemaBody } from './field-codec.ts';
import type { IsakmpMessage } from './message.ts';
import { idBodyBytes } from './payload-chain.ts';
import type { IdPayload, IsakmpPayload, RawPayload } from './payload-types.ts';

/**
 * Tunnel endpoint discovery (TED) as this lab puts it on the wire. Cisco's own encoding is not
 * public; this one uses ISAKMP's private ranges and fits every line IOS prints about it (see
 * engine/ike/TED-PROBE-FORMAT.md). Two messages, both in the clear, both of the TED exchange:
 *
 * - the probe, from the protected packet's source to its destination, initiator cookie set,
 *   responder cookie zero: [VID] ID(prober, ID_IPV4_ADDR UDP/500) ID(prober's proxy) [VID TED-V3];
 * - the reply, from the responder's address to the prober's, both cookies set:
 *   [VID] ID(responder, ID_IPV4_ADDR UDP/500) TED-PROXY(responder's proxy).
 *
 * The message ID of both is the probe's, drawn at random by the prober.
 */

/** The first of ISAKMP's private exchange types (RFC 2408 3.1). */
export const TED_EXCHANGE_TYPE = PRIVATE_EXCHANGE_TYPE_FIRST;
/** The private payload after the responder's ID: IOS prints `next-payload : 239`. */
export const TED_PROXY_PAYLOAD_TYPE = 239;
/** The sub-payload of a TED-PROXY payload that carries a proxy: IOS prints `received payload type 16`. */
export const TED_PROXY_SUBPAYLOAD = 16;
/** Sub-payload header: type (1), reserved (1), length (2, header included). */
const SUBPAYLOAD_HEADER_LENGTH = 4;
/** A router's own identity in TED, as in main mode: its address, as UDP port 500. */
const IKE_UDP_PORT = 500;
const UDP = 17;

/** The vendor ID a prober adds to say it takes a TED V3 reply: MD5("Cisco TED V3"). */
export const TED_V3_VENDOR_ID = Uint8Array.from([
  0xf7, 0xa0, 0xb8, 0x62, 0x5c, 0x26, 0x5d, 0xbc, 0x13, 0x04, 0x0b, 0x00, 0x02, 0xff, 0x0d, 0xe2,
]);

export interface TedProbe {
  initiatorCookie: Uint8Array;
  messageId: number;
  /** The prober's crypto map address: where the reply goes and main mode comes from. */
  proberAddress: Ipv4Address;
  /** The prober's proxy (its crypto ACL's source), as an IPsec DOI identification. */
  proxy: IdPayload;
  /** The prober takes a TED V3 reply (from the responder's own address to its own). */
  tedV3: boolean;
  /** A vendor ID sent first, Cisco's IOS ID from a router. */
  vendorId?: Uint8Array;
}

export interface TedReply {
  initiatorCookie: Uint8Array;
  responderCookie: Uint8Array;
  messageId: number;
  /** The responder's crypto map address: the peer to run main mode with. */
  responderAddress: Ipv4Address;
  /** The responder's proxy (its crypto ACL's source). */
  proxy: IdPayload;
  vendorId?: Uint8Array;
}

const ZERO_COOKIE = new Uint8Array(COOKIE_LENGTH);

/** A router's identity: ID_IPV4_ADDR, UDP, port 500. */
export function tedAddressId(address: Ipv4Address): IdPayload {
  const data = new Uint8Array(4);
  new DataView(data.buffer).setUint32(0, address >>> 0);
  return { kind: 'id', idType: IdType.ipv4Addr, protocolId: UDP, port: IKE_UDP_PORT, data };
}

/** The TED-PROXY payload: one sub-payload of type 16 holding the proxy's ID body. */
export function tedProxyPayload(proxy: IdPayload): RawPayload {
  const inner = idBodyBytes(proxy);
  const body = new Uint8Array(SUBPAYLOAD_HEADER_LENGTH + inner.length);
  body[0] = TED_PROXY_SUBPAYLOAD;
  writeUint16(body, 2, body.length);
  body.set(inner, SUBPAYLOAD_HEADER_LENGTH);
  return { kind: 'raw', type: TED_PROXY_PAYLOAD_TYPE, body };
}

/** The sub-payloads of a TED-PROXY body, each length checked against what is there. */
export function tedSubpayloads(body: Uint8Array): Decoded<Array<{ type: number; body: Uint8Array }>> {
  const items: Array<{ type: number; body: Uint8Array }> = [];
  for (let offset = 0; offset < body.length;) {
    if (body.length - offset < SUBPAYLOAD_HEADER_LENGTH) return decodeFailure('truncated', 'TED sub-payload header cut short');
    const length = readUint16(body, offset + 2);
    if (length < SUBPAYLOAD_HEADER_LENGTH || offset + length > body.length) {
      return decodeFailure('bad-length', `TED sub-payload length ${length} at offset ${offset}`);
    }
    if (body[offset + 1] !== 0) return decodeFailure('bad-field', 'TED sub-payload reserved byte is not zero');
    items.push({ type: body[offset]!, body: body.subarray(offset + SUBPAYLOAD_HEADER_LENGTH, offset + length) });
    offset += length;
  }
  return decodedOk(items);
}

/** The proxy a TED-PROXY payload carries. */
export function readTedProxyPayload(payload: RawPayload): Decoded<IdPayload> {
  const items = tedSubpayloads(payload.body);
  if (!items.ok) return items;
  const proxy = items.value.find((item) => item.type === TED_PROXY_SUBPAYLOAD);
  if (proxy === undefined) return decodeFailure('bad-field', `TED-PROXY payload without sub-payload ${TED_PROXY_SUBPAYLOAD}`);
  const id = decodeSchemaBody('id', proxy.body);
  if (!id.ok) return id;
  return readProxyId(id.value as IdPayload);
}

function header(initiatorCookie: Uint8Array, responderCookie: Uint8Array, messageId: number): IsakmpMessage['header'] {
  return {
    initiatorCookie, responderCookie, majorVersion: ISAKMP_VERSION.major, minorVersion: ISAKMP_VERSION.minor,
    exchangeType: TED_EXCHANGE_TYPE, flags: 0, messageId,
  };
}

const vendor = (data: Uint8Array | undefined): IsakmpPayload[] => (data === undefined ? [] : [{ kind: 'vendor-id', data }]);

export function tedProbeMessage(probe: TedProbe): IsakmpMessage {
  const payloads: IsakmpPayload[] = [
    ...vendor(probe.vendorId), tedAddressId(probe.proberAddress), probe.proxy, ...vendor(probe.tedV3 ? TED_V3_VENDOR_ID : undefined),
  ];
  return { header: header(probe.initiatorCookie, ZERO_COOKIE, probe.messageId), body: { encrypted: false, payloads } };
}

export function tedReplyMessage(reply: TedReply): IsakmpMessage {
  const payloads: IsakmpPayload[] = [...vendor(reply.vendorId), tedAddressId(reply.responderAddress), tedProxyPayload(reply.proxy)];
  return { header: header(reply.initiatorCookie, reply.responderCookie, reply.messageId), body: { encrypted: false, payloads } };
}

/** Which TED message a decoded ISAKMP message is: a probe has no responder cookie yet. */
export function tedMessageKind(message: IsakmpMessage): 'probe' | 'reply' | undefined {
  if (message.header.exchangeType !== TED_EXCHANGE_TYPE || message.body.encrypted) return undefined;
  return bytesEqual(message.header.responderCookie, ZERO_COOKIE) ? 'probe' : 'reply';
}

function addressOfId(id: IdPayload | undefined, what: string): Decoded<Ipv4Address> {
  if (id?.idType !== IdType.ipv4Addr || id.data.length !== 4) return decodeFailure('bad-field', `${what}: no ID_IPV4_ADDR identity`);
  return decodedOk(readUint32(id.data, 0));
}

/** A proxy is one address or an address and mask. */
function readProxyId(id: IdPayload | undefined): Decoded<IdPayload> {
  if (id?.idType === IdType.ipv4Addr && id.data.length === 4) return decodedOk(id);
  if (id?.idType === IdType.ipv4AddrSubnet && id.data.length === 8) return decodedOk(id);
  return decodeFailure('bad-field', 'TED proxy is neither ID_IPV4_ADDR nor ID_IPV4_ADDR_SUBNET');
}

function plainPayloads(message: IsakmpMessage, kind: 'probe' | 'reply'): Decoded<IsakmpPayload[]> {
  if (tedMessageKind(message) !== kind || message.body.encrypted) return decodeFailure('bad-field', `not a TED ${kind}`);
  return decodedOk(message.body.payloads);
}

function firstVendorId(payloads: readonly IsakmpPayload[]): Uint8Array | undefined {
  const first = payloads.find((payload) => payload.kind === 'vendor-id' && !bytesEqual(payload.data, TED_V3_VENDOR_ID));
  return first?.kind === 'vendor-id' ? first.data : undefined;
}

/** Reads a probe: the first ID is the prober, the second its proxy; vendor IDs may come anywhere. */
export function readTedProbe(message: IsakmpMessage): Decoded<TedProbe> {
  const payloads = plainPayloads(message, 'probe');
  if (!payloads.ok) return payloads;
  const ids = payloads.value.filter((payload): payload is IdPayload => payload.kind === 'id');
  const prober = addressOfId(ids[0], 'TED probe');
  if (!prober.ok) return prober;
  const proxy = readProxyId(ids[1]);
  if (!proxy.ok) return proxy;
  const vendorId = firstVendorId(payloads.value);
  return decodedOk({
    initiatorCookie: message.header.initiatorCookie,
    messageId: message.header.messageId,
    proberAddress: prober.value,
    proxy: proxy.value,
    tedV3: payloads.value.some((payload) => payload.kind === 'vendor-id' && bytesEqual(payload.data, TED_V3_VENDOR_ID)),
    ...(vendorId === undefined ? {} : { vendorId }),
  });
}

/** Reads a reply: the responder's ID and the TED-PROXY payload with its proxy. */
export function readTedReply(message: IsakmpMessage): Decoded<TedReply> {
  const payloads = plainPayloads(message, 'reply');
  if (!payloads.ok) return payloads;
  const responder = addressOfId(payloads.value.find((payload): payload is IdPayload => payload.kind === 'id'), 'TED reply');
  if (!responder.ok) return responder;
  const raw = payloads.value.find((payload): payload is RawPayload => payload.kind === 'raw' && payload.type === TED_PROXY_PAYLOAD_TYPE);
  if (raw === undefined) return decodeFailure('bad-field', `TED reply without payload ${TED_PROXY_PAYLOAD_TYPE}`);
  const proxy = readTedProxyPayload(raw);
  if (!proxy.ok) return proxy;
  const vendorId = firstVendorId(payloads.value);
  return decodedOk({
    initiatorCookie: message.header.initiatorCookie,
    responderCookie: message.header.responderCookie,
    messageId: message.header.messageId,
    responderAddress: responder.value,
    proxy: proxy.value,
    ...(vendorId === undefined ? {} : { vendorId }),
  });
}
