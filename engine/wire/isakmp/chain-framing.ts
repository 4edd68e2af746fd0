import { readUint16, writeUint16 } from '../bytes.ts';
import { decodeFailure, decodedOk, type Decoded } from '../decoded.ts';
import { GENERIC_PAYLOAD_HEADER_LENGTH, PayloadType } from './constants.ts';

/**
 * The generic payload header (RFC 2408 3.2) and the chains it forms: each payload names the
 * type of the one after it, the first one's type comes from its parent (the ISAKMP header,
 * or implicitly Proposal/Transform inside an SA/Proposal), and 0 ends the chain.
 */

export interface ChainItem {
  type: number;
  /** The payload without its generic header. */
  body: Uint8Array;
}

export interface SplitChain {
  items: ChainItem[];
  /** Bytes after the payload whose next payload is 0 (the padding of a decrypted body). */
  trailingLength: number;
}

const MAX_PAYLOAD_LENGTH = 0xffff;

/** Reads one generic header at `offset` and checks it against the bytes left. */
function readGenericHeader(bytes: Uint8Array, offset: number, type: number): Decoded<{ next: number; length: number }> {
  const left = bytes.length - offset;
  if (left < GENERIC_PAYLOAD_HEADER_LENGTH) {
    return decodeFailure('bad-length', `payload type ${type} announced but only ${left} bytes remain`);
  }
  if (bytes[offset + 1] !== 0) {
    return decodeFailure('bad-field', `payload type ${type}: reserved byte is ${bytes[offset + 1]}, not 0`);
  }
  const length = readUint16(bytes, offset + 2);
  if (length < GENERIC_PAYLOAD_HEADER_LENGTH) {
    return decodeFailure('bad-length', `payload type ${type}: length ${length} is shorter than its header`);
  }
  if (length > left) {
    return decodeFailure('bad-length', `payload type ${type}: length ${length} runs past the ${left} bytes left`);
  }
  return decodedOk({ next: bytes[offset]!, length });
}

/**
 * Splits a chain starting with a payload of `firstType` (0: an empty chain). Every
 * length is checked against the bytes left; what follows the last payload is reported,
 * not judged (callers decide whether padding is allowed).
 */
export function splitChain(bytes: Uint8Array, firstType: number): Decoded<SplitChain> {
  const items: ChainItem[] = [];
  let offset = 0;
  let type = firstType;
  while (type !== PayloadType.none) {
    const header = readGenericHeader(bytes, offset, type);
    if (!header.ok) return header;
    items.push({ type, body: bytes.subarray(offset + GENERIC_PAYLOAD_HEADER_LENGTH, offset + header.value.length) });
    offset += header.value.length;
    type = header.value.next;
  }
  return decodedOk({ items, trailingLength: bytes.length - offset });
}

/** Why items cannot form a chain, or undefined when they can. */
export function chainProblem(items: readonly ChainItem[]): string | undefined {
  for (const item of items) {
    if (item.type <= PayloadType.none || item.type > 0xff) return `payload type ${item.type} cannot be sent in a chain`;
    if (item.body.length + GENERIC_PAYLOAD_HEADER_LENGTH > MAX_PAYLOAD_LENGTH) {
      return `payload type ${item.type} of ${item.body.length} bytes exceeds the 16-bit length`;
    }
  }
  return undefined;
}

/** Joins bodies into a chain, filling each next-payload and length field. Precondition: no chainProblem. */
export function joinChain(items: readonly ChainItem[]): Uint8Array {
  const out = new Uint8Array(items.reduce((sum, item) => sum + GENERIC_PAYLOAD_HEADER_LENGTH + item.body.length, 0));
  let offset = 0;
  items.forEach((item, i) => {
    out[offset] = items[i + 1]?.type ?? PayloadType.none;
    writeUint16(out, offset + 2, GENERIC_PAYLOAD_HEADER_LENGTH + item.body.length);
    out.set(item.body, offset + GENERIC_PAYLOAD_HEADER_LENGTH);
    offset += GENERIC_PAYLOAD_HEADER_LENGTH + item.body.length;
  });
  return out;
}
