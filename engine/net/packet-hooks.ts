import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { Ipv4Datagram } from '../wire/ipv4.ts';
import type { NetInterface } from './net-interface.ts';

/**
 * Where the crypto layer plugs into the IP path. A hook sees a datagram and lets it
 * pass, consumes it (it will send something itself, now or later), or replaces it.
 */
export type HookVerdict = { action: 'pass' } | { action: 'consume' } | { action: 'replace'; datagram: Ipv4Datagram };

export const PASS: HookVerdict = { action: 'pass' };
export const CONSUME: HookVerdict = { action: 'consume' };

export function replaceWith(datagram: Ipv4Datagram): HookVerdict {
  return { action: 'replace', datagram };
}

export interface OutboundContext {
  iface: NetInterface;
  nextHop: Ipv4Address;
  /** True for the node's own traffic, false for forwarded traffic. */
  locallyOriginated: boolean;
}

/**
 * Called before a datagram leaves through the interface it is registered on. A replacement
 * is routed afresh by its own destination and is not shown to outbound hooks again.
 */
export type OutboundHook = (datagram: Ipv4Datagram, context: OutboundContext) => HookVerdict;

/**
 * Called on receipt after the inbound ACL, before local delivery or forwarding. A
 * replacement goes through the inbound ACL again (IOS 12.2 checks decrypted traffic
 * against it too) and then on as if it had arrived, without meeting the hook again.
 */
export type InboundHook = (datagram: Ipv4Datagram, context: { iface: NetInterface }) => HookVerdict;
