import type { Ipv4Address } from '../../wire/ipv4-address.ts';
import type { CryptoConfig, IsakmpKey, IsakmpPeer } from './config-model.ts';

/**
 * What the `crypto isakmp peer` blocks mean for IKE: which peers this router starts
 * aggressive mode with, and which pre-shared key it uses with each peer.
 *
 * IOS starts aggressive mode with a peer whose block sets an aggressive-mode password or
 * client endpoint (Cisco's command reference for `crypto isakmp aggressive-mode disable`).
 * The password is "used as the IKE preshared key for the aggressive mode negotiation"
 * (the 12.2(8)T feature guide): for that peer it wins over a `crypto isakmp key`, which
 * stays the key of main mode. A peer block that sets neither changes nothing.
 */

export function initiatesAggressiveMode(peer: IsakmpPeer): boolean {
  return peer.aggressiveModePassword !== undefined || peer.aggressiveModeClientEndpoint !== undefined;
}

/** The peers this router negotiates phase 1 with in aggressive mode, in configured order. */
export function aggressiveModePeerAddresses(crypto: CryptoConfig): Ipv4Address[] {
  return crypto.isakmpPeers.filter(initiatesAggressiveMode).map((peer) => peer.address);
}

/**
 * The keys IKE looks a peer up in: each aggressive-mode password as a single-peer key,
 * replacing a `crypto isakmp key` for exactly that peer; every other key as configured.
 * Keys with a mask still cover the peers they cover (a password is the longer match).
 */
export function presharedKeysInEffect(crypto: CryptoConfig): IsakmpKey[] {
  const passwords = new Map<Ipv4Address, string>();
  for (const peer of crypto.isakmpPeers) {
    if (peer.aggressiveModePassword !== undefined) passwords.set(peer.address, peer.aggressiveModePassword);
  }
  const fromPasswords: IsakmpKey[] = [...passwords].map(([address, key]) => ({ key, address }));
  const replaced = (key: IsakmpKey) => (key.mask === undefined || key.mask === 0xffffffff) && passwords.has(key.address);
  return [...fromPasswords, ...crypto.isakmpKeys.filter((key) => !replaced(key))];
}
