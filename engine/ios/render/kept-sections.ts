import type { IosConfig, KeptSection, KeptSectionKind } from '../config/config-model.ts';
import { orderLines } from '../commands/kept-sections.ts';
import { DHCP_LINE_ORDER, ROUTE_MAP_LINE_ORDER } from '../commands/dhcp-route-map-commands.ts';
import { ROUTER_LINE_ORDER } from '../commands/router-commands.ts';

/**
 * The sections the lab keeps without modelling them, in `show running-config`: routing
 * processes after the interfaces, DHCP pools among the global `ip` lines, route-maps after the
 * access lists, each closed by `!` (places and orders: TEXT-SOURCES.md, "Command vocabulary").
 */

const INDENT: Record<KeptSectionKind, string> = { router: ' ', 'dhcp-pool': '   ', 'route-map': ' ' };
const ORDER: Record<KeptSectionKind, readonly string[]> = {
  router: ROUTER_LINE_ORDER,
  'dhcp-pool': DHCP_LINE_ORDER,
  'route-map': ROUTE_MAP_LINE_ORDER,
};

function sectionLines(section: KeptSection): string[] {
  const indent = INDENT[section.kind];
  return [section.head, ...orderLines(section.lines, ORDER[section.kind]).map((line) => `${indent}${line}`), '!'];
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
  return [...ofKind(config, 'router')].sort((a, b) => routerRank(a) - routerRank(b)).flatMap(sectionLines);
}

export function dhcpPoolLines(config: IosConfig): string[] {
  const pools = ofKind(config, 'dhcp-pool');
  return pools.length === 0 ? [] : ['!', ...pools.flatMap(sectionLines)];
}

export function routeMapLines(config: IosConfig): string[] {
  return routeMapOrder(ofKind(config, 'route-map')).flatMap(sectionLines);
}
