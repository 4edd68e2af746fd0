import { formatIpv4 } from '../../wire/ipv4-address.ts';
import {
  defaultIsakmpPolicy,
  type ClientEndpoint,
  type CryptoMapSettings,
  type IsakmpKey,
  type IsakmpPeer,
  type IsakmpPolicy,
  type Transform,
  type TransformSet,
} from '../config/config-model.ts';

/** The crypto sections of `show running-config`, each a list of lines. */

export function isakmpPolicyLines(policy: IsakmpPolicy): string[] {
  const defaults = defaultIsakmpPolicy(policy.priority);
  const lines = [`crypto isakmp policy ${policy.priority}`];
  if (policy.encryption !== defaults.encryption) {
    const bits = policy.encryption === 'aes' && policy.keyBits && policy.keyBits !== 128 ? ` ${policy.keyBits}` : '';
    lines.push(` encr ${policy.encryption}${bits}`);
  }
  if (policy.hash !== defaults.hash) lines.push(` hash ${policy.hash}`);
  if (policy.authentication !== defaults.authentication) lines.push(` authentication ${policy.authentication}`);
  if (policy.group !== defaults.group) lines.push(` group ${policy.group}`);
  if (policy.lifetimeSeconds !== defaults.lifetimeSeconds) lines.push(` lifetime ${policy.lifetimeSeconds}`);
  return lines;
}

export function isakmpKeyLine(key: IsakmpKey): string {
  const mask = key.mask === undefined ? '' : ` ${formatIpv4(key.mask)}`;
  return `crypto isakmp key ${key.key} address ${formatIpv4(key.address)}${mask}`;
}

function clientEndpointText(endpoint: ClientEndpoint): string {
  return endpoint.kind === 'ipv4-address' ? `ipv4-address ${formatIpv4(endpoint.address)}` : `${endpoint.kind} ${endpoint.name}`;
}

/** `crypto isakmp peer address A` and its settings: the password first, as IOS writes them. */
export function isakmpPeerLines(peer: IsakmpPeer): string[] {
  const lines = [`crypto isakmp peer address ${formatIpv4(peer.address)}`];
  if (peer.aggressiveModePassword !== undefined) lines.push(` set aggressive-mode password ${peer.aggressiveModePassword}`);
  if (peer.aggressiveModeClientEndpoint !== undefined) {
    lines.push(` set aggressive-mode client-endpoint ${clientEndpointText(peer.aggressiveModeClientEndpoint)}`);
  }
  return lines;
}

export function transformText(transform: Transform): string {
  return transform.keyBits && transform.keyBits !== 128 ? `${transform.name} ${transform.keyBits}` : transform.name;
}

export function transformSetLines(set: TransformSet): string[] {
  const head = `crypto ipsec transform-set ${set.name} ${set.transforms.map(transformText).join(' ')}`;
  return set.mode === 'transport' ? [head, ' mode transport'] : [head];
}

/** The `set` and `match` lines of a crypto map or dynamic map entry, in IOS's order. */
export function cryptoMapSettingLines(settings: CryptoMapSettings): string[] {
  const lines = settings.peers.map((peer) => ` set peer ${formatIpv4(peer)}`);
  if (settings.lifetimeSeconds !== undefined) lines.push(` set security-association lifetime seconds ${settings.lifetimeSeconds}`);
  if (settings.lifetimeKilobytes !== undefined) {
    lines.push(` set security-association lifetime kilobytes ${settings.lifetimeKilobytes}`);
  }
  if (settings.transformSets.length > 0) lines.push(` set transform-set ${settings.transformSets.join(' ')}`);
  if (settings.pfs) lines.push(` set pfs ${settings.pfs}`);
  if (settings.matchAddress !== undefined) lines.push(` match address ${settings.matchAddress}`);
  return lines;
}
