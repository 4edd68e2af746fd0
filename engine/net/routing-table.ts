import { classfulMask, inSubnet, networkOf, prefixLengthOfMask, type Ipv4Address } from '../wire/ipv4-address.ts';
import type { Route, StaticRouteConfig } from './route-types.ts';

export const CONNECTED_DISTANCE = 0;
export const STATIC_DISTANCE = 1;
/** Bounds recursive next-hop resolution; installed routes form a DAG, so this is a safety net. */
const MAX_RECURSION = 8;

/** What the table needs to know of an interface. */
export interface InterfaceState {
  name: string;
  address?: Ipv4Address;
  mask?: Ipv4Address;
  lineUp: boolean;
}

export interface LookupOptions {
  /** `ip classless` (the IOS 12.2 default). */
  classless?: boolean;
}

/** Where a datagram goes: out of `interfaceName` to the neighbour `nextHop`. */
export interface Forwarding {
  route: Route;
  interfaceName: string;
  nextHop: Ipv4Address;
}

function prefixLength(mask: Ipv4Address): number {
  return prefixLengthOfMask(mask) ?? 0;
}

function connectedRoutes(interfaces: readonly InterfaceState[]): Route[] {
  return interfaces
    .filter((i) => i.lineUp && i.address !== undefined && i.mask !== undefined)
    .map((i) => ({
      source: 'connected' as const,
      prefix: networkOf(i.address!, i.mask!),
      mask: i.mask!,
      distance: CONNECTED_DISTANCE,
      metric: 0,
      interfaceName: i.name,
    }));
}

function staticRoute(config: StaticRouteConfig): Route {
  const route: Route = {
    source: 'static',
    prefix: networkOf(config.prefix, config.mask),
    mask: config.mask,
    distance: config.distance,
    metric: 0,
  };
  if (config.nextHop !== undefined) route.nextHop = config.nextHop;
  if (config.interfaceName !== undefined) route.interfaceName = config.interfaceName;
  return route;
}

/** Among routes for the same prefix and mask, only those of the lowest distance are installed. */
function preferLowestDistance(routes: Route[]): Route[] {
  const best = new Map<string, number>();
  for (const r of routes) {
    const key = `${r.prefix}/${r.mask}`;
    best.set(key, Math.min(best.get(key) ?? Infinity, r.distance));
  }
  return routes.filter((r) => r.distance === best.get(`${r.prefix}/${r.mask}`));
}

/**
 * The IP routing table of a node: an immutable snapshot built from the interfaces and the
 * configured static routes. Rebuild it when either changes.
 */
export class RoutingTable {
  private readonly installed: Route[];

  private constructor(installed: Route[]) {
    // Longest prefix first, so the first match in a scan is the best one.
    this.installed = installed.sort((a, b) => prefixLength(b.mask) - prefixLength(a.mask) || a.distance - b.distance);
  }

  static build(interfaces: readonly InterfaceState[], statics: readonly StaticRouteConfig[]): RoutingTable {
    const upInterfaces = new Set(interfaces.filter((i) => i.lineUp).map((i) => i.name));
    let routes = connectedRoutes(interfaces);
    const pending = statics.map(staticRoute);
    // Install statics whose next hop resolves through what is installed, until nothing changes:
    // a route can never resolve through itself or through a route that depends on it.
    for (let progress = true; progress; ) {
      progress = false;
      for (const candidate of [...pending]) {
        if (!RoutingTable.installable(candidate, routes, upInterfaces)) continue;
        routes = [...routes, candidate];
        pending.splice(pending.indexOf(candidate), 1);
        progress = true;
      }
    }
    return new RoutingTable(preferLowestDistance(routes));
  }

  private static installable(route: Route, installed: Route[], upInterfaces: Set<string>): boolean {
    if (route.interfaceName !== undefined) return upInterfaces.has(route.interfaceName);
    if (route.nextHop === undefined) return false;
    const via = new RoutingTable([...installed]);
    return via.lookup(route.nextHop) !== undefined;
  }

  /** The installed routes, ordered by prefix then mask (the order `show ip route` groups them in). */
  routes(): Route[] {
    return [...this.installed].sort((a, b) => a.prefix - b.prefix || prefixLength(a.mask) - prefixLength(b.mask));
  }

  /**
   * The most specific route for `destination`. Under `no ip classless`, a destination in a
   * major network of which the table knows a subnet is looked up among that network's
   * subnets only: it never falls back to a supernet or the default route.
   */
  bestRoute(destination: Ipv4Address, options: LookupOptions = {}): Route | undefined {
    const classless = options.classless ?? true;
    let minimumLength = 0;
    if (!classless) {
      const major = classfulMask(destination);
      const knowsSubnet = this.installed.some(
        (r) => prefixLength(r.mask) >= prefixLength(major) && inSubnet(r.prefix, destination, major),
      );
      if (knowsSubnet) minimumLength = prefixLength(major);
    }
    return this.installed.find((r) => prefixLength(r.mask) >= minimumLength && inSubnet(destination, r.prefix, r.mask));
  }

  /** The outgoing interface and neighbour for `destination`, resolving next hops recursively. */
  lookup(destination: Ipv4Address, options: LookupOptions = {}): Forwarding | undefined {
    let target = destination;
    let first: Route | undefined;
    for (let depth = 0; depth < MAX_RECURSION; depth++) {
      const route = this.bestRoute(target, options);
      if (route === undefined) return undefined;
      first ??= route;
      if (route.interfaceName !== undefined) {
        return { route: first, interfaceName: route.interfaceName, nextHop: route.nextHop ?? target };
      }
      if (route.nextHop === undefined) return undefined;
      target = route.nextHop;
    }
    return undefined;
  }
}
