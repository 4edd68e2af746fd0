import type { ProxyIdentity } from '../../ipsec/ipsec-port.ts';
import type { ProbeProxyView, TedEvent, TedEventKind } from '../../ike/ted/ted-events.ts';
import { formatIpv4 } from '../../wire/ipv4-address.ts';

/**
 * What IOS 12.2 prints under `debug crypto isakmp` for tunnel endpoint discovery, word for word
 * as in the TED document's transcripts (the prober Daphne, the responder fred).
 */

const ip = formatIpv4;
const conn = (connId: number): string => `ISAKMP (0:${connId}): `;
const HOST_MASK = 0xffffffff;

/** A subnet as `address/mask`, a host as its address alone. */
function proxyText(proxy: ProxyIdentity): string {
  return proxy.mask >>> 0 === HOST_MASK ? ip(proxy.address) : `${ip(proxy.address)}/${ip(proxy.mask)}`;
}

const ID_TYPE_NAMES: Record<number, string> = { 1: 'ID_IPV4_ADDR', 4: 'ID_IPV4_ADDR_SUBNET' };

const view = (side: ProbeProxyView): string => `${side.idType}, ${ip(side.address)}/${ip(side.mask)}`;
const withPort = (proxy: ProxyIdentity): string => `${ip(proxy.address)}/${ip(proxy.mask)}:${proxy.port}`;

type TedRenderers = { [K in TedEventKind]: (event: Extract<TedEvent, { kind: K }>) => string };

export const TED_RENDERERS: TedRenderers = {
  'ted-discovery-request': () => 'ISAKMP: GOT A PEER DISCOVERY MESSAGE FROM THE SA MANAGER!!!',
  'ted-request': (e) =>
    `src = ${ip(e.source)} to ${ip(e.destination)}, protocol ${e.protocolId}, transform ${e.transformId}, hmac ${e.hmac}`,
  'ted-proxy-source': (e) =>
    `proxy source is ${ip(e.proxy.address)}/${ip(e.proxy.mask)} and my address (not used now) is ${ip(e.ownAddress)}`,
  'ted-no-idb': (e) => `${conn(e.connId)}no idb in request`,
  'ted-first-id': (e) => `1st ID is ${ip(e.address)}`,
  'ted-second-id': (e) => `2nd ID is ${proxyText(e.proxy)}`,
  'ted-beginning': (e) => `${conn(e.connId)}beginning peer discovery exchange`,
  'ted-payload-type': (e) => `ISAKMP:received payload type ${e.subpayload}`,
  'ted-response-received': (e) => `${conn(e.connId)}received response to my peer discovery probe!`,
  'ted-negotiated-proxies': (e) =>
    `${conn(e.connId)}ted negotiated proxies: ${e.local.protocol} ${withPort(e.local)}, ${withPort(e.remote)}`,
  'ted-initiating-ike': (e) => `${conn(e.connId)}initiating IKE to ${ip(e.peer)} in response to probe.`,
  'ted-new-sa': (e) => `${conn(e.connId)}created new SA after peer-discovery with ${ip(e.peer)}`,
  'ted-proxy-id': (e) =>
    `ISAKMP (${e.connId}): ${ID_TYPE_NAMES[e.idType] ?? e.idType} src ${proxyText(e.proxy)} prot ${e.proxy.protocol} port ${e.proxy.port}`,
  'ted-responding': (e) => `${conn(e.connId)}responding to peer discovery probe!`,
  'ted-peer-address': (e) => `peer's address is ${ip(e.address)}`,
  'ted-probe-proxies': (e) => `src (him) ${view(e.him)} to dst (me) ${view(e.me)}`,
  'ted-v3': (e) => `${conn(e.connId)}peer can handle TED V3: changing source to ${ip(e.source)} and dest to ${ip(e.destination)}`,
};
