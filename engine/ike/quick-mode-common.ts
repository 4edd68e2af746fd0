import { dhSharedSecret, ikeGroup } from '../crypto/index.ts';
import type { ProposalVerdict, ProxyIdentity, SaPairInstall } from '../ipsec/ipsec-port.ts';
import { readUint32 } from '../wire/bytes.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import {
  attributeNumber, decodeAttributes, encodeAttributes, IdType, IpsecAttribute, LifeType, NotifyType, numericAttribute,
  tvAttribute, type DataAttribute, type IdPayload, type IsakmpPayload,
} from '../wire/isakmp/index.ts';
import type { CpuJob } from './cpu-queue.ts';
import type { IkeContext } from './ike-context.ts';
import type { IsakmpSa, QuickModeExchange } from './isakmp-sa.ts';
import { ipsecSaKeys } from './keymat.ts';
import { keyLengthsOf, phase2AttributeView, type OfferedTransform } from './phase2-proposal.ts';
import { generateKeyPair } from './phase1-steps.ts';

/**
 * What both ends of quick mode share: proxy identities as ID payloads, the proposal check with
 * IOS's lines and the data plane's verdict, PFS Diffie-Hellman, responder lifetimes, and the
 * creation of the SA pair (`Creating IPsec SAs`).
 */

const HOST_MASK = 0xffffffff;

function addressBytes(...addresses: Ipv4Address[]): Uint8Array {
  const out = new Uint8Array(4 * addresses.length);
  const view = new DataView(out.buffer);
  addresses.forEach((address, index) => view.setUint32(4 * index, address >>> 0));
  return out;
}

/** A host proxy is an ID_IPV4_ADDR, a subnet an ID_IPV4_ADDR_SUBNET (RFC 2407 4.6.2). */
export function proxyIdPayload(proxy: ProxyIdentity): IdPayload {
  const host = proxy.mask >>> 0 === HOST_MASK;
  return {
    kind: 'id',
    idType: host ? IdType.ipv4Addr : IdType.ipv4AddrSubnet,
    protocolId: proxy.protocol,
    port: proxy.port,
    data: host ? addressBytes(proxy.address) : addressBytes(proxy.address, proxy.mask),
  };
}

export function proxyOfId(id: IdPayload): ProxyIdentity | undefined {
  if (id.idType === IdType.ipv4Addr && id.data.length === 4) {
    return { address: readUint32(id.data, 0), mask: HOST_MASK, protocol: id.protocolId, port: id.port };
  }
  if (id.idType === IdType.ipv4AddrSubnet && id.data.length === 8) {
    return { address: readUint32(id.data, 0), mask: readUint32(id.data, 4), protocol: id.protocolId, port: id.port };
  }
  return undefined;
}

/** The proxies a quick mode names, from the initiator's side: IDci then IDcr, or the two peers when absent. */
export function proxiesOf(payloads: readonly IsakmpPayload[], initiator: Ipv4Address, responder: Ipv4Address):
  { initiatorProxy: ProxyIdentity; responderProxy: ProxyIdentity } | undefined {
  const ids = payloads.filter((payload): payload is IdPayload => payload.kind === 'id');
  if (ids.length === 0) {
    const host = (address: Ipv4Address): ProxyIdentity => ({ address, mask: HOST_MASK, protocol: 0, port: 0 });
    return { initiatorProxy: host(initiator), responderProxy: host(responder) };
  }
  const initiatorProxy = ids.length === 2 ? proxyOfId(ids[0]!) : undefined;
  const responderProxy = ids.length === 2 ? proxyOfId(ids[1]!) : undefined;
  return initiatorProxy && responderProxy ? { initiatorProxy, responderProxy } : undefined;
}

export type Phase2Check =
  | { ok: true; offered: OfferedTransform; verdict: Extract<ProposalVerdict, { ok: true }> }
  | { ok: false; notifyType: number };

export interface Phase2CheckInput {
  local: Ipv4Address;
  remote: Ipv4Address;
  localProxy: ProxyIdentity;
  remoteProxy: ProxyIdentity;
  offered: readonly OfferedTransform[];
}

/**
 * Each offered transform in turn: IOS's attribute lines, its own reading (`validate proposal 0`,
 * `atts are acceptable.`), then the data plane's verdict on proxies and transform set. Proxies
 * the data plane refuses end the check with INVALID-ID-INFORMATION; transforms it refuses are
 * skipped, and if none is left the answer is NO-PROPOSAL-CHOSEN.
 */
export function checkIpsecOffer(ctx: IkeContext, sa: IsakmpSa, input: Phase2CheckInput): Phase2Check {
  let lastProposal: number | undefined;
  for (const offer of input.offered) {
    if (offer.proposalNumber !== lastProposal) {
      ctx.emit({ kind: 'checking-ipsec-proposal', connId: sa.connId, proposal: offer.proposalNumber });
      lastProposal = offer.proposalNumber;
    }
    const { transform } = offer;
    ctx.emit({ kind: 'ipsec-transform', transform: transform.transformNumber, protocolId: offer.protocolId, transformId: transform.transformId });
    ctx.emit({ kind: 'transform-attributes' });
    for (const attribute of transform.attributes) ctx.emit({ kind: 'ipsec-attribute', view: phase2AttributeView(attribute) });
    ctx.emit({ kind: 'validate-proposal', result: 0 });
    ctx.emit({ kind: 'ipsec-atts-verdict', connId: sa.connId, acceptable: offer.set !== undefined });
    if (offer.set === undefined || offer.spi === undefined) continue;
    const verdict = ctx.port.validateProposal(input.local, input.remote, input.localProxy, input.remoteProxy, [offer.set], offer.pfsGroup);
    if (verdict.ok) {
      ctx.emit({ kind: 'validate-proposal-request', result: 0 });
      return { ok: true, offered: offer, verdict };
    }
    if (verdict.reason === 'proxy-identities-not-supported') return { ok: false, notifyType: NotifyType.invalidIdInformation };
  }
  return { ok: false, notifyType: NotifyType.noProposalChosen };
}

/** PFS: `generate alg parameter` and a fresh key pair in the negotiated group. */
export function pfsKeyPair(ctx: IkeContext, exchange: QuickModeExchange, job: CpuJob, next: () => void): void {
  const group = exchange.offer.pfsGroup === undefined ? undefined : ikeGroup(exchange.offer.pfsGroup);
  if (group === undefined || !group.ok) return next();
  ctx.emit({ kind: 'engine-generate-alg-parameter' });
  job.then('dh-keygen', () => {
    const keyPair = generateKeyPair(ctx.random, group.value);
    exchange.dh = { slot: ctx.table.allocateDhSlot(), keyPair };
    exchange.ownPublic = keyPair.publicKey;
    next();
  });
}

/** PFS: g(qm)^xy for KEYMAT, once the peer's KE is in; false when it is missing or unusable. */
export function pfsSharedSecret(ctx: IkeContext, exchange: QuickModeExchange, job: CpuJob, next: (ok: boolean) => void): void {
  const dh = exchange.dh;
  if (dh === undefined) return next(true);
  const group = ikeGroup(exchange.offer.pfsGroup ?? 0);
  ctx.emit({ kind: 'engine-generate-alg-parameter' });
  job.then('dh-shared', () => {
    ctx.table.releaseDhSlot(dh.slot);
    exchange.dh = undefined;
    const secret = group.ok && exchange.peerPublic ? dhSharedSecret(group.value, dh.keyPair.privateKey, exchange.peerPublic) : undefined;
    if (secret?.ok) exchange.pfsSecret = secret.value;
    next(secret?.ok === true);
  });
}

export interface LifetimeChange {
  seconds?: number;
  kilobytes?: number;
}

/** The attributes of a RESPONDER-LIFETIME notify (RFC 2407 4.6.3.1): life type and duration pairs. */
export function lifetimeAttributesOf(change: LifetimeChange): Uint8Array {
  const attributes: DataAttribute[] = [];
  if (change.seconds !== undefined) {
    attributes.push(tvAttribute(IpsecAttribute.saLifeType, LifeType.seconds), numericAttribute(IpsecAttribute.saLifeDuration, change.seconds));
  }
  if (change.kilobytes !== undefined) {
    attributes.push(tvAttribute(IpsecAttribute.saLifeType, LifeType.kilobytes), numericAttribute(IpsecAttribute.saLifeDuration, change.kilobytes));
  }
  return encodeAttributes(attributes);
}

export function readLifetimeChange(data: Uint8Array): LifetimeChange {
  const attributes = decodeAttributes(data);
  const change: LifetimeChange = {};
  if (!attributes.ok) return change;
  let lifeType: number | undefined;
  for (const attribute of attributes.value) {
    const value = attributeNumber(attribute);
    if (attribute.type === IpsecAttribute.saLifeType) lifeType = value;
    if (attribute.type !== IpsecAttribute.saLifeDuration || value === undefined) continue;
    if (lifeType === LifeType.seconds) change.seconds = value;
    if (lifeType === LifeType.kilobytes) change.kilobytes = value;
  }
  return change;
}

/**
 * The pair's keys (KEYMAT per direction, with our SPI inbound and the peer's outbound), the
 * data plane's two connections, and IOS's `Creating IPsec SAs` block. The caller installs
 * the pair after it has printed `deleting node`.
 */
export function prepareSaPair(ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange):
  { install: SaPairInstall; connIds: { inboundConnId: number; outboundConnId: number } } {
  const { request, offer } = exchange;
  const transform = exchange.chosen!;
  const keyInput = (spi: number) => ({
    hash: sa.suite!.hash.hash, skeyidD: sa.keys!.skeyidD, protocolId: offer.protocolId, spi,
    initiatorNonce: exchange.initiatorNonce!, responderNonce: exchange.responderNonce!,
    ...(exchange.pfsSecret === undefined ? {} : { pfsSharedSecret: exchange.pfsSecret }),
  });
  const lengths = keyLengthsOf(transform);
  const inbound = { spi: exchange.inboundSpi, ...ipsecSaKeys(keyInput(exchange.inboundSpi), lengths) };
  const outbound = { spi: exchange.outboundSpi!, ...ipsecSaKeys(keyInput(exchange.outboundSpi!), lengths) };
  const connIds = ctx.port.allocateFlows();
  const install: SaPairInstall = {
    policy: exchange.policy ?? request.policy, local: request.localAddress, remote: request.peer,
    localProxy: request.localProxy, remoteProxy: request.remoteProxy, transform, inbound, outbound,
    lifetimeSeconds: offer.lifetimeSeconds, lifetimeKilobytes: offer.lifetimeKilobytes,
    ...(offer.pfsGroup === undefined ? {} : { pfsGroup: offer.pfsGroup }),
    isakmpConnId: sa.connId,
    initiator: exchange.role === 'I',
  };
  printCreation(ctx, sa, install, connIds);
  return { install, connIds };
}

function printCreation(ctx: IkeContext, sa: IsakmpSa, pair: SaPairInstall, connIds: { inboundConnId: number; outboundConnId: number }): void {
  ctx.emit({ kind: 'creating-ipsec-sas', connId: sa.connId });
  const lifetimes = () => {
    ctx.emit({ kind: 'ipsec-sa-lifetime', value: pair.lifetimeSeconds, unit: 'seconds' });
    ctx.emit({ kind: 'ipsec-sa-lifetime', value: pair.lifetimeKilobytes, unit: 'kilobytes' });
  };
  ctx.emit({ kind: 'ipsec-sa-endpoints', direction: 'inbound', source: pair.remote, destination: pair.local,
    sourceProxy: pair.remoteProxy.address, destinationProxy: pair.localProxy.address });
  ctx.emit({ kind: 'ipsec-sa-spi', direction: 'inbound', spi: pair.inbound.spi, connId: connIds.inboundConnId, flags: INBOUND_FLAGS });
  lifetimes();
  ctx.emit({ kind: 'ipsec-sa-endpoints', direction: 'outbound', source: pair.local, destination: pair.remote,
    sourceProxy: pair.localProxy.address, destinationProxy: pair.remoteProxy.address });
  ctx.emit({ kind: 'ipsec-sa-spi', direction: 'outbound', spi: pair.outbound.spi, connId: connIds.outboundConnId, flags: OUTBOUND_FLAGS });
  lifetimes();
}

/** IOS's SA flags: 0x4 tunnel-mode inbound, 0xC outbound. */
const INBOUND_FLAGS = 0x4;
const OUTBOUND_FLAGS = 0xc;

/** A finished exchange's node is purged a while later; until then a duplicate still finds it. */
export function schedulePurge(ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange): void {
  ctx.sim.schedule(ctx.timing.nodePurgeDelayMs, () => ctx.cpu.submit('timer', () => {
    if (sa.deleted || sa.exchanges.get(exchange.messageId) !== exchange) return;
    sa.exchanges.delete(exchange.messageId);
    ctx.emit({ kind: 'purging-node', connId: sa.connId, messageId: exchange.messageId });
  }));
}
