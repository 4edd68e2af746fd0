/**
 * Typed failures of the crypto layer. Anything that can come from the wire or from a
 * configuration (an unknown algorithm number, a peer's bad public value) is reported
 * this way; only misuse by the calling code (wrong key size, unpadded data) throws.
 */
export type CryptoErrorCode =
  | 'unknown-algorithm'
  | 'bad-key-length'
  | 'invalid-public-value'
  | 'invalid-private-key';

export interface CryptoError {
  code: CryptoErrorCode;
  message: string;
}

export type CryptoResult<T> = { ok: true; value: T } | { ok: false; error: CryptoError };

export function cryptoOk<T>(value: T): CryptoResult<T> {
  return { ok: true, value };
}

export function cryptoFailure<T = never>(code: CryptoErrorCode, message: string): CryptoResult<T> {
  return { ok: false, error: { code, message } };
}
