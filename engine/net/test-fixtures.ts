import { Sim } from '../sim/sim.ts';
import { maskFromPrefixLength, parseIpv4, type Ipv4Address } from '../wire/ipv4-address.ts';
import type { AccessList, AclEntry } from './acl-types.ts';
import { Host } from './host.ts';
import { IpNode } from './ip-node.ts';
import { Link } from './link.ts';
import type { PingRequest, PingResult } from './ping-types.ts';

/** Dotted quad to address; a typo in a test must fail loudly. */
export function ip(text: string): Ipv4Address {
  const address = parseIpv4(text);
  if (address === undefined) throw new Error(`bad address in test: ${text}`);
  return address;
}

export const MASK_24 = maskFromPrefixLength(24);

export interface LabOptions {
  seed?: number;
  delays?: { lan1?: number; wan?: number; lan2?: number };
  wanLoss?: number;
}

/**
 * The topology of the TED document: pc-daphne -- Daphne == fred -- pc-fred, each router
 * with a default route to the other across the wan.
 */
export function tedLab(options: LabOptions = {}) {
  const sim = new Sim(options.seed ?? 1);
  const pcDaphne = new Host(sim, 'pc-daphne', { address: ip('13.13.13.14'), mask: MASK_24, gateway: ip('13.13.13.13') });
  const pcFred = new Host(sim, 'pc-fred', { address: ip('12.12.12.13'), mask: MASK_24, gateway: ip('12.12.12.12') });
  const daphne = new IpNode(sim, 'Daphne', { forwarding: true });
  const daphneWan = daphne.addInterface('FastEthernet0/0', ip('11.11.11.1'), MASK_24);
  const daphneLan = daphne.addInterface('FastEthernet0/1', ip('13.13.13.13'), MASK_24);
  daphne.setStaticRoutes([{ prefix: 0, mask: 0, nextHop: ip('11.11.11.2'), distance: 1 }]);
  const fred = new IpNode(sim, 'fred', { forwarding: true });
  const fredWan = fred.addInterface('FastEthernet0/0', ip('11.11.11.2'), MASK_24);
  const fredLan = fred.addInterface('FastEthernet0/1', ip('12.12.12.12'), MASK_24);
  fred.setStaticRoutes([{ prefix: 0, mask: 0, nextHop: ip('11.11.11.1'), distance: 1 }]);
  const delays = options.delays ?? {};
  const lan1 = new Link(sim, 'lan1', [daphneLan, pcDaphne.eth0], { delayMs: delays.lan1 ?? 1 });
  const wan = new Link(sim, 'wan', [daphneWan, fredWan], { delayMs: delays.wan ?? 5, lossRate: options.wanLoss ?? 0 });
  const lan2 = new Link(sim, 'lan2', [fredLan, pcFred.eth0], { delayMs: delays.lan2 ?? 2 });
  return { sim, pcDaphne, pcFred, daphne, fred, daphneWan, daphneLan, fredWan, fredLan, lan1, wan, lan2 };
}

/** Runs a ping to completion on virtual time. */
export function runPing(sim: Sim, node: IpNode, destination: string, request: Partial<PingRequest> = {}): PingResult {
  const session = node.ping({ destination: ip(destination), ...request });
  const deadline = sim.now() + (session.count + 1) * session.timeoutMs;
  sim.runUntil(() => session.done, deadline);
  return session.result;
}

export function any() {
  return { address: 0, wildcard: 0xffffffff };
}

export function host(address: string) {
  return { address: ip(address), wildcard: 0 };
}

export function entry(fields: Omit<AclEntry, 'matches'>): AclEntry {
  return { ...fields, matches: 0 };
}

export function extendedAcl(name: string, entries: AclEntry[]): AccessList {
  return { name, kind: 'extended', named: false, lines: entries };
}
