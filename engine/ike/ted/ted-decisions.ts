import type { CryptoPolicy, ProxyIdentity } from '../../ipsec/ipsec-port.ts';
import type { Ipv4Address } from '../../wire/ipv4-address.ts';

/**
 * Whether a router answers a TED probe that one of its crypto map interfaces received: only
 * for a host it protects itself, and only from an entry that can take an unknown peer (a
 * dynamic map, discover or not). The probe must fit one of that entry's ACL entries seen from
 * this side: its destination inside the entry's source (our hosts), the prober's proxy inside
 * its destination (their hosts). Anything else is just a datagram to forward.
 */

export interface Selector {
  local: ProxyIdentity;
  remote: ProxyIdentity;
}

export type TedRefusal = 'no-dynamic-entry' | 'destination-not-protected' | 'proxy-not-covered';

export type TedDecision =
  | { ok: true; policy: CryptoPolicy; selector: Selector }
  | { ok: false; reason: TedRefusal };

/** Protocol and port 0 mean "any" (RFC 2407 4.6.2). */
const ANY = 0;

function contains(outer: ProxyIdentity, inner: ProxyIdentity): boolean {
  if (((inner.mask & outer.mask) >>> 0) !== outer.mask >>> 0) return false;
  if (((inner.address & outer.mask) >>> 0) !== ((outer.address & outer.mask) >>> 0)) return false;
  if (outer.protocol !== ANY && outer.protocol !== inner.protocol) return false;
  return outer.port === ANY || outer.port === inner.port;
}

function holdsAddress(proxy: ProxyIdentity, address: Ipv4Address): boolean {
  return ((address & proxy.mask) >>> 0) === ((proxy.address & proxy.mask) >>> 0);
}

/** An entry that may answer: one made from a dynamic map (with `discover` or without). */
export function takesUnknownPeers(policy: CryptoPolicy): boolean {
  return policy.dynamicMap !== undefined || policy.discover;
}

/** The first entry and ACL entry, in sequence order, that the probe fits. */
export function decideTedResponse(policies: readonly CryptoPolicy[], destination: Ipv4Address, proberProxy: ProxyIdentity): TedDecision {
  const candidates = [...policies].filter(takesUnknownPeers).sort((a, b) => a.seq - b.seq);
  if (candidates.length === 0) return { ok: false, reason: 'no-dynamic-entry' };
  let protectsDestination = false;
  for (const policy of candidates) {
    for (const selector of policy.selectors) {
      if (!holdsAddress(selector.local, destination)) continue;
      protectsDestination = true;
      if (contains(selector.remote, proberProxy)) return { ok: true, policy, selector };
    }
  }
  return { ok: false, reason: protectsDestination ? 'proxy-not-covered' : 'destination-not-protected' };
}

/**
 * The proxies the prober negotiates in quick mode: its own ACL entry's source, and the
 * responder's proxy where it lies inside the entry's destination (or the entry's destination
 * where that is the narrower). Disjoint proxies leave nothing to negotiate.
 */
export function negotiatedProxies(selector: Selector, responderProxy: ProxyIdentity): Selector | undefined {
  if (contains(selector.remote, responderProxy)) return { local: selector.local, remote: responderProxy };
  if (contains(responderProxy, selector.remote)) return { local: selector.local, remote: selector.remote };
  return undefined;
}
