import type { NotModelledTopic } from './not-modelled.ts';

/**
 * The topics of what the lab keeps without carrying it out, with the reason its notice gives.
 * The wording is tedlab's own (IOS has nothing like it); see not-modelled.ts for the impacts.
 */

const behaviour = (name: string, reason: string): NotModelledTopic => ({ name, reason, impact: 'behaviour' });
const management = (name: string, reason: string): NotModelledTopic => ({ name, reason, impact: 'management' });

export const TOPICS = {
  ospf: behaviour('OSPF', 'no OSPF in this lab'),
  eigrp: behaviour('EIGRP', 'no EIGRP in this lab'),
  igrp: behaviour('IGRP', 'no IGRP in this lab'),
  rip: behaviour('RIP', 'no RIP in this lab'),
  bgp: behaviour('BGP', 'no BGP in this lab'),
  routeMap: behaviour('route-maps', 'route-maps are kept, not applied, in this lab'),
  isakmpKeepalive: behaviour('ISAKMP keepalives', 'no dead peer detection in this lab'),
  hostTable: behaviour('host names', 'pings and telnet in this lab take addresses, not names'),
  timezone: behaviour('time zone', 'the lab\'s clock and timestamps stay in UTC'),
  cef: management('CEF', 'the lab forwards the same with or without CEF'),
  cdp: management('CDP', 'no CDP in this lab'),
  dhcpServer: management('DHCP server', 'no DHCP server in this lab: hosts have fixed addresses'),
  dns: management('DNS', 'no name server in this lab'),
  snmp: management('SNMP', 'no SNMP agent in this lab'),
  logging: management('syslog hosts', 'no syslog message leaves the router in this lab'),
  aaa: management('AAA', 'the lab\'s console is logged in already'),
  users: management('local users', 'the lab\'s console is logged in already'),
  ntp: management('NTP', 'the clock runs on the lab\'s virtual time'),
  lines: management('terminal lines', 'the lab has only its console, logged in already'),
  banner: management('banners', 'nobody logs in to the lab\'s routers'),
  interfaceTuning: management('interface tuning', 'the lab\'s links do not depend on it'),
  sourceRoute: management('IP source routing', 'the lab\'s hosts send no source-routed packets'),
  qos: behaviour('QoS', 'class-maps and policy-maps are kept, not applied, in this lab'),
  keyChains: behaviour('key chains', 'no routing protocol in this lab uses them'),
  timeRanges: behaviour('time-ranges', 'time-ranges are kept, not applied, in this lab'),
  voice: behaviour('voice', 'no voice ports in this lab'),
  controllers: behaviour('controllers', 'no T1/E1 controllers in this lab'),
  ssh: management('SSH', 'the lab has only its console, logged in already'),
  services: management('services', 'the lab\'s routers offer no such network service'),
  management: management('management settings', 'they change only how the box is managed'),
  interfaceBehaviour: behaviour('interface features', 'the lab\'s interfaces do not carry them out'),
} as const satisfies Record<string, NotModelledTopic>;

/** An exec or configuration command of the 12.2 vocabulary that the lab does not emulate. */
export function commandTopic(path: string, impact: NotModelledTopic['impact'], reason?: string): NotModelledTopic {
  return { name: path, impact, reason: reason ?? 'tedlab does not emulate this command' };
}
