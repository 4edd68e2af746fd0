import type { Sim } from '../sim/sim.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import { IpNode } from './ip-node.ts';
import type { NetInterface } from './net-interface.ts';
import { STATIC_DISTANCE } from './routing-table.ts';

export const HOST_INTERFACE_NAME = 'eth0';
/** Hosts stand for ordinary PCs, which send with TTL 64. */
export const HOST_DEFAULT_TTL = 64;

export interface HostConfig {
  address: Ipv4Address;
  mask: Ipv4Address;
  gateway?: Ipv4Address;
}

/** An end host: one interface, a default gateway, no forwarding. It answers pings and can ping. */
export class Host extends IpNode {
  constructor(sim: Sim, name: string, config: HostConfig) {
    super(sim, name, { forwarding: false, defaultTtl: HOST_DEFAULT_TTL });
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
