import { concatBytes } from '../bytes.ts';
import { decodeFailure, decodedOk, type Decoded, type WireError } from '../decoded.ts';
import { attributeProblem, decodeAttributes, encodeAttributes, type DataAttribute } from './attributes.ts';
import { chainProblem, joinChain, splitChain } from './chain-framing.ts';
import { schemaOf, type AnyFieldSpec } from './payload-schemas.ts';
import type { SchemaPayload, SchemaPayloadKind } from './payload-types.ts';

/**
 * The one generic codec for payload bodies: it walks a schema's fields in order. Sizes and
 * counts are kept aside while decoding (the fields they describe come later) and computed
 * from the data while encoding.
 */

/** Thrown only inside the encoders, for values the wire format cannot carry. */
export class IsakmpEncodingError extends RangeError {}

interface ReadState {
  kind: SchemaPayloadKind;
  body: Uint8Array;
  offset: number;
  value: Record<string, unknown>;
  /** Sizes and counts read so far, by the name of the field they describe. */
  announced: Map<string, number>;
}

interface WriteState {
  kind: SchemaPayloadKind;
  value: Record<string, unknown>;
  parts: Uint8Array[];
}

type FieldCodec<F extends AnyFieldSpec> = {
  read(field: F, state: ReadState): WireError | undefined;
  write(field: F, state: WriteState): void;
};
type FieldCodecTable = { [K in AnyFieldSpec['kind']]: FieldCodec<Extract<AnyFieldSpec, { kind: K }>> };

const WIDTH_LIMITS: Record<number, number> = { 1: 0xff, 2: 0xffff, 4: 0xffffffff };

function fail(code: WireError['code'], message: string): WireError {
  return { code, message };
}

/** Why `count` bytes cannot be read at the cursor, when the body is too short for them. */
function shortOf(state: ReadState, count: number, what: string): WireError | undefined {
  const left = state.body.length - state.offset;
  return count > left ? fail('bad-length', `${state.kind} payload: ${what} needs ${count} bytes, ${left} remain`) : undefined;
}

/**
 * Takes a copy of `count` bytes at the cursor, or explains why the body is too short.
 * Copies are plain Uint8Arrays even when the input is a Node Buffer, so decoded values
 * compare equal to constructed ones.
 */
function take(state: ReadState, count: number, what: string): Uint8Array | WireError {
  const short = shortOf(state, count, what);
  if (short !== undefined) return short;
  const bytes = new Uint8Array(state.body.subarray(state.offset, state.offset + count));
  state.offset += count;
  return bytes;
}

/**
 * Reads a `width`-byte big-endian number at the cursor without copying it (every payload has
 * several), or explains why the body is too short.
 */
function takeNumber(state: ReadState, width: number, what: string): number | WireError {
  const short = shortOf(state, width, what);
  if (short !== undefined) return short;
  let value = 0;
  for (let i = 0; i < width; i++) value = value * 256 + state.body[state.offset + i]!;
  state.offset += width;
  return value;
}

function numberBytes(value: number, width: number): Uint8Array {
  const out = new Uint8Array(width);
  let rest = Math.floor(value) % (WIDTH_LIMITS[width]! + 1);
  if (rest < 0) rest += WIDTH_LIMITS[width]! + 1;
  for (let i = width - 1; i >= 0; i--, rest = Math.floor(rest / 256)) out[i] = rest % 256;
  return out;
}

function checkedCount(state: WriteState, of: string, width: number): number {
  const count = (state.value[of] as readonly unknown[] | Uint8Array).length;
  if (count > WIDTH_LIMITS[width]!) throw new IsakmpEncodingError(`${state.kind} payload: ${count} entries in ${of}`);
  return count;
}

const FIELD_CODECS: FieldCodecTable = {
  uint: {
    read(field, state) {
      const value = takeNumber(state, field.width, field.name);
      if (typeof value !== 'number') return value;
      state.value[field.name] = value;
      return undefined;
    },
    write(field, state) {
      state.parts.push(numberBytes(state.value[field.name] as number, field.width));
    },
  },
  reserved: {
    read(field, state) {
      const value = takeNumber(state, field.width, 'reserved field');
      if (typeof value !== 'number') return value;
      if (value !== 0) return fail('bad-field', `${state.kind} payload: reserved field is not zero`);
      return undefined;
    },
    write(field, state) {
      state.parts.push(new Uint8Array(field.width));
    },
  },
  'size-of': {
    read(field, state) {
      const size = takeNumber(state, 1, `size of ${field.of}`);
      if (typeof size !== 'number') return size;
      state.announced.set(field.of, size);
      return undefined;
    },
    write(field, state) {
      state.parts.push(Uint8Array.of(checkedCount(state, field.of, 1)));
    },
  },
  'count-of': {
    read(field, state) {
      const count = takeNumber(state, field.width, `number of ${field.of}`);
      if (typeof count !== 'number') return count;
      state.announced.set(field.of, count);
      return undefined;
    },
    write(field, state) {
      state.parts.push(numberBytes(checkedCount(state, field.of, field.width), field.width));
    },
  },
  'sized-bytes': {
    read(field, state) {
      const bytes = take(state, state.announced.get(field.name) ?? 0, field.name);
      if (!(bytes instanceof Uint8Array)) return bytes;
      state.value[field.name] = bytes;
      return undefined;
    },
    write(field, state) {
      state.parts.push(state.value[field.name] as Uint8Array);
    },
  },
  'rest-bytes': {
    read(field, state) {
      state.value[field.name] = new Uint8Array(state.body.subarray(state.offset));
      state.offset = state.body.length;
      return undefined;
    },
    write(field, state) {
      state.parts.push(state.value[field.name] as Uint8Array);
    },
  },
  'fixed-size-list': {
    read(field, state) {
      const size = state.value[field.sizeFrom] as number;
      const entries: Uint8Array[] = [];
      for (let i = 0; i < (state.announced.get(field.name) ?? 0); i++) {
        const bytes = take(state, size, `${field.name}[${i}]`);
        if (!(bytes instanceof Uint8Array)) return bytes;
        entries.push(bytes);
      }
      state.value[field.name] = entries;
      return undefined;
    },
    write(field, state) {
      const size = state.value[field.sizeFrom] as number;
      const entries = state.value[field.name] as Uint8Array[];
      const wrong = entries.find((entry) => entry.length !== size);
      if (wrong !== undefined) {
        throw new IsakmpEncodingError(`${state.kind} payload: a ${wrong.length}-byte entry in ${field.name}, ${field.sizeFrom} is ${size}`);
      }
      state.parts.push(...entries);
    },
  },
  attributes: {
    read(field, state) {
      const attributes = decodeAttributes(state.body.subarray(state.offset));
      if (!attributes.ok) return fail(attributes.error.code, `${state.kind} payload: ${attributes.error.message}`);
      state.value[field.name] = attributes.value;
      state.offset = state.body.length;
      return undefined;
    },
    write(field, state) {
      const attributes = state.value[field.name] as DataAttribute[];
      const problem = attributes.map(attributeProblem).find((text) => text !== undefined);
      if (problem !== undefined) throw new IsakmpEncodingError(`${state.kind} payload: ${problem}`);
      state.parts.push(encodeAttributes(attributes));
    },
  },
  children: {
    read(field, state) {
      const children = decodeChildren(field.member, state.body.subarray(state.offset), state.kind);
      if (!children.ok) return children.error;
      const announced = state.announced.get(field.name);
      if (announced !== undefined && announced !== children.value.length) {
        return fail('bad-field', `${state.kind} payload announces ${announced} ${field.name}, carries ${children.value.length}`);
      }
      state.value[field.name] = children.value;
      state.offset = state.body.length;
      return undefined;
    },
    write(field, state) {
      const type = schemaOf(field.member).type;
      const items = (state.value[field.name] as SchemaPayload[]).map((child) => ({ type, body: encodeSchemaBody(child) }));
      const problem = chainProblem(items);
      if (problem !== undefined) throw new IsakmpEncodingError(`${state.kind} payload: ${problem}`);
      state.parts.push(joinChain(items));
    },
  },
};

/** Decodes nested payloads that must all be `member`s and fill the parent's body exactly. */
function decodeChildren(member: 'proposal' | 'transform', bytes: Uint8Array, parent: string): Decoded<SchemaPayload[]> {
  const type = schemaOf(member).type;
  const chain = splitChain(bytes, bytes.length === 0 ? 0 : type);
  if (!chain.ok) return decodeFailure(chain.error.code, `${parent} payload: ${chain.error.message}`);
  if (chain.value.trailingLength !== 0) {
    return decodeFailure('bad-length', `${parent} payload: ${chain.value.trailingLength} bytes follow its last ${member}`);
  }
  const children: SchemaPayload[] = [];
  for (const item of chain.value.items) {
    if (item.type !== type) return decodeFailure('bad-field', `${parent} payload: payload type ${item.type} among its ${member}s`);
    const child = decodeSchemaBody(member, item.body);
    if (!child.ok) return child;
    children.push(child.value);
  }
  return decodedOk(children);
}

/** Decodes a payload body (generic header removed) of a schema kind; it must be used up exactly. */
export function decodeSchemaBody(kind: SchemaPayloadKind, body: Uint8Array): Decoded<SchemaPayload> {
  const state: ReadState = { kind, body, offset: 0, value: { kind }, announced: new Map() };
  for (const field of schemaOf(kind).fields) {
    const codec = FIELD_CODECS[field.kind] as FieldCodec<AnyFieldSpec>;
    const error = codec.read(field, state);
    if (error !== undefined) return { ok: false, error };
  }
  if (state.offset !== body.length) {
    return decodeFailure('bad-length', `${kind} payload: ${body.length - state.offset} bytes follow its last field`);
  }
  return decodedOk(state.value as unknown as SchemaPayload);
}

/** Encodes a payload body without its generic header. Throws IsakmpEncodingError for unencodable values. */
export function encodeSchemaBody(payload: SchemaPayload): Uint8Array {
  const state: WriteState = { kind: payload.kind, value: payload as unknown as Record<string, unknown>, parts: [] };
  for (const field of schemaOf(payload.kind).fields) {
    (FIELD_CODECS[field.kind] as FieldCodec<AnyFieldSpec>).write(field, state);
  }
  return concatBytes(...state.parts);
}
