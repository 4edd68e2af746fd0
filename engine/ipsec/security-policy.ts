import { evaluateAcl } from '../net/acl.ts';
import { isAclEntry, type AccessList, type PacketFields } from '../net/acl-types.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { CryptoPolicy, ProxyIdentity } from './ipsec-port.ts';
import { packetBetween } from './proxy-match.ts';

/**
 * The security policy database: the crypto map entries of each interface in sequence
 * order. An outbound packet belongs to the first entry whose access list permits it, and
 * to the selector made from that permit entry; a `deny` entry only means "not by this
 * map entry", so the next entry is tried (IOS crypto map semantics).
 */

export interface Selector {
  local: ProxyIdentity;
  remote: ProxyIdentity;
}

export interface PolicyMatch {
  policy: CryptoPolicy;
  selectorIndex: number;
  selector: Selector;
}

/** Resolves `match address` names to the router's access lists (live, so their counters move). */
export type AccessListLookup = (name: string) => AccessList | undefined;

export class SecurityPolicyDatabase {
  private byInterface = new Map<string, CryptoPolicy[]>();

  constructor(private readonly accessLists?: AccessListLookup) {}

  /** Replaces every policy; entries are kept per interface in sequence order. */
  replace(policies: readonly CryptoPolicy[]): void {
    const grouped = new Map<string, CryptoPolicy[]>();
    for (const policy of policies) {
      const list = grouped.get(policy.interfaceName) ?? [];
      list.push(policy);
      grouped.set(policy.interfaceName, list);
    }
    for (const list of grouped.values()) list.sort((a, b) => a.seq - b.seq);
    this.byInterface = grouped;
  }

  interfaceNames(): string[] {
    return [...this.byInterface.keys()];
  }

  policiesOn(interfaceName: string): readonly CryptoPolicy[] {
    return this.byInterface.get(interfaceName) ?? [];
  }

  all(): CryptoPolicy[] {
    return [...this.byInterface.values()].flat();
  }

  /** The policies of the interface whose crypto map endpoint is `local`. */
  policiesAt(local: Ipv4Address): CryptoPolicy[] {
    return this.all().filter((policy) => policy.localAddress === local);
  }

  /** The map entry and selector that protect an outbound packet, if any. */
  matchOutbound(interfaceName: string, fields: PacketFields): PolicyMatch | undefined {
    for (const policy of this.policiesOn(interfaceName)) {
      const selectorIndex = this.selectorFor(policy, fields);
      if (selectorIndex !== undefined) {
        return { policy, selectorIndex, selector: policy.selectors[selectorIndex]! };
      }
    }
    return undefined;
  }

  private selectorFor(policy: CryptoPolicy, fields: PacketFields): number | undefined {
    const acl = policy.accessList === undefined ? undefined : this.accessLists?.(policy.accessList);
    const permits = acl?.lines.filter(isAclEntry).filter((entry) => entry.action === 'permit');
    if (acl === undefined || permits === undefined || permits.length !== policy.selectors.length) {
      return selectorByProxies(policy, fields);
    }
    const verdict = evaluateAcl(acl, fields);
    if (verdict.action === 'deny' || verdict.entry === undefined) return undefined;
    const index = permits.indexOf(verdict.entry);
    return index < 0 ? undefined : index;
  }
}

/** Without the access list at hand, the selectors themselves decide (first match). */
function selectorByProxies(policy: CryptoPolicy, fields: PacketFields): number | undefined {
  const index = policy.selectors.findIndex((selector) => packetBetween(fields, selector.local, selector.remote));
  return index < 0 ? undefined : index;
}
