import type { Ipv4Address } from './ipv4-address.ts';
import { writeUint16, writeUint32 } from './bytes.ts';

/**
 * The Internet checksum of RFC 1071: the 16-bit one's complement of the one's complement
 * sum of the data taken as big-endian 16-bit words (an odd last byte is padded with zero).
 */

/** The folded one's complement sum of `data`, continuing from `initial` (another such sum). */
export function onesComplementSum(data: Uint8Array, initial = 0): number {
  let sum = initial;
  const evenLength = data.length & ~1;
  for (let i = 0; i < evenLength; i += 2) sum += (data[i]! << 8) | data[i + 1]!;
  if (data.length !== evenLength) sum += data[evenLength]! << 8;
  // Deferred carries (RFC 1071 section 2): fold until the sum fits in 16 bits.
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return sum;
}

/** The checksum to store in a header whose checksum field is zero while summing. */
export function internetChecksum(data: Uint8Array, initialSum = 0): number {
  return ~onesComplementSum(data, initialSum) & 0xffff;
}

/** True when `data`, checksum field included, sums to all ones, i.e. the stored checksum is right. */
export function checksumVerifies(data: Uint8Array, initialSum = 0): boolean {
  return onesComplementSum(data, initialSum) === 0xffff;
}

/** The 12-byte IPv4 pseudo-header that UDP and TCP checksums cover (RFC 768, RFC 793). */
export function pseudoHeader(
  source: Ipv4Address,
  destination: Ipv4Address,
  protocol: number,
  length: number,
): Uint8Array {
  const header = new Uint8Array(12);
  writeUint32(header, 0, source);
  writeUint32(header, 4, destination);
  header[9] = protocol & 0xff;
  writeUint16(header, 10, length);
  return header;
}

/** The sum of the pseudo-header, to pass as `initialSum` when checksumming a transport segment. */
export function pseudoHeaderSum(
  source: Ipv4Address,
  destination: Ipv4Address,
  protocol: number,
  length: number,
): number {
  return onesComplementSum(pseudoHeader(source, destination, protocol, length));
}
