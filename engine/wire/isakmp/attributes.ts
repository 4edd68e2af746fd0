import { readUint16, writeUint16 } from '../bytes.ts';
import { decodeFailure, decodedOk, type Decoded } from '../decoded.ts';

/**
 * A data attribute (RFC 2408 3.3). The form that arrived is kept so that re-encoding gives
 * the same bytes: peers differ in which form they use for the same value (IOS sends a
 * phase-1 life of 86400 seconds as a 4-byte variable attribute, for instance).
 */
export type DataAttribute =
  /** AF = 1: Type/Value, the value is two bytes. */
  | { type: number; form: 'tv'; value: number }
  /** AF = 0: Type/Length/Value. */
  | { type: number; form: 'tlv'; value: Uint8Array };

const ATTRIBUTE_FORMAT_BIT = 0x8000;
const ATTRIBUTE_TYPE_MASK = 0x7fff;
const ATTRIBUTE_HEADER_LENGTH = 4;
const MAX_TV_VALUE = 0xffff;
/** Numbers above 2^48 lose precision as JavaScript numbers. */
const MAX_NUMERIC_VALUE_BYTES = 6;
const MIN_VARIABLE_NUMBER_BYTES = 4;

export function tvAttribute(type: number, value: number): DataAttribute {
  return { type, form: 'tv', value };
}

export function tlvAttribute(type: number, value: Uint8Array): DataAttribute {
  return { type, form: 'tlv', value };
}

/**
 * A numeric attribute in the short form when the value fits two bytes, else in the
 * variable form (RFC 2409 appendix A: life durations may exceed 16 bits) of at least four
 * bytes, the width IOS uses for lifetimes.
 */
export function numericAttribute(type: number, value: number): DataAttribute {
  if (value <= MAX_TV_VALUE) return tvAttribute(type, value);
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  while (bytes.length < MIN_VARIABLE_NUMBER_BYTES) bytes.unshift(0);
  return tlvAttribute(type, Uint8Array.from(bytes));
}

/** The value as a number, in either form; undefined for an empty or too long variable value. */
export function attributeNumber(attribute: DataAttribute): number | undefined {
  if (attribute.form === 'tv') return attribute.value;
  if (attribute.value.length === 0 || attribute.value.length > MAX_NUMERIC_VALUE_BYTES) return undefined;
  return attribute.value.reduce((sum, byte) => sum * 256 + byte, 0);
}

/** The first attribute of a type, if any. */
export function findAttribute(attributes: readonly DataAttribute[], type: number): DataAttribute | undefined {
  return attributes.find((attribute) => attribute.type === type);
}

/** Why an attribute cannot be encoded, or undefined when it can. */
export function attributeProblem(attribute: DataAttribute): string | undefined {
  if (attribute.type < 0 || attribute.type > ATTRIBUTE_TYPE_MASK) return `attribute type ${attribute.type} needs more than 15 bits`;
  if (attribute.form === 'tv' && (attribute.value < 0 || attribute.value > MAX_TV_VALUE)) {
    return `attribute ${attribute.type} value ${attribute.value} does not fit the two-byte form`;
  }
  if (attribute.form === 'tlv' && attribute.value.length > MAX_TV_VALUE) {
    return `attribute ${attribute.type} value of ${attribute.value.length} bytes is too long`;
  }
  return undefined;
}

export function encodedAttributeLength(attribute: DataAttribute): number {
  return ATTRIBUTE_HEADER_LENGTH + (attribute.form === 'tlv' ? attribute.value.length : 0);
}

/** Writes one attribute at `offset`; returns the offset after it. Precondition: no attributeProblem. */
export function writeAttribute(out: Uint8Array, offset: number, attribute: DataAttribute): number {
  if (attribute.form === 'tv') {
    writeUint16(out, offset, ATTRIBUTE_FORMAT_BIT | attribute.type);
    writeUint16(out, offset + 2, attribute.value);
    return offset + ATTRIBUTE_HEADER_LENGTH;
  }
  writeUint16(out, offset, attribute.type);
  writeUint16(out, offset + 2, attribute.value.length);
  out.set(attribute.value, offset + ATTRIBUTE_HEADER_LENGTH);
  return offset + ATTRIBUTE_HEADER_LENGTH + attribute.value.length;
}

export function encodeAttributes(attributes: readonly DataAttribute[]): Uint8Array {
  const out = new Uint8Array(attributes.reduce((sum, attribute) => sum + encodedAttributeLength(attribute), 0));
  let offset = 0;
  for (const attribute of attributes) offset = writeAttribute(out, offset, attribute);
  return out;
}

/** Decodes attributes filling `bytes` exactly; a variable value must end within them. */
export function decodeAttributes(bytes: Uint8Array): Decoded<DataAttribute[]> {
  const attributes: DataAttribute[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (bytes.length - offset < ATTRIBUTE_HEADER_LENGTH) {
      return decodeFailure('bad-length', `${bytes.length - offset} bytes left where a data attribute needs 4`);
    }
    const typeField = readUint16(bytes, offset);
    const type = typeField & ATTRIBUTE_TYPE_MASK;
    const second = readUint16(bytes, offset + 2);
    if ((typeField & ATTRIBUTE_FORMAT_BIT) !== 0) {
      attributes.push(tvAttribute(type, second));
      offset += ATTRIBUTE_HEADER_LENGTH;
      continue;
    }
    const end = offset + ATTRIBUTE_HEADER_LENGTH + second;
    if (end > bytes.length) {
      return decodeFailure('bad-length', `attribute ${type} claims ${second} value bytes, ${bytes.length - offset - 4} remain`);
    }
    attributes.push(tlvAttribute(type, new Uint8Array(bytes.subarray(offset + ATTRIBUTE_HEADER_LENGTH, end))));
    offset = end;
  }
  return decodedOk(attributes);
}
