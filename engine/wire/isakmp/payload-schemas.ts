import type { DataAttribute } from './attributes.ts';
import { PayloadType } from './constants.ts';
import type { SchemaPayload, SchemaPayloadKind } from './payload-types.ts';

/**
 * Every payload body as a declared list of fields, in wire order. One generic codec
 * (field-codec.ts) reads and writes them all; adding a payload type is adding a row here.
 */

type KeysOfType<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T] & string;

export type FieldSpec<T> =
  /** A big-endian unsigned number. */
  | { kind: 'uint'; name: KeysOfType<T, number>; width: 1 | 2 | 4 }
  /** Must be zero (RFC 2408 5.3 discards a message otherwise); written as zero. */
  | { kind: 'reserved'; width: number }
  /** One byte giving the length of a later `sized-bytes` field (the SPI size). */
  | { kind: 'size-of'; of: KeysOfType<T, Uint8Array> }
  /** The number of entries of a later list field (transforms, SPIs). */
  | { kind: 'count-of'; of: KeysOfType<T, readonly unknown[]>; width: 1 | 2 }
  /** Bytes whose length an earlier `size-of` field gives. */
  | { kind: 'sized-bytes'; name: KeysOfType<T, Uint8Array> }
  /** Opaque bytes to the end of the body. */
  | { kind: 'rest-bytes'; name: KeysOfType<T, Uint8Array> }
  /** `count-of` entries of `sizeFrom` bytes each (a Delete's SPIs). */
  | { kind: 'fixed-size-list'; name: KeysOfType<T, Uint8Array[]>; sizeFrom: KeysOfType<T, number> }
  /** Data attributes to the end of the body. */
  | { kind: 'attributes'; name: KeysOfType<T, DataAttribute[]> }
  /** Nested payloads with their own generic headers, to the end of the body. */
  | { kind: 'children'; name: KeysOfType<T, readonly SchemaPayload[]>; member: 'proposal' | 'transform' };

export interface PayloadSchema<T> {
  type: number;
  fields: readonly FieldSpec<T>[];
}

/** A schema seen by the generic codec, which handles values as records. */
export type AnyFieldSpec =
  | { kind: 'uint'; name: string; width: 1 | 2 | 4 }
  | { kind: 'reserved'; width: number }
  | { kind: 'size-of'; of: string }
  | { kind: 'count-of'; of: string; width: 1 | 2 }
  | { kind: 'sized-bytes'; name: string }
  | { kind: 'rest-bytes'; name: string }
  | { kind: 'fixed-size-list'; name: string; sizeFrom: string }
  | { kind: 'attributes'; name: string }
  | { kind: 'children'; name: string; member: 'proposal' | 'transform' };
export interface AnyPayloadSchema {
  type: number;
  fields: readonly AnyFieldSpec[];
}

type SchemaTable = { [K in SchemaPayloadKind]: PayloadSchema<Extract<SchemaPayload, { kind: K }>> };

const opaque = <T>(type: number, name: KeysOfType<T, Uint8Array>): PayloadSchema<T> => ({
  type,
  fields: [{ kind: 'rest-bytes', name }],
});

export const PAYLOAD_SCHEMAS: SchemaTable = {
  sa: {
    type: PayloadType.sa,
    fields: [
      { kind: 'uint', name: 'doi', width: 4 },
      { kind: 'uint', name: 'situation', width: 4 },
      { kind: 'children', name: 'proposals', member: 'proposal' },
    ],
  },
  proposal: {
    type: PayloadType.proposal,
    fields: [
      { kind: 'uint', name: 'proposalNumber', width: 1 },
      { kind: 'uint', name: 'protocolId', width: 1 },
      { kind: 'size-of', of: 'spi' },
      { kind: 'count-of', of: 'transforms', width: 1 },
      { kind: 'sized-bytes', name: 'spi' },
      { kind: 'children', name: 'transforms', member: 'transform' },
    ],
  },
  transform: {
    type: PayloadType.transform,
    fields: [
      { kind: 'uint', name: 'transformNumber', width: 1 },
      { kind: 'uint', name: 'transformId', width: 1 },
      { kind: 'reserved', width: 2 },
      { kind: 'attributes', name: 'attributes' },
    ],
  },
  ke: opaque(PayloadType.ke, 'data'),
  id: {
    type: PayloadType.id,
    fields: [
      { kind: 'uint', name: 'idType', width: 1 },
      { kind: 'uint', name: 'protocolId', width: 1 },
      { kind: 'uint', name: 'port', width: 2 },
      { kind: 'rest-bytes', name: 'data' },
    ],
  },
  cert: {
    type: PayloadType.cert,
    fields: [
      { kind: 'uint', name: 'encoding', width: 1 },
      { kind: 'rest-bytes', name: 'data' },
    ],
  },
  cr: {
    type: PayloadType.cr,
    fields: [
      { kind: 'uint', name: 'encoding', width: 1 },
      { kind: 'rest-bytes', name: 'data' },
    ],
  },
  hash: opaque(PayloadType.hash, 'data'),
  sig: opaque(PayloadType.sig, 'data'),
  nonce: opaque(PayloadType.nonce, 'data'),
  notify: {
    type: PayloadType.notify,
    fields: [
      { kind: 'uint', name: 'doi', width: 4 },
      { kind: 'uint', name: 'protocolId', width: 1 },
      { kind: 'size-of', of: 'spi' },
      { kind: 'uint', name: 'notifyType', width: 2 },
      { kind: 'sized-bytes', name: 'spi' },
      { kind: 'rest-bytes', name: 'data' },
    ],
  },
  delete: {
    type: PayloadType.delete,
    fields: [
      { kind: 'uint', name: 'doi', width: 4 },
      { kind: 'uint', name: 'protocolId', width: 1 },
      { kind: 'uint', name: 'spiSize', width: 1 },
      { kind: 'count-of', of: 'spis', width: 2 },
      { kind: 'fixed-size-list', name: 'spis', sizeFrom: 'spiSize' },
    ],
  },
  'vendor-id': opaque(PayloadType.vendorId, 'data'),
  'nat-d': opaque(PayloadType.natD, 'data'),
  'nat-oa': {
    type: PayloadType.natOa,
    fields: [
      { kind: 'uint', name: 'idType', width: 1 },
      { kind: 'reserved', width: 3 },
      { kind: 'rest-bytes', name: 'data' },
    ],
  },
};

/** The payload kinds that may appear in a message's own chain (not nested in an SA). */
const TOP_LEVEL_KINDS = (Object.keys(PAYLOAD_SCHEMAS) as SchemaPayloadKind[]).filter(
  (kind) => kind !== 'proposal' && kind !== 'transform',
);

export type TopLevelKind = Exclude<SchemaPayloadKind, 'proposal' | 'transform'>;

/** The kind a top-level payload type decodes as, or undefined (kept raw). */
export function topLevelKindOfType(type: number): TopLevelKind | undefined {
  return TOP_LEVEL_KINDS.find((kind) => PAYLOAD_SCHEMAS[kind].type === type) as TopLevelKind | undefined;
}

export function schemaOf(kind: SchemaPayloadKind): AnyPayloadSchema {
  const schema: AnyPayloadSchema = PAYLOAD_SCHEMAS[kind];
  return schema;
}
