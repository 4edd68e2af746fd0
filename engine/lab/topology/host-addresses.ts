/** A host's `address: A/LEN` and `gateway: A`, checked the way an engineer would check them. */

import {
  formatIpv4,
  inSubnet,
  maskFromPrefixLength,
  networkOf,
  parseIpv4,
  type Ipv4Address,
} from '../../wire/ipv4-address.ts';
import { messages } from './topology-messages.ts';

export interface HostAddress {
  readonly address: Ipv4Address;
  readonly prefixLength: number;
  readonly mask: Ipv4Address;
}

import type { Checked } from './topology-types.ts';

export type { Checked };

const ADDRESS_WITH_PREFIX = /^\s*([^/\s]+)\s*\/\s*(\d+)\s*$/;
/** Below /31 the all-zeros and all-ones host parts are the subnet's own addresses (RFC 3021 lifts this for /31). */
const LONGEST_PREFIX_WITH_BROADCAST = 30;

/** Whose address it is: a lab host's, or a real peer's (which may live on this machine's loopback). */
export type StationKind = 'host' | 'peer';

const HOST_ADDRESSES = 'an address from 1.0.0.0 to 223.255.255.255 outside 127.0.0.0/8, e.g. 10.1.1.10';
/** A real peer may sit on this machine's loopback (a gateway under test on 127.0.0.2). */
const PEER_ADDRESSES = 'an address from 1.0.0.0 to 223.255.255.255, e.g. 10.99.0.2';

/**
 * Dotted-quad text as a station's unicast address: four decimal octets 0-255 without leading
 * zeros (inet_aton reads `010` as 8), and not an address no station can have.
 */
export function parseStationAddress(text: string, kind: StationKind = 'host'): Checked<Ipv4Address> {
  const trimmed = text.trim();
  const address = parseIpv4(trimmed);
  if (address === undefined) return { ok: false, message: kind === 'host' ? messages.badAddress(text) : messages.badPeerAddress(text) };
  if (/(^|\.)0\d/.test(trimmed)) return { ok: false, message: messages.leadingZero(text, formatIpv4(address)) };
  const special = specialRange(address >>> 24, kind);
  if (special === undefined) return { ok: true, value: address };
  return { ok: false, message: messages.notUnicast(formatIpv4(address), special, kind === 'host' ? HOST_ADDRESSES : PEER_ADDRESSES) };
}

/** What a first octet makes an address, when that is no station's (RFC 1122 3.2.1.3, RFC 5771, RFC 1112). */
function specialRange(firstOctet: number, kind: StationKind): string | undefined {
  if (firstOctet === 0) return 'in 0.0.0.0/8, "this network"';
  if (firstOctet === 127 && kind === 'host') return 'a loopback address';
  if (firstOctet >= 224 && firstOctet <= 239) return 'a multicast address';
  if (firstOctet >= 240) return 'a reserved or broadcast address';
  return undefined;
}

export function parseHostAddress(text: string): Checked<HostAddress> {
  const match = ADDRESS_WITH_PREFIX.exec(text);
  if (!match) return { ok: false, message: messages.notAddressWithPrefix(text) };
  const [, addressText, lengthText] = match as unknown as [string, string, string];
  const station = parseStationAddress(addressText);
  if (!station.ok) return station;
  const address = station.value;
  const prefixLength = Number(lengthText);
  if (prefixLength > 32) return { ok: false, message: messages.badPrefixLength(lengthText) };
  const mask = maskFromPrefixLength(prefixLength);
  const problem = subnetAddressProblem(address, { address, prefixLength, mask });
  return problem === undefined ? { ok: true, value: { address, prefixLength, mask } } : { ok: false, message: problem };
}

export function parseGateway(text: string, host: HostAddress): Checked<Ipv4Address> {
  const station = parseStationAddress(text);
  if (!station.ok) return station;
  const gateway = station.value;
  const shown = formatIpv4(gateway);
  if (!inSubnet(gateway, host.address, host.mask)) {
    return { ok: false, message: messages.gatewayOutsideSubnet(shown, subnetText(host)) };
  }
  if (gateway === host.address) return { ok: false, message: messages.gatewayIsOwnAddress(shown) };
  const problem = subnetAddressProblem(gateway, host);
  return problem === undefined ? { ok: true, value: gateway } : { ok: false, message: problem };
}

/** `13.13.13.0/24` */
export function subnetText(host: HostAddress): string {
  return `${formatIpv4(networkOf(host.address, host.mask))}/${host.prefixLength}`;
}

/** Says why `address` cannot be a station on the host's subnet: it is the subnet's network or broadcast address. */
function subnetAddressProblem(address: Ipv4Address, host: HostAddress): string | undefined {
  if (host.prefixLength > LONGEST_PREFIX_WITH_BROADCAST) return undefined;
  const network = networkOf(host.address, host.mask);
  const broadcast = (network | ~host.mask) >>> 0;
  if (address === network) return messages.isNetworkAddress(formatIpv4(address), subnetText(host));
  if (address === broadcast) return messages.isBroadcastAddress(formatIpv4(address), subnetText(host));
  return undefined;
}
