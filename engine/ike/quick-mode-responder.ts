import { bytesEqual } from '../wire/bytes.ts';
import {
  encodePayloadChain, ExchangeType, firstPayloadOfKind, NotifyType,
  type IsakmpPayload, type SaPayload,
} from '../wire/isakmp/index.ts';
import type { CpuJob } from './cpu-queue.ts';
import type { IkeContext } from './ike-context.ts';
import { notifyPayload, sendInformational } from './informational.ts';
import type { IsakmpSa, QuickModeExchange } from './isakmp-sa.ts';
import { quickModeHash1, quickModeHash2, quickModeHash3 } from './keymat.ts';
import { cipherOf, encryptedMessage, headerOf } from './message-crypto.ts';
import { nonce } from './phase1-steps.ts';
import { readIpsecOffer, spiBytes, type OfferedTransform } from './phase2-proposal.ts';
import {
  checkIpsecOffer, lifetimeAttributesOf, pfsKeyPair, pfsSharedSecret, prepareSaPair, proxiesOf, schedulePurge,
  type LifetimeChange,
} from './quick-mode-common.ts';
import { badMessage } from './quick-mode-initiator.ts';
import { sendPhase2, stopPhase2Retransmission } from './retransmission.ts';

/**
 * Quick mode as responder: QM1 is checked (HASH(1), proposals against the data plane's crypto
 * map, proxies), answered by QM2 with our SPI, nonce, PFS key and, when our lifetime is the
 * shorter, a RESPONDER-LIFETIME notify; QM3 (HASH(3)) creates the SA pair.
 */

const QUICK = ExchangeType.quick;

/** A QM1 as it arrived: its message ID, the IV after it, and its bytes for duplicate detection. */
export interface ArrivedQm1 {
  messageId: number;
  nextIv: Uint8Array;
  bytes: Uint8Array;
}

/** What QM1 must carry: HASH(1) first, the offer, the initiator's nonce, and proxies (or none). */
interface Qm1Contents {
  hash: Uint8Array;
  rest: IsakmpPayload[];
  offer: SaPayload;
  initiatorNonce: Uint8Array;
  proxies: NonNullable<ReturnType<typeof proxiesOf>>;
}

function qm1Contents(sa: IsakmpSa, payloads: IsakmpPayload[]): Qm1Contents | undefined {
  const [hashPayload, ...rest] = payloads;
  const offer = firstPayloadOfKind(rest, 'sa');
  const initiatorNonce = firstPayloadOfKind(rest, 'nonce');
  const proxies = proxiesOf(rest, sa.peer, sa.local);
  if (hashPayload?.kind !== 'hash' || offer === undefined || initiatorNonce === undefined || proxies === undefined) return undefined;
  return { hash: hashPayload.data, rest, offer, initiatorNonce: initiatorNonce.data, proxies };
}

/**
 * QM1. The exchange is only created once HASH(1) holds and the data plane accepted the offer;
 * a refused offer leaves nothing behind but the NOTIFY.
 */
export function responderQm1(ctx: IkeContext, sa: IsakmpSa, arrived: ArrivedQm1, payloads: IsakmpPayload[], job: CpuJob): void {
  const qm1 = qm1Contents(sa, payloads);
  if (qm1 === undefined) return badMessage(ctx, sa, 'malformed');
  const { messageId } = arrived;
  ctx.emit({ kind: 'engine-hmac-context', connId: sa.connId });
  job.then('hmac', () => {
    const hash = quickModeHash1(sa.suite!.hash.hash, sa.keys!.skeyidA, messageId, encodePayloadChain(qm1.rest).bytes);
    if (!bytesEqual(hash, qm1.hash)) return badMessage(ctx, sa, 'badHash');
    ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'HASH', messageId });
    ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'SA', messageId });
    const offered = readIpsecOffer(qm1.offer);
    const { responderProxy, initiatorProxy } = qm1.proxies;
    const check = checkIpsecOffer(ctx, sa, { local: sa.local, remote: sa.peer, localProxy: responderProxy, remoteProxy: initiatorProxy, offered });
    if (!check.ok) return reject(ctx, sa, messageId, offered[0], check.notifyType);
    const exchange: QuickModeExchange = {
      messageId, role: 'R', awaiting: 'QM1', iv: arrived.nextIv, inboundSpi: 0, lastReceived: arrived.bytes,
      request: { policy: check.verdict.policy, localProxy: responderProxy, remoteProxy: initiatorProxy, peer: sa.peer, localAddress: sa.local },
      offer: { transforms: [check.verdict.transform], protocolId: check.offered.protocolId, lifetimeSeconds: 0, lifetimeKilobytes: 0 },
      policy: check.verdict.policy, chosen: check.verdict.transform, outboundSpi: check.offered.spi, initiatorNonce: qm1.initiatorNonce,
    };
    sa.exchanges.set(messageId, exchange);
    acceptQm1(ctx, sa, exchange, qm1, check.offered, job);
  });
}

/** The rest of QM1 as IOS reports it, our SPI from the data plane, PFS, then QM2. */
function acceptQm1(ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange, qm1: Qm1Contents, offered: OfferedTransform, job: CpuJob): void {
  const { messageId } = exchange;
  ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'NONCE', messageId });
  const change = agreeOnOffer(exchange, offered, exchange.policy!);
  const ke = firstPayloadOfKind(qm1.rest, 'ke');
  if (ke !== undefined) {
    ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'KE', messageId });
    exchange.peerPublic = ke.data;
  }
  for (const payload of qm1.rest) if (payload.kind === 'id') ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'ID', messageId });
  ctx.emit({ kind: 'asking-for-spis', connId: sa.connId, count: 1 });
  exchange.inboundSpi = ctx.port.allocateSpi(sa.local, sa.peer, exchange.offer.protocolId);
  ctx.emit({ kind: 'ke-message', index: 2, total: 1 });
  exchange.responderNonce = nonce(ctx.random);
  pfsKeyPair(ctx, exchange, job, () => pfsSharedSecret(ctx, exchange, job, (ok) => {
    if (!ok) {
      sa.exchanges.delete(messageId);
      return reject(ctx, sa, messageId, offered, NotifyType.invalidKeyInformation);
    }
    sendQm2(ctx, sa, exchange, answerSa(qm1.offer, offered, exchange.inboundSpi), change, qm1.rest, job);
  }));
}

/**
 * The agreed offer: the accepted transform, its PFS group, and for each lifetime the shorter of
 * the initiator's and ours; what we shortened is told back in a RESPONDER-LIFETIME notify.
 */
function agreeOnOffer(exchange: QuickModeExchange, offered: OfferedTransform, local: { lifetimeSeconds: number; lifetimeKilobytes: number }): LifetimeChange {
  const seconds = offered.lifetimeSeconds ?? local.lifetimeSeconds;
  const kilobytes = offered.lifetimeKilobytes ?? local.lifetimeKilobytes;
  exchange.offer = {
    transforms: [exchange.chosen!], protocolId: offered.protocolId,
    ...(offered.pfsGroup === undefined ? {} : { pfsGroup: offered.pfsGroup }),
    lifetimeSeconds: Math.min(seconds, local.lifetimeSeconds),
    lifetimeKilobytes: Math.min(kilobytes, local.lifetimeKilobytes),
  };
  return {
    ...(local.lifetimeSeconds < seconds ? { seconds: local.lifetimeSeconds } : {}),
    ...(local.lifetimeKilobytes < kilobytes ? { kilobytes: local.lifetimeKilobytes } : {}),
  };
}

/** The chosen proposal as offered, with our SPI instead of the initiator's. */
function answerSa(offer: SaPayload, chosen: OfferedTransform, spi: number): SaPayload {
  const proposal = offer.proposals.find((p) => p.transforms.includes(chosen.transform))!;
  return { ...offer, proposals: [{ ...proposal, spi: spiBytes(spi), transforms: [chosen.transform] }] };
}

function sendQm2(
  ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange, chosen: SaPayload, change: LifetimeChange,
  received: IsakmpPayload[], job: CpuJob,
): void {
  ctx.emit({ kind: 'engine-hmac-context', connId: sa.connId });
  job.then('hmac', () => {
    const lifetimeNotify = change.seconds === undefined && change.kilobytes === undefined ? [] : [notifyPayload(
      exchange.offer.protocolId, NotifyType.responderLifetime, spiBytes(exchange.inboundSpi), lifetimeAttributesOf(change))];
    const payloads: IsakmpPayload[] = [
      chosen,
      { kind: 'nonce', data: exchange.responderNonce! },
      ...(exchange.ownPublic === undefined ? [] : [{ kind: 'ke' as const, data: exchange.ownPublic }]),
      ...received.filter((payload) => payload.kind === 'id'),
      ...lifetimeNotify,
    ];
    const hash = quickModeHash2(sa.suite!.hash.hash, sa.keys!.skeyidA, exchange.messageId, exchange.initiatorNonce!, encodePayloadChain(payloads).bytes);
    const sent = encryptedMessage(headerOf(sa, QUICK, exchange.messageId), [{ kind: 'hash', data: hash }, ...payloads], cipherOf(sa)!, exchange.iv);
    exchange.iv = sent.nextIv;
    exchange.awaiting = 'QM3';
    sendPhase2(ctx, sa, exchange, sent.bytes, true);
  });
}

/** QM3: HASH(3); the pair is created, the node deleted, the pair installed. */
export function responderQm3(ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange, payloads: IsakmpPayload[], job: CpuJob): void {
  const hashPayload = payloads[0];
  if (hashPayload?.kind !== 'hash') return badMessage(ctx, sa, 'malformed', exchange);
  ctx.emit({ kind: 'engine-hmac-context', connId: sa.connId });
  job.then('hmac', () => {
    const hash = quickModeHash3(sa.suite!.hash.hash, sa.keys!.skeyidA, exchange.messageId, exchange.initiatorNonce!, exchange.responderNonce!);
    if (!bytesEqual(hash, hashPayload.data)) return badMessage(ctx, sa, 'badHash', exchange);
    stopPhase2Retransmission(exchange);
    const pair = prepareSaPair(ctx, sa, exchange);
    exchange.awaiting = 'done';
    ctx.emit({ kind: 'deleting-node', connId: sa.connId, messageId: exchange.messageId, error: false, reason: 'responder-quick-mode-done' });
    ctx.port.installSaPair(pair.install, pair.connIds);
    ctx.quickModeDone(exchange.messageId);
    schedulePurge(ctx, sa, exchange);
  });
}

/** The data plane refused: IOS's lines, a NOTIFY naming the initiator's SPI, and the node goes. */
function reject(ctx: IkeContext, sa: IsakmpSa, messageId: number, offered: OfferedTransform | undefined, notifyType: number): void {
  ctx.emit({ kind: 'ipsec-policy-invalidated', connId: sa.connId });
  ctx.emit({ kind: 'phase2-not-acceptable', connId: sa.connId, local: sa.local, remote: sa.peer });
  const spi = offered?.spi === undefined ? new Uint8Array(0) : spiBytes(offered.spi);
  sendInformational(ctx, sa, notifyPayload(offered?.protocolId ?? 0, notifyType, spi));
  ctx.emit({ kind: 'deleting-node', connId: sa.connId, messageId, error: true, reason: 'quick-mode-rejected' });
  ctx.emit({ kind: 'mode-failure', mode: 'Quick', peer: sa.peer });
}
