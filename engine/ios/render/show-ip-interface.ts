import type { InterfaceConfig } from '../config/interfaces.ts';
import { profileOf } from './interface-profiles.ts';
import { addressWithPrefix, interfaceStatusLine, listedInterfaces, type InterfaceReport } from './show-interfaces.ts';

/**
 * `show ip interface [IF]` in IOS 12.2's layout: the status line, the address and the long list of
 * IP features, each as the configuration sets it. Features the lab does not model print IOS's
 * defaults. Sources: TEXT-SOURCES.md, "Interfaces".
 */

/** What the global configuration contributes. */
export interface IpInterfaceGlobals {
  /** `ip cef`. */
  cef: boolean;
}

const ADDRESS_METHODS: Record<InterfaceConfig['addressMethod'], string> = {
  NVRAM: 'non-volatile memory',
  manual: 'configuration command',
  unset: 'configuration command',
};

function has(config: InterfaceConfig, line: string): boolean {
  return config.kept.includes(line);
}

function enabled(on: boolean): string {
  return on ? 'enabled' : 'disabled';
}

function accessLists(config: InterfaceConfig): string[] {
  return [
    `  Outgoing access list is ${config.accessGroupOut ?? 'not set'}`,
    `  Inbound  access list is ${config.accessGroupIn ?? 'not set'}`,
  ];
}

function switching(config: InterfaceConfig, globals: IpInterfaceGlobals): string[] {
  const fast = !has(config, 'no ip route-cache');
  const flags = [...(fast ? ['Fast'] : []), ...(globals.cef ? ['CEF'] : [])];
  return [
    `  IP fast switching is ${enabled(fast)}`,
    '  IP fast switching on the same interface is disabled',
    '  IP Flow switching is disabled',
    `  IP CEF switching is ${enabled(globals.cef)}`,
    globals.cef ? '  IP CEF Fast switching turbo vector' : '  IP Fast switching turbo vector',
    `  IP multicast fast switching is ${enabled(!has(config, 'no ip mroute-cache'))}`,
    '  IP multicast distributed fast switching is disabled',
    ...(flags.length === 0 ? [] : [`  IP route-cache flags are ${flags.join(', ')}`]),
  ];
}

function natLine(config: InterfaceConfig): string {
  if (config.nat === undefined) return '  Network address translation is disabled';
  return `  Network address translation is enabled, interface in domain ${config.nat}`;
}

function featureLines(config: InterfaceConfig, globals: IpInterfaceGlobals): string[] {
  return [
    `  Proxy ARP is ${enabled(!has(config, 'no ip proxy-arp'))}`,
    '  Local Proxy ARP is disabled',
    '  Security level is default',
    '  Split horizon is enabled',
    `  ICMP redirects are ${has(config, 'no ip redirects') ? 'never' : 'always'} sent`,
    `  ICMP unreachables are ${has(config, 'no ip unreachables') ? 'never' : 'always'} sent`,
    '  ICMP mask replies are never sent',
    ...switching(config, globals),
    '  Router Discovery is disabled',
    '  IP output packet accounting is disabled',
    '  IP access violation accounting is disabled',
    '  TCP/IP header compression is disabled',
    '  RTP/IP header compression is disabled',
    '  Probe proxy name replies are disabled',
    '  Policy routing is disabled',
    natLine(config),
    '  WCCP Redirect outbound is disabled',
    '  WCCP Redirect exclude is disabled',
    '  BGP Policy Mapping is disabled',
  ];
}

export function renderIpInterface(report: InterfaceReport, globals: IpInterfaceGlobals): string[] {
  const { config } = report;
  const address = addressWithPrefix(config);
  if (address === undefined) return [interfaceStatusLine(report), '  Internet protocol processing disabled'];
  const mtu = profileOf(config.name)?.mtuBytes ?? 1500;
  return [
    interfaceStatusLine(report),
    `  Internet address is ${address}`,
    '  Broadcast address is 255.255.255.255',
    `  Address determined by ${ADDRESS_METHODS[config.addressMethod]}`,
    `  MTU is ${mtu} bytes`,
    '  Helper address is not set',
    '  Directed broadcast forwarding is disabled',
    ...accessLists(config),
    ...featureLines(config, globals),
  ];
}

export function renderShowIpInterface(reports: readonly InterfaceReport[], globals: IpInterfaceGlobals): string[] {
  return listedInterfaces(reports, false).flatMap((report) => renderIpInterface(report, globals));
}
