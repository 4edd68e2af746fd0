import { bytesEqual } from '../wire/bytes.ts';
import {
  encodePayloadChain, ExchangeType, firstPayloadOfKind, NotifyType,
  type IsakmpPayload, type SaPayload,
} from '../wire/isakmp/index.ts';
import { ISAKMP_PROTOCOL_ID, protocolsOf, type PerProtocol } from '../ipsec/ipsec-port.ts';
import type { CpuJob } from './cpu-queue.ts';
import type { IkeContext } from './ike-context.ts';
import { notifyPayload, sendInformational } from './informational.ts';
import type { IsakmpSa, QuickModeExchange } from './isakmp-sa.ts';
import { quickModeHash1, quickModeHash2, quickModeHash3 } from './keymat.ts';
import { cipherOf, encryptedMessage, headerOf } from './message-crypto.ts';
import { nonce } from './phase1-steps.ts';
import { readIpsecOffer, spiBytes, type OfferedPart, type OfferedTransform } from './phase2-proposal.ts';
import {
  allocateInboundSpis, checkIpsecOffer, lifetimeAttributesOf, pfsKeyPair, pfsSharedSecret, prepareSaPair, proxiesOf, schedulePurge,
  type ChosenPart, type LifetimeChange,
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
  const { messageId } = arrived;
  // A QM1 that does not check out never started an exchange: its message ID stays free.
  const refuse = (counter: 'malformed' | 'badHash') => {
    sa.messageIds.delete(messageId);
    badMessage(ctx, sa, counter);
  };
  const qm1 = qm1Contents(sa, payloads);
  if (qm1 === undefined) return refuse('malformed');
  ctx.emit({ kind: 'engine-hmac-context', connId: sa.connId });
  job.then('hmac', () => {
    const hash = quickModeHash1(sa.suite!.hash.hash, sa.keys!.skeyidA, messageId, encodePayloadChain(qm1.rest).bytes);
    if (!bytesEqual(hash, qm1.hash)) return refuse('badHash');
    ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'HASH', messageId });
    ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'SA', messageId });
    const offered = readIpsecOffer(qm1.offer);
    const { responderProxy, initiatorProxy } = qm1.proxies;
    const check = checkIpsecOffer(ctx, sa, { local: sa.local, remote: sa.peer, localProxy: responderProxy, remoteProxy: initiatorProxy, offered });
    if (!check.ok) return reject(ctx, sa, messageId, offered[0]?.parts[0], check.notifyType);
    const exchange: QuickModeExchange = {
      messageId, role: 'R', awaiting: 'QM1', iv: arrived.nextIv, inboundSpis: {}, lastReceived: arrived.bytes,
      request: { policy: check.verdict.policy, localProxy: responderProxy, remoteProxy: initiatorProxy, peer: sa.peer, localAddress: sa.local },
      offer: { transforms: [check.verdict.transform], lifetimeSeconds: 0, lifetimeKilobytes: 0 },
      policy: check.verdict.policy, chosen: check.verdict.transform, outboundSpis: spisOf(check.parts), initiatorNonce: qm1.initiatorNonce,
    };
    sa.exchanges.set(messageId, exchange);
    acceptQm1(ctx, sa, exchange, qm1, check.parts, job);
  });
}

/** The SPIs the initiator offered for the chosen parts: our outbound SAs. */
function spisOf(parts: readonly ChosenPart[]): PerProtocol<number> {
  const spis: PerProtocol<number> = {};
  for (const part of parts) if (part.spi !== undefined) spis[part.protocol] = part.spi;
  return spis;
}

/** The rest of QM1 as IOS reports it, our SPIs from the data plane, PFS, then QM2. */
function acceptQm1(ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange, qm1: Qm1Contents, parts: ChosenPart[], job: CpuJob): void {
  const { messageId } = exchange;
  ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'NONCE', messageId });
  const offered = parts[0]!.offered;
  const change = agreeOnOffer(exchange, offered, exchange.policy!);
  const ke = firstPayloadOfKind(qm1.rest, 'ke');
  if (ke !== undefined) {
    ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'KE', messageId });
    exchange.peerPublic = ke.data;
  }
  for (const payload of qm1.rest) if (payload.kind === 'id') ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'ID', messageId });
  allocateInboundSpis(ctx, sa, exchange, parts.map((part) => part.protocol));
  ctx.emit({ kind: 'ke-message', index: 2, total: 1 });
  exchange.responderNonce = nonce(ctx.random);
  pfsKeyPair(ctx, exchange, job, () => pfsSharedSecret(ctx, exchange, job, (ok) => {
    if (!ok) {
      sa.exchanges.delete(messageId);
      return reject(ctx, sa, messageId, { protocolId: offered.protocolId, spi: offered.spi }, NotifyType.invalidKeyInformation);
    }
    sendQm2(ctx, sa, exchange, answerSa(qm1.offer, parts, exchange.inboundSpis), change, qm1.rest, job);
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
    transforms: [exchange.chosen!],
    ...(offered.pfsGroup === undefined ? {} : { pfsGroup: offered.pfsGroup }),
    lifetimeSeconds: Math.min(seconds, local.lifetimeSeconds),
    lifetimeKilobytes: Math.min(kilobytes, local.lifetimeKilobytes),
  };
  return {
    ...(local.lifetimeSeconds < seconds ? { seconds: local.lifetimeSeconds } : {}),
    ...(local.lifetimeKilobytes < kilobytes ? { kilobytes: local.lifetimeKilobytes } : {}),
  };
}

/** The chosen proposal as offered, each part with its chosen transform and our SPI instead of the initiator's. */
function answerSa(offer: SaPayload, parts: readonly ChosenPart[], spis: PerProtocol<number>): SaPayload {
  const proposals = parts.map((part) => {
    const proposal = offer.proposals.find((p) => p.transforms.includes(part.offered.transform))!;
    return { ...proposal, spi: spiBytes(spis[part.protocol]!), transforms: [part.offered.transform] };
  });
  return { ...offer, proposals };
}

function sendQm2(
  ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange, chosen: SaPayload, change: LifetimeChange,
  received: IsakmpPayload[], job: CpuJob,
): void {
  ctx.emit({ kind: 'engine-hmac-context', connId: sa.connId });
  job.then('hmac', () => {
    const [protocol] = protocolsOf(exchange.chosen!);
    const lifetimeNotify = protocol === undefined || (change.seconds === undefined && change.kilobytes === undefined) ? [] : [notifyPayload(
      ISAKMP_PROTOCOL_ID[protocol], NotifyType.responderLifetime, spiBytes(exchange.inboundSpis[protocol]!), lifetimeAttributesOf(change))];
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

/** The data plane refused: IOS's line, a NOTIFY naming the initiator's SPI, and the node goes. */
function reject(ctx: IkeContext, sa: IsakmpSa, messageId: number, offered: Pick<OfferedPart, 'protocolId' | 'spi'> | undefined, notifyType: number): void {
  ctx.emit({ kind: 'phase2-not-acceptable', connId: sa.connId });
  const spi = offered?.spi === undefined ? new Uint8Array(0) : spiBytes(offered.spi);
  sendInformational(ctx, sa, notifyPayload(offered?.protocolId ?? 0, notifyType, spi));
  ctx.emit({ kind: 'deleting-node', connId: sa.connId, messageId, error: true, reason: 'quick-mode-rejected' });
  ctx.emit({ kind: 'mode-failure', mode: 'Quick', peer: sa.peer });
}
