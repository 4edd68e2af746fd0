import { parseHex } from './bytes.ts';

/** Test vectors are written as hex dumps; a typo in one must fail loudly, not decode as garbage. */
export function fromHex(text: string): Uint8Array {
  const bytes = parseHex(text);
  if (bytes === undefined) throw new Error(`not hex: ${text}`);
  return bytes;
}
