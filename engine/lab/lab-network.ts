import { Host } from '../net/host.ts';
import type { IpNode } from '../net/ip-node.ts';
import { Link } from '../net/link.ts';
import { linkMedium } from '../net/link-medium.ts';
import type { NetInterface } from '../net/net-interface.ts';
import type { Sim } from '../sim/sim.ts';
import { formatIpv4, parseIpv4, type Ipv4Address } from '../wire/ipv4-address.ts';
import { RealPeerEnd } from '../bridge/real-peer-end.ts';
import { Router } from '../router/router.ts';
import { LinkCapture } from './capture.ts';
import { VALUE_RANGES } from './topology/value-ranges.ts';
import { LabError } from './errors.ts';
import { formatLocation } from './lab-checks.ts';
import { MacAllocator } from './mac-allocator.ts';
import { refusedAsNotModelled } from './not-modelled-list.ts';
import { configLineLocation, type EndSpec, type RouterSpec, type TopologySpec } from './topology/index.ts';

/**
 * The routers, hosts, real peers and links of one topology, cabled on one simulator, and the
 * lookups by name (or address) the Lab API resolves its arguments with.
 */
export class LabNetwork {
  readonly routers = new Map<string, Router>();
  readonly hosts = new Map<string, Host>();
  readonly links = new Map<string, Link>();
  readonly captures = new Map<string, LinkCapture>();
  readonly peers = new Map<string, RealPeerEnd>();
  private readonly macs = new MacAllocator();

  constructor(
    private readonly sim: Sim,
    private readonly topology: TopologySpec,
  ) {
    for (const spec of topology.routers) this.addRouter(spec);
    for (const spec of topology.hosts) {
      this.hosts.set(spec.name, new Host(sim, spec.name, { ...spec, mac: this.macs.pc(spec.name) }));
    }
    for (const spec of topology.peers) this.peers.set(spec.name, new RealPeerEnd(spec, sim));
    for (const spec of topology.links) {
      const link = new Link(sim, spec.name, spec.ends.map((end) => this.endInterface(end)), {
        delayMs: spec.delayMs,
        lossRate: spec.lossRate,
        up: spec.up,
        medium: linkMedium(spec.medium ?? 'ethernet'),
      });
      if (spec.capture) this.captures.set(spec.name, new LinkCapture(link, spec.captureLimitBytes ?? VALUE_RANGES.captureBytes.default));
      this.links.set(spec.name, link);
      this.checkPeers(spec.name, link);
    }
    for (const router of this.routers.values()) router.startLoggingInterfaceEvents();
  }

  router(name: string): Router {
    const router = this.routers.get(name) ?? [...this.routers.values()].find((r) => r.ownsAddress(parseIpv4(name)));
    if (router === undefined) throw new LabError('usage', this.unknown('router', name, this.routers));
    return router;
  }

  link(name: string): Link {
    const link = this.links.get(name);
    if (link === undefined) throw new LabError('usage', this.unknown('link', name, this.links));
    return link;
  }

  peer(name: string): RealPeerEnd {
    const peer = this.peers.get(name);
    if (peer === undefined) throw new LabError('usage', this.unknown('peer', name, this.peers));
    return peer;
  }

  capture(link: string): LinkCapture {
    const capture = this.captures.get(link);
    if (capture !== undefined) return capture;
    throw new LabError('usage', this.links.has(link) ? `link "${link}" is not captured (capture: false)` : this.unknown('link', link, this.links));
  }

  /** The end of `carrier` that belongs to the router, host or peer `name`. */
  endOf(carrier: Link, name: string): NetInterface {
    const found = carrier.ends.find((iface) => iface.node.name === name);
    if (found !== undefined) return found;
    throw new LabError('usage', `"${name}" is not an end of link "${carrier.name}" (its ends: ${carrier.ends.map((i) => i.node.name).join(', ')})`);
  }

  /** A host or router by name, or whichever owns the address. */
  node(name: string): IpNode {
    const named = this.hosts.get(name) ?? this.routers.get(name)?.node;
    if (named !== undefined) return named;
    const address = parseIpv4(name);
    const owner = address === undefined ? undefined : this.allNodes().find((node) => node.isLocalAddress(address));
    if (owner === undefined) throw new LabError('usage', `no host or router is named or addressed "${name}"`);
    return owner;
  }

  /** An address literal, or the address of a named host (a router: its first addressed interface). */
  address(name: string): Ipv4Address {
    const literal = parseIpv4(name);
    if (literal !== undefined) return literal;
    const host = this.hosts.get(name);
    if (host !== undefined) return host.address;
    const routerAddress = this.routers.get(name)?.node.interfaces.find((i) => i.address !== undefined)?.address;
    if (routerAddress !== undefined) return routerAddress;
    throw new LabError('usage', `"${name}" is neither an address nor a host or router with an address`);
  }

  private allNodes(): IpNode[] {
    return [...this.hosts.values(), ...[...this.routers.values()].map((r) => r.node)];
  }

  private unknown(kind: string, name: string, known: Map<string, unknown>): string {
    return `no ${kind} "${name}" in this lab (it has: ${[...known.keys()].join(', ') || 'none'})`;
  }

  private addRouter(spec: RouterSpec): void {
    const router = new Router(this.sim, {
      name: spec.name, clock: spec.clock, macBase: this.macs.router(spec.name), ...(spec.cpu === undefined ? {} : { cpu: spec.cpu }),
      ...(spec.wics === undefined ? {} : { wics: spec.wics }),
      ...(spec.consoleLimitChars === undefined ? {} : { consoleLimitChars: spec.consoleLimitChars }),
    });
    const rejected = router.loadStartupConfig(spec.config.text);
    if (rejected.length > 0) {
      const problems = rejected.map((line) => {
        const at = configLineLocation(spec, line.lineNumber);
        return `${at.file}:${at.line}:${at.column + line.column}: router "${spec.name}" rejects configuration line ${line.lineNumber}:\n${line.transcript}`;
      });
      // A line refused only because the lab does not model it is the lab's limit, not a mistake in the file.
      const kind = rejected.some((line) => refusedAsNotModelled(line.transcript)) ? 'unsupported' : 'config';
      throw new LabError(kind, problems.join('\n'));
    }
    this.routers.set(spec.name, router);
  }

  private endInterface(end: EndSpec): NetInterface {
    if (end.kind === 'host') {
      const eth0 = this.hosts.get(end.host)!.eth0;
      // On a VLAN of a trunk: as behind a switch's access port, its frames carry the VLAN's tag.
      eth0.vlan = end.vlan;
      return eth0;
    }
    if (end.kind === 'peer') return this.peers.get(end.peer)!.eth;
    const iface = this.routers.get(end.router)!.node.interface(end.interface);
    if (iface === undefined) throw new LabError('topology', `router "${end.router}" has no interface ${end.interface}`);
    return iface;
  }

  /** A real peer's end sends onto its link; a router there must own the address the peer talks to. */
  private checkPeers(linkName: string, link: Link): void {
    for (const iface of link.ends) {
      const peer = this.peers.get(iface.node.name);
      if (peer === undefined || iface !== peer.eth) continue;
      if (!link.ends.some((end) => end !== iface && end.address === peer.spec.bind)) {
        const bindAt = this.topology.peers.find((spec) => spec.name === peer.name)?.bindAt;
        const at = bindAt === undefined ? this.topology.file : formatLocation(bindAt);
        const problem = `peer "${peer.name}" talks to ${formatIpv4(peer.spec.bind)}, but no router interface on link "${linkName}" has that address`;
        throw new LabError('topology', `${at}: ${problem} (at peers.${peer.name}.bind)`);
      }
    }
  }
}
