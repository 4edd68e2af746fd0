import type { Ipv4Address } from '../../wire/ipv4-address.ts';
import type { CryptoConfig, IsakmpKey, IsakmpPeer } from './config-model.ts';

/**
 * What the `crypto isakmp peer` blocks mean for IKE: which peers this router starts
 * aggressive mode with, and which pre-shared key it uses with each peer.
 *
 * IOS starts aggressive mode with a peer whose block sets an aggressive-mode password or
 * client endpoint (Cisco's command reference for `crypto isakmp aggressive-mode disable`).
 * The password is "used as the IKE preshared key for the aggressive mode negotiation"
 * (the 12.2(8)T feature guide): when this router starts aggressive mode with that peer; a
 * `crypto isakmp key` stays the key of main mode and of aggressive mode the peer starts.
 * A peer block that sets neither changes nothing.
 */

export function initiatesAggressiveMode(peer: IsakmpPeer): boolean {
  return peer.aggressiveModePassword !== undefined || peer.aggressiveModeClientEndpoint !== undefined;
}

/** The peers this router negotiates phase 1 with in aggressive mode, in configured order. */
export function aggressiveModePeerAddresses(crypto: CryptoConfig): Ipv4Address[] {
  return crypto.isakmpPeers.filter(initiatesAggressiveMode).map((peer) => peer.address);
}

/**
 * The aggressive-mode password of each peer that has one: the key of the aggressive mode this
 * router starts with that peer. Main mode, and aggressive mode another router starts, keep
 * using the `crypto isakmp key`s.
 */
export function aggressiveModePasswords(crypto: CryptoConfig): IsakmpKey[] {
  return crypto.isakmpPeers.flatMap((peer) =>
    peer.aggressiveModePassword === undefined ? [] : [{ key: peer.aggressiveModePassword, address: peer.address }],
  );
}
