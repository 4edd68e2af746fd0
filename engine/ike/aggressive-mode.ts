import {
  ExchangeType, firstPayloadOfKind, idBodyBytes, PayloadType, saBodyBytes,
  type IdPayload, type IsakmpPayload, type SaPayload,
} from '../wire/isakmp/index.ts';
import type { CpuJob } from './cpu-queue.ts';
import { policiesToOffer } from './ike-config.ts';
import type { IkeContext } from './ike-context.ts';
import type { IsakmpSa } from './isakmp-sa.ts';
import { checkPhase1Offer, chosenSaPayload, malformed } from './main-mode.ts';
import { cipherOf, encryptedMessage, headerOf, plainMessage } from './message-crypto.ts';
import { phase1SaPayload } from './phase1-proposal.ts';
import {
  authenticationHash, clearDh, generateKeyPair, identityPayload, lookUpPresharedKey, nonce, phase1KeyPair, phase1Keys,
  phase1SharedSecret, processPhase1Notifies, processVendorIds, vendorIdPayload, verifyPeerHash,
} from './phase1-steps.ts';
import { ikeGroup } from '../crypto/index.ts';
import { sendPhase1 } from './retransmission.ts';

/**
 * Aggressive mode with pre-shared keys (RFC 2409 5.4): three messages, identities in the
 * clear. AM1 carries SA, KE, nonce, identity and vendor ID; AM2 adds the responder's HASH_R;
 * AM3 is HASH_I, encrypted as IOS sends it. States: AG_NO_STATE, AG_INIT_EXCH, AG_AUTH, QM_IDLE.
 */

const AGGRESSIVE = ExchangeType.aggressive;

/**
 * Only one Diffie-Hellman group can be offered (the KE goes with the offer): the policies that
 * share the group of the highest-priority one.
 */
function aggressiveOffer(ctx: IkeContext, sa: IsakmpSa): SaPayload {
  const policies = policiesToOffer(ctx.config());
  const group = policies[0]!.group;
  const offer = phase1SaPayload(policies.filter((policy) => policy.group === group));
  sa.initiatorSaBody = saBodyBytes(offer);
  return offer;
}

/** AM1. Without a key for the peer there is nothing to offer. */
export function startAggressiveMode(ctx: IkeContext, sa: IsakmpSa, job: CpuJob): void {
  if (!lookUpPresharedKey(ctx, sa)) {
    ctx.deleteSa(sa, 'phase1-proposal-not-accepted');
    return;
  }
  const offer = aggressiveOffer(ctx, sa);
  const group = ikeGroup(policiesToOffer(ctx.config())[0]!.group);
  if (!group.ok) return;
  ctx.emit({ kind: 'engine-generate-alg-parameter' });
  job.then('dh-keygen', () => {
    const keyPair = generateKeyPair(ctx.random, group.value);
    sa.dh = { slot: ctx.table.allocateDhSlot(), keyPair };
    ctx.emit({ kind: 'engine-dh-status', status: 0 });
    ctx.emit({ kind: 'engine-dh-status', status: 0 });
    ctx.emit({ kind: 'psk-authentication', connId: sa.connId });
    sa.initiatorPublic = keyPair.publicKey;
    sa.initiatorNonce = nonce(ctx.random);
    const id = identityPayload(ctx, sa, PayloadType.vendorId);
    ctx.emit({ kind: 'beginning-exchange', connId: sa.connId, exchange: 'aggressive' });
    const message: IsakmpPayload[] = [
      offer, { kind: 'ke', data: keyPair.publicKey }, { kind: 'nonce', data: sa.initiatorNonce }, id, vendorIdPayload(),
    ];
    sendPhase1(ctx, sa, plainMessage(headerOf(sa, AGGRESSIVE, 0), message), true);
  });
}

interface PeerMaterial {
  sa: SaPayload;
  ke: Uint8Array;
  nonce: Uint8Array;
  id: IdPayload;
}

function peerMaterial(payloads: IsakmpPayload[]): PeerMaterial | undefined {
  const sa = firstPayloadOfKind(payloads, 'sa');
  const ke = firstPayloadOfKind(payloads, 'ke');
  const peerNonce = firstPayloadOfKind(payloads, 'nonce');
  const id = firstPayloadOfKind(payloads, 'id');
  if (sa === undefined || ke === undefined || peerNonce === undefined || id === undefined) return undefined;
  return { sa, ke: ke.data, nonce: peerNonce.data, id };
}

/** AM1 at the responder (a new SA): policy check, DH, keys, then AM2 with HASH_R. */
export function responderAm1(ctx: IkeContext, sa: IsakmpSa, payloads: IsakmpPayload[], job: CpuJob): void {
  const peer = peerMaterial(payloads);
  if (peer === undefined) return malformed(ctx, sa);
  const choice = checkPhase1Offer(ctx, sa, peer.sa, 'Aggressive');
  if (choice === undefined) return;
  sa.initiatorSaBody = saBodyBytes(peer.sa);
  ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'KE', messageId: 0 });
  sa.initiatorPublic = peer.ke;
  ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'NONCE', messageId: 0 });
  sa.initiatorNonce = peer.nonce;
  ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'ID', messageId: 0 });
  sa.initiatorIdBody = idBodyBytes(peer.id);
  processVendorIds(ctx, sa, payloads);
  phase1KeyPair(ctx, sa, job, (publicKey) => {
    sa.responderPublic = publicKey;
    sa.responderNonce = nonce(ctx.random);
    phase1SharedSecret(ctx, sa, peer.ke, job, (secret) => {
      if (secret === undefined) return malformed(ctx, sa);
      ctx.emit({ kind: 'psk-authentication', connId: sa.connId });
      phase1Keys(ctx, sa, secret, job, () => answerAm1(ctx, sa, chosenSaPayload(peer.sa, choice), job));
    });
  });
}

function answerAm1(ctx: IkeContext, sa: IsakmpSa, chosen: SaPayload, job: CpuJob): void {
  const id = identityPayload(ctx, sa, PayloadType.hash);
  authenticationHash(ctx, sa, 'R', job, (hash) => {
    sa.state = 'AG_INIT_EXCH';
    const message: IsakmpPayload[] = [
      chosen, { kind: 'ke', data: sa.responderPublic! }, { kind: 'nonce', data: sa.responderNonce! }, id,
      { kind: 'hash', data: hash }, vendorIdPayload(),
    ];
    sendPhase1(ctx, sa, plainMessage(headerOf(sa, AGGRESSIVE, 0), message), true);
  });
}

/** AM2 at the initiator: the responder's choice and HASH_R checked; HASH_I encrypted (AM3); phase 1 is done. */
export function initiatorAm2(ctx: IkeContext, sa: IsakmpSa, payloads: IsakmpPayload[], job: CpuJob): void {
  const peer = peerMaterial(payloads);
  const hash = firstPayloadOfKind(payloads, 'hash');
  if (peer === undefined || hash === undefined) return malformed(ctx, sa);
  if (checkPhase1Offer(ctx, sa, peer.sa, 'Aggressive') === undefined) return;
  ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'KE', messageId: 0 });
  sa.responderPublic = peer.ke;
  phase1SharedSecret(ctx, sa, peer.ke, job, (secret) => {
    if (secret === undefined) return malformed(ctx, sa);
    ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'NONCE', messageId: 0 });
    sa.responderNonce = peer.nonce;
    phase1Keys(ctx, sa, secret, job, () => {
      ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'ID', messageId: 0 });
      sa.responderIdBody = idBodyBytes(peer.id);
      ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'HASH', messageId: 0 });
      verifyPeerHash(ctx, sa, hash.data, job, () => {
        ctx.emit({ kind: 'authenticated', connId: sa.connId, peer: sa.peer });
        processVendorIds(ctx, sa, payloads);
        processPhase1Notifies(ctx, sa, payloads);
        sa.state = 'AG_INIT_EXCH';
        authenticationHash(ctx, sa, 'I', job, (hashI) => {
          const sent = encryptedMessage(headerOf(sa, AGGRESSIVE, 0), [{ kind: 'hash', data: hashI }], cipherOf(sa)!, sa.phase1Iv!);
          sa.phase1Iv = sent.nextIv;
          sendPhase1(ctx, sa, sent.bytes, false);
          sa.state = 'QM_IDLE';
          ctx.phase1Established(sa);
          clearDh(ctx, sa);
        });
      });
    });
  });
}

/** AM3 at the responder: HASH_I checked; phase 1 is done. */
export function responderAm3(ctx: IkeContext, sa: IsakmpSa, payloads: IsakmpPayload[], job: CpuJob): void {
  const hash = firstPayloadOfKind(payloads, 'hash');
  if (hash === undefined) return malformed(ctx, sa);
  ctx.emit({ kind: 'processing-payload', connId: sa.connId, payload: 'HASH', messageId: 0 });
  verifyPeerHash(ctx, sa, hash.data, job, () => {
    ctx.emit({ kind: 'authenticated', connId: sa.connId, peer: sa.peer });
    processPhase1Notifies(ctx, sa, payloads);
    sa.state = 'AG_AUTH';
    clearDh(ctx, sa);
    sa.state = 'QM_IDLE';
    ctx.phase1Established(sa);
  });
}
