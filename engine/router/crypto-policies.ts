import type { AccessList, AclEntry, AddressMatch, PortMatch } from '../net/acl-types.ts';
import { isAclEntry } from '../net/acl-types.ts';
import {
  DEFAULT_SA_LIFETIME, findAccessList,
  type CryptoMapEntry, type CryptoMapSettings, type IosConfig, type PfsGroup, type TransformSet,
} from '../ios/index.ts';
import type { CryptoPolicy, DhGroupNumber, ProxyIdentity, TransformProposal } from '../ipsec/ipsec-port.ts';

/**
 * Turns the crypto part of an IOS configuration into the policies the data plane and IKE work
 * with: one CryptoPolicy per crypto map entry (a dynamic entry expands to its template's entries),
 * grouped by the interfaces the map is applied to.
 */
export function buildCryptoPolicies(config: IosConfig): Map<string, CryptoPolicy[]> {
  const byInterface = new Map<string, CryptoPolicy[]>();
  for (const iface of config.interfaces) {
    if (iface.cryptoMap === undefined || iface.address === undefined) continue;
    const entries = config.crypto.cryptoMaps.filter((entry) => entry.map === iface.cryptoMap);
    const context = { interfaceName: iface.name, localAddress: mapLocalAddress(config, iface.cryptoMap) ?? iface.address.address };
    byInterface.set(iface.name, entries.flatMap((entry) => policiesOf(config, entry, context)));
  }
  return byInterface;
}

/** `crypto map MAP local-address IF`: that interface's address, when it has one (else the map's own interface's). */
function mapLocalAddress(config: IosConfig, map: string): number | undefined {
  const name = config.crypto.mapLocalAddresses[map];
  return name === undefined ? undefined : config.interfaces.find((iface) => iface.name === name)?.address?.address;
}

interface InterfaceContext {
  interfaceName: string;
  localAddress: number;
}

function policiesOf(config: IosConfig, entry: CryptoMapEntry, context: InterfaceContext): CryptoPolicy[] {
  if (entry.dynamicMap === undefined) return [policyOf(config, entry, entry, context)];
  return config.crypto.dynamicMaps
    .filter((template) => template.name === entry.dynamicMap)
    .map((template) => ({
      ...policyOf(config, entry, template, context),
      dynamicMap: { name: template.name, seq: template.seq },
    }));
}

function policyOf(config: IosConfig, entry: CryptoMapEntry, settings: CryptoMapSettings, context: InterfaceContext): CryptoPolicy {
  const acl = settings.matchAddress === undefined ? undefined : findAccessList(config, settings.matchAddress);
  const global = config.crypto.saLifetime;
  return {
    mapName: entry.map,
    seq: entry.seq,
    discover: entry.discover,
    ...context,
    peers: [...settings.peers],
    ...(settings.matchAddress === undefined ? {} : { accessList: settings.matchAddress }),
    ...(acl === undefined ? {} : { acl }),
    selectors: acl === undefined ? [] : selectorsOf(acl),
    transformSets: settings.transformSets.flatMap((name) => {
      const set = config.crypto.transformSets.find((candidate) => candidate.name === name);
      return set === undefined ? [] : [transformProposal(set)];
    }),
    ...(settings.pfs === undefined ? {} : { pfsGroup: pfsGroupNumber(settings.pfs) }),
    lifetimeSeconds: settings.lifetimeSeconds ?? global.seconds ?? DEFAULT_SA_LIFETIME.seconds,
    lifetimeKilobytes: settings.lifetimeKilobytes ?? global.kilobytes ?? DEFAULT_SA_LIFETIME.kilobytes,
  };
}

/** One proxy pair per permit entry; IOS proxies are address/mask, so wildcards are inverted. */
export function selectorsOf(acl: AccessList): CryptoPolicy['selectors'] {
  return acl.lines
    .filter(isAclEntry)
    .filter((entry) => entry.action === 'permit')
    .map((entry) => ({
      local: proxyOf(entry.source, entry, entry.sourcePort),
      remote: proxyOf(entry.destination ?? { address: 0, wildcard: 0xffffffff }, entry, entry.destinationPort),
    }));
}

function proxyOf(match: AddressMatch, entry: AclEntry, port: PortMatch | undefined): ProxyIdentity {
  const mask = ~match.wildcard >>> 0;
  return {
    address: (match.address & mask) >>> 0,
    mask,
    protocol: entry.protocol ?? 0,
    port: port?.operator === 'eq' ? port.ports[0]! : 0,
  };
}

export function transformProposal(set: TransformSet): TransformProposal {
  const proposal: TransformProposal = { name: set.name, mode: set.mode };
  for (const transform of set.transforms) {
    switch (transform.name) {
      case 'esp-des':
      case 'esp-3des':
      case 'esp-null':
        proposal.espCipher = { transform: transform.name };
        break;
      case 'esp-aes':
        proposal.espCipher = { transform: 'esp-aes', keyBits: transform.keyBits ?? 128 };
        break;
      case 'esp-md5-hmac':
      case 'esp-sha-hmac':
        proposal.espAuth = transform.name;
        break;
      case 'ah-md5-hmac':
      case 'ah-sha-hmac':
        proposal.ah = transform.name;
        break;
    }
  }
  return proposal;
}

const PFS_GROUPS: Record<PfsGroup, DhGroupNumber> = { group1: 1, group2: 2, group5: 5 };

function pfsGroupNumber(group: PfsGroup): DhGroupNumber {
  return PFS_GROUPS[group];
}
