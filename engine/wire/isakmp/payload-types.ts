import type { DataAttribute } from './attributes.ts';

/**
 * Decoded ISAKMP payloads (RFC 2408 3.4-3.16, IPsec DOI layouts of RFC 2407 4.6, NAT
 * traversal of RFC 3947), without their generic headers: the chain codec derives next
 * payload and length. Size and count fields are derived from the data too, except a
 * Delete's SPI size, which must survive a Delete with no SPIs.
 */

export interface TransformPayload {
  kind: 'transform';
  transformNumber: number;
  transformId: number;
  attributes: DataAttribute[];
}

export interface ProposalPayload {
  kind: 'proposal';
  proposalNumber: number;
  protocolId: number;
  spi: Uint8Array;
  transforms: TransformPayload[];
}

export interface SaPayload {
  kind: 'sa';
  doi: number;
  /** The IPsec DOI's 32-bit situation bitmap. */
  situation: number;
  proposals: ProposalPayload[];
}

export interface KePayload {
  kind: 'ke';
  data: Uint8Array;
}

/** RFC 2407 4.6.2: the IPsec DOI's identification payload. */
export interface IdPayload {
  kind: 'id';
  idType: number;
  protocolId: number;
  port: number;
  data: Uint8Array;
}

export interface CertPayload {
  kind: 'cert';
  encoding: number;
  data: Uint8Array;
}

export interface CertRequestPayload {
  kind: 'cr';
  /** The certificate type asked for, from the certificate encoding table. */
  encoding: number;
  /** The certificate authority, possibly empty. */
  data: Uint8Array;
}

export interface HashPayload {
  kind: 'hash';
  data: Uint8Array;
}

export interface SigPayload {
  kind: 'sig';
  data: Uint8Array;
}

export interface NoncePayload {
  kind: 'nonce';
  data: Uint8Array;
}

export interface NotifyPayload {
  kind: 'notify';
  doi: number;
  protocolId: number;
  notifyType: number;
  spi: Uint8Array;
  data: Uint8Array;
}

export interface DeletePayload {
  kind: 'delete';
  doi: number;
  protocolId: number;
  spiSize: number;
  spis: Uint8Array[];
}

export interface VendorIdPayload {
  kind: 'vendor-id';
  data: Uint8Array;
}

/** RFC 3947 3.2: a hash of an address and port as the sender saw them. */
export interface NatDPayload {
  kind: 'nat-d';
  data: Uint8Array;
}

/** RFC 3947 5.1: the original address, as an ID type (ID_IPV4_ADDR) and its bytes. */
export interface NatOaPayload {
  kind: 'nat-oa';
  idType: number;
  data: Uint8Array;
}

/** A payload of a type with no schema here (private use 128-255 included), kept as bytes. */
export interface RawPayload {
  kind: 'raw';
  type: number;
  body: Uint8Array;
}

export type IsakmpPayload =
  | SaPayload
  | KePayload
  | IdPayload
  | CertPayload
  | CertRequestPayload
  | HashPayload
  | SigPayload
  | NoncePayload
  | NotifyPayload
  | DeletePayload
  | VendorIdPayload
  | NatDPayload
  | NatOaPayload
  | RawPayload;

/** Every payload the schemas describe, nested ones included. */
export type SchemaPayload = Exclude<IsakmpPayload, RawPayload> | ProposalPayload | TransformPayload;
export type SchemaPayloadKind = SchemaPayload['kind'];
export type PayloadOfKind<K extends IsakmpPayload['kind']> = Extract<IsakmpPayload, { kind: K }>;

/** The payloads of one kind, in message order. */
export function payloadsOfKind<K extends IsakmpPayload['kind']>(payloads: readonly IsakmpPayload[], kind: K): PayloadOfKind<K>[] {
  return payloads.filter((payload): payload is PayloadOfKind<K> => payload.kind === kind);
}

/** The first payload of one kind, if any. */
export function firstPayloadOfKind<K extends IsakmpPayload['kind']>(
  payloads: readonly IsakmpPayload[],
  kind: K,
): PayloadOfKind<K> | undefined {
  return payloadsOfKind(payloads, kind)[0];
}
