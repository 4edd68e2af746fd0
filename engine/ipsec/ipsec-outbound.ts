import { packetFieldsOf } from '../net/acl.ts';
import { CONSUME, PASS, replaceWith, type HookVerdict, type OutboundContext } from '../net/packet-hooks.ts';
import { IpProtocol } from '../wire/ip-protocols.ts';
import { encodeIpv4, ipv4EncodingProblem, type Ipv4Datagram } from '../wire/ipv4.ts';
import { isIkeTraffic, type DataPlaneContext } from './data-plane-context.ts';
import { ahEncodingProblem, type AhOuterFields } from '../wire/ah.ts';
import { ahSeal } from './ah-transform.ts';
import { espSeal } from './esp-transform.ts';
import { originIsAcl, outermostOutbound, type OutboundSa, type SaPair } from './sa-database.ts';
import type { PolicyMatch } from './security-policy.ts';

/**
 * The outbound path of a crypto map interface: a packet its map protects leaves under the
 * newest SA bundle of its ident (ESP, AH, or AH around ESP), or is dropped while IKE
 * negotiates one.
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
    if (!ctx.acquire(match, datagram, context)) countSendError(ctx, match);
    return CONSUME;
  }
  return seal(ctx, pair, datagram);
}

/**
 * A packet a static entry must protect while its SA is still being negotiated (or while a
 * failed request's timer runs) is dropped and counted as a send error of the entry's flow,
 * which exists from the ACL alone. The packet that starts the negotiation is handed to the key
 * engine and not counted: IOS shows `#send errors 0` after `.!!!!`. A dynamic entry has no
 * flow until its SAs come, so nothing counts its packets. (engine/ios/TEXT-SOURCES.md)
 */
function countSendError(ctx: DataPlaneContext, match: PolicyMatch): void {
  if (!originIsAcl(match.policy)) return;
  ctx.sad.identFor(match.policy, match.selector.local, match.selector.remote).counters.sendErrors++;
}

/** The outer header's fields: a new header in tunnel mode, the packet's own in transport mode. */
function outerFields(ctx: DataPlaneContext, pair: SaPair, inner: Ipv4Datagram): AhOuterFields {
  const { protocol: _protocol, payload: _payload, ...own } = inner;
  if (pair.install.transform.mode === 'transport') return own;
  const outbound = outermostOutbound(pair);
  return {
    tos: inner.tos,
    identification: ctx.node.nextIdentification(),
    dontFragment: false,
    moreFragments: false,
    fragmentOffset: 0,
    ttl: ctx.node.defaultTtl,
    source: outbound.source,
    destination: outbound.destination,
    options: NO_OPTIONS,
  };
}

/** What the innermost protocol protects: the whole datagram in tunnel mode (next header 4), its payload in transport mode. */
function protectedPart(pair: SaPair, datagram: Ipv4Datagram): { bytes: Uint8Array; nextHeader: number } {
  if (pair.install.transform.mode === 'transport') return { bytes: datagram.payload, nextHeader: datagram.protocol };
  return { bytes: encodeIpv4(datagram), nextHeader: NEXT_HEADER_IPV4 };
}

/**
 * The bundle's protocols applied inside out (RFC 2401 4.5): ESP around the protected part,
 * then AH around that, under the outer header. Each SA takes its next sequence number.
 */
function seal(ctx: DataPlaneContext, pair: SaPair, datagram: Ipv4Datagram): HookVerdict {
  if (ipv4EncodingProblem(datagram) !== undefined) return sendError(ctx, pair);
  const outer = outerFields(ctx, pair, datagram);
  let part = protectedPart(pair, datagram);
  const protectedLength = part.bytes.length;
  if (pair.esp !== undefined) {
    const sa = pair.esp.outbound;
    const iv = ctx.random.bytes(sa.crypto.cipher?.ivLength ?? 0);
    part = { bytes: espSeal(sa.crypto, nextSequence(sa), iv, part.bytes, part.nextHeader), nextHeader: IpProtocol.esp };
  }
  // Object.assign: the outer fields lack protocol and payload, and V8 is slow to add properties after a spread.
  let sealed: Ipv4Datagram = Object.assign({}, outer, { protocol: part.nextHeader, payload: part.bytes });
  if (pair.ah !== undefined) {
    const sa = pair.ah.outbound;
    if (ahEncodingProblem(outer, part.bytes.length, sa.crypto.integrity.icvLength) !== undefined) return sendError(ctx, pair);
    sealed = ahSeal(sa.crypto, nextSequence(sa), outer, part.bytes, part.nextHeader);
  }
  if (ipv4EncodingProblem(sealed) !== undefined) return sendError(ctx, pair);
  countSealed(ctx, pair, protectedLength);
  return replaceWith(sealed);
}

function nextSequence(sa: OutboundSa): number {
  sa.lastSequence = (sa.lastSequence + 1) >>> 0;
  return sa.lastSequence;
}

/** `#pkts encaps` once a packet, `encrypt` when ESP ciphers it, `digest` when ESP or AH authenticates it. */
function countSealed(ctx: DataPlaneContext, pair: SaPair, bytes: number): void {
  const counters = pair.ident.counters;
  counters.encaps++;
  if (pair.esp?.outbound.crypto.cipher) counters.encrypt++;
  if (pair.ah !== undefined || pair.esp?.outbound.crypto.integrity !== undefined) counters.digest++;
  for (const directions of [pair.ah, pair.esp]) {
    if (directions === undefined) continue;
    directions.outbound.engineCount++;
    ctx.lifetimes.countBytes(pair, directions.outbound, bytes);
  }
}

function sendError(ctx: DataPlaneContext, pair: SaPair): HookVerdict {
  ctx.drops['too-big']++;
  pair.ident.counters.sendErrors++;
  return CONSUME;
}
