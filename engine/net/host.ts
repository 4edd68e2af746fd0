import type { Sim } from '../sim/sim.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { MacAddress } from '../wire/mac-address.ts';
import { PC_ARP_POLICY } from './arp-policy.ts';
import { IpNode } from './ip-node.ts';
import { pcMac } from './mac-addresses.ts';
import type { NetInterface } from './net-interface.ts';
import { STATIC_DISTANCE } from './routing-table.ts';

export const HOST_INTERFACE_NAME = 'eth0';
/** Hosts stand for ordinary PCs, which send with TTL 64. */
export const HOST_DEFAULT_TTL = 64;
/** No spacing between a PC's unreachables (tedlab's simplification of Linux's token bucket). */
export const PC_UNREACHABLE_INTERVAL_MS = 0;

export interface HostConfig {
  address: Ipv4Address;
  mask: Ipv4Address;
  gateway?: Ipv4Address;
  /** Its NIC's MAC; default: from its name (see mac-addresses.ts). */
  mac?: MacAddress;
}

/**
 * An end host: one interface, a default gateway, no forwarding. It answers pings and can ping.
 * It resolves neighbours as a PC does: what waits for ARP is queued, not dropped.
 */
export class Host extends IpNode {
  constructor(sim: Sim, name: string, config: HostConfig) {
    super(sim, name, {
      forwarding: false,
      defaultTtl: HOST_DEFAULT_TTL,
      arpPolicy: PC_ARP_POLICY,
      macBase: config.mac ?? pcMac(name),
      // Linux limits its unreachables with a token bucket that lets a burst through: a traceroute's
      // three probes are all answered. IOS's one-per-500-ms limit is a router's.
      icmpUnreachableIntervalMs: PC_UNREACHABLE_INTERVAL_MS,
    });
    this.addInterface(HOST_INTERFACE_NAME, config.address, config.mask);
    this.setGateway(config.gateway);
  }

  get eth0(): NetInterface {
    return this.interface(HOST_INTERFACE_NAME)!;
  }

  get address(): Ipv4Address {
    return this.eth0.address!;
  }

  get gateway(): Ipv4Address | undefined {
    return this.staticRoutes[0]?.nextHop;
  }

  setGateway(gateway: Ipv4Address | undefined): void {
    this.setStaticRoutes(
      gateway === undefined ? [] : [{ prefix: 0, mask: 0, nextHop: gateway, distance: STATIC_DISTANCE }],
    );
  }
}
