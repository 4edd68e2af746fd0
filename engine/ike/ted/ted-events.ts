import type { ProxyIdentity } from '../../ipsec/ipsec-port.ts';
import type { Ipv4Address } from '../../wire/ipv4-address.ts';

/**
 * The trace events of tunnel endpoint discovery, one per line IOS 12.2 prints under
 * `debug crypto isakmp` while it probes or answers a probe. They are part of IkeEvent; the
 * wording lives in engine/ios/debug/ted-debug.ts.
 */

/** A proxy as a probe carries it: its ID type (0 when absent) and its addresses. */
export interface ProbeProxyView {
  idType: number;
  address: Ipv4Address;
  mask: Ipv4Address;
}

export type TedEvent =
  // ---- the prober ------------------------------------------------------------------------
  | { kind: 'ted-discovery-request' }
  | { kind: 'ted-request'; source: Ipv4Address; destination: Ipv4Address; protocolId: number; transformId: number; hmac: number }
  | { kind: 'ted-proxy-source'; proxy: ProxyIdentity; ownAddress: Ipv4Address }
  | { kind: 'ted-no-idb'; connId: number }
  | { kind: 'ted-first-id'; address: Ipv4Address }
  | { kind: 'ted-second-id'; proxy: ProxyIdentity }
  | { kind: 'ted-beginning'; connId: number }
  | { kind: 'ted-payload-type'; subpayload: number }
  | { kind: 'ted-response-received'; connId: number }
  | { kind: 'ted-negotiated-proxies'; connId: number; local: ProxyIdentity; remote: ProxyIdentity }
  | { kind: 'ted-initiating-ike'; connId: number; peer: Ipv4Address }
  | { kind: 'ted-new-sa'; connId: number; peer: Ipv4Address }
  // ---- the responder -----------------------------------------------------------------------
  | { kind: 'ted-proxy-id'; connId: number; proxy: ProxyIdentity; idType: number }
  | { kind: 'ted-responding'; connId: number }
  | { kind: 'ted-peer-address'; address: Ipv4Address }
  | { kind: 'ted-probe-proxies'; him: ProbeProxyView; me: ProbeProxyView }
  | { kind: 'ted-v3'; connId: number; source: Ipv4Address; destination: Ipv4Address };

export type TedEventKind = TedEvent['kind'];
