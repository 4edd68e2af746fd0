/** IPv4 addresses as unsigned 32-bit numbers, and the mask arithmetic IOS configs need. */

export type Ipv4Address = number;

const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses dotted-quad text; undefined for anything IOS would not take as an address. */
export function parseIpv4(text: string): Ipv4Address | undefined {
  const m = DOTTED_QUAD.exec(text);
  if (!m) return undefined;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value >>> 0;
}

export function formatIpv4(address: Ipv4Address): string {
  return [24, 16, 8, 0].map((shift) => (address >>> shift) & 0xff).join('.');
}

export function maskFromPrefixLength(length: number): Ipv4Address {
  if (!Number.isInteger(length) || length < 0 || length > 32) throw new RangeError(`bad prefix length ${length}`);
  return length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
}

/** The prefix length of a contiguous mask, or undefined when the mask has holes. */
export function prefixLengthOfMask(mask: Ipv4Address): number | undefined {
  const inverted = ~mask >>> 0;
  if ((inverted & (inverted + 1)) !== 0) return undefined;
  return Math.clz32(inverted);
}

export function networkOf(address: Ipv4Address, mask: Ipv4Address): Ipv4Address {
  return (address & mask) >>> 0;
}

export function inSubnet(address: Ipv4Address, network: Ipv4Address, mask: Ipv4Address): boolean {
  return ((address & mask) >>> 0) === ((network & mask) >>> 0);
}

/** ACL matching: bits set in the wildcard are "don't care". */
export function matchesWildcard(address: Ipv4Address, base: Ipv4Address, wildcard: Ipv4Address): boolean {
  const care = ~wildcard >>> 0;
  return ((address & care) >>> 0) === ((base & care) >>> 0);
}

/** The classful (A/B/C) natural mask, used by `show ip route` grouping and `no ip classless`. */
export function classfulMask(address: Ipv4Address): Ipv4Address {
  const first = address >>> 24;
  if (first < 128) return 0xff000000;
  if (first < 192) return 0xffff0000;
  return 0xffffff00;
}
