import { bytesEqual } from '../wire/bytes.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import {
  decodeIsakmp, ExchangeType, TED_EXCHANGE_TYPE, tedMessageKind,
  type IsakmpBody, type IsakmpMessage, type IsakmpPayload,
} from '../wire/isakmp/index.ts';
import type { CpuJob } from './cpu-queue.ts';
import { newSaTransition, phase1Transition, quickModeTransition } from './exchange-table.ts';
import type { IkeContext } from './ike-context.ts';
import { receiveInformational } from './informational.ts';
import { IsakmpSa } from './isakmp-sa.ts';
import { messageIv } from './keymat.ts';
import { cipherOf, decryptBody } from './message-crypto.ts';
import { responderQm1 } from './quick-mode-responder.ts';
import { answerDuplicate } from './retransmission.ts';
import { isZeroCookie } from './sa-table.ts';
import { receiveTedReply } from './ted/ted-prober.ts';

/**
 * The receive path of UDP/500: decode, find the SA (or open one for a first message), weed
 * out duplicates, decrypt, and hand the payloads to the handler the transition table names.
 * Nothing that arrives can make it throw: every fault is counted and logged, and the packet dropped.
 */

export interface ArrivedDatagram {
  bytes: Uint8Array;
  /** Our address it was sent to, and the peer's it came from. */
  local: Ipv4Address;
  peer: Ipv4Address;
  /** The UDP port it came from. */
  peerPort: number;
}

const PHASE1_EXCHANGES: ReadonlySet<number> = new Set([ExchangeType.identityProtection, ExchangeType.aggressive]);

function malformedFrom(ctx: IkeContext, peer: Ipv4Address, reservedNotZeroOn?: number): void {
  ctx.counters.malformed++;
  if (reservedNotZeroOn !== undefined) ctx.emit({ kind: 'reserved-not-zero', payloadType: reservedNotZeroOn });
  ctx.emit({ kind: 'bad-message', peer });
}

export function receiveDatagram(ctx: IkeContext, arrived: ArrivedDatagram, job: CpuJob): void {
  const decoded = decodeIsakmp(arrived.bytes);
  if (!decoded.ok) return malformedFrom(ctx, arrived.peer);
  const message = decoded.value;
  const { header } = message;
  if (header.exchangeType === TED_EXCHANGE_TYPE) return receiveTed(ctx, message, arrived, job);
  const sa = ctx.table.find(header.initiatorCookie, header.responderCookie, arrived.peer);
  if (sa === undefined) return receiveWithoutSa(ctx, message, arrived, job);
  // Every answer to an initiator carries the responder's cookie: one without is no answer (our own
  // MM1 reflected back, say), and must not be taken for MM2.
  if (sa.role === 'I' && isZeroCookie(header.responderCookie)) {
    ctx.counters.unexpected++;
    return;
  }
  if (sa.role === 'I' && isZeroCookie(sa.responderCookie) && PHASE1_EXCHANGES.has(header.exchangeType)) {
    sa.responderCookie = header.responderCookie;
  }
  ctx.emit({ kind: 'packet-received', connId: sa.connId, peer: sa.peer, role: sa.role, state: sa.state });
  if (header.exchangeType === ExchangeType.informational) return receiveInformational(ctx, sa, header.messageId, message.body, job);
  if (header.exchangeType === ExchangeType.quick) return receiveQuickMode(ctx, sa, message, arrived.bytes, job);
  receivePhase1(ctx, sa, message, arrived.bytes, job);
}

/**
 * Tunnel endpoint discovery on our own UDP/500: replies to our probes. A probe arrives here only
 * when it names one of our own addresses and the data plane did not hand it over as one to
 * answer (ipsec-port.ts, ProbeCandidate): nobody here protects that address, so it is dropped.
 */
function receiveTed(ctx: IkeContext, message: IsakmpMessage, arrived: ArrivedDatagram, job: CpuJob): void {
  if (tedMessageKind(message) === 'reply') return receiveTedReply(ctx, message, arrived, job);
  ctx.counters.unexpected++;
}

/** Only a first message (MM1, AM1) may arrive without an SA; it opens one at the responder. */
function receiveWithoutSa(ctx: IkeContext, message: IsakmpMessage, arrived: ArrivedDatagram, job: CpuJob): void {
  const { header, body } = message;
  const transition = newSaTransition(header.exchangeType);
  if (transition === undefined || !isZeroCookie(header.responderCookie) || body.encrypted || header.messageId !== 0) {
    ctx.counters.noSa++;
    ctx.emit({ kind: 'no-sa', peer: arrived.peer });
    return;
  }
  const existing = ctx.table.findResponderByInitiatorCookie(header.initiatorCookie, arrived.peer);
  if (existing !== undefined) {
    ctx.emit({ kind: 'packet-received', connId: existing.connId, peer: existing.peer, role: existing.role, state: existing.state });
    if (existing.lastReceived !== undefined && bytesEqual(existing.lastReceived, arrived.bytes)) answerDuplicate(ctx, existing, 1, existing);
    else ctx.counters.unexpected++;
    return;
  }
  // Without an SA payload there is nothing to negotiate: no SA is opened for it.
  if (!body.payloads.some((payload) => payload.kind === 'sa')) return malformedFrom(ctx, arrived.peer);
  if (header.exchangeType === ExchangeType.aggressive && ctx.config().aggressiveModeDisabled) {
    ctx.counters.refused++;
    ctx.emit({ kind: 'aggressive-mode-refused', peer: arrived.peer });
    return;
  }
  if (halfOpenResponders(ctx) >= ctx.limits.halfOpenSas) {
    ctx.counters.halfOpenRefused++;
    ctx.emit({ kind: 'half-open-limit', peer: arrived.peer, limit: ctx.limits.halfOpenSas });
    return;
  }
  ctx.emit({ kind: 'packet-received-new-sa', peer: arrived.peer });
  ctx.emit({ kind: 'local-port', localPort: 500, remotePort: 500 });
  const exchange = header.exchangeType === ExchangeType.aggressive ? 'aggressive' : 'main';
  const sa = new IsakmpSa(ctx.table.allocateConnId(), 'R', exchange, arrived.local, arrived.peer, header.initiatorCookie,
    ctx.random.bytes(8), memoryAddress(ctx));
  sa.peerPort = arrived.peerPort;
  ctx.table.add(sa);
  sa.lastReceived = arrived.bytes;
  transition.handle(ctx, sa, body.payloads, job);
}

/** Responder SAs a first message opened that are not authenticated yet: what a flood of MM1s fills. */
function halfOpenResponders(ctx: IkeContext): number {
  return ctx.table.all().filter((sa) => sa.role === 'R' && !sa.deleted && !sa.established && sa.exchange !== 'peer-discovery').length;
}

/** Where IOS would keep the SA: a plausible heap address, as `purging SA., sa=...` prints. */
export function memoryAddress(ctx: IkeContext): number {
  return (0x82000000 + ctx.random.int(0, 0x3fffff) * 4) >>> 0;
}

function decryptPhase1(ctx: IkeContext, sa: IsakmpSa, body: IsakmpBody): IsakmpPayload[] | undefined {
  if (!body.encrypted) return body.payloads;
  const crypto = cipherOf(sa);
  if (crypto === undefined || sa.phase1Iv === undefined) {
    malformedFrom(ctx, sa.peer);
    return undefined;
  }
  const result = decryptBody(body.firstPayload, body.encryptedBody, crypto, sa.phase1Iv);
  if (!result.ok) {
    malformedFrom(ctx, sa.peer, result.reservedNotZeroOn);
    return undefined;
  }
  sa.ivBeforeLastMessage = sa.phase1Iv;
  sa.phase1Iv = result.nextIv;
  return result.payloads;
}

function receivePhase1(ctx: IkeContext, sa: IsakmpSa, message: IsakmpMessage, bytes: Uint8Array, job: CpuJob): void {
  if (sa.lastReceived !== undefined && bytesEqual(sa.lastReceived, bytes)) return answerDuplicate(ctx, sa, 1, sa);
  const transition = phase1Transition(message.header.exchangeType, sa.role, sa.state);
  if (transition === undefined) {
    ctx.counters.unexpected++;
    return;
  }
  const { body } = message;
  if ((transition.encryption === 'required' && !body.encrypted) || (transition.encryption === 'never' && body.encrypted)) {
    return malformedFrom(ctx, sa.peer);
  }
  const payloads = decryptPhase1(ctx, sa, body);
  if (payloads === undefined) return;
  // Our last message goes on being resent until the handler takes this one as its answer (it
  // sends the next message, or the hash holds): a forged or broken copy must not silence us.
  sa.lastReceived = bytes;
  transition.handle(ctx, sa, payloads, job);
}

function receiveQuickMode(ctx: IkeContext, sa: IsakmpSa, message: IsakmpMessage, bytes: Uint8Array, job: CpuJob): void {
  const { header, body } = message;
  const crypto = cipherOf(sa);
  if (!sa.usable || crypto === undefined || sa.phase1Iv === undefined) {
    ctx.counters.unexpected++;
    return;
  }
  if (header.messageId === 0 || !body.encrypted) return malformedFrom(ctx, sa.peer);
  const exchange = sa.exchanges.get(header.messageId);
  if (exchange?.lastReceived !== undefined && bytesEqual(exchange.lastReceived, bytes)) {
    return answerDuplicate(ctx, sa, 2, exchange);
  }
  const transition = exchange === undefined ? undefined : quickModeTransition(exchange);
  if (exchange !== undefined && transition === undefined) {
    ctx.counters.unexpected++;
    return;
  }
  if (exchange === undefined && sa.messageIds.has(header.messageId)) return replayedQuickMode(ctx, sa);
  const iv = exchange?.iv ?? messageIv(sa.suite!.hash.hash, sa.phase1Iv, header.messageId, crypto.cipher.blockSize);
  const result = decryptBody(body.firstPayload, body.encryptedBody, crypto, iv);
  if (!result.ok) return malformedFrom(ctx, sa.peer, result.reservedNotZeroOn);
  if (exchange === undefined || transition === undefined) {
    sa.messageIds.add(header.messageId);
    return responderQm1(ctx, sa, { messageId: header.messageId, nextIv: result.nextIv, bytes }, result.payloads, job);
  }
  exchange.ivBeforeLastMessage = exchange.iv;
  exchange.iv = result.nextIv;
  exchange.lastReceived = bytes;
  transition.handle(ctx, sa, exchange, result.payloads, job);
}

/**
 * A quick mode whose message ID this SA has already seen, in an exchange now finished and
 * purged (or one still being checked): a copy, never a new exchange. It is dropped as the
 * duplicate it is, and nothing is allocated for it.
 */
function replayedQuickMode(ctx: IkeContext, sa: IsakmpSa): void {
  ctx.counters.duplicates++;
  ctx.emit({ kind: 'duplicate-packet', connId: sa.connId, phase: 2 });
}
