import { Host } from '../../net/host.ts';
import { Link } from '../../net/link.ts';
import { Sim } from '../../sim/sim.ts';
import { parseIpv4, type Ipv4Address } from '../../wire/ipv4-address.ts';
import { Router } from '../router.ts';

/**
 * Sites that all use the TED document's template, on one shared WAN 11.11.11.0/24: site n is
 * router Sn at 11.11.11.n with LAN 10.0.n.0/24 and host 10.0.n.10, protecting its LAN towards
 * every other site's (10.0.0.0/16) with `crypto map tedtag 10 ipsec-isakmp dynamic ted-map
 * discover` and no peer anywhere. A site may be given another configuration instead.
 */

export const ip = (text: string): Ipv4Address => parseIpv4(text)!;
const MASK = ip('255.255.255.0');

export function tedSiteConfig(site: number, others: readonly number[]): string {
  return `hostname S${site}
service timestamps debug datetime msec
service timestamps log datetime msec
crypto isakmp policy 10
 authentication pre-share
crypto isakmp key abc123 address 0.0.0.0 0.0.0.0
crypto ipsec transform-set ted-transforms esp-des esp-md5-hmac
crypto dynamic-map ted-map 10
 set transform-set ted-transforms
 match address 101
crypto map tedtag 10 ipsec-isakmp dynamic ted-map discover
interface FastEthernet0/0
 ip address 11.11.11.${site} 255.255.255.0
 crypto map tedtag
interface FastEthernet0/1
 ip address 10.0.${site}.1 255.255.255.0
${others.map((other) => `ip route 10.0.${other}.0 255.255.255.0 11.11.11.${other}`).join('\n')}
access-list 101 permit ip 10.0.${site}.0 0.0.0.255 10.0.0.0 0.0.255.255
end`;
}

export interface TedSite {
  router: Router;
  host: Host;
}

export interface TedSitesOptions {
  /** Configurations that replace the template for some sites. */
  configs?: Record<number, string>;
  /** Milliseconds per Diffie-Hellman computation, per site. */
  dhMs?: Record<number, number>;
  seed?: number;
}

export function tedSites(count: number, options: TedSitesOptions = {}) {
  const sim = new Sim(options.seed ?? 1);
  const numbers = Array.from({ length: count }, (_, index) => index + 1);
  const sites = new Map<number, TedSite>();
  for (const site of numbers) {
    const dhMs = options.dhMs?.[site];
    const router = new Router(sim, { name: `S${site}`, ...(dhMs === undefined ? {} : { cpu: { dhMs } }) });
    const config = options.configs?.[site] ?? tedSiteConfig(site, numbers.filter((other) => other !== site));
    const rejected = router.loadStartupConfig(config);
    if (rejected.length > 0) throw new Error(`S${site} rejects ${rejected[0]!.transcript}`);
    const host = new Host(sim, `h${site}`, { address: ip(`10.0.${site}.10`), mask: MASK, gateway: ip(`10.0.${site}.1`) });
    new Link(sim, `lan${site}`, [router.node.interface('FastEthernet0/1')!, host.eth0]);
    sites.set(site, { router, host });
  }
  new Link(sim, 'wan', numbers.map((site) => sites.get(site)!.router.node.interface('FastEthernet0/0')!));
  const site = (n: number): TedSite => sites.get(n)!;
  /** Pings from site a's host to site b's; returns the marks. */
  const ping = (from: number, to: number, count = 5): string => {
    const session = site(from).host.ping({ destination: site(to).host.address, count });
    if (!sim.runUntil(() => session.done, sim.now() + count * 2_100 + 10_000)) throw new Error('ping did not finish');
    return session.result.marks;
  };
  const debugAll = (): void => {
    for (const { router } of sites.values()) for (const what of ['isakmp', 'ipsec', 'engine']) router.exec(`debug crypto ${what}`);
  };
  return { sim, site, ping, debugAll };
}

/** The messages of a console log without their timestamps, continuation lines dropped. */
export function messages(log: string): string[] {
  return log.split('\n').filter((line) => line.startsWith('*')).map((line) => line.replace(/^\*\w+ +\d+ [\d:.]+: /, ''));
}
