import { packetFieldsOf } from '../net/acl.ts';
import type { NetInterface } from '../net/net-interface.ts';
import { CONSUME, PASS, replaceWith, type HookVerdict } from '../net/packet-hooks.ts';
import { decodeEspHeader } from '../wire/esp.ts';
import { IpProtocol } from '../wire/ip-protocols.ts';
import { decodeIpv4, type Ipv4Datagram } from '../wire/ipv4.ts';
import { isIkeTraffic, type DataPlaneContext, type IpsecDropReason } from './data-plane-context.ts';
import { NEXT_HEADER_IPV4 } from './ipsec-outbound.ts';
import { decodeAhHeader } from '../wire/ah.ts';
import { ahIcvValid, ahParse } from './ah-transform.ts';
import { espDecrypt, espIcvValid, espParse } from './esp-transform.ts';
import type { IpsecProtocol } from './ipsec-port.ts';
import { packetBetween } from './proxy-match.ts';
import type { InboundSa, SaPair } from './sa-database.ts';

/**
 * The inbound path: AH and ESP to one of our addresses are checked (SPI, replay window,
 * ICV), ESP decrypted, and what the bundle carried handed on as a datagram; clear text that
 * an installed SA says must arrive protected is refused, as IOS does.
 */

export function processInbound(ctx: DataPlaneContext, datagram: Ipv4Datagram, iface: NetInterface): HookVerdict {
  const ours = ctx.node.isLocalAddress(datagram.destination);
  if (ours && datagram.protocol === IpProtocol.ah) return openAh(ctx, datagram);
  if (ours && datagram.protocol === IpProtocol.esp) return openEsp(ctx, datagram);
  if (ctx.interceptProbe(datagram, iface)) return drop(ctx, 'ted-probe');
  return refuseClearText(ctx, datagram, iface);
}

/** The bundle an SPI names, or the invalid-SPI message and a drop. */
function bundleOf(ctx: DataPlaneContext, outer: Ipv4Datagram, protocol: IpsecProtocol, spi: number): SaPair | undefined {
  const pair = ctx.sad.pairByInboundSpi(outer.destination, protocol, spi);
  if (pair === undefined) {
    ctx.trace({ subsystem: 'syslog', kind: 'invalid-spi', destination: outer.destination, protocol: outer.protocol, spi, source: outer.source });
  }
  return pair;
}

/** AH first (it is outermost): its ICV over the outer header, its own replay window, then what it carries. */
function openAh(ctx: DataPlaneContext, outer: Ipv4Datagram): HookVerdict {
  const header = decodeAhHeader(outer.payload);
  if (!header.ok) return drop(ctx, 'malformed');
  const pair = bundleOf(ctx, outer, 'ah', header.value.spi);
  if (pair === undefined) return drop(ctx, 'invalid-spi');
  const sa = pair.ah!.inbound;
  const parsed = ahParse(sa.crypto, outer);
  if (!parsed.ok) return receiveError(ctx, pair, 'malformed');
  const { sequenceNumber, nextHeader, payload } = parsed.value.packet;
  if (!replayAllows(ctx, sa, sequenceNumber)) return receiveError(ctx, pair, 'replay');
  if (!ahIcvValid(sa.crypto, parsed.value)) {
    ctx.trace({ subsystem: 'syslog', kind: 'mac-verify-failed', connId: sa.connId });
    return receiveError(ctx, pair, 'icv-mismatch');
  }
  sa.replay.accept(sequenceNumber);
  sa.engineCount++;
  ctx.lifetimes.countBytes(pair, sa, payload.length);
  const carried: Ipv4Datagram = { ...outer, protocol: nextHeader, payload };
  if (pair.esp !== undefined) {
    if (nextHeader !== IpProtocol.esp) return receiveError(ctx, pair, 'malformed');
    return openEspOf(ctx, pair, carried);
  }
  return deliver(ctx, pair, outer, payload, nextHeader);
}

function openEsp(ctx: DataPlaneContext, outer: Ipv4Datagram): HookVerdict {
  const header = decodeEspHeader(outer.payload);
  if (!header.ok) return drop(ctx, 'malformed');
  const pair = bundleOf(ctx, outer, 'esp', header.value.spi);
  if (pair === undefined) return drop(ctx, 'invalid-spi');
  // A bundle with AH takes ESP only inside its AH: bare ESP skipped the authentication it requires.
  if (pair.ah !== undefined) return receiveError(ctx, pair, 'missing-ah');
  return openEspOf(ctx, pair, outer);
}

/** ESP of a bundle (on its own, or unwrapped from the bundle's AH): SPI, replay window, ICV, then the plaintext. */
function openEspOf(ctx: DataPlaneContext, pair: SaPair, outer: Ipv4Datagram): HookVerdict {
  const sa = pair.esp!.inbound;
  const parsed = espParse(sa.crypto, outer.payload);
  if (!parsed.ok || parsed.value.spi !== sa.crypto.spi) return receiveError(ctx, pair, 'malformed');
  const { sequenceNumber } = parsed.value;
  if (!replayAllows(ctx, sa, sequenceNumber)) return receiveError(ctx, pair, 'replay');
  if (!espIcvValid(sa.crypto, parsed.value)) {
    ctx.trace({ subsystem: 'syslog', kind: 'mac-verify-failed', connId: sa.connId });
    return receiveError(ctx, pair, 'icv-mismatch');
  }
  const plaintext = espDecrypt(sa.crypto, parsed.value);
  if (!plaintext.ok) return receiveError(ctx, pair, 'bad-padding');
  sa.replay.accept(sequenceNumber);
  sa.engineCount++;
  ctx.lifetimes.countBytes(pair, sa, plaintext.value.payload.length);
  return deliver(ctx, pair, outer, plaintext.value.payload, plaintext.value.nextHeader);
}

function replayAllows(ctx: DataPlaneContext, sa: InboundSa, sequenceNumber: number): boolean {
  if (sa.replay.check(sequenceNumber) === 'new') return true;
  ctx.trace({ subsystem: 'syslog', kind: 'replay-check-failed', connId: sa.connId, sequenceNumber });
  return false;
}

/** What the bundle carried, checked against its proxies and counted, goes on as a datagram. */
function deliver(ctx: DataPlaneContext, pair: SaPair, outer: Ipv4Datagram, payload: Uint8Array, nextHeader: number): HookVerdict {
  const inner = innerDatagram(pair, outer, payload, nextHeader);
  if (inner === undefined) return receiveError(ctx, pair, 'malformed');
  if (!packetBetween(packetFieldsOf(inner), pair.ident.remoteProxy, pair.ident.localProxy)) {
    return drop(ctx, 'invalid-identity');
  }
  const counters = pair.ident.counters;
  counters.decaps++;
  if (pair.esp?.inbound.crypto.cipher) counters.decrypt++;
  if (pair.ah !== undefined || pair.esp?.inbound.crypto.integrity !== undefined) counters.verify++;
  return replaceWith(inner);
}

/** Tunnel mode carries a whole datagram; transport mode the payload of the outer one. */
function innerDatagram(pair: SaPair, outer: Ipv4Datagram, payload: Uint8Array, nextHeader: number): Ipv4Datagram | undefined {
  if (pair.install.transform.mode === 'transport') return { ...outer, protocol: nextHeader, payload };
  if (nextHeader !== NEXT_HEADER_IPV4) return undefined;
  const decoded = decodeIpv4(payload);
  return decoded.ok ? decoded.value : undefined;
}

function refuseClearText(ctx: DataPlaneContext, datagram: Ipv4Datagram, iface: NetInterface): HookVerdict {
  if (ctx.spd.policiesOn(iface.name).length === 0) return PASS;
  const fields = packetFieldsOf(datagram);
  if (isIkeTraffic(fields) || ctx.sad.identExpecting(iface.name, fields) === undefined) return PASS;
  ctx.trace({
    subsystem: 'syslog', kind: 'not-ipsec', destination: datagram.destination, source: datagram.source, protocol: datagram.protocol,
  });
  return drop(ctx, 'not-ipsec');
}

function drop(ctx: DataPlaneContext, reason: IpsecDropReason): HookVerdict {
  ctx.drops[reason]++;
  return CONSUME;
}

function receiveError(ctx: DataPlaneContext, pair: SaPair, reason: IpsecDropReason): HookVerdict {
  pair.ident.counters.recvErrors++;
  return drop(ctx, reason);
}
