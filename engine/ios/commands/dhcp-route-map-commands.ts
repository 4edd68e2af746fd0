import type { Args, HelpTable } from '../cli/command-types.ts';
import type { CommandContext, CommandSpec } from './command-context.ts';
import { noteKeptLine } from './not-modelled.ts';
import { TOPICS } from './not-modelled-topics.ts';
import { openSection, removeSections, subLineCommands, type SubLineSpec } from './kept-sections.ts';

/**
 * `ip dhcp pool NAME` with its `(dhcp-config)#` lines and `route-map NAME [permit|deny] [SEQ]`
 * with its `(config-route-map)#` lines: kept and rendered, not carried out (the lab's hosts
 * have fixed addresses; nothing in the lab applies a route-map).
 */

const DHCP_HELP: HelpTable = {
  ip: 'Global IP configuration subcommands',
  dhcp: 'Configure DHCP server and relay parameters',
  pool: 'Configure DHCP address pools',
  $pool: 'Pool name',
  network: 'Network number and mask',
  $net: 'Network number in dotted-decimal notation',
  $mask: 'Network mask or prefix length',
  'default-router': 'Default routers',
  $router: 'Router\'s IP address',
  'dns-server': 'DNS servers',
  $server: 'Server\'s name or IP address',
  'domain-name': 'Domain name',
  $domain: 'Domain name',
  'netbios-name-server': 'NetBIOS (WINS) name servers',
  lease: 'Address lease time',
  $days: 'Days',
  $hours: 'Hours',
  $minutes: 'Minutes',
  infinite: 'Infinite lease',
  host: 'Client IP address and mask',
  $host: 'IP address in dotted-decimal notation',
  'client-identifier': 'Client identifier',
  'hardware-address': 'Client hardware address',
  $id: 'Dotted-hexadecimal string',
  import: 'Programatically importing DHCP option parameters',
  all: 'all DHCP options',
  option: 'Raw DHCP options',
  $rest: 'The rest of the setting (kept as typed)',
};

const DHCP_LINES: SubLineSpec[] = [
  { syntax: 'import all', keyWords: 1 },
  { syntax: 'network A.B.C.D$net [A.B.C.D$mask]', keyWords: 1 },
  { syntax: 'host A.B.C.D$host [A.B.C.D$mask]', keyWords: 1 },
  { syntax: 'client-identifier WORD$id', keyWords: 1 },
  { syntax: 'hardware-address WORD$id', keyWords: 1 },
  { syntax: 'default-router A.B.C.D$router [LINE$rest]', keyWords: 1 },
  { syntax: 'domain-name WORD$domain', keyWords: 1 },
  { syntax: 'dns-server A.B.C.D$server [LINE$rest]', keyWords: 1 },
  { syntax: 'netbios-name-server A.B.C.D$server [LINE$rest]', keyWords: 1 },
  { syntax: 'option LINE$rest', keyWords: 2 },
  { syntax: 'lease (<0-365>$days [<0-23>$hours [<0-59>$minutes]]|infinite)', keyWords: 1 },
];

/** The order IOS writes a pool's lines in, whatever order they were typed (inferred: TEXT-SOURCES.md). */
export const DHCP_LINE_ORDER = [
  'import', 'network', 'host', 'client-identifier', 'hardware-address', 'default-router', 'domain-name', 'dns-server',
  'netbios-name-server', 'option', 'lease',
];

const ROUTE_MAP_HELP: HelpTable = {
  'route-map': 'Create route-map or enter route-map command mode',
  $map: 'Route map tag',
  permit: 'Route map permits set operations',
  deny: 'Route map denies set operations',
  $seq: 'Sequence to insert to/delete from existing route-map entry',
  description: 'Route-map comment',
  $text: 'Comment up to 100 characters',
  match: 'Match values from routing table',
  set: 'Set values in destination routing protocol',
  ip: 'IP specific information',
  address: 'Match address of route or match packet',
  'next-hop': 'Match next-hop address of route',
  'route-source': 'Match advertising source address of route',
  'ip$setIp': 'IP specific information',
  'next-hop$setHop': 'Next hop address',
  default: 'Set default information',
  precedence: 'Set precedence field',
  tos: 'Set type of service field',
  interface: 'Match first hop interface of route',
  'interface$setIf': 'Output interface',
  metric: 'Match metric of route',
  'metric$setMetric': 'Metric value for destination routing protocol',
  tag: 'Match tag of route',
  'tag$setTag': 'Tag value for destination routing protocol',
  'route-type': 'Match route-type of route',
  length: 'Packet length',
  'local-preference': 'BGP local preference path attribute',
  weight: 'BGP weight for routing table',
  'as-path': 'BGP AS path list',
  community: 'BGP community attribute',
  $rest: 'The rest of the setting (kept as typed)',
};

const ROUTE_MAP_LINES: SubLineSpec[] = [
  { syntax: 'description LINE$text', keyWords: 1 },
  { syntax: 'match ip (address|next-hop|route-source) LINE$rest', keyWords: 3 },
  { syntax: 'match (interface|metric|tag|route-type|length|as-path|community) LINE$rest', keyWords: 2 },
  { syntax: 'set ip$setIp (next-hop$setHop|default|precedence|tos) LINE$rest', keyWords: 3 },
  {
    syntax: 'set (interface$setIf|metric$setMetric|tag$setTag|local-preference|weight|as-path|community) LINE$rest',
    keyWords: 2,
  },
];

export const ROUTE_MAP_LINE_ORDER = ['description', 'match', 'set'];

function enterPool(ctx: CommandContext, args: Args): void {
  const head = `ip dhcp pool ${args.get('pool')!}`;
  noteKeptLine(ctx, TOPICS.dhcpServer, head);
  ctx.enterMode({ id: 'dhcp-config', target: openSection(ctx, 'dhcp-pool', head) });
}

/** `route-map NAME` is `route-map NAME permit 10`: IOS stores the defaults it filled in. */
function routeMapHead(args: Args): string {
  return `route-map ${args.get('map')!} ${args.get('action') ?? 'permit'} ${args.get('seq') ?? '10'}`;
}

function enterRouteMap(ctx: CommandContext, args: Args): void {
  const head = routeMapHead(args);
  noteKeptLine(ctx, TOPICS.routeMap, head);
  ctx.enterMode({ id: 'config-route-map', target: openSection(ctx, 'route-map', head) });
}

function removeRouteMap(ctx: CommandContext, args: Args): void {
  const name = args.get('map')!;
  const seq = args.get('seq');
  removeSections(ctx, (section) => {
    const [, map, , entry] = section.head.split(' ');
    return section.kind === 'route-map' && map === name && (seq === undefined || entry === seq);
  });
}

const ROUTE_MAP_HEAD = 'route-map WORD$map [(permit$action|deny$action)] [<0-65535>$seq]';

export const DHCP_ROUTE_MAP_GLOBAL_COMMANDS: CommandSpec[] = [
  { syntax: 'ip dhcp pool WORD$pool', help: DHCP_HELP, run: enterPool, status: 'kept' },
  {
    syntax: 'no ip dhcp pool WORD$pool',
    help: DHCP_HELP,
    run: (ctx, args) => removeSections(ctx, (section) => section.head === `ip dhcp pool ${args.get('pool')!}`),
    status: 'kept',
  },
  { syntax: ROUTE_MAP_HEAD, help: ROUTE_MAP_HELP, run: enterRouteMap, status: 'kept' },
  { syntax: `no ${ROUTE_MAP_HEAD}`, help: ROUTE_MAP_HELP, run: removeRouteMap, status: 'kept' },
];

export const DHCP_POOL_COMMANDS: CommandSpec[] = subLineCommands(DHCP_LINES, DHCP_HELP, () => TOPICS.dhcpServer);
export const ROUTE_MAP_COMMANDS: CommandSpec[] = subLineCommands(ROUTE_MAP_LINES, ROUTE_MAP_HELP, () => TOPICS.routeMap);
