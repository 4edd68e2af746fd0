import {
  ExchangeType, firstPayloadOfKind, idBodyBytes, NotifyType, PayloadType, ProtocolId, saBodyBytes,
  type IsakmpPayload, type SaPayload,
} from '../wire/isakmp/index.ts';
import type { CpuJob } from './cpu-queue.ts';
import { policiesToCheck, policiesToOffer } from './ike-config.ts';
import type { IkeContext } from './ike-context.ts';
import { notifyPayload, sendInformational } from './informational.ts';
import type { IsakmpSa } from './isakmp-sa.ts';
import { cipherOf, encryptedMessage, headerOf, plainMessage } from './message-crypto.ts';
import { choosePhase1Transform, phase1SaPayload, type Phase1Choice } from './phase1-proposal.ts';
import {
  authenticationHash, clearDh, identityPayload, lookUpPresharedKey, nonce, phase1KeyPair, phase1Keys, processPhase1Notifies,
  phase1SharedSecret, processVendorIds, vendorIdPayload, verifyPeerHash,
} from './phase1-steps.ts';
import { sendPhase1 } from './retransmission.ts';

/**
 * Main mode (identity protection, RFC 2409 5) with pre-shared keys, message by message, with
 * the lines IOS 12.2 prints: SA (MM1/MM2), KE + nonce + vendor ID (MM3/MM4), then identity
 * and hash encrypted (MM5/MM6). The transition table (exchange-table.ts) says which handler
 * takes which message in which state.
 */

const MAIN = ExchangeType.identityProtection;

/** A message lacked a payload its step needs: a malformed packet as far as IOS is concerned, dropped and forgotten. */
export function malformed(ctx: IkeContext, sa: IsakmpSa): void {
  ctx.counters.malformed++;
  ctx.emit({ kind: 'bad-message', peer: sa.peer });
  if (sa.ivBeforeLastMessage !== undefined) sa.phase1Iv = sa.ivBeforeLastMessage;
  sa.lastReceived = undefined;
}

/** The initiator's SA payload is kept: both hashes cover its body. */
export function offerPhase1(ctx: IkeContext, sa: IsakmpSa): SaPayload {
  const offer = phase1SaPayload(policiesToOffer(ctx.config()));
  sa.initiatorSaBody = saBodyBytes(offer);
  return offer;
}

/** MM1: the initiator's SA payload; `announce` prints `beginning Main Mode exchange` first. */
export function startMainMode(ctx: IkeContext, sa: IsakmpSa, announce = true): void {
  if (announce) ctx.emit({ kind: 'beginning-exchange', connId: sa.connId, exchange: 'main' });
  sendPhase1(ctx, sa, plainMessage(headerOf(sa, MAIN, 0), [offerPhase1(ctx, sa)]), true);
}

/** The responder's policy check of an SA payload; on failure the peer hears NO-PROPOSAL-CHOSEN and the SA goes. */
export function checkPhase1Offer(ctx: IkeContext, sa: IsakmpSa, offer: SaPayload, mode: 'Main' | 'Aggressive'): Phase1Choice | undefined {
  ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'SA', messageId: 0 });
  const hasKey = lookUpPresharedKey(ctx, sa);
  const choice = choosePhase1Transform(offer, policiesToCheck(ctx.config()), hasKey, sa.connId, (event) => ctx.emit(event));
  if (choice !== undefined) {
    sa.suite = choice.suite;
    return choice;
  }
  ctx.emit({ kind: 'phase1-not-acceptable', connId: sa.connId });
  if (sa.role === 'R') sendInformational(ctx, sa, notifyPayload(ProtocolId.isakmp, NotifyType.noProposalChosen, new Uint8Array(0)));
  ctx.emit({ kind: 'mode-failure', mode, peer: sa.peer });
  ctx.deleteSa(sa, 'phase1-proposal-not-accepted');
  return undefined;
}

/** The responder answers with the one transform it accepted, as it was offered. */
export function chosenSaPayload(offer: SaPayload, choice: Phase1Choice): SaPayload {
  const proposal = offer.proposals.find((p) => p.transforms.includes(choice.transform)) ?? offer.proposals[0]!;
  return { ...offer, proposals: [{ ...proposal, transforms: [choice.transform] }] };
}

/** MM1 at the responder (a new SA): policy check, our DH key pair, MM2. */
export function responderMm1(ctx: IkeContext, sa: IsakmpSa, payloads: IsakmpPayload[], job: CpuJob): void {
  const offer = firstPayloadOfKind(payloads, 'sa');
  if (offer === undefined) return malformed(ctx, sa);
  const choice = checkPhase1Offer(ctx, sa, offer, 'Main');
  if (choice === undefined) return;
  sa.initiatorSaBody = saBodyBytes(offer);
  phase1KeyPair(ctx, sa, job, (publicKey) => {
    sa.responderPublic = publicKey;
    sa.responderNonce = nonce(ctx.random);
    ctx.emit({ kind: 'psk-authentication', connId: sa.connId });
    sa.state = 'MM_SA_SETUP';
    sendPhase1(ctx, sa, plainMessage(headerOf(sa, MAIN, 0), [chosenSaPayload(offer, choice)]), true);
  });
}

/** MM2 at the initiator: the responder's choice, checked against our policies; our KE and nonce (MM3). */
export function initiatorMm2(ctx: IkeContext, sa: IsakmpSa, payloads: IsakmpPayload[], job: CpuJob): void {
  const answer = firstPayloadOfKind(payloads, 'sa');
  if (answer === undefined) return malformed(ctx, sa);
  if (checkPhase1Offer(ctx, sa, answer, 'Main') === undefined) return;
  phase1KeyPair(ctx, sa, job, (publicKey) => {
    sa.initiatorPublic = publicKey;
    sa.initiatorNonce = nonce(ctx.random);
    ctx.emit({ kind: 'psk-authentication', connId: sa.connId });
    sa.state = 'MM_SA_SETUP';
    const message = [
      { kind: 'ke', data: publicKey }, { kind: 'nonce', data: sa.initiatorNonce }, vendorIdPayload(),
    ] satisfies IsakmpPayload[];
    sendPhase1(ctx, sa, plainMessage(headerOf(sa, MAIN, 0), message), true);
  });
}

/** KE and nonce of MM3/MM4: g^xy, the key lookup again, SKEYID, then the vendor IDs. */
function keyExchange(ctx: IkeContext, sa: IsakmpSa, payloads: IsakmpPayload[], job: CpuJob, next: () => void): void {
  const ke = firstPayloadOfKind(payloads, 'ke');
  const peerNonce = firstPayloadOfKind(payloads, 'nonce');
  if (ke === undefined || peerNonce === undefined) return malformed(ctx, sa);
  ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'KE', messageId: 0 });
  if (sa.role === 'I') sa.responderPublic = ke.data;
  else sa.initiatorPublic = ke.data;
  phase1SharedSecret(ctx, sa, ke.data, job, (secret) => {
    if (secret === undefined) return malformed(ctx, sa);
    ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'NONCE', messageId: 0 });
    if (sa.role === 'I') sa.responderNonce = peerNonce.data;
    else sa.initiatorNonce = peerNonce.data;
    lookUpPresharedKey(ctx, sa);
    phase1Keys(ctx, sa, secret, job, () => {
      processVendorIds(ctx, sa, payloads);
      next();
    });
  });
}

/** MM3 at the responder: keys, then our KE, nonce and vendor ID (MM4). */
export function responderMm3(ctx: IkeContext, sa: IsakmpSa, payloads: IsakmpPayload[], job: CpuJob): void {
  keyExchange(ctx, sa, payloads, job, () => {
    sa.state = 'MM_KEY_EXCH';
    const message = [
      { kind: 'ke', data: sa.responderPublic! }, { kind: 'nonce', data: sa.responderNonce! }, vendorIdPayload(),
    ] satisfies IsakmpPayload[];
    sendPhase1(ctx, sa, plainMessage(headerOf(sa, MAIN, 0), message), true);
  });
}

/** MM4 at the initiator: keys, then our identity and HASH_I, encrypted (MM5). */
export function initiatorMm4(ctx: IkeContext, sa: IsakmpSa, payloads: IsakmpPayload[], job: CpuJob): void {
  keyExchange(ctx, sa, payloads, job, () => {
    const id = identityPayload(ctx, sa, PayloadType.hash);
    authenticationHash(ctx, sa, 'I', job, (hash) => {
      sa.state = 'MM_KEY_EXCH';
      const sent = encryptedMessage(headerOf(sa, MAIN, 0), [id, { kind: 'hash', data: hash }], cipherOf(sa)!, sa.phase1Iv!);
      sa.phase1Iv = sent.nextIv;
      sendPhase1(ctx, sa, sent.bytes, true);
    });
  });
}

/** The peer's identity and hash of MM5/MM6 (already decrypted), checked. */
function peerIdentity(ctx: IkeContext, sa: IsakmpSa, payloads: IsakmpPayload[], job: CpuJob, next: () => void): void {
  const id = firstPayloadOfKind(payloads, 'id');
  const hash = firstPayloadOfKind(payloads, 'hash');
  if (id === undefined || hash === undefined) return malformed(ctx, sa);
  ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'ID', messageId: 0 });
  const body = idBodyBytes(id);
  if (sa.role === 'I') sa.responderIdBody = body;
  else sa.initiatorIdBody = body;
  ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'HASH', messageId: 0 });
  verifyPeerHash(ctx, sa, hash.data, job, () => {
    ctx.emit({ kind: 'authenticated', connId: sa.connId, peer: sa.peer });
    sa.state = 'MM_KEY_AUTH';
    processPhase1Notifies(ctx, sa, payloads);
    next();
  });
}

/** MM5 at the responder: the initiator is authenticated; our identity and HASH_R (MM6); phase 1 is done. */
export function responderMm5(ctx: IkeContext, sa: IsakmpSa, payloads: IsakmpPayload[], job: CpuJob): void {
  peerIdentity(ctx, sa, payloads, job, () => {
    const id = identityPayload(ctx, sa, PayloadType.hash);
    authenticationHash(ctx, sa, 'R', job, (hash) => {
      clearDh(ctx, sa);
      sa.state = 'QM_IDLE';
      const sent = encryptedMessage(headerOf(sa, MAIN, 0), [id, { kind: 'hash', data: hash }], cipherOf(sa)!, sa.phase1Iv!);
      sa.phase1Iv = sent.nextIv;
      sendPhase1(ctx, sa, sent.bytes, false);
      ctx.phase1Established(sa);
    });
  });
}

/** MM6 at the initiator: the responder is authenticated; phase 1 is done and quick mode may start. */
export function initiatorMm6(ctx: IkeContext, sa: IsakmpSa, payloads: IsakmpPayload[], job: CpuJob): void {
  peerIdentity(ctx, sa, payloads, job, () => {
    sa.state = 'QM_IDLE';
    ctx.phase1Established(sa);
    clearDh(ctx, sa);
  });
}
