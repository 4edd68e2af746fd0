import { formatIpv4, parseIpv4 } from '../../wire/ipv4-address.ts';
import type { Args, HelpTable } from '../cli/command-types.ts';
import type { KeptSection } from '../config/config-model.ts';
import type { CommandContext, CommandSpec } from './command-context.ts';
import { noteKeptLine, type NotModelledTopic } from './not-modelled.ts';
import { TOPICS } from './not-modelled-topics.ts';
import { openSection, removeSections, subLineCommands, type Refusal, type SubLineSpec } from './kept-sections.ts';
import { IFNAME } from './shared-grammar.ts';

/**
 * `router ospf|eigrp|igrp|rip|bgp` and their `(config-router)#` sub-commands: accepted, kept
 * and rendered, not run (the lab has static routes only). One sub-mode serves every protocol,
 * as IOS's prompt does; a sub-command another protocol owns is refused at its first word.
 */

type Protocol = 'ospf' | 'eigrp' | 'igrp' | 'rip' | 'bgp';

const TOPIC: Record<Protocol, NotModelledTopic> = {
  ospf: TOPICS.ospf, eigrp: TOPICS.eigrp, igrp: TOPICS.igrp, rip: TOPICS.rip, bgp: TOPICS.bgp,
};

const protocolOf = (section: KeptSection): Protocol => section.head.split(' ')[1] as Protocol;

const HELP: HelpTable = {
  router: 'Enable a routing process',
  bgp: 'Border Gateway Protocol (BGP)',
  'bgp$bgpCommand': 'BGP specific commands',
  eigrp: 'Enhanced Interior Gateway Routing Protocol (EIGRP)',
  igrp: 'Interior Gateway Routing Protocol (IGRP)',
  ospf: 'Open Shortest Path First (OSPF)',
  rip: 'Routing Information Protocol (RIP)',
  $as: 'Autonomous system number',
  $process: 'Process ID',
  network: 'Enable routing on an IP network',
  $net: 'Network number',
  $wild: 'Network mask or wildcard bits',
  area: 'Set the OSPF area ID',
  $area: 'OSPF area ID',
  mask: 'Network mask',
  $mask: 'Network mask',
  'router-id': 'router-id for this OSPF process',
  $routerId: 'OSPF router-id in IP address format',
  'log-adjacency-changes': 'Log changes in adjacency state',
  detail: 'Log all state changes',
  'passive-interface': 'Suppress routing updates on an interface',
  default: 'Suppress routing updates on all interfaces',
  redistribute: 'Redistribute information from another routing protocol',
  connected: 'Connected',
  static: 'Static routes',
  $source: 'Process ID or autonomous system number',
  'default-information': 'Control distribution of default information',
  originate: 'Distribute a default route',
  'auto-summary': 'Enable automatic network number summarization',
  synchronization: 'Perform IGP synchronization',
  version: 'Set routing protocol version',
  1: 'RIP version 1',
  2: 'RIP version 2',
  neighbor: 'Specify a neighbor router',
  $peer: 'Neighbor address',
  'remote-as': 'Specify a BGP neighbor',
  $remoteAs: 'AS of remote neighbor',
  distance: 'Define an administrative distance',
  'maximum-paths': 'Forward packets over multiple paths',
  $paths: 'Number of paths',
  'default-metric': 'Set metric of redistributed routes',
  timers: 'Adjust routing timers',
  'auto-cost': 'Calculate OSPF interface cost according to bandwidth',
  'reference-bandwidth': 'Use reference bandwidth method to assign OSPF cost',
  $rest: 'The rest of the setting (kept as typed)',
};

/** RIP, IGRP and EIGRP take a network by its class: `network 10.1.1.0` is stored as `network 10.0.0.0`. */
export function classfulNetwork(address: number): number {
  const first = address >>> 24;
  const mask = first < 128 ? 0xff000000 : first < 192 ? 0xffff0000 : 0xffffff00;
  return (address & mask) >>> 0;
}

const NETWORK_FORMS: Record<Protocol, { allowed: string[]; required: string[] }> = {
  ospf: { allowed: ['wild', 'area'], required: ['wild', 'area'] },
  eigrp: { allowed: ['wild'], required: [] },
  bgp: { allowed: ['mask'], required: [] },
  igrp: { allowed: [], required: [] },
  rip: { allowed: [], required: [] },
};

/** Each protocol takes its own form of `network`: OSPF needs a wildcard and an area, RIP and IGRP only the network. */
function networkRefusal(section: KeptSection, args: Args): Refusal {
  const form = NETWORK_FORMS[protocolOf(section)];
  const extra = ['wild', 'area', 'mask'].find((name) => args.has(name) && !form.allowed.includes(name));
  if (extra !== undefined) return args.captures.find((capture) => capture.name === extra)!.start;
  return form.required.some((name) => !args.has(name)) ? 'incomplete' : undefined;
}

function networkText(args: Args): string {
  const typed = parseIpv4(args.get('net')!)!;
  if (args.has('wild') || args.has('mask')) return args.canonical(args.has('no') ? 1 : 0);
  return `network ${formatIpv4(classfulNetwork(typed))}`;
}

/** A sub-command only some protocols have; the others refuse it at its first word. */
function only(...protocols: Protocol[]) {
  return (section: KeptSection, args: Args): Refusal =>
    protocols.includes(protocolOf(section)) ? undefined : (args.captures[args.has('no') ? 1 : 0]?.start ?? 0);
}

const SUB_LINES: SubLineSpec[] = [
  {
    syntax: 'network A.B.C.D$net [(A.B.C.D$wild [area (<0-4294967295>$area|A.B.C.D$area)]|mask A.B.C.D$mask)]',
    keyWords: 0,
    canonical: networkText,
    refuse: networkRefusal,
  },
  { syntax: 'router-id A.B.C.D$routerId', keyWords: 1, refuse: only('ospf') },
  { syntax: 'log-adjacency-changes [detail]', keyWords: 1, refuse: only('ospf') },
  { syntax: 'auto-cost reference-bandwidth <1-4294967>$rest', keyWords: 2, refuse: only('ospf') },
  { syntax: 'area (<0-4294967295>$area|A.B.C.D$area) LINE$rest', keyWords: 3, refuse: only('ospf') },
  { syntax: `passive-interface (default|${IFNAME})`, keyWords: 0 },
  {
    syntax: 'redistribute (connected|static|rip|ospf <1-65535>$source|eigrp <1-65535>$source|igrp <1-65535>$source|bgp <1-65535>$source) [LINE$rest]',
    keyWords: 0,
  },
  { syntax: 'default-information originate [LINE$rest]', keyWords: 2, refuse: only('ospf', 'rip', 'bgp') },
  { syntax: 'auto-summary', keyWords: 1, defaultOn: true, refuse: only('eigrp', 'rip', 'bgp', 'igrp') },
  { syntax: 'synchronization', keyWords: 1, defaultOn: true, refuse: only('bgp') },
  { syntax: 'version (1|2)', keyWords: 1, refuse: only('rip') },
  { syntax: 'neighbor A.B.C.D$peer (remote-as <1-65535>$remoteAs|LINE$rest)', keyWords: 3 },
  { syntax: 'bgp$bgpCommand LINE$rest', keyWords: 2, refuse: only('bgp') },
  { syntax: 'distance LINE$rest', keyWords: 0 },
  { syntax: 'maximum-paths <1-6>$paths', keyWords: 1 },
  { syntax: 'default-metric LINE$rest', keyWords: 1 },
  { syntax: 'timers LINE$rest', keyWords: 2 },
];

/** The order IOS 12.2 writes a routing process's lines in (see TEXT-SOURCES.md, "Command vocabulary"). */
export const ROUTER_LINE_ORDER = [
  'version', 'router-id', 'synchronization', 'bgp', 'log-adjacency-changes', 'auto-cost', 'timers', 'area',
  'redistribute', 'passive-interface', 'network', 'neighbor', 'default-information', 'default-metric', 'distance',
  'maximum-paths', 'auto-summary',
];

const HEAD = '(ospf$protocol <1-65535>$process|eigrp$protocol <1-65535>$as|igrp$protocol <1-65535>$as|rip$protocol|bgp$protocol <1-65535>$as)';

function enterRouter(ctx: CommandContext, args: Args): void {
  const protocol = args.get('protocol') as Protocol;
  const head = args.canonical();
  // IOS 12.2 logs OSPF adjacency changes unless told not to, and shows that it does.
  const section = openSection(ctx, 'router', head, () => (protocol === 'ospf' ? ['log-adjacency-changes'] : []));
  noteKeptLine(ctx, TOPIC[protocol], head);
  ctx.enterMode({ id: 'config-router', target: section });
}

function removeRouter(ctx: CommandContext, args: Args): void {
  const head = args.canonical(1);
  removeSections(ctx, (section) => section.kind === 'router' && section.head === head);
}

export const ROUTER_GLOBAL_COMMANDS: CommandSpec[] = [
  { syntax: `router ${HEAD}`, help: HELP, run: enterRouter, status: 'kept' },
  { syntax: `no router ${HEAD}`, help: HELP, run: removeRouter, status: 'kept' },
];

export const ROUTER_COMMANDS: CommandSpec[] = subLineCommands(SUB_LINES, HELP, (section) => TOPIC[protocolOf(section)]);
