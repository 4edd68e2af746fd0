import type { Ipv4Address } from '../wire/ipv4-address.ts';

/** A static route as configured: `ip route PREFIX MASK (NEXTHOP | INTERFACE [NEXTHOP]) [DISTANCE]`. */
export interface StaticRouteConfig {
  prefix: Ipv4Address;
  mask: Ipv4Address;
  nextHop?: Ipv4Address;
  interfaceName?: string;
  distance: number;
}

export type RouteSource = 'connected' | 'static';

/** An installed route, as `show ip route` lists it. */
export interface Route {
  source: RouteSource;
  prefix: Ipv4Address;
  mask: Ipv4Address;
  distance: number;
  metric: number;
  nextHop?: Ipv4Address;
  interfaceName?: string;
}
