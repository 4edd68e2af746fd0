import type { IosConfig } from '../config/config-model.ts';
import { accessListLines, commonLines, peerLines } from './show-crypto-map.ts';

/**
 * `show crypto dynamic-map [tag NAME]` as IOS 12.2 prints it: each dynamic map entry, a template,
 * with what it was configured with. IOS writes no blank between `Template` and the quoted name,
 * and a template has no peer of its own until an instance is made from it: `Current peer: 0.0.0.0`.
 */

const NO_PEER = 0;

export function renderShowCryptoDynamicMap(config: IosConfig, tag?: string): string[] {
  const entries = config.crypto.dynamicMaps.filter((entry) => tag === undefined || entry.name === tag);
  const names = [...new Set(entries.map((entry) => entry.name))];
  const templates = names.flatMap((name) => entries.filter((entry) => entry.name === name).sort((a, b) => a.seq - b.seq));
  return templates.flatMap((entry, index) => [
    ...(index === 0 ? [] : ['']),
    `Crypto Map Template"${entry.name}" ${entry.seq}`,
    ...peerLines(entry.peers),
    ...accessListLines(config, entry.matchAddress),
    ...commonLines(config, entry, entry.peers[0] ?? NO_PEER),
  ]);
}
