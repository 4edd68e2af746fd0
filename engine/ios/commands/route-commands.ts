import type { StaticRouteConfig } from '../../net/route-types.ts';
import { parseIpv4, prefixLengthOfMask } from '../../wire/ipv4-address.ts';
import type { Args } from '../cli/command-types.ts';
import { IosText } from '../messages.ts';
import type { CommandContext, CommandSpec } from './command-context.ts';
import { IFNAME, interfaceNameOf } from './shared-grammar.ts';

/** `ip route` and `no ip route`. */

const ROUTE_HELP = {
  ip: 'Global IP configuration subcommands',
  route: 'Establish static routes',
  $prefix: 'Destination prefix',
  $mask: 'Destination prefix mask',
  $nextHop: "Forwarding router's address",
  $distance: 'Distance metric for this route',
};

const TARGET = `(A.B.C.D$nextHop|${IFNAME} [A.B.C.D$nextHop])`;

function routeFrom(args: Args): StaticRouteConfig {
  const nextHop = args.get('nextHop');
  const interfaceName = interfaceNameOf(args);
  return {
    prefix: parseIpv4(args.get('prefix')!)!,
    mask: parseIpv4(args.get('mask')!)!,
    ...(nextHop === undefined ? {} : { nextHop: parseIpv4(nextHop)! }),
    ...(interfaceName === undefined ? {} : { interfaceName }),
    distance: args.number('distance') ?? 1,
  };
}

function sameTarget(a: StaticRouteConfig, b: StaticRouteConfig): boolean {
  return a.prefix === b.prefix && a.mask === b.mask && a.nextHop === b.nextHop && a.interfaceName === b.interfaceName;
}

function isOwnAddress(ctx: CommandContext, address: number): boolean {
  return ctx.config.interfaces.some((iface) => iface.address?.address === address);
}

function addRoute(ctx: CommandContext, args: Args): void {
  const route = routeFrom(args);
  if (prefixLengthOfMask(route.mask) === undefined || (route.prefix & ~route.mask) !== 0) {
    return ctx.reject(IosText.inconsistentMask);
  }
  if (route.nextHop !== undefined && isOwnAddress(ctx, route.nextHop)) return ctx.reject(IosText.nextHopIsThisRouter);
  const routes = ctx.config.staticRoutes;
  const existing = routes.findIndex((candidate) => sameTarget(candidate, route));
  if (existing >= 0) routes[existing] = route;
  else routes.push(route);
}

function deleteRoute(ctx: CommandContext, args: Args): void {
  const wanted = routeFrom(args);
  const targeted = args.has('nextHop') || args.has('ifType');
  const keep = ctx.config.staticRoutes.filter((route) => {
    if (route.prefix !== wanted.prefix || route.mask !== wanted.mask) return true;
    return targeted && !sameTarget(route, wanted);
  });
  if (keep.length === ctx.config.staticRoutes.length) return ctx.reject(IosText.noStaticRoute);
  ctx.config.staticRoutes = keep;
}

export const ROUTE_COMMANDS: CommandSpec[] = [
  {
    syntax: `ip route A.B.C.D$prefix A.B.C.D$mask ${TARGET} [<1-255>$distance]`,
    help: ROUTE_HELP,
    run: addRoute,
  },
  {
    syntax: `no ip route A.B.C.D$prefix A.B.C.D$mask [${TARGET} [<1-255>$distance]]`,
    help: ROUTE_HELP,
    run: deleteRoute,
  },
];
