import { bytesEqual, concatBytes } from '../wire/bytes.ts';
import {
  Doi, encodePayloadChain, ExchangeType, NOTIFY_STATUS_FIRST, ProtocolId,
  type DeletePayload, type IsakmpBody, type IsakmpPayload, type NotifyPayload,
} from '../wire/isakmp/index.ts';
import type { CpuJob } from './cpu-queue.ts';
import type { IkeContext } from './ike-context.ts';
import { informationalHash, messageIv } from './keymat.ts';
import { cipherOf, decryptBody, encryptedMessage, headerOf, plainMessage } from './message-crypto.ts';
import type { IsakmpSa } from './isakmp-sa.ts';
import { sendPacket, stopPhase2Retransmission } from './retransmission.ts';
import { ipsecProtocolOf, spiNumber } from './phase2-proposal.ts';

/**
 * Informational exchanges (RFC 2409 5.7): NOTIFY and DELETE, protected by HASH(1) and
 * encrypted under the ISAKMP SA once phase 1 is done, in the clear before that.
 */

/** A fresh non-zero message ID that no exchange of the SA has used, kept as used from now on. */
export function newMessageId(ctx: IkeContext, sa: IsakmpSa): number {
  for (;;) {
    const id = ctx.random.uint32();
    if (id !== 0 && !sa.exchanges.has(id) && !sa.messageIds.has(id)) {
      sa.messageIds.add(id);
      return id;
    }
  }
}

export function notifyPayload(protocolId: number, notifyType: number, spi: Uint8Array, data: Uint8Array = new Uint8Array(0)): NotifyPayload {
  return { kind: 'notify', doi: Doi.ipsec, protocolId, notifyType, spi, data };
}

/** Sends one NOTIFY or DELETE: protected when the SA is established, plain otherwise. */
export function sendInformational(ctx: IkeContext, sa: IsakmpSa, payload: NotifyPayload | DeletePayload): void {
  const messageId = newMessageId(ctx, sa);
  const header = headerOf(sa, ExchangeType.informational, messageId);
  const crypto = cipherOf(sa);
  if (!sa.established || crypto === undefined || sa.phase1Iv === undefined) {
    sendPacket(ctx, sa, plainMessage(header, [payload]));
    return;
  }
  const hash = sa.suite!.hash.hash;
  const iv = messageIv(hash, sa.phase1Iv, messageId, crypto.cipher.blockSize);
  const rest = encodePayloadChain([payload]).bytes;
  const hashPayload: IsakmpPayload = { kind: 'hash', data: informationalHash(hash, sa.keys!.skeyidA, messageId, rest) };
  sendPacket(ctx, sa, encryptedMessage(header, [hashPayload, payload], crypto, iv).bytes);
}

/** Tells the peer an ISAKMP SA is gone: protocol ISAKMP, the two cookies as its SPI. */
export function sendIsakmpDelete(ctx: IkeContext, sa: IsakmpSa): void {
  sendInformational(ctx, sa, {
    kind: 'delete', doi: Doi.ipsec, protocolId: ProtocolId.isakmp, spiSize: 16,
    spis: [concatBytes(sa.initiatorCookie, sa.responderCookie)],
  });
}

/** Receives an informational exchange under `sa`; anything that does not check out is dropped and counted. */
export function receiveInformational(ctx: IkeContext, sa: IsakmpSa, messageId: number, body: IsakmpBody, job: CpuJob): void {
  const crypto = cipherOf(sa);
  if (!body.encrypted) {
    ctx.counters.unexpected++;
    if (body.payloads.some((payload) => payload.kind === 'notify')) ctx.emit({ kind: 'notify-without-hash', connId: sa.connId });
    return;
  }
  if (!sa.established || crypto === undefined || sa.phase1Iv === undefined) {
    ctx.counters.unexpected++;
    return;
  }
  const hash = sa.suite!.hash.hash;
  const iv = messageIv(hash, sa.phase1Iv, messageId, crypto.cipher.blockSize);
  const decrypted = decryptBody(body.firstPayload, body.encryptedBody, crypto, iv);
  if (!decrypted.ok || decrypted.payloads[0]?.kind !== 'hash') {
    ctx.counters.malformed++;
    ctx.emit({ kind: 'bad-message', peer: sa.peer });
    return;
  }
  const [hashPayload, ...rest] = decrypted.payloads as [IsakmpPayload & { kind: 'hash' }, ...IsakmpPayload[]];
  ctx.emit({ kind: 'engine-hmac-context', connId: sa.connId });
  job.then('hmac', () => {
    const expected = informationalHash(hash, sa.keys!.skeyidA, messageId, encodePayloadChain(rest).bytes);
    if (!bytesEqual(expected, hashPayload.data)) {
      ctx.counters.badHash++;
      ctx.emit({ kind: 'bad-message', peer: sa.peer });
      return;
    }
    ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'HASH', messageId });
    for (const payload of rest) {
      if (payload.kind === 'notify') processNotify(ctx, sa, payload, messageId);
      if (payload.kind === 'delete') processDelete(ctx, sa, payload, messageId);
    }
    ctx.emit({ kind: 'deleting-node', connId: sa.connId, messageId, error: false, reason: 'informational-in' });
  });
}

/** A refusal of our quick mode names the SPI we offered: that exchange is over. */
function processNotify(ctx: IkeContext, sa: IsakmpSa, notify: NotifyPayload, messageId: number): void {
  const spi = spiNumber(notify.spi);
  ctx.emit({ kind: 'notify-processing', connId: sa.connId, notifyType: notify.notifyType, protocolId: notify.protocolId, spi: spi ?? 0, messageId });
  if (spi === undefined || notify.notifyType >= NOTIFY_STATUS_FIRST) return;
  for (const exchange of sa.exchanges.values()) {
    if (exchange.role !== 'I' || exchange.awaiting !== 'QM2' || !Object.values(exchange.inboundSpis).includes(spi)) continue;
    stopPhase2Retransmission(exchange);
    exchange.awaiting = 'done';
    sa.exchanges.delete(exchange.messageId);
    ctx.emit({ kind: 'deleting-node', connId: sa.connId, messageId: exchange.messageId, error: true, reason: 'proposal-rejected-by-peer' });
  }
}

function processDelete(ctx: IkeContext, sa: IsakmpSa, payload: DeletePayload, messageId: number): void {
  ctx.emit({ kind: 'delete-processing', connId: sa.connId, messageId, spiSize: payload.spiSize });
  if (payload.protocolId === ProtocolId.isakmp) {
    for (const spi of payload.spis) {
      const target = ctx.table.all().find((candidate) => !candidate.deleted && candidate.peer === sa.peer
        && bytesEqual(concatBytes(candidate.initiatorCookie, candidate.responderCookie), spi));
      if (target !== undefined) ctx.cpu.submit('packet', () => ctx.deleteSa(target, 'p1-delete-notify-in'));
    }
    return;
  }
  const spis = payload.spis.map(spiNumber).filter((spi): spi is number => spi !== undefined);
  for (const spi of spis) ctx.emit({ kind: 'deleting-spi', connId: sa.connId, spi, messageId });
  const protocol = ipsecProtocolOf(payload.protocolId);
  if (spis.length > 0 && protocol !== undefined) ctx.port.deleteSas(sa.peer, protocol, spis);
}
