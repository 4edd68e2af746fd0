import type { IosConfig, KeptSection, KeptSectionKind } from '../config/config-model.ts';
import { orderLines } from '../commands/kept-sections.ts';
import { DHCP_LINE_ORDER, ROUTE_MAP_LINE_ORDER } from '../commands/dhcp-route-map-commands.ts';
import { ROUTER_LINE_ORDER } from '../commands/router-commands.ts';
import { BLOCK_LINE_ORDER } from '../commands/kept-blocks.ts';

/**
 * The sections the lab keeps without modelling them, in `show running-config`: routing
 * processes after the interfaces, DHCP pools among the global `ip` lines, route-maps after the
 * access lists, each closed by `!` (places and orders: TEXT-SOURCES.md, "Command vocabulary").
 */

/** Indents of a section's lines and, for a policy-map or key chain, of its classes' or keys' lines (unconfirmed). */
const INDENT: Record<KeptSectionKind, string> = {
  router: ' ', 'dhcp-pool': '   ', 'route-map': ' ', 'class-map': '  ', 'policy-map': '  ', 'key-chain': ' ', 'time-range': ' ',
  'dial-peer': ' ', controller: ' ', 'voice-port': ' ',
};
const INNER_INDENT: Partial<Record<KeptSectionKind, string>> = { 'policy-map': '   ', 'key-chain': '  ' };
const ORDER: Record<KeptSectionKind, readonly string[]> = {
  router: ROUTER_LINE_ORDER,
  'dhcp-pool': DHCP_LINE_ORDER,
  'route-map': ROUTE_MAP_LINE_ORDER,
  'class-map': BLOCK_LINE_ORDER['class-map']!,
  'policy-map': ['description'],
  'key-chain': [],
  'time-range': BLOCK_LINE_ORDER['time-range']!,
  'dial-peer': BLOCK_LINE_ORDER['dial-peer']!,
  controller: BLOCK_LINE_ORDER.controller!,
  'voice-port': BLOCK_LINE_ORDER['voice-port']!,
};
const INNER_ORDER: Partial<Record<KeptSectionKind, readonly string[]>> = {
  'policy-map': BLOCK_LINE_ORDER['policy-class'],
  'key-chain': BLOCK_LINE_ORDER.key,
};

function innerLines(section: KeptSection): string[] {
  const indent = INDENT[section.kind];
  const inner = INNER_INDENT[section.kind] ?? indent;
  return (section.children ?? []).flatMap((child) => [
    `${indent}${child.head}`,
    ...orderLines(child.lines, INNER_ORDER[section.kind] ?? []).map((line) => `${inner}${line}`),
  ]);
}

function sectionLines(section: KeptSection, closed = true): string[] {
  const indent = INDENT[section.kind];
  const own = orderLines(section.lines, ORDER[section.kind]).map((line) => `${indent}${line}`);
  return [section.head, ...own, ...innerLines(section), ...(closed ? ['!'] : [])];
}

/** BGP's process comes after the IGPs' (12.2 capture); the others keep the order they were configured in. */
function routerRank(section: KeptSection): number {
  return section.head.startsWith('router bgp ') ? 1 : 0;
}

/** Route-map entries: each map where it was first configured, its entries by sequence number. */
function routeMapOrder(sections: KeptSection[]): KeptSection[] {
  const names = [...new Set(sections.map((section) => section.head.split(' ')[1]))];
  const seq = (section: KeptSection) => Number(section.head.split(' ')[3]);
  return names.flatMap((name) => sections.filter((s) => s.head.split(' ')[1] === name).sort((a, b) => seq(a) - seq(b)));
}

function ofKind(config: IosConfig, kind: KeptSectionKind): KeptSection[] {
  return config.keptSections.filter((section) => section.kind === kind);
}

export function routerSectionLines(config: IosConfig): string[] {
  return [...ofKind(config, 'router')].sort((a, b) => routerRank(a) - routerRank(b)).flatMap((section) => sectionLines(section));
}

export function dhcpPoolLines(config: IosConfig): string[] {
  const pools = ofKind(config, 'dhcp-pool');
  return pools.length === 0 ? [] : ['!', ...pools.flatMap((section) => sectionLines(section))];
}

export function routeMapLines(config: IosConfig): string[] {
  return routeMapOrder(ofKind(config, 'route-map')).flatMap((section) => sectionLines(section));
}

/** The kept blocks of one kind, each closed by `!`. */
export function blockLines(config: IosConfig, kind: KeptSectionKind): string[] {
  return ofKind(config, kind).flatMap((section) => sectionLines(section));
}

/**
 * Key chains, then class-maps and policy-maps, between the global `ip` lines and the crypto
 * section, with IOS's `!` after each group (inferred: TEXT-SOURCES.md).
 */
export function qosAndKeyChainLines(config: IosConfig): string[] {
  const group = (lines: string[]) => (lines.length === 0 ? [] : [...lines, '!']);
  // Class-maps follow each other without a `!` (AutoQoS output of 12.2(15)T, as remembered: unconfirmed).
  const classMaps = ofKind(config, 'class-map').flatMap((section) => sectionLines(section, false));
  return [...group(blockLines(config, 'key-chain')), ...group(classMaps.length ? [...classMaps, '!'] : []), ...group(blockLines(config, 'policy-map'))];
}
