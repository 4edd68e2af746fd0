import { packetFieldsOf } from '../net/acl.ts';
import { CONSUME, PASS, replaceWith, type HookVerdict, type OutboundContext } from '../net/packet-hooks.ts';
import { IpProtocol } from '../wire/ip-protocols.ts';
import { encodeIpv4, ipv4EncodingProblem, type Ipv4Datagram } from '../wire/ipv4.ts';
import { isIkeTraffic, type DataPlaneContext } from './data-plane-context.ts';
import { espSeal } from './esp-transform.ts';
import type { SaPair } from './sa-database.ts';

/**
 * The outbound path of a crypto map interface: a packet its map protects leaves as ESP
 * through the newest SA pair of its ident, or is dropped while IKE negotiates one.
 */

/** RFC 2003/2406: the next header of a tunnelled IPv4 datagram is IP-in-IP. */
export const NEXT_HEADER_IPV4 = 4;
const NO_OPTIONS = new Uint8Array(0);

export function processOutbound(ctx: DataPlaneContext, datagram: Ipv4Datagram, context: OutboundContext): HookVerdict {
  const fields = packetFieldsOf(datagram);
  if (context.locallyOriginated && isIkeTraffic(fields)) return PASS;
  const match = ctx.spd.matchOutbound(context.iface.name, fields);
  if (match === undefined) return PASS;
  const pair = ctx.sad.outboundPair(context.iface.name, fields);
  if (pair === undefined) {
    ctx.drops['awaiting-sa']++;
    ctx.acquire(match, datagram, context);
    return CONSUME;
  }
  return seal(ctx, pair, datagram);
}

/** The ESP payload and its next header: the whole datagram in tunnel mode, its payload in transport mode. */
function protectedPart(pair: SaPair, datagram: Ipv4Datagram): { bytes: Uint8Array; nextHeader: number } {
  if (pair.install.transform.mode === 'transport') return { bytes: datagram.payload, nextHeader: datagram.protocol };
  return { bytes: encodeIpv4(datagram), nextHeader: NEXT_HEADER_IPV4 };
}

function outerDatagram(ctx: DataPlaneContext, pair: SaPair, inner: Ipv4Datagram, esp: Uint8Array): Ipv4Datagram {
  if (pair.install.transform.mode === 'transport') return { ...inner, protocol: IpProtocol.esp, payload: esp };
  return {
    tos: inner.tos,
    identification: ctx.node.nextIdentification(),
    dontFragment: false,
    moreFragments: false,
    fragmentOffset: 0,
    ttl: ctx.node.defaultTtl,
    protocol: IpProtocol.esp,
    source: pair.outbound.source,
    destination: pair.outbound.destination,
    options: NO_OPTIONS,
    payload: esp,
  };
}

function seal(ctx: DataPlaneContext, pair: SaPair, datagram: Ipv4Datagram): HookVerdict {
  const sa = pair.outbound;
  const counters = pair.ident.counters;
  if (ipv4EncodingProblem(datagram) !== undefined) return sendError(ctx, pair);
  const part = protectedPart(pair, datagram);
  const iv = ctx.random.bytes(sa.crypto.cipher?.ivLength ?? 0);
  sa.lastSequence = (sa.lastSequence + 1) >>> 0;
  const esp = espSeal(sa.crypto, sa.lastSequence, iv, part.bytes, part.nextHeader);
  const outer = outerDatagram(ctx, pair, datagram, esp);
  if (ipv4EncodingProblem(outer) !== undefined) return sendError(ctx, pair);
  counters.encaps++;
  if (sa.crypto.cipher !== null) counters.encrypt++;
  if (sa.crypto.integrity !== undefined) counters.digest++;
  sa.engineCount++;
  ctx.lifetimes.countBytes(pair, sa, part.bytes.length);
  return replaceWith(outer);
}

function sendError(ctx: DataPlaneContext, pair: SaPair): HookVerdict {
  ctx.drops['too-big']++;
  pair.ident.counters.sendErrors++;
  return CONSUME;
}
