/**
 * The result of decoding bytes from the wire. Decoders never throw and never trust a
 * length field: anything that does not add up comes back as a typed error.
 */
export type WireErrorCode = 'truncated' | 'bad-length' | 'bad-checksum' | 'bad-version' | 'bad-field';

export interface WireError {
  code: WireErrorCode;
  message: string;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: WireError };

export function decodedOk<T>(value: T): Decoded<T> {
  return { ok: true, value };
}

export function decodeFailure<T = never>(code: WireErrorCode, message: string): Decoded<T> {
  return { ok: false, error: { code, message } };
}
