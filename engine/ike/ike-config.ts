import { prefixLengthOfMask, type Ipv4Address } from '../wire/ipv4-address.ts';

/**
 * What IKE needs of a router's configuration, as a snapshot the router hands over (and hands
 * over again after every change). Field values use IOS's keywords so the router can copy its
 * typed configuration across without translation.
 */

export type IkeEncryption = 'des' | '3des' | 'aes';
export type IkeHash = 'sha' | 'md5';
export type IkeAuthentication = 'pre-share' | 'rsa-sig' | 'rsa-encr';
export type IkeGroup = 1 | 2 | 5;

/** `crypto isakmp policy N` with its settings. */
export interface IkePolicy {
  priority: number;
  encryption: IkeEncryption;
  /** AES key length; 128 when absent. */
  keyBits?: 128 | 192 | 256;
  hash: IkeHash;
  authentication: IkeAuthentication;
  group: IkeGroup;
  lifetimeSeconds: number;
}

/** `crypto isakmp key KEY address A [MASK]`; without a mask it names one peer. */
export interface IkePresharedKey {
  key: string;
  address: Ipv4Address;
  mask?: Ipv4Address;
}

export interface IkeConfig {
  policies: readonly IkePolicy[];
  presharedKeys: readonly IkePresharedKey[];
  /** Peers this router starts aggressive mode with instead of main mode. */
  aggressiveModePeers?: readonly Ipv4Address[];
  /** The keys of the aggressive mode this router starts (`set aggressive-mode password`), by peer. */
  aggressiveModePasswords?: readonly IkePresharedKey[];
  /** `crypto isakmp aggressive-mode disable`: aggressive mode is neither started nor answered. */
  aggressiveModeDisabled?: boolean;
}

/** IOS's phase-1 lifetime when a policy sets none. */
export const DEFAULT_ISAKMP_LIFETIME_SECONDS = 86_400;
/** The priority IOS lists its built-in suite under. */
export const DEFAULT_POLICY_PRIORITY = 65_535;

/**
 * IOS 12.2's built-in protection suite: DES, SHA, RSA signatures, group 1. It is tried after
 * the configured policies, and since it wants RSA signatures a pre-shared-key offer never matches it.
 */
export const DEFAULT_ISAKMP_POLICY: IkePolicy = {
  priority: DEFAULT_POLICY_PRIORITY,
  encryption: 'des',
  hash: 'sha',
  authentication: 'rsa-sig',
  group: 1,
  lifetimeSeconds: DEFAULT_ISAKMP_LIFETIME_SECONDS,
};

export function emptyIkeConfig(): IkeConfig {
  return { policies: [], presharedKeys: [] };
}

/** The configured policies by priority, then the default suite: the order a responder tries them in. */
export function policiesToCheck(config: IkeConfig): IkePolicy[] {
  return [...sortedPolicies(config), DEFAULT_ISAKMP_POLICY];
}

/** What an initiator offers: its policies by priority, or the default suite when it has none. */
export function policiesToOffer(config: IkeConfig): IkePolicy[] {
  const sorted = sortedPolicies(config);
  return sorted.length > 0 ? sorted : [DEFAULT_ISAKMP_POLICY];
}

function sortedPolicies(config: IkeConfig): IkePolicy[] {
  return [...config.policies].sort((a, b) => a.priority - b.priority);
}

const HOST_MASK = 0xffffffff;

/**
 * The key of a phase 1: the aggressive-mode password when this router starts aggressive mode
 * with a peer that has one, else the `crypto isakmp key` that covers the peer.
 */
export function phase1Key(config: IkeConfig, peer: Ipv4Address, startsAggressiveMode: boolean): IkePresharedKey | undefined {
  const password = startsAggressiveMode ? config.aggressiveModePasswords?.find((key) => key.address === peer) : undefined;
  return password ?? findPresharedKey(config, peer);
}

/**
 * The pre-shared key for a peer: among the keys whose address and mask cover it, the one with
 * the longest mask (a key without a mask is a /32), so `0.0.0.0 0.0.0.0` is the last resort.
 */
export function findPresharedKey(config: IkeConfig, peer: Ipv4Address): IkePresharedKey | undefined {
  let best: { key: IkePresharedKey; length: number } | undefined;
  for (const key of config.presharedKeys) {
    const mask = key.mask ?? HOST_MASK;
    if (((peer & mask) >>> 0) !== ((key.address & mask) >>> 0)) continue;
    const length = prefixLengthOfMask(mask) ?? popCount(mask);
    if (best === undefined || length > best.length) best = { key, length };
  }
  return best?.key;
}

/** A mask that is not contiguous still ranks by how many bits it fixes. */
function popCount(value: number): number {
  let count = 0;
  for (let rest = value >>> 0; rest !== 0; rest >>>= 1) count += rest & 1;
  return count;
}

export function usesAggressiveMode(config: IkeConfig, peer: Ipv4Address): boolean {
  return !config.aggressiveModeDisabled && (config.aggressiveModePeers?.includes(peer) ?? false);
}
