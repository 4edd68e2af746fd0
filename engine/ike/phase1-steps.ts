import { dhAgreedSecret, dhKeyPair, dhPrivateKeyLength, type DhKeyPair, type ModpGroup } from '../crypto/index.ts';
import type { SeededRandom } from '../sim/random.ts';
import { bytesEqual } from '../wire/bytes.ts';
import { IpProtocol } from '../wire/ip-protocols.ts';
import {
  GENERIC_PAYLOAD_HEADER_LENGTH, IdType, idBodyBytes, NotifyType, type IdPayload, type IsakmpPayload, type VendorIdPayload,
} from '../wire/isakmp/index.ts';
import type { CpuJob } from './cpu-queue.ts';
import { phase1Key } from './ike-config.ts';
import type { IkeContext } from './ike-context.ts';
import type { IsakmpSa } from './isakmp-sa.ts';
import { stopPhase1Retransmission } from './retransmission.ts';
import { derivePhase1Keys, hashI, hashR, phase1Iv, type Phase1HashInput } from './keymat.ts';

/**
 * The steps main mode and aggressive mode share: the pre-shared key lookup, Diffie-Hellman,
 * SKEYID, the identity payload, the authentication hashes and the vendor ID. Each expensive
 * step prints what IOS prints before it, then continues after its CPU cost.
 */

/** Cisco IOS's vendor ID, as IOS 12.x routers send it (libreswan and Wireshark know it by its first 4 bytes). */
export const CISCO_IOS_VENDOR_ID = Uint8Array.from([
  0x3e, 0x98, 0x40, 0x48, 0x10, 0x1e, 0x66, 0xcc, 0x65, 0x9f, 0xd0, 0x02, 0xb0, 0xed, 0x36, 0x55,
]);
const CISCO_IOS_VENDOR_ID_PREFIX = CISCO_IOS_VENDOR_ID.slice(0, 4);

export const NONCE_LENGTH = 20;
/** IOS identifies itself by address, as UDP port 500 (the `ID payload` block it prints). */
const IKE_PORT = 500;

export function vendorIdPayload(): VendorIdPayload {
  return { kind: 'vendor-id', data: CISCO_IOS_VENDOR_ID };
}

export function nonce(random: SeededRandom): Uint8Array {
  return random.bytes(NONCE_LENGTH);
}

/** `found peer pre-shared key matching A`; the key is kept on the SA. */
export function lookUpPresharedKey(ctx: IkeContext, sa: IsakmpSa): boolean {
  const key = phase1Key(ctx.config(), sa.peer, sa.role === 'I' && sa.exchange === 'aggressive');
  if (key === undefined) {
    ctx.emit({ kind: 'preshared-key-missing', connId: sa.connId, peer: sa.peer });
    return false;
  }
  ctx.emit({ kind: 'preshared-key-found', connId: sa.connId, peer: sa.peer });
  sa.presharedKey = new TextEncoder().encode(key.key);
  return true;
}

/** A private key from the router's stream: redrawn in the (astronomically rare) case it is 0 or 1. */
export function generateKeyPair(random: SeededRandom, group: ModpGroup): DhKeyPair {
  for (;;) {
    const pair = dhKeyPair(group, random.bytes(dhPrivateKeyLength(group)));
    if (pair.ok) return pair.value;
  }
}

/** `generate alg parameter`, the key pair, `Dh phase 1 status: 0` twice. */
export function phase1KeyPair(ctx: IkeContext, sa: IsakmpSa, job: CpuJob, next: (publicKey: Uint8Array) => void): void {
  const group = sa.suite!.group;
  ctx.emit({ kind: 'engine-generate-alg-parameter' });
  job.then('dh-keygen', () => {
    const keyPair = generateKeyPair(ctx.random, group);
    sa.dh = { slot: ctx.table.allocateDhSlot(), keyPair };
    ctx.emit({ kind: 'engine-dh-status', status: 0 });
    ctx.emit({ kind: 'engine-dh-status', status: 0 });
    next(keyPair.publicKey);
  });
}

/** `generate alg parameter` for g^xy; undefined when the peer's public value is unusable. */
export function phase1SharedSecret(ctx: IkeContext, sa: IsakmpSa, peerPublic: Uint8Array, job: CpuJob, next: (secret: Uint8Array | undefined) => void): void {
  ctx.emit({ kind: 'engine-generate-alg-parameter' });
  job.then('dh-shared', () => {
    const secret = sa.dh && sa.suite ? dhAgreedSecret(sa.suite.group, sa.dh.keyPair, peerPublic) : undefined;
    next(secret?.ok ? secret.value : undefined);
  });
}

/** `create ISAKMP SKEYID`, the keys and the first phase-1 IV, `SKEYID state generated`. */
export function phase1Keys(ctx: IkeContext, sa: IsakmpSa, sharedSecret: Uint8Array, job: CpuJob, next: () => void): void {
  ctx.emit({ kind: 'engine-create-skeyid', connId: sa.connId });
  job.then('skeyid', () => {
    const suite = sa.suite!;
    sa.keys = derivePhase1Keys({
      hash: suite.hash.hash,
      preSharedKey: sa.presharedKey ?? new Uint8Array(0),
      initiatorNonce: sa.initiatorNonce!,
      responderNonce: sa.responderNonce!,
      sharedSecret,
      initiatorCookie: sa.initiatorCookie,
      responderCookie: sa.responderCookie,
      encryptionKeyLength: suite.encryption.cipher.keyLength,
    });
    sa.phase1Iv = phase1Iv(suite.hash.hash, sa.initiatorPublic!, sa.responderPublic!, suite.encryption.cipher.blockSize);
    ctx.recordKeys(sa);
    ctx.emit({ kind: 'skeyid-generated', connId: sa.connId });
    next();
  });
}

/** Our identity (ID_IPV4_ADDR, UDP 500), printed as IOS's `ID payload` block; `nextPayload` is what follows it. */
export function identityPayload(ctx: IkeContext, sa: IsakmpSa, nextPayload: number): IdPayload {
  const data = new Uint8Array(4);
  new DataView(data.buffer).setUint32(0, sa.local >>> 0);
  const id: IdPayload = { kind: 'id', idType: IdType.ipv4Addr, protocolId: IpProtocol.udp, port: IKE_PORT, data };
  const body = idBodyBytes(id);
  if (sa.role === 'I') sa.initiatorIdBody = body;
  else sa.responderIdBody = body;
  ctx.emit({ kind: 'id-payload', connId: sa.connId, nextPayload, idType: id.idType, protocol: id.protocolId, port: id.port, length: body.length });
  ctx.emit({ kind: 'total-payload-length', connId: sa.connId, length: body.length + GENERIC_PAYLOAD_HEADER_LENGTH });
  return id;
}

function hashInput(sa: IsakmpSa): Phase1HashInput {
  return {
    hash: sa.suite!.hash.hash,
    skeyid: sa.keys!.skeyid,
    initiatorPublic: sa.initiatorPublic!,
    responderPublic: sa.responderPublic!,
    initiatorCookie: sa.initiatorCookie,
    responderCookie: sa.responderCookie,
    initiatorSaBody: sa.initiatorSaBody!,
  };
}

/** HASH_I or HASH_R after `generate hmac context`. */
export function authenticationHash(ctx: IkeContext, sa: IsakmpSa, of: 'I' | 'R', job: CpuJob, next: (hash: Uint8Array) => void): void {
  ctx.emit({ kind: 'engine-hmac-context', connId: sa.connId });
  job.then('hmac', () => {
    const input = hashInput(sa);
    next(of === 'I' ? hashI(input, sa.initiatorIdBody!) : hashR(input, sa.responderIdBody!));
  });
}

/**
 * Checks the peer's HASH_I/HASH_R. A mismatch (a forged or corrupted message) is counted,
 * logged and forgotten: the CBC chain goes back to where it was, so the genuine message,
 * resent, still decrypts.
 */
export function verifyPeerHash(ctx: IkeContext, sa: IsakmpSa, received: Uint8Array, job: CpuJob, next: () => void): void {
  authenticationHash(ctx, sa, sa.role === 'I' ? 'R' : 'I', job, (expected) => {
    if (!bytesEqual(expected, received)) {
      ctx.counters.badHash++;
      ctx.emit({ kind: 'bad-message', peer: sa.peer });
      if (sa.ivBeforeLastMessage !== undefined) sa.phase1Iv = sa.ivBeforeLastMessage;
      sa.lastReceived = undefined;
      return;
    }
    stopPhase1Retransmission(sa);
    next();
  });
}

/** `processing vendor id payload`, and `speaking to another IOS box!` for Cisco's. */
export function processVendorIds(ctx: IkeContext, sa: Pick<IsakmpSa, 'connId'>, payloads: readonly IsakmpPayload[]): void {
  for (const payload of payloads) {
    if (payload.kind !== 'vendor-id') continue;
    ctx.emit({ kind: 'vendor-id', connId: sa.connId });
    if (bytesEqual(payload.data.slice(0, 4), CISCO_IOS_VENDOR_ID_PREFIX)) ctx.emit({ kind: 'ios-peer', connId: sa.connId });
  }
}

/**
 * Notifies that come with the peer's identity (MM5, MM6, AM2, AM3), read once the hash holds.
 * INITIAL-CONTACT (RFC 2407 4.6.3.3) says the peer has just started and lost every SA it had
 * with us: IOS brings down the old phase 1 and 2 SAs with it.
 */
export function processPhase1Notifies(ctx: IkeContext, sa: IsakmpSa, payloads: readonly IsakmpPayload[]): void {
  for (const payload of payloads) {
    if (payload.kind !== 'notify') continue;
    ctx.emit({ kind: 'notify-processing', connId: sa.connId, notifyType: payload.notifyType, protocolId: payload.protocolId, spi: 0, messageId: 0 });
    if (payload.notifyType !== NotifyType.initialContact) continue;
    ctx.emit({ kind: 'initial-contact', connId: sa.connId });
    ctx.initialContact(sa);
  }
}

/** Phase 1 no longer needs its Diffie-Hellman number: `clear dh number for conn id N`. */
export function clearDh(ctx: IkeContext, sa: IsakmpSa): void {
  if (sa.dh === undefined) return;
  ctx.emit({ kind: 'engine-clear-dh', dhSlot: sa.dh.slot });
  ctx.table.releaseDhSlot(sa.dh.slot);
  sa.dh = undefined;
}
