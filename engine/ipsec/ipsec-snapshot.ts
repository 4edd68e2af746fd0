import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { CryptoPolicy, ProxyIdentity, TransformProposal } from './ipsec-port.ts';
import { remainingKilobytes, remainingSeconds } from './sa-lifetime.ts';
import { emptyIdentCounters, identKey, type Ident, type IdentCounters, type SaPair, type SecurityAssociation } from './sa-database.ts';

/**
 * Plain data for `show crypto ipsec sa` and `show crypto engine connections active`:
 * what the renderers in engine/ios print, taken at one instant of virtual time.
 */

/** An interface's Ethernet MTU: IOS 12.2 prints it as path and media MTU. */
export const ETHERNET_MTU = 1500;

export interface SaSnapshot {
  spi: number;
  /** The SA's outer destination (`show crypto ipsec sa address` groups by it). */
  destination: Ipv4Address;
  protocol: 'esp';
  transform: TransformProposal;
  connId: number;
  flowId: number;
  mapName: string;
  remainingKilobytes: number;
  remainingSeconds: number;
  ivSizeBytes: number;
  replayDetection: boolean;
}

export interface IdentSnapshot {
  localProxy: ProxyIdentity;
  remoteProxy: ProxyIdentity;
  currentPeer: Ipv4Address;
  /** `origin_is_acl` for an ident built from a static map's ACL entry. */
  flags: string[];
  counters: IdentCounters;
  localEndpoint: Ipv4Address;
  remoteEndpoint: Ipv4Address;
  pathMtu: number;
  mediaMtu: number;
  /** 0 when there is no SA. */
  currentOutboundSpi: number;
  inbound: SaSnapshot[];
  outbound: SaSnapshot[];
}

export interface InterfaceSnapshot {
  interfaceName: string;
  mapName: string;
  localAddress: Ipv4Address;
  idents: IdentSnapshot[];
}

export interface EngineConnectionSnapshot {
  connId: number;
  interfaceName: string;
  address: Ipv4Address;
  transform: TransformProposal;
  encrypt: number;
  decrypt: number;
}

const NO_ADDRESS = 0;

function saSnapshot(pair: SaPair, sa: SecurityAssociation, now: number): SaSnapshot {
  return {
    spi: sa.crypto.spi,
    destination: sa.destination,
    protocol: 'esp',
    transform: pair.install.transform,
    connId: sa.connId,
    flowId: sa.flowId,
    mapName: pair.install.policy.mapName,
    remainingKilobytes: remainingKilobytes(pair, sa),
    remainingSeconds: remainingSeconds(pair, now),
    ivSizeBytes: sa.crypto.cipher?.ivLength ?? 0,
    replayDetection: sa.crypto.integrity !== undefined,
  };
}

function identFlags(policy: CryptoPolicy): string[] {
  return policy.dynamicMap === undefined ? ['origin_is_acl'] : [];
}

function liveIdentSnapshot(ident: Ident, now: number): IdentSnapshot {
  const newest = ident.pairs[ident.pairs.length - 1]!;
  return {
    localProxy: ident.localProxy,
    remoteProxy: ident.remoteProxy,
    currentPeer: newest.install.remote,
    flags: identFlags(ident.policy),
    counters: { ...ident.counters },
    localEndpoint: newest.install.local,
    remoteEndpoint: newest.install.remote,
    pathMtu: ETHERNET_MTU,
    mediaMtu: ETHERNET_MTU,
    currentOutboundSpi: newest.outbound.crypto.spi,
    inbound: ident.pairs.map((pair) => saSnapshot(pair, pair.inbound, now)),
    outbound: ident.pairs.map((pair) => saSnapshot(pair, pair.outbound, now)),
  };
}

function idleIdentSnapshot(policy: CryptoPolicy, local: ProxyIdentity, remote: ProxyIdentity): IdentSnapshot {
  const peer = policy.peers[0] ?? NO_ADDRESS;
  return {
    localProxy: local,
    remoteProxy: remote,
    currentPeer: peer,
    flags: identFlags(policy),
    counters: emptyIdentCounters(),
    localEndpoint: policy.localAddress,
    remoteEndpoint: peer,
    pathMtu: ETHERNET_MTU,
    mediaMtu: ETHERNET_MTU,
    currentOutboundSpi: 0,
    inbound: [],
    outbound: [],
  };
}

/**
 * Every crypto map interface with its idents: the policies' selectors in sequence order
 * (with their SAs, or empty), then idents whose SAs outlived a change of configuration.
 */
export function interfaceSnapshots(policies: readonly CryptoPolicy[], idents: readonly Ident[], now: number): InterfaceSnapshot[] {
  const byName = new Map<string, InterfaceSnapshot>();
  const shown = new Set<string>();
  const entry = (interfaceName: string, policy: CryptoPolicy): InterfaceSnapshot => {
    const existing = byName.get(interfaceName);
    if (existing) return existing;
    const created = { interfaceName, mapName: policy.mapName, localAddress: policy.localAddress, idents: [] };
    byName.set(interfaceName, created);
    return created;
  };
  const live = new Map(idents.filter((ident) => ident.pairs.length > 0).map((ident) => [ident.key, ident]));
  for (const policy of policies) {
    for (const selector of policy.selectors) {
      const key = identKey(policy.interfaceName, selector.local, selector.remote);
      if (shown.has(key)) continue;
      shown.add(key);
      const ident = live.get(key);
      entry(policy.interfaceName, policy).idents.push(
        ident ? liveIdentSnapshot(ident, now) : idleIdentSnapshot(policy, selector.local, selector.remote),
      );
    }
  }
  for (const ident of live.values()) {
    if (shown.has(ident.key)) continue;
    entry(ident.interfaceName, ident.policy).idents.push(liveIdentSnapshot(ident, now));
  }
  return [...byName.values()];
}

/** The crypto engine's IPsec connections, by connection id. */
export function engineConnectionSnapshots(pairs: readonly SaPair[]): EngineConnectionSnapshot[] {
  const rows = pairs.flatMap((pair) =>
    [pair.inbound, pair.outbound].map((sa) => ({
      connId: sa.connId,
      interfaceName: pair.install.policy.interfaceName,
      address: pair.install.local,
      transform: pair.install.transform,
      encrypt: sa.direction === 'outbound' ? sa.engineCount : 0,
      decrypt: sa.direction === 'inbound' ? sa.engineCount : 0,
    })),
  );
  return rows.sort((a, b) => a.connId - b.connId);
}
