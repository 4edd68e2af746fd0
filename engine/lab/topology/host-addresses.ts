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

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ADDRESS_WITH_PREFIX = /^\s*([^/\s]+)\s*\/\s*(\d+)\s*$/;
/** Below /31 the all-zeros and all-ones host parts are the subnet's own addresses (RFC 3021 lifts this for /31). */
const LONGEST_PREFIX_WITH_BROADCAST = 30;

export function parseHostAddress(text: string): Checked<HostAddress> {
  const match = ADDRESS_WITH_PREFIX.exec(text);
  if (!match) return { ok: false, message: messages.notAddressWithPrefix(text) };
  const [, addressText, lengthText] = match as unknown as [string, string, string];
  const address = parseIpv4(addressText);
  if (address === undefined) return { ok: false, message: messages.badAddress(addressText) };
  const prefixLength = Number(lengthText);
  if (prefixLength > 32) return { ok: false, message: messages.badPrefixLength(lengthText) };
  const mask = maskFromPrefixLength(prefixLength);
  const problem = subnetAddressProblem(address, { address, prefixLength, mask });
  return problem === undefined ? { ok: true, value: { address, prefixLength, mask } } : { ok: false, message: problem };
}

export function parseGateway(text: string, host: HostAddress): Checked<Ipv4Address> {
  const gateway = parseIpv4(text.trim());
  if (gateway === undefined) return { ok: false, message: messages.badAddress(text) };
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
