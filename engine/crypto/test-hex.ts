import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** Vectors are written as the documents print them: hex with blanks and line breaks. */
export function hex(text: string): Uint8Array {
  return hexToBytes(text.replace(/\s+/g, ''));
}

export function ascii(text: string): Uint8Array {
  return utf8ToBytes(text);
}

export function repeated(byte: number, count: number): Uint8Array {
  return new Uint8Array(count).fill(byte);
}

export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}
