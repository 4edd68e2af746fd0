import { bytesEqual } from '../wire/bytes.ts';
import {
  encodePayloadChain, ExchangeType, firstPayloadOfKind, NotifyType,
  type IsakmpPayload, type NotifyPayload,
} from '../wire/isakmp/index.ts';
import type { CpuJob } from './cpu-queue.ts';
import type { IkeContext } from './ike-context.ts';
import { newMessageId } from './informational.ts';
import type { IsakmpSa, Phase2Offer, QuickModeExchange, QuickModeRequest } from './isakmp-sa.ts';
import { messageIv, quickModeHash1, quickModeHash2, quickModeHash3 } from './keymat.ts';
import { cipherOf, encryptedMessage, headerOf } from './message-crypto.ts';
import { nonce } from './phase1-steps.ts';
import { ISAKMP_PROTOCOL_ID, protocolsOf, type IpsecProtocol } from '../ipsec/ipsec-port.ts';
import { quickModeSaPayload, readIpsecOffer, spiNumber } from './phase2-proposal.ts';
import {
  checkIpsecOffer, pfsKeyPair, pfsSharedSecret, prepareSaPair, proxyIdPayload, readLifetimeChange, schedulePurge,
} from './quick-mode-common.ts';
import { sendPhase2, stopPhase2Retransmission } from './retransmission.ts';

/**
 * Quick mode as initiator (RFC 2409 5.5): QM1 offers the crypto map entry's transform sets
 * with our SPI, nonce, PFS key and proxies under HASH(1); QM2 brings the responder's choice
 * and maybe a RESPONDER-LIFETIME; QM3 (HASH(3)) closes it and the SA pair is installed.
 */

const QUICK = ExchangeType.quick;

function offerOf(request: QuickModeRequest): Phase2Offer {
  const { policy } = request;
  return {
    transforms: policy.transformSets,
    ...(policy.pfsGroup === undefined ? {} : { pfsGroup: policy.pfsGroup }),
    lifetimeSeconds: policy.lifetimeSeconds,
    lifetimeKilobytes: policy.lifetimeKilobytes,
  };
}

/** Every protocol some offered set uses, AH first: one SPI each serves every proposal that uses it. */
function offeredProtocols(offer: Phase2Offer): IpsecProtocol[] {
  const used = new Set(offer.transforms.flatMap(protocolsOf));
  return (['ah', 'esp'] as const).filter((protocol) => used.has(protocol));
}

/**
 * `beginning Quick Mode exchange`, then the SPI request to IPsec, answered as a queued event
 * (`had to get SPI's from ipsec.`): QM1 is built when it comes back.
 */
export function startQuickMode(ctx: IkeContext, sa: IsakmpSa, request: QuickModeRequest): void {
  if (request.policy.transformSets.length === 0 || !sa.usable) return;
  const messageId = newMessageId(ctx, sa);
  const crypto = cipherOf(sa)!;
  const exchange: QuickModeExchange = {
    messageId, role: 'I', awaiting: 'QM2', request, offer: offerOf(request), inboundSpis: {},
    iv: messageIv(sa.suite!.hash.hash, sa.phase1Iv!, messageId, crypto.cipher.blockSize),
  };
  sa.exchanges.set(messageId, exchange);
  ctx.emit({ kind: 'beginning-quick-mode', connId: sa.connId, messageId });
  const protocols = offeredProtocols(exchange.offer);
  ctx.emit({ kind: 'asking-for-spis', connId: sa.connId, count: protocols.length });
  ctx.emit({ kind: 'had-to-get-spis', connId: sa.connId });
  ctx.cpu.submit('packet', (job) => {
    if (sa.deleted || exchange.awaiting !== 'QM2') return;
    for (const protocol of protocols) {
      exchange.inboundSpis[protocol] = ctx.port.allocateSpi(request.localAddress, request.peer, ISAKMP_PROTOCOL_ID[protocol]);
    }
    ctx.emit({ kind: 'ke-message', index: 2, total: 1 });
    exchange.initiatorNonce = nonce(ctx.random);
    pfsKeyPair(ctx, exchange, job, () => sendQm1(ctx, sa, exchange, job));
  });
}

function sendQm1(ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange, job: CpuJob): void {
  ctx.emit({ kind: 'engine-hmac-context', connId: sa.connId });
  job.then('hmac', () => {
    const { request } = exchange;
    const payloads: IsakmpPayload[] = [
      quickModeSaPayload(exchange.offer, exchange.inboundSpis),
      { kind: 'nonce', data: exchange.initiatorNonce! },
      ...(exchange.ownPublic === undefined ? [] : [{ kind: 'ke' as const, data: exchange.ownPublic }]),
      proxyIdPayload(request.localProxy),
      proxyIdPayload(request.remoteProxy),
    ];
    const hash = quickModeHash1(sa.suite!.hash.hash, sa.keys!.skeyidA, exchange.messageId, encodePayloadChain(payloads).bytes);
    const sent = encryptedMessage(headerOf(sa, QUICK, exchange.messageId), [{ kind: 'hash', data: hash }, ...payloads], cipherOf(sa)!, exchange.iv);
    exchange.iv = sent.nextIv;
    sendPhase2(ctx, sa, exchange, sent.bytes, true);
  });
}

/** QM2: HASH(2), the responder's choice (checked as IOS checks an offer), its nonce, KE and lifetimes. */
export function initiatorQm2(ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange, payloads: IsakmpPayload[], job: CpuJob): void {
  const [hashPayload, ...rest] = payloads;
  const saPayload = firstPayloadOfKind(rest, 'sa');
  const responderNonce = firstPayloadOfKind(rest, 'nonce');
  if (hashPayload?.kind !== 'hash' || saPayload === undefined || responderNonce === undefined) return badMessage(ctx, sa, 'malformed', exchange);
  ctx.emit({ kind: 'engine-hmac-context', connId: sa.connId });
  job.then('hmac', () => {
    const hash = quickModeHash2(sa.suite!.hash.hash, sa.keys!.skeyidA, exchange.messageId, exchange.initiatorNonce!, encodePayloadChain(rest).bytes);
    if (!bytesEqual(hash, hashPayload.data)) return badMessage(ctx, sa, 'badHash', exchange);
    stopPhase2Retransmission(exchange);
    const { messageId } = exchange;
    const { request } = exchange;
    ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'HASH', messageId });
    ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'SA', messageId });
    const check = checkIpsecOffer(ctx, sa, {
      local: request.localAddress, remote: request.peer, localProxy: request.localProxy, remoteProxy: request.remoteProxy,
      offered: readIpsecOffer(saPayload),
    });
    // The answer must keep our PFS offer: a group we did not offer would leave the two ends with different keys.
    if (!check.ok || check.parts[0]!.offered.pfsGroup !== exchange.offer.pfsGroup) return rejected(ctx, sa, exchange);
    exchange.outboundSpis = Object.fromEntries(check.parts.map((part) => [part.protocol, part.spi]));
    exchange.chosen = check.verdict.transform;
    exchange.policy = check.verdict.policy;
    ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'NONCE', messageId });
    exchange.responderNonce = responderNonce.data;
    processRest(ctx, sa, exchange, rest);
    pfsSharedSecret(ctx, exchange, job, (ok) => ok ? finish(ctx, sa, exchange, job) : rejected(ctx, sa, exchange));
  });
}

/** KE, the two IDs and any RESPONDER-LIFETIME notify: the shorter lifetime wins. */
function processRest(ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange, rest: IsakmpPayload[]): void {
  const { messageId } = exchange;
  const ke = firstPayloadOfKind(rest, 'ke');
  if (ke !== undefined) {
    ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'KE', messageId });
    exchange.peerPublic = ke.data;
  }
  for (const payload of rest) {
    if (payload.kind === 'id') ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'ID', messageId });
  }
  for (const notify of rest.filter((payload): payload is NotifyPayload => payload.kind === 'notify')) {
    ctx.emit({ kind: 'notify-processing', connId: sa.connId, notifyType: notify.notifyType, protocolId: notify.protocolId,
      spi: spiNumber(notify.spi) ?? 0, messageId });
    if (notify.notifyType !== NotifyType.responderLifetime) continue;
    ctx.emit({ kind: 'responder-lifetime-processing', connId: sa.connId });
    const change = readLifetimeChange(notify.data);
    if (change.seconds !== undefined) {
      ctx.emit({ kind: 'responder-lifetime', connId: sa.connId, value: change.seconds, unit: 'seconds' });
      exchange.offer.lifetimeSeconds = Math.min(exchange.offer.lifetimeSeconds, change.seconds);
    }
    if (change.kilobytes !== undefined) {
      ctx.emit({ kind: 'responder-lifetime', connId: sa.connId, value: change.kilobytes, unit: 'kilobytes' });
      exchange.offer.lifetimeKilobytes = Math.min(exchange.offer.lifetimeKilobytes, change.kilobytes);
    }
  }
}

/** HASH(3), the SA pair prepared and printed, QM3 sent, the node deleted, then the pair installed. */
function finish(ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange, job: CpuJob): void {
  ctx.emit({ kind: 'engine-hmac-context', connId: sa.connId });
  job.then('hmac', () => {
    const hash = quickModeHash3(sa.suite!.hash.hash, sa.keys!.skeyidA, exchange.messageId, exchange.initiatorNonce!, exchange.responderNonce!);
    const sent = encryptedMessage(headerOf(sa, QUICK, exchange.messageId), [{ kind: 'hash', data: hash }], cipherOf(sa)!, exchange.iv);
    exchange.iv = sent.nextIv;
    const pair = prepareSaPair(ctx, sa, exchange);
    sendPhase2(ctx, sa, exchange, sent.bytes, false);
    exchange.awaiting = 'done';
    ctx.emit({ kind: 'deleting-node', connId: sa.connId, messageId: exchange.messageId, error: false, reason: 'initiator-quick-mode-done' });
    ctx.port.installSaPair(pair.install, pair.connIds);
    ctx.quickModeDone(exchange.messageId);
    schedulePurge(ctx, sa, exchange);
  });
}

/** The responder's answer is not one we can use: the exchange ends without SAs. */
function rejected(ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange): void {
  exchange.awaiting = 'done';
  sa.exchanges.delete(exchange.messageId);
  ctx.emit({ kind: 'deleting-node', connId: sa.connId, messageId: exchange.messageId, error: true, reason: 'quick-mode-rejected' });
  ctx.emit({ kind: 'mode-failure', mode: 'Quick', peer: sa.peer });
}

/**
 * A quick-mode message that fails its hash or lacks a payload is dropped and forgotten (its
 * IV step undone); the exchange goes on waiting for the genuine one.
 */
export function badMessage(ctx: IkeContext, sa: IsakmpSa, counter: 'badHash' | 'malformed', exchange?: QuickModeExchange): void {
  ctx.counters[counter]++;
  if (exchange?.ivBeforeLastMessage !== undefined) {
    exchange.iv = exchange.ivBeforeLastMessage;
    exchange.lastReceived = undefined;
  }
  ctx.emit({ kind: 'bad-message', peer: sa.peer });
}
