import { decodeFailure, decodedOk, type Decoded } from '../decoded.ts';
import { ISAKMP_HEADER_LENGTH, ISAKMP_VERSION, IsakmpFlag } from './constants.ts';
import { IsakmpEncodingError } from './field-codec.ts';
import { decodeIsakmpHeader, isakmpHeaderProblem, writeIsakmpHeader, type IsakmpHeader } from './header.ts';
import { decodePayloadChain, encodePayloadChain } from './payload-chain.ts';
import type { IsakmpPayload } from './payload-types.ts';

/**
 * A whole ISAKMP message. With the E flag the payloads are encrypted (RFC 2408 3.1): the
 * body stays opaque here, the IKE layer decrypts it and hands the plaintext to
 * `decodePayloadChain(firstPayload, plaintext)`.
 */
export type IsakmpBody =
  | { encrypted: false; payloads: IsakmpPayload[] }
  | { encrypted: true; firstPayload: number; encryptedBody: Uint8Array };

export interface IsakmpMessage {
  header: IsakmpHeader;
  body: IsakmpBody;
}

function bodyOf(encrypted: boolean, firstPayload: number, bytes: Uint8Array): Decoded<IsakmpBody> {
  if (encrypted) return decodedOk({ encrypted: true, firstPayload, encryptedBody: new Uint8Array(bytes) });
  const chain = decodePayloadChain(firstPayload, bytes);
  if (!chain.ok) return chain;
  if (chain.value.trailingLength !== 0) {
    return decodeFailure('bad-length', `${chain.value.trailingLength} bytes follow the last payload of a plaintext message`);
  }
  return decodedOk({ encrypted: false, payloads: chain.value.payloads });
}

/**
 * Decodes a message: the header (major version 1, length within the buffer; bytes after
 * that length are ignored, as with IP) and, unless encrypted, the payload chain, which
 * must end exactly at the message length.
 */
export function decodeIsakmp(bytes: Uint8Array): Decoded<IsakmpMessage> {
  const received = decodeIsakmpHeader(bytes);
  if (!received.ok) return received;
  const { nextPayload, length, ...header } = received.value;
  if (header.majorVersion !== ISAKMP_VERSION.major) {
    return decodeFailure('bad-version', `ISAKMP major version ${header.majorVersion}, expected ${ISAKMP_VERSION.major}`);
  }
  const encrypted = (header.flags & IsakmpFlag.encryption) !== 0;
  const body = bodyOf(encrypted, nextPayload, bytes.subarray(ISAKMP_HEADER_LENGTH, length));
  if (!body.ok) return body;
  return decodedOk({ header, body: body.value });
}

/**
 * Encodes a message, computing the first-payload type, every payload length and the
 * message length; the E flag follows the body. Throws IsakmpEncodingError (a RangeError)
 * for values the wire format cannot carry: check with `isakmpEncodingProblem` first when
 * the values come from outside.
 */
export function encodeIsakmp(message: IsakmpMessage): Uint8Array {
  const problem = isakmpHeaderProblem(message.header);
  if (problem !== undefined) throw new IsakmpEncodingError(problem);
  const { body } = message;
  const chain = body.encrypted
    ? { firstPayload: body.firstPayload, bytes: body.encryptedBody }
    : encodePayloadChain(body.payloads);
  const flags = body.encrypted ? message.header.flags | IsakmpFlag.encryption : message.header.flags & ~IsakmpFlag.encryption;
  const out = new Uint8Array(ISAKMP_HEADER_LENGTH + chain.bytes.length);
  writeIsakmpHeader(out, message.header, chain.firstPayload, flags);
  out.set(chain.bytes, ISAKMP_HEADER_LENGTH);
  return out;
}

/** Why a message cannot be encoded, or undefined when it can. */
export function isakmpEncodingProblem(message: IsakmpMessage): string | undefined {
  try {
    encodeIsakmp(message);
    return undefined;
  } catch (error) {
    if (error instanceof IsakmpEncodingError) return error.message;
    throw error;
  }
}
