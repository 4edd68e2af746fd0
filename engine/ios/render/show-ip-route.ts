import type { Route, RouteSource } from '../../net/route-types.ts';
import { classfulMask, formatIpv4, matchesWildcard, networkOf, prefixLengthOfMask } from '../../wire/ipv4-address.ts';
import { IosText, ROUTE_CODES_LEGEND } from '../messages.ts';

/**
 * `show ip route` in IOS 12.2's layout: the legend, the gateway of last resort, then routes
 * grouped under their classful network (`11.0.0.0/24 is subnetted, 1 subnets`), supernets
 * and the default route on their own.
 */

const CODES: Record<RouteSource, string> = { connected: 'C', static: 'S' };
const TOP_CODE_WIDTH = 5;
const CHILD_CODE_WIDTH = 8;

const isDefault = (route: Route) => route.prefix === 0 && route.mask === 0;
const lengthOf = (mask: number) => prefixLengthOfMask(mask) ?? 32;

function codeOf(route: Route): string {
  return `${CODES[route.source]}${isDefault(route) ? '*' : ''}`;
}

function pathText(route: Route): string {
  const hop = route.nextHop === undefined ? undefined : formatIpv4(route.nextHop);
  if (route.source === 'connected' || hop === undefined) return `is directly connected, ${route.interfaceName ?? ''}`;
  const via = `[${route.distance}/${route.metric}] via ${hop}`;
  return route.interfaceName ? `${via}, ${route.interfaceName}` : via;
}

/** Lines for routes to one destination: equal-cost paths continue under the first. */
function destinationLines(paths: Route[], codeWidth: number, prefixText: string): string[] {
  const head = `${codeOf(paths[0]!).padEnd(codeWidth)}${prefixText} `;
  return paths.map((route, i) => `${i === 0 ? head : ' '.repeat(head.length)}${pathText(route)}`);
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

const destinationKey = (route: Route) => `${route.prefix}/${route.mask}`;
const byAddress = (a: Route, b: Route) => a.prefix - b.prefix || a.mask - b.mask;

function majorNetworkLines(routes: Route[]): string[] {
  const major = classfulMask(routes[0]!.prefix);
  const majorNet = networkOf(routes[0]!.prefix, major);
  const destinations = groupBy([...routes].sort(byAddress), destinationKey);
  const masks = new Set(routes.map((route) => route.mask));
  if (destinations.length === 1 && routes[0]!.mask === major) {
    return destinationLines(destinations[0]!, TOP_CODE_WIDTH, `${formatIpv4(majorNet)}/${lengthOf(major)}`);
  }
  const variable = masks.size > 1;
  const header = variable
    ? `${formatIpv4(majorNet)}/${lengthOf(major)} is variably subnetted, ${destinations.length} subnets, ${masks.size} masks`
    : `${formatIpv4(majorNet)}/${lengthOf(routes[0]!.mask)} is subnetted, ${destinations.length} subnets`;
  const children = destinations.flatMap((paths) => {
    const prefix = formatIpv4(paths[0]!.prefix);
    return destinationLines(paths, CHILD_CODE_WIDTH, variable ? `${prefix}/${lengthOf(paths[0]!.mask)}` : prefix);
  });
  return [`${' '.repeat(TOP_CODE_WIDTH)}${header}`, ...children];
}

/** The route lines alone, as `show ip route connected|static` prints them. */
export function routeTableLines(routes: Route[]): string[] {
  const isSupernet = (route: Route) => lengthOf(route.mask) < lengthOf(classfulMask(route.prefix));
  const classful = routes.filter((route) => !isSupernet(route));
  const supernets = routes.filter(isSupernet).sort((a, b) => (isDefault(a) ? 1 : 0) - (isDefault(b) ? 1 : 0) || byAddress(a, b));
  const majors = groupBy(classful, (route) => String(networkOf(route.prefix, classfulMask(route.prefix))));
  majors.sort((a, b) => a[0]!.prefix - b[0]!.prefix);
  const supernetLines = groupBy(supernets, destinationKey).flatMap((paths) =>
    destinationLines(paths, TOP_CODE_WIDTH, `${formatIpv4(paths[0]!.prefix)}/${lengthOf(paths[0]!.mask)}`),
  );
  return [...majors.flatMap(majorNetworkLines), ...supernetLines];
}

function gatewayLine(routes: Route[]): string {
  const defaults = routes.filter(isDefault).sort((a, b) => a.distance - b.distance);
  if (defaults.length === 0) return 'Gateway of last resort is not set';
  return `Gateway of last resort is ${formatIpv4(defaults[0]!.nextHop ?? 0)} to network 0.0.0.0`;
}

/** The full `show ip route`. */
export function renderShowIpRoute(routes: Route[]): string[] {
  return [...ROUTE_CODES_LEGEND, '', gatewayLine(routes), '', ...routeTableLines(routes)];
}

function descriptorLine(route: Route): string {
  if (route.source === 'connected' || route.nextHop === undefined) return `  * directly connected, via ${route.interfaceName ?? ''}`;
  const via = route.interfaceName ? `, via ${route.interfaceName}` : '';
  return `  * ${formatIpv4(route.nextHop)}${via}`;
}

/** `show ip route A.B.C.D`: the entry that routes the address (the default route only when asked for 0.0.0.0). */
export function renderRouteEntry(routes: Route[], address: number): string[] {
  const candidates = routes.filter((route) => (address === 0 ? isDefault(route) : !isDefault(route) && matchesWildcard(address, route.prefix, ~route.mask >>> 0)));
  if (candidates.length === 0) {
    const major = classfulMask(address);
    const known = routes.some((route) => !isDefault(route) && networkOf(route.prefix, major) === networkOf(address, major));
    return [known ? IosText.subnetNotInTable : IosText.networkNotInTable];
  }
  const longest = Math.max(...candidates.map((route) => lengthOf(route.mask)));
  const paths = candidates.filter((route) => lengthOf(route.mask) === longest);
  const best = paths[0]!;
  const supernet = lengthOf(best.mask) < lengthOf(classfulMask(best.prefix)) ? ', supernet' : '';
  const known = best.source === 'connected' ? ' (connected, via interface)' : isDefault(best) ? ', candidate default path' : '';
  return [
    `Routing entry for ${formatIpv4(best.prefix)}/${longest}${supernet}`,
    `  Known via "${best.source}", distance ${best.distance}, metric ${best.metric}${known}`,
    '  Routing Descriptor Blocks:',
    ...paths.flatMap((route) => [descriptorLine(route), `      Route metric is ${route.metric}, traffic share count is 1`]),
    '',
  ];
}
