import { decodeFailure, decodedOk, type Decoded } from '../decoded.ts';
import { PayloadType } from './constants.ts';
import { chainProblem, joinChain, splitChain, type ChainItem } from './chain-framing.ts';
import { decodeSchemaBody, encodeSchemaBody, IsakmpEncodingError } from './field-codec.ts';
import { PAYLOAD_SCHEMAS, topLevelKindOfType } from './payload-schemas.ts';
import type { IdPayload, IsakmpPayload, NoncePayload, SaPayload } from './payload-types.ts';

/** A message's payloads, and what followed the last one. */
export interface DecodedPayloadChain {
  payloads: IsakmpPayload[];
  /**
   * Bytes after the payload whose next payload is 0. A decrypted body has them (RFC 2409
   * 5.3 pads to the cipher block, some peers ending the padding with its length); a
   * plaintext message must not.
   */
  trailingLength: number;
}

export interface EncodedPayloadChain {
  /** The type of the first payload, for the ISAKMP header (0 for no payloads). */
  firstPayload: number;
  bytes: Uint8Array;
}

/** The payload type number a payload is sent as. */
export function payloadTypeOf(payload: IsakmpPayload): number {
  return payload.kind === 'raw' ? payload.type : PAYLOAD_SCHEMAS[payload.kind].type;
}

function decodeItem(item: ChainItem, index: number): Decoded<IsakmpPayload> {
  const kind = topLevelKindOfType(item.type);
  if (kind === undefined) return decodedOk({ kind: 'raw', type: item.type, body: new Uint8Array(item.body) });
  const payload = decodeSchemaBody(kind, item.body);
  if (!payload.ok) return decodeFailure(payload.error.code, `payload ${index + 1}: ${payload.error.message}`);
  return payload as Decoded<IsakmpPayload>;
}

/**
 * Decodes a chain of payloads whose first one is of `firstType`: the body of a plaintext
 * message, or of an encrypted one once decrypted. Types without a schema (private use
 * included) come back as raw payloads.
 */
export function decodePayloadChain(firstType: number, bytes: Uint8Array): Decoded<DecodedPayloadChain> {
  const chain = splitChain(bytes, firstType);
  if (!chain.ok) return chain;
  const payloads: IsakmpPayload[] = [];
  for (const [index, item] of chain.value.items.entries()) {
    const payload = decodeItem(item, index);
    if (!payload.ok) return payload;
    payloads.push(payload.value);
  }
  return decodedOk({ payloads, trailingLength: chain.value.trailingLength });
}

/**
 * The body of a payload as sent, without its generic header: what RFC 2409's hashes take
 * (SAi_b, IDii_b, Ni_b). Decoding rejects every byte it would not re-encode identically
 * (non-zero reserved fields included), so for a received payload this is the received body.
 * Throws IsakmpEncodingError for values the wire format cannot carry.
 */
export function payloadBodyBytes(payload: IsakmpPayload): Uint8Array {
  return payload.kind === 'raw' ? payload.body : encodeSchemaBody(payload);
}

/** SAi_b of RFC 2409 5: the SA payload body, proposals and transforms included. */
export function saBodyBytes(sa: SaPayload): Uint8Array {
  return payloadBodyBytes(sa);
}

/** IDii_b / IDir_b of RFC 2409 5: ID type, protocol, port and identification data. */
export function idBodyBytes(id: IdPayload): Uint8Array {
  return payloadBodyBytes(id);
}

/** Ni_b / Nr_b of RFC 2409 5. */
export function nonceBodyBytes(nonce: NoncePayload): Uint8Array {
  return nonce.data;
}

function chainItems(payloads: readonly IsakmpPayload[]): ChainItem[] {
  const items = payloads.map((payload) => ({ type: payloadTypeOf(payload), body: payloadBodyBytes(payload) }));
  const problem = chainProblem(items);
  if (problem !== undefined) throw new IsakmpEncodingError(problem);
  return items;
}

/**
 * Encodes payloads as a chain, filling every next-payload and length field. Throws
 * IsakmpEncodingError (a RangeError) for values the wire format cannot carry; check with
 * `payloadChainEncodingProblem` first when the values come from outside.
 */
export function encodePayloadChain(payloads: readonly IsakmpPayload[]): EncodedPayloadChain {
  const items = chainItems(payloads);
  return { firstPayload: items[0]?.type ?? PayloadType.none, bytes: joinChain(items) };
}

/** Why payloads cannot be encoded, or undefined when they can. */
export function payloadChainEncodingProblem(payloads: readonly IsakmpPayload[]): string | undefined {
  try {
    chainItems(payloads);
    return undefined;
  } catch (error) {
    if (error instanceof IsakmpEncodingError) return error.message;
    throw error;
  }
}
