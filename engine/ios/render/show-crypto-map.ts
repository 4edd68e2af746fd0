import { isAclEntry } from '../../net/acl-types.ts';
import { formatIpv4 } from '../../wire/ipv4-address.ts';
import { aclEntryConfigText } from '../config/acl-text.ts';
import { DEFAULT_SA_LIFETIME, findAccessList, type CryptoMapSettings, type IosConfig } from '../config/config-model.ts';

/**
 * `show crypto map` as IOS 12.2 prints it: every entry of every map, static entries with their
 * settings, dynamic-map bindings as templates, and the instances IKE created from templates.
 */

/** An entry IOS created from a dynamic map template when a peer's SA came up (TED or a dynamic peer). */
export interface DynamicMapInstance {
  map: string;
  seq: number;
  template: { name: string; seq: number };
  peer: number;
  /** The permit lines of the negotiated proxies, as `access-list permit ...` text. */
  accessListLines: string[];
  settings: CryptoMapSettings;
}

const INDENT = '        ';

function lifetimeLine(config: IosConfig, settings: CryptoMapSettings): string {
  const kilobytes = settings.lifetimeKilobytes ?? config.crypto.saLifetime.kilobytes ?? DEFAULT_SA_LIFETIME.kilobytes;
  const seconds = settings.lifetimeSeconds ?? config.crypto.saLifetime.seconds ?? DEFAULT_SA_LIFETIME.seconds;
  return `${INDENT}Security association lifetime: ${kilobytes} kilobytes/${seconds} seconds`;
}

export function commonLines(config: IosConfig, settings: CryptoMapSettings, currentPeer: number | undefined): string[] {
  return [
    ...(currentPeer === undefined ? [] : [`${INDENT}Current peer: ${formatIpv4(currentPeer)}`]),
    lifetimeLine(config, settings),
    `${INDENT}PFS (Y/N): ${settings.pfs ? 'Y' : 'N'}`,
    ...(settings.pfs ? [`${INDENT}DH group:  ${settings.pfs}`] : []),
    `${INDENT}Transform sets={ ${settings.transformSets.map((name) => `${name}, `).join('')}}`,
  ];
}

export function accessListLines(config: IosConfig, name: string | undefined): string[] {
  if (name === undefined) return [];
  const list = findAccessList(config, name);
  const heading = `${INDENT}${list?.kind === 'standard' ? 'Standard' : 'Extended'} IP access list ${name}`;
  if (list === undefined) return [heading];
  const entries = list.lines.filter(isAclEntry).map((entry) => `${INDENT}    access-list ${name} ${aclEntryConfigText(entry, list.kind)}`);
  return [heading, ...entries];
}

export function peerLines(peers: number[]): string[] {
  return peers.map((peer) => `${INDENT}Peer = ${formatIpv4(peer)}`);
}

function staticEntryLines(config: IosConfig, entry: IosConfig['crypto']['cryptoMaps'][number]): string[] {
  const head = `Crypto Map "${entry.map}" ${entry.seq} ipsec-isakmp`;
  if (entry.dynamicMap !== undefined) {
    return [head, `${INDENT}Dynamic map template tag: ${entry.dynamicMap}`, ...(entry.discover ? [`${INDENT}Discover enabled`] : [])];
  }
  // A description comes first, as later IOS prints it (unconfirmed for 12.2: TEXT-SOURCES.md).
  const description = entry.description === undefined ? [] : [`${INDENT}Description: ${entry.description}`];
  return [head, ...description, ...peerLines(entry.peers), ...accessListLines(config, entry.matchAddress), ...commonLines(config, entry, entry.peers[0])];
}

function instanceLines(config: IosConfig, instance: DynamicMapInstance): string[] {
  return [
    `Crypto Map "${instance.map}" ${instance.seq} ipsec-isakmp`,
    ...peerLines([instance.peer]),
    `${INDENT}Extended IP access list`,
    ...instance.accessListLines.map((line) => `${INDENT}    ${line}`),
    `${INDENT}dynamic (created from dynamic map ${instance.template.name}/${instance.template.seq})`,
    ...commonLines(config, instance.settings, instance.peer),
  ];
}

/** `show crypto map tag NAME` shows one map; `show crypto map interface IF` the map applied to IF. */
export type CryptoMapFilter = { tag: string } | { interfaceName: string };

function mapsShown(config: IosConfig, filter: CryptoMapFilter | undefined): string[] {
  const maps = [...new Set(config.crypto.cryptoMaps.map((entry) => entry.map))];
  if (filter === undefined) return maps;
  if ('tag' in filter) return maps.filter((map) => map === filter.tag);
  const applied = config.interfaces.find((iface) => iface.name === filter.interfaceName)?.cryptoMap;
  return maps.filter((map) => map === applied);
}

export function renderShowCryptoMap(
  config: IosConfig,
  instances: readonly DynamicMapInstance[] = [],
  filter?: CryptoMapFilter,
): string[] {
  return mapsShown(config, filter).flatMap((map) => {
    const blocks = [
      ...config.crypto.cryptoMaps.filter((entry) => entry.map === map).map((entry) => ({ seq: entry.seq, lines: staticEntryLines(config, entry) })),
      ...instances.filter((instance) => instance.map === map).map((instance) => ({ seq: instance.seq, lines: instanceLines(config, instance) })),
    ].sort((a, b) => a.seq - b.seq);
    const interfaces = config.interfaces.filter((iface) => iface.cryptoMap === map).map((iface) => `${INDENT}${INDENT}${iface.name}`);
    const body = blocks.flatMap((block, index) => (index === 0 ? block.lines : ['', ...block.lines]));
    return [...body, `${INDENT}Interfaces using crypto map ${map}:`, ...interfaces, ''];
  });
}
