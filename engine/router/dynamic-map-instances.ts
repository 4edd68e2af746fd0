import type { AclEntry } from '../net/acl-types.ts';
import type { DynamicPeer, ProxyIdentity } from '../ipsec/index.ts';
import { aclEntryConfigText, type CryptoMapSettings, type DynamicMapInstance, type IosConfig } from '../ios/index.ts';
import { proxyKey } from '../ipsec/proxy-match.ts';

/**
 * The crypto map entries IOS creates from a dynamic map template, one per peer and proxy pair
 * whose SAs are up (`Crypto Map "tedtag" 11 ... dynamic (created from dynamic map ted-map/10)`).
 * An instance takes the lowest sequence number after its template's entry that no entry of the
 * map holds, keeps it while its SAs live, and goes with them.
 */
export class DynamicMapInstances {
  /** Instance key -> its sequence number, in the order the instances appeared. */
  private readonly numbers = new Map<string, number>();

  /** The instances for the peers up now: new ones numbered, gone ones forgotten. */
  update(config: IosConfig, peers: readonly DynamicPeer[]): DynamicMapInstance[] {
    const live = new Map(peers.map((peer) => [instanceKey(peer), peer]));
    for (const key of [...this.numbers.keys()]) if (!live.has(key)) this.numbers.delete(key);
    for (const [key, peer] of live) {
      if (!this.numbers.has(key)) this.numbers.set(key, this.freeNumber(config, peer));
    }
    return [...this.numbers].map(([key, seq]) => instanceOf(config, live.get(key)!, seq));
  }

  private freeNumber(config: IosConfig, peer: DynamicPeer): number {
    const { mapName, seq } = peer.policy;
    const taken = new Set(config.crypto.cryptoMaps.filter((entry) => entry.map === mapName).map((entry) => entry.seq));
    for (const [key, number] of this.numbers) if (key.startsWith(`${mapName}|`)) taken.add(number);
    let candidate = seq + 1;
    while (taken.has(candidate)) candidate++;
    return candidate;
  }
}

function instanceKey(peer: DynamicPeer): string {
  const { policy } = peer;
  return `${policy.mapName}|${policy.seq}|${policy.interfaceName}|${peer.peer}|${proxyKey(peer.localProxy)}|${proxyKey(peer.remoteProxy)}`;
}

const NO_SETTINGS: CryptoMapSettings = { peers: [], transformSets: [] };

function instanceOf(config: IosConfig, peer: DynamicPeer, seq: number): DynamicMapInstance {
  const template = peer.policy.dynamicMap!;
  const settings = config.crypto.dynamicMaps.find((entry) => entry.name === template.name && entry.seq === template.seq) ?? NO_SETTINGS;
  return {
    map: peer.policy.mapName,
    seq,
    template: { name: template.name, seq: template.seq },
    peer: peer.peer,
    accessListLines: [`access-list ${aclEntryConfigText(permitEntry(peer.localProxy, peer.remoteProxy), 'extended')}`],
    settings,
  };
}

/** The negotiated proxies as the one ACL entry the instance holds. */
function permitEntry(local: ProxyIdentity, remote: ProxyIdentity): AclEntry {
  const protocol = local.protocol || remote.protocol;
  return {
    action: 'permit',
    ...(protocol === 0 ? {} : { protocol }),
    source: { address: local.address, wildcard: ~local.mask >>> 0 },
    ...(local.port === 0 ? {} : { sourcePort: { operator: 'eq', ports: [local.port] } }),
    destination: { address: remote.address, wildcard: ~remote.mask >>> 0 },
    ...(remote.port === 0 ? {} : { destinationPort: { operator: 'eq', ports: [remote.port] } }),
    matches: 0,
  };
}
