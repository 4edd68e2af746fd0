/**
 * 48-bit IEEE MAC addresses as plain numbers (exact up to 2^53), so they compare with `===`
 * and key maps; text in IOS's dotted form (`0003.6b8f.1a20`) or the colon form tools print.
 */

export type MacAddress = number;

export const MAC_ADDRESS_LENGTH = 6;
export const BROADCAST_MAC: MacAddress = 0xffff_ffff_ffff;
/** The all-zero address an ARP request carries as the target hardware address it does not know. */
export const ZERO_MAC: MacAddress = 0;

const TWO_TO_THE_40 = 2 ** 40;

export function readMac(bytes: Uint8Array, offset: number): MacAddress {
  let value = 0;
  for (let i = 0; i < MAC_ADDRESS_LENGTH; i++) value = value * 256 + bytes[offset + i]!;
  return value;
}

export function writeMac(bytes: Uint8Array, offset: number, mac: MacAddress): void {
  let rest = mac;
  for (let i = MAC_ADDRESS_LENGTH - 1; i >= 0; i--) {
    bytes[offset + i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
}

/** Group addresses (broadcast included) have the least significant bit of the first octet set. */
export function isGroupMac(mac: MacAddress): boolean {
  return Math.floor(mac / TWO_TO_THE_40) % 2 === 1;
}

function hex12(mac: MacAddress): string {
  return mac.toString(16).padStart(12, '0');
}

/** IOS's form: three groups of four hex digits, `0003.6b8f.1a20`. */
export function formatMacIos(mac: MacAddress): string {
  const hex = hex12(mac);
  return `${hex.slice(0, 4)}.${hex.slice(4, 8)}.${hex.slice(8)}`;
}

/** The form tshark and most tools print: `00:03:6b:8f:1a:20`. */
export function formatMacColons(mac: MacAddress): string {
  return hex12(mac).match(/../g)!.join(':');
}

/** Either form above (or `-` separators); undefined for anything else. */
export function parseMac(text: string): MacAddress | undefined {
  const dotted = /^([0-9a-f]{4})\.([0-9a-f]{4})\.([0-9a-f]{4})$/i.exec(text);
  const octets = /^([0-9a-f]{2})([:-])([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})$/i.exec(text);
  if (dotted) return Number.parseInt(dotted.slice(1).join(''), 16);
  if (octets) return Number.parseInt([1, 3, 4, 5, 6, 7].map((group) => octets[group]).join(''), 16);
  return undefined;
}
