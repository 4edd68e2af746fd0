import type { Ipv4Address } from '../wire/ipv4-address.ts';
import {
  ipsecTransformNumbers, protocolPart, protocolsOf,
  type CryptoPolicy, type DhGroupNumber, type ProposalVerdict, type ProxyIdentity, type TransformProposal,
} from './ipsec-port.ts';
import { KEY_ENGINE_FLAGS, type IpsecTraceEvent } from './ipsec-trace.ts';
import { proxyContains } from './proxy-match.ts';

/**
 * The check of a quick-mode proposal, in IOS 12.2's two steps: each protocol's transform on
 * its own (validate_proposal), then the whole proposal (validate_proposal_request): a crypto
 * map entry at the receiving address must cover the proposed proxies (the initiator's
 * remote proxy is our local one), allow the peer, and hold a transform set equal to the
 * proposal's, with a PFS offer it accepts (pfsAcceptable). IOS accepts proxies inside its ACL entry,
 * so an exact mirror is the common case, not the only one.
 */

export interface TransformRequest {
  local: Ipv4Address;
  remote: Ipv4Address;
  /** One protocol's part of a transform set, as offered. */
  part: TransformProposal;
  pfsGroup: DhGroupNumber | undefined;
}

export interface ProposalRequest {
  local: Ipv4Address;
  remote: Ipv4Address;
  localProxy: ProxyIdentity;
  remoteProxy: ProxyIdentity;
  /** The whole set the proposal's parts make. */
  transform: TransformProposal;
  pfsGroup: DhGroupNumber | undefined;
}

export interface Check<V> {
  verdict: V;
  /** The debug messages of the check, in order. */
  trace: IpsecTraceEvent[];
}

const AES_DEFAULT_KEY_BITS = 128;

function cipherKeyBits(transform: TransformProposal): number | undefined {
  const cipher = transform.espCipher;
  if (cipher === undefined) return undefined;
  return cipher.transform === 'esp-aes' ? (cipher.keyBits ?? AES_DEFAULT_KEY_BITS) : cipher.keyBits;
}

/** Same cipher, key length, authentication, AH and mode: the set's name does not matter. */
export function sameTransform(a: TransformProposal, b: TransformProposal): boolean {
  return (
    a.espCipher?.transform === b.espCipher?.transform &&
    cipherKeyBits(a) === cipherKeyBits(b) &&
    a.espAuth === b.espAuth &&
    a.ah === b.ah &&
    a.mode === b.mode
  );
}

/**
 * PFS as the `set pfs` command reference (IOS 12.2) describes the responder: an entry without
 * `set pfs` accepts any offer, with PFS in any group or without; an entry with PFS requires
 * the peer to offer it; `set pfs` with no group (kept as group1) accepts group1 or group2, a
 * named group2 or group5 only itself. The SA then runs PFS in the group offered.
 */
export function pfsAcceptable(local: DhGroupNumber | undefined, offered: DhGroupNumber | undefined): boolean {
  if (local === undefined) return true;
  if (offered === undefined) return false;
  return local === 1 ? offered === 1 || offered === 2 : offered === local;
}

/** Static entries name their peers; dynamic and discover entries take any peer. */
function peerAllowed(policy: CryptoPolicy, remote: Ipv4Address): boolean {
  if (policy.dynamicMap !== undefined || policy.discover || policy.peers.length === 0) return true;
  return policy.peers.includes(remote);
}

function coversProxies(policy: CryptoPolicy, request: ProposalRequest): boolean {
  return policy.selectors.some(
    (selector) => proxyContains(selector.local, request.localProxy) && proxyContains(selector.remote, request.remoteProxy),
  );
}

/** IOS's `proposal part #N` messages: one per protocol of the set, outermost first. */
function requestMessages(request: ProposalRequest): IpsecTraceEvent[] {
  return protocolsOf(request.transform).map((protocol, index) => ({
    subsystem: 'ipsec',
    kind: 'validate-proposal-request',
    part: index + 1,
    message: {
      direction: 'INBOUND',
      local: request.local,
      remote: request.remote,
      localProxy: request.localProxy,
      remoteProxy: request.remoteProxy,
      protocol,
      transform: protocolPart(request.transform, protocol),
      lifetimeSeconds: 0,
      lifetimeKilobytes: 0,
      spi: 0,
      connId: 0,
      flags: KEY_ENGINE_FLAGS.inbound,
    },
  }));
}

/** Entries at the receiving address that take this peer. */
function entriesFor(policies: readonly CryptoPolicy[], local: Ipv4Address, remote: Ipv4Address): CryptoPolicy[] {
  return policies.filter((policy) => policy.localAddress === local && peerAllowed(policy, remote));
}

/**
 * One protocol's offered transform (IOS validate_proposal): some entry here must hold a set
 * with exactly this part and take the PFS offer; otherwise IOS names the transform by its
 * numbers and refuses it.
 */
export function checkTransform(policies: readonly CryptoPolicy[], request: TransformRequest): Check<boolean> {
  const [protocol] = protocolsOf(request.part);
  const supported = protocol !== undefined && entriesFor(policies, request.local, request.remote).some((policy) =>
    pfsAcceptable(policy.pfsGroup, request.pfsGroup)
    && policy.transformSets.some((set) => sameTransform(protocolPart(set, protocol), request.part)));
  if (supported) return { verdict: true, trace: [] };
  const numbers = ipsecTransformNumbers(request.part);
  const named = numbers.ah ?? numbers.esp ?? { protocolId: 0, transformId: 0, hmac: 0 };
  return { verdict: false, trace: [{ subsystem: 'ipsec', kind: 'transform-not-supported', numbers: named }] };
}

/**
 * The whole proposal (IOS validate_proposal_request): an entry covering the proxies, taking
 * the peer and the PFS offer, with a set equal to the proposal's. None is IOS's `proxy
 * identities not supported`: the map lookup failed, whatever the reason.
 */
export function checkProposal(policies: readonly CryptoPolicy[], request: ProposalRequest): Check<ProposalVerdict> {
  const trace = requestMessages(request);
  for (const policy of entriesFor(policies, request.local, request.remote)) {
    if (!coversProxies(policy, request) || !pfsAcceptable(policy.pfsGroup, request.pfsGroup)) continue;
    const transform = policy.transformSets.find((set) => sameTransform(set, request.transform));
    if (transform !== undefined) return { verdict: { ok: true, policy, transform }, trace };
  }
  trace.push({ subsystem: 'ipsec', kind: 'proxy-identities-not-supported' });
  return { verdict: { ok: false, reason: 'proxy-identities-not-supported' }, trace };
}
