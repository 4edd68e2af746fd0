import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { EspSaCrypto } from './esp-transform.ts';
import { protocolPart, type CryptoPolicy, type IpsecProtocol, type ProxyIdentity, type TransformProposal } from './ipsec-port.ts';
import { remainingKilobytes, remainingSeconds } from './sa-lifetime.ts';
import { emptyIdentCounters, identKey, originIsAcl, outermostOutbound, sasOf, type Ident, type IdentCounters, type SaPair, type SecurityAssociation } from './sa-database.ts';

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
  protocol: IpsecProtocol;
  /** The protocol's part of the transform set: `esp-des esp-md5-hmac`, `ah-md5-hmac`. */
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
  /** Every SA of the ident's bundles in each direction, oldest bundle first, AH and ESP alike. */
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
  const cipher = sa.protocol === 'esp' ? (sa.crypto as EspSaCrypto).cipher : null;
  return {
    spi: sa.crypto.spi,
    destination: sa.destination,
    protocol: sa.protocol,
    transform: protocolPart(pair.install.transform, sa.protocol),
    connId: sa.connId,
    flowId: sa.flowId,
    mapName: pair.install.policy.mapName,
    remainingKilobytes: remainingKilobytes(pair, sa),
    remainingSeconds: remainingSeconds(pair, now),
    ivSizeBytes: cipher?.ivLength ?? 0,
    replayDetection: sa.crypto.integrity !== undefined,
  };
}

function identFlags(policy: CryptoPolicy): string[] {
  return originIsAcl(policy) ? ['origin_is_acl'] : [];
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
    currentOutboundSpi: outermostOutbound(newest).crypto.spi,
    inbound: ident.pairs.flatMap((pair) => sasOf(pair).filter((sa) => sa.direction === 'inbound').map((sa) => saSnapshot(pair, sa, now))),
    outbound: ident.pairs.flatMap((pair) => sasOf(pair).filter((sa) => sa.direction === 'outbound').map((sa) => saSnapshot(pair, sa, now))),
  };
}

function idleIdentSnapshot(policy: CryptoPolicy, local: ProxyIdentity, remote: ProxyIdentity, counters: IdentCounters): IdentSnapshot {
  const peer = policy.peers[0] ?? NO_ADDRESS;
  return {
    localProxy: local,
    remoteProxy: remote,
    currentPeer: peer,
    flags: identFlags(policy),
    counters: { ...counters },
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
 * (with their SAs and counters, or empty), then idents whose SAs outlived a change of configuration.
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
  const known = new Map(idents.map((ident) => [ident.key, ident]));
  for (const policy of policies) {
    for (const selector of policy.selectors) {
      const key = identKey(policy.interfaceName, selector.local, selector.remote);
      if (shown.has(key)) continue;
      shown.add(key);
      const ident = known.get(key);
      entry(policy.interfaceName, policy).idents.push(ident !== undefined && ident.pairs.length > 0
        ? liveIdentSnapshot(ident, now)
        : idleIdentSnapshot(policy, selector.local, selector.remote, ident?.counters ?? emptyIdentCounters()));
    }
  }
  for (const ident of known.values()) {
    if (shown.has(ident.key) || ident.pairs.length === 0) continue;
    entry(ident.interfaceName, ident.policy).idents.push(liveIdentSnapshot(ident, now));
  }
  return [...byName.values()];
}

/** The crypto engine's IPsec connections, by connection id. */
export function engineConnectionSnapshots(pairs: readonly SaPair[]): EngineConnectionSnapshot[] {
  const rows = pairs.flatMap((pair) =>
    sasOf(pair).map((sa) => ({
      connId: sa.connId,
      interfaceName: pair.install.policy.interfaceName,
      address: pair.install.local,
      transform: protocolPart(pair.install.transform, sa.protocol),
      encrypt: sa.direction === 'outbound' ? sa.engineCount : 0,
      decrypt: sa.direction === 'inbound' ? sa.engineCount : 0,
    })),
  );
  return rows.sort((a, b) => a.connId - b.connId);
}
