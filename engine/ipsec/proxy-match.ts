import type { PacketFields } from '../net/acl-types.ts';
import { formatIpv4, inSubnet } from '../wire/ipv4-address.ts';
import type { ProxyIdentity } from './ipsec-port.ts';

/**
 * Proxy identities as sets of packets: which packets an SA carries, and whether one
 * identity lies inside another (the responder's check of a proposal against its ACL).
 */

/** Protocol and port 0 mean "any" in a proxy identity (RFC 2407 4.6.2). */
const ANY = 0;

export function sameProxy(a: ProxyIdentity, b: ProxyIdentity): boolean {
  return a.address === b.address && a.mask === b.mask && a.protocol === b.protocol && a.port === b.port;
}

/** True when every packet `inner` describes is also described by `outer`. */
export function proxyContains(outer: ProxyIdentity, inner: ProxyIdentity): boolean {
  if ((inner.mask & outer.mask) >>> 0 !== outer.mask) return false;
  if (!inSubnet(inner.address, outer.address, outer.mask)) return false;
  if (outer.protocol !== ANY && outer.protocol !== inner.protocol) return false;
  return outer.port === ANY || outer.port === inner.port;
}

function addressPortMatch(proxy: ProxyIdentity, address: number, port: number | undefined): boolean {
  if (!inSubnet(address, proxy.address, proxy.mask)) return false;
  return proxy.port === ANY || proxy.port === port;
}

/**
 * Whether a packet travels between the two proxies: from `sourceProxy` to
 * `destinationProxy`, with the protocol both of them allow.
 */
export function packetBetween(fields: PacketFields, sourceProxy: ProxyIdentity, destinationProxy: ProxyIdentity): boolean {
  // Checked one by one, not over an array of the two: a router scans every flow with each packet.
  if (sourceProxy.protocol !== ANY && sourceProxy.protocol !== fields.protocol) return false;
  if (destinationProxy.protocol !== ANY && destinationProxy.protocol !== fields.protocol) return false;
  return (
    addressPortMatch(sourceProxy, fields.source, fields.sourcePort) &&
    addressPortMatch(destinationProxy, fields.destination, fields.destinationPort)
  );
}

/** A stable text key for maps: `13.13.13.0/255.255.255.0/0/0`. */
export function proxyKey(proxy: ProxyIdentity): string {
  return `${formatIpv4(proxy.address)}/${formatIpv4(proxy.mask)}/${proxy.protocol}/${proxy.port}`;
}

/** A single host is carried as ID_IPV4_ADDR, anything wider as ID_IPV4_ADDR_SUBNET. */
export function isHostProxy(proxy: ProxyIdentity): boolean {
  return proxy.mask === 0xffffffff;
}

export function hostProxy(address: number): ProxyIdentity {
  return { address, mask: 0xffffffff, protocol: ANY, port: ANY };
}
