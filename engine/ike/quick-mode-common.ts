import { dhAgreedSecret, ikeGroup } from '../crypto/index.ts';
import {
  ISAKMP_PROTOCOL_ID, protocolsOf,
  type FlowIds, type IpsecProtocol, type PerProtocol, type ProposalVerdict, type ProxyIdentity, type SaKeys, type SaPairInstall,
} from '../ipsec/ipsec-port.ts';
import { readUint32 } from '../wire/bytes.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import {
  attributeNumber, decodeAttributes, encodeAttributes, IdType, IpsecAttribute, LifeType, NotifyType, numericAttribute, PayloadType,
  tvAttribute, type DataAttribute, type IdPayload, type IsakmpPayload,
} from '../wire/isakmp/index.ts';
import type { CpuJob } from './cpu-queue.ts';
import type { IkeContext } from './ike-context.ts';
import type { IsakmpSa, QuickModeExchange } from './isakmp-sa.ts';
import { ipsecSaKeys } from './keymat.ts';
import {
  combinedSet, ipsecProtocolOf, keyLengthsOf, phase2AttributeView, type OfferedProposal, type OfferedTransform,
} from './phase2-proposal.ts';
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

/** The transform chosen for one protocol of an offered bundle, with the SPI the offer carried for it. */
export interface ChosenPart {
  protocol: IpsecProtocol;
  spi: number | undefined;
  offered: OfferedTransform;
}

export type Phase2Check =
  | {
    ok: true;
    proposal: OfferedProposal;
    parts: ChosenPart[];
    verdict: Extract<ProposalVerdict, { ok: true }>;
  }
  | { ok: false; notifyType: number };

export interface Phase2CheckInput {
  local: Ipv4Address;
  remote: Ipv4Address;
  localProxy: ProxyIdentity;
  remoteProxy: ProxyIdentity;
  offered: readonly OfferedProposal[];
}

/** IOS's lines for one offered transform: its attributes, then `validate proposal 0`. */
function printTransform(ctx: IkeContext, offer: OfferedTransform): void {
  const { transform } = offer;
  ctx.emit({ kind: 'ipsec-transform', transform: transform.transformNumber, protocolId: offer.protocolId, transformId: transform.transformId });
  ctx.emit({ kind: 'transform-attributes' });
  for (const attribute of transform.attributes) ctx.emit({ kind: 'ipsec-attribute', view: phase2AttributeView(attribute) });
  ctx.emit({ kind: 'validate-proposal', result: 0 });
}

/**
 * Each part of a bundle in turn: its transforms are tried in order against the data plane
 * (IOS validate_proposal) until one is acceptable. A part with none ends the proposal.
 */
function chooseParts(ctx: IkeContext, sa: IsakmpSa, input: Phase2CheckInput, proposal: OfferedProposal): ChosenPart[] | undefined {
  const chosen: ChosenPart[] = [];
  for (const part of proposal.parts) {
    const protocol = ipsecProtocolOf(part.protocolId);
    let pick: OfferedTransform | undefined;
    for (const [index, offer] of part.transforms.entries()) {
      printTransform(ctx, offer);
      const acceptable = protocol !== undefined && offer.set !== undefined && offer.spi !== undefined
        && ctx.port.validateTransform(input.local, input.remote, offer.set, offer.pfsGroup);
      const nextPayload = index < part.transforms.length - 1 ? PayloadType.transform : PayloadType.none;
      ctx.emit({ kind: 'ipsec-atts-verdict', connId: sa.connId, acceptable, nextPayload });
      if (acceptable) {
        pick = offer;
        break;
      }
    }
    if (pick === undefined || protocol === undefined) return undefined;
    chosen.push({ protocol, spi: part.spi, offered: pick });
  }
  return chosen;
}

/**
 * The proposals in order, IOS 12.2's way: each part's transforms are checked (attribute lines,
 * `validate proposal 0`, the data plane's transform check, `atts are acceptable.` or `atts not
 * acceptable.`), then the bundle as a whole against a crypto map entry covering the proxies
 * (validate_proposal_request). No acceptable proposal, or proxies no entry covers, end the
 * check with PROPOSAL_NOT_CHOSEN, the notify IOS sends for both.
 */
export function checkIpsecOffer(ctx: IkeContext, sa: IsakmpSa, input: Phase2CheckInput): Phase2Check {
  for (const proposal of input.offered) {
    ctx.emit({ kind: 'checking-ipsec-proposal', connId: sa.connId, proposal: proposal.proposalNumber });
    const parts = chooseParts(ctx, sa, input, proposal);
    const set = parts === undefined ? undefined : combinedSet(parts.map((part) => part.offered.set!));
    if (parts === undefined || set === undefined) continue;
    const pfsGroup = parts[0]!.offered.pfsGroup;
    const verdict = ctx.port.validateProposal(input.local, input.remote, input.localProxy, input.remoteProxy, set, pfsGroup);
    if (!verdict.ok) return { ok: false, notifyType: NotifyType.noProposalChosen };
    ctx.emit({ kind: 'validate-proposal-request', result: 0 });
    return { ok: true, proposal, parts, verdict };
  }
  return { ok: false, notifyType: NotifyType.noProposalChosen };
}

/** Our SPIs for a bundle: `asking for N spis from ipsec`, then one per protocol from the data plane. */
export function allocateInboundSpis(ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange, protocols: readonly IpsecProtocol[]): void {
  ctx.emit({ kind: 'asking-for-spis', connId: sa.connId, count: protocols.length });
  for (const protocol of protocols) {
    exchange.inboundSpis[protocol] = ctx.port.allocateSpi(exchange.request.localAddress, exchange.request.peer, ISAKMP_PROTOCOL_ID[protocol]);
  }
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
    const secret = group.ok && exchange.peerPublic ? dhAgreedSecret(group.value, dh.keyPair, exchange.peerPublic) : undefined;
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
 * The bundle's keys (KEYMAT per protocol and direction, with our SPI inbound and the peer's
 * outbound), the data plane's connections, and IOS's `Creating IPsec SAs` block. The caller
 * installs the bundle after it has printed `deleting node`.
 */
export function prepareSaPair(ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange): { install: SaPairInstall; connIds: PerProtocol<FlowIds> } {
  const { request, offer } = exchange;
  const transform = exchange.chosen!;
  const protocols = protocolsOf(transform);
  const keys = (protocol: IpsecProtocol, spi: number): SaKeys => ({
    spi,
    ...ipsecSaKeys({
      hash: sa.suite!.hash.hash, skeyidD: sa.keys!.skeyidD, protocolId: ISAKMP_PROTOCOL_ID[protocol], spi,
      initiatorNonce: exchange.initiatorNonce!, responderNonce: exchange.responderNonce!,
      ...(exchange.pfsSecret === undefined ? {} : { pfsSharedSecret: exchange.pfsSecret }),
    }, keyLengthsOf(transform, protocol)),
  });
  const inbound: PerProtocol<SaKeys> = {};
  const outbound: PerProtocol<SaKeys> = {};
  for (const protocol of protocols) {
    inbound[protocol] = keys(protocol, exchange.inboundSpis[protocol]!);
    outbound[protocol] = keys(protocol, exchange.outboundSpis![protocol]!);
  }
  const connIds = ctx.port.allocateFlows(protocols);
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

/** `Creating IPsec SAs`, then for each protocol of the bundle its inbound and outbound SA. */
function printCreation(ctx: IkeContext, sa: IsakmpSa, pair: SaPairInstall, connIds: PerProtocol<FlowIds>): void {
  ctx.emit({ kind: 'creating-ipsec-sas', connId: sa.connId });
  const lifetimes = () => {
    ctx.emit({ kind: 'ipsec-sa-lifetime', value: pair.lifetimeSeconds, unit: 'seconds' });
    ctx.emit({ kind: 'ipsec-sa-lifetime', value: pair.lifetimeKilobytes, unit: 'kilobytes' });
  };
  for (const protocol of protocolsOf(pair.transform)) {
    const flows = connIds[protocol]!;
    ctx.emit({ kind: 'ipsec-sa-endpoints', direction: 'inbound', source: pair.remote, destination: pair.local,
      sourceProxy: pair.remoteProxy.address, destinationProxy: pair.localProxy.address });
    ctx.emit({ kind: 'ipsec-sa-spi', direction: 'inbound', spi: pair.inbound[protocol]!.spi, connId: flows.inboundConnId, flags: INBOUND_FLAGS });
    lifetimes();
    ctx.emit({ kind: 'ipsec-sa-endpoints', direction: 'outbound', source: pair.local, destination: pair.remote,
      sourceProxy: pair.localProxy.address, destinationProxy: pair.remoteProxy.address });
    ctx.emit({ kind: 'ipsec-sa-spi', direction: 'outbound', spi: pair.outbound[protocol]!.spi, connId: flows.outboundConnId, flags: OUTBOUND_FLAGS });
    lifetimes();
  }
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
