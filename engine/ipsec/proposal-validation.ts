import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type {
  CryptoPolicy, DhGroupNumber, ProposalVerdict, ProxyIdentity, TransformProposal,
} from './ipsec-port.ts';
import { KEY_ENGINE_FLAGS, type IpsecTraceEvent } from './ipsec-trace.ts';
import { proxyContains } from './proxy-match.ts';

/**
 * The responder's check of a quick-mode proposal (IOS validate_proposal_request): a crypto
 * map entry at the receiving address must cover the proposed proxies (the initiator's
 * remote proxy is our local one), allow the peer, and hold a transform set equal to an
 * offered transform with the same PFS choice. IOS accepts proxies inside its ACL entry,
 * so an exact mirror is the common case, not the only one.
 */

export interface ProposalRequest {
  local: Ipv4Address;
  remote: Ipv4Address;
  localProxy: ProxyIdentity;
  remoteProxy: ProxyIdentity;
  offered: readonly TransformProposal[];
  pfsGroup: DhGroupNumber | undefined;
}

export interface ProposalCheck {
  verdict: ProposalVerdict;
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

function requestMessage(request: ProposalRequest, transform: TransformProposal): IpsecTraceEvent {
  return {
    subsystem: 'ipsec',
    kind: 'validate-proposal-request',
    part: 1,
    message: {
      direction: 'INBOUND',
      local: request.local,
      remote: request.remote,
      localProxy: request.localProxy,
      remoteProxy: request.remoteProxy,
      transform,
      lifetimeSeconds: 0,
      lifetimeKilobytes: 0,
      spi: 0,
      connId: 0,
      flags: KEY_ENGINE_FLAGS.inbound,
    },
  };
}

/** Tries the offered transforms in order; `policies` are those of the receiving router. */
export function checkProposal(policies: readonly CryptoPolicy[], request: ProposalRequest): ProposalCheck {
  const trace: IpsecTraceEvent[] = [];
  const candidates = policies.filter(
    (policy) => policy.localAddress === request.local && peerAllowed(policy, request.remote) && coversProxies(policy, request),
  );
  for (const offered of request.offered) {
    trace.push(requestMessage(request, offered));
    if (candidates.length === 0) {
      trace.push({ subsystem: 'ipsec', kind: 'proxy-identities-not-supported' });
      return { verdict: { ok: false, reason: 'proxy-identities-not-supported' }, trace };
    }
    for (const policy of candidates) {
      if (policy.pfsGroup !== request.pfsGroup) continue;
      const transform = policy.transformSets.find((set) => sameTransform(set, offered));
      if (transform !== undefined) return { verdict: { ok: true, policy, transform }, trace };
    }
    trace.push({ subsystem: 'ipsec', kind: 'transform-not-supported', transform: offered });
  }
  return { verdict: { ok: false, reason: 'transform-not-supported' }, trace };
}
