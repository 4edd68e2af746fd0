import { packetFieldsOf } from '../net/acl.ts';
import type { NetInterface } from '../net/net-interface.ts';
import { CONSUME, PASS, replaceWith, type HookVerdict } from '../net/packet-hooks.ts';
import { decodeEspHeader } from '../wire/esp.ts';
import { IpProtocol } from '../wire/ip-protocols.ts';
import { decodeIpv4, type Ipv4Datagram } from '../wire/ipv4.ts';
import { isIkeTraffic, type DataPlaneContext, type IpsecDropReason } from './data-plane-context.ts';
import { NEXT_HEADER_IPV4 } from './esp-outbound.ts';
import { espDecrypt, espIcvValid, espParse } from './esp-transform.ts';
import { packetBetween } from './proxy-match.ts';
import type { SaPair } from './sa-database.ts';

/**
 * The inbound path: ESP to one of our addresses is checked (SPI, replay window, ICV),
 * decrypted and handed on as the datagram it carried; clear text that an installed SA
 * says must arrive protected is refused, as IOS does.
 */

export function processInbound(ctx: DataPlaneContext, datagram: Ipv4Datagram, iface: NetInterface): HookVerdict {
  if (datagram.protocol === IpProtocol.esp && ctx.node.isLocalAddress(datagram.destination)) {
    return openEsp(ctx, datagram);
  }
  if (ctx.interceptProbe(datagram, iface)) return drop(ctx, 'ted-probe');
  return refuseClearText(ctx, datagram, iface);
}

function openEsp(ctx: DataPlaneContext, outer: Ipv4Datagram): HookVerdict {
  const header = decodeEspHeader(outer.payload);
  if (!header.ok) return drop(ctx, 'malformed');
  const { spi, sequenceNumber } = header.value;
  const pair = ctx.sad.pairByInboundSpi(outer.destination, spi);
  if (pair === undefined) {
    ctx.trace({
      subsystem: 'syslog', kind: 'invalid-spi', destination: outer.destination, protocol: IpProtocol.esp, spi, source: outer.source,
    });
    return drop(ctx, 'invalid-spi');
  }
  const sa = pair.inbound;
  const parsed = espParse(sa.crypto, outer.payload);
  if (!parsed.ok) return receiveError(ctx, pair, 'malformed');
  if (sa.replay.check(sequenceNumber) !== 'new') {
    ctx.trace({ subsystem: 'syslog', kind: 'replay-check-failed', connId: sa.connId, sequenceNumber });
    return receiveError(ctx, pair, 'replay');
  }
  if (!espIcvValid(sa.crypto, parsed.value)) {
    ctx.trace({ subsystem: 'syslog', kind: 'mac-verify-failed', connId: sa.connId });
    return receiveError(ctx, pair, 'icv-mismatch');
  }
  const plaintext = espDecrypt(sa.crypto, parsed.value);
  if (!plaintext.ok) return receiveError(ctx, pair, 'bad-padding');
  sa.replay.accept(sequenceNumber);
  const inner = innerDatagram(pair, outer, plaintext.value.payload, plaintext.value.nextHeader);
  if (inner === undefined) return receiveError(ctx, pair, 'malformed');
  if (!packetBetween(packetFieldsOf(inner), pair.ident.remoteProxy, pair.ident.localProxy)) {
    return drop(ctx, 'invalid-identity');
  }
  const counters = pair.ident.counters;
  counters.decaps++;
  if (sa.crypto.cipher !== null) counters.decrypt++;
  if (sa.crypto.integrity !== undefined) counters.verify++;
  sa.engineCount++;
  ctx.lifetimes.countBytes(pair, sa, plaintext.value.payload.length);
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
