import { IFNAME } from './shared-grammar.ts';
import { user, type VocabularyLevel } from './vocabulary.ts';

/**
 * The `show` keywords of a c2600's 12.2 image that the lab does not render. Modelled `show`
 * commands (`running-config`, `version`, `ip route`, `crypto ...`) are not listed here, only
 * their unmodelled siblings. Sources: TEXT-SOURCES.md, "Command vocabulary".
 */

const NO_OSPF = 'no OSPF in this lab';
const NO_EIGRP = 'no EIGRP in this lab';
const NO_RIP = 'no RIP in this lab';
const NO_BGP = 'no BGP in this lab';

const SHOW_IP_ROUTE: VocabularyLevel = {
  bgp: { help: 'Border Gateway Protocol (BGP)', reason: NO_BGP },
  eigrp: { help: 'Enhanced Interior Gateway Routing Protocol (EIGRP)', reason: NO_EIGRP },
  igrp: 'Interior Gateway Routing Protocol (IGRP)',
  list: 'IP Access list',
  odr: 'On Demand stub Routes',
  ospf: { help: 'Open Shortest Path First (OSPF)', reason: NO_OSPF },
  profile: { help: 'IP routing table profile', tail: '' },
  rip: { help: 'Routing Information Protocol (RIP)', reason: NO_RIP },
  summary: { help: 'Summary of all routes', tail: '' },
  'supernets-only': { help: 'Show supernet entries only', tail: '' },
};

const SHOW_IP: VocabularyLevel = {
  accounting: 'The active IP accounting database',
  aliases: user('IP alias table'),
  arp: user('IP ARP table'),
  'as-path-access-list': 'List AS path access lists',
  bgp: user('BGP information', { reason: NO_BGP }),
  cache: user('IP fast-switching route cache'),
  cef: user('Cisco Express Forwarding'),
  'community-list': 'List community-list',
  dhcp: 'Show items in the DHCP database',
  eigrp: user('IP-EIGRP show commands', { reason: NO_EIGRP }),
  flow: 'NetFlow switching',
  igmp: user('IGMP information'),
  interface: user('IP interface status and configuration', { tail: `[${IFNAME}]` }),
  irdp: user('ICMP Router Discovery Protocol'),
  local: user('IP local options'),
  masks: user('Masks associated with a network'),
  mroute: user('IP multicast routing table'),
  nhrp: user('NHRP information'),
  ospf: user('OSPF information', { reason: NO_OSPF }),
  pim: user('PIM information'),
  policy: { help: 'Policy routing', tail: '' },
  'prefix-list': 'List IP prefix lists',
  protocols: user('IP routing protocol process parameters and statistics', { tail: '' }),
  redirects: user('IP redirects', { tail: '' }),
  rip: user('IP RIP show commands', { reason: NO_RIP }),
  route: user('IP routing table', { below: SHOW_IP_ROUTE }),
  rpf: user('Display RPF information for multicast source'),
  rsvp: user('RSVP information'),
  rtp: user('RTP/UDP/IP header-compression statistics'),
  sdr: user('Session Directory (SDPv2) cache'),
  sockets: 'Open IP sockets',
  ssh: { help: 'Information on SSH', tail: '' },
  tcp: user('TCP/IP header-compression statistics'),
  traffic: user('IP protocol statistics', { tail: '' }),
  wccp: 'WCCP information',
};

const SHOW_CRYPTO: VocabularyLevel = {
  ca: 'Show certification authority policy',
  engine: { help: 'Show crypto engine info', below: { configuration: { help: 'Show crypto engine configuration', tail: '' } } },
  ipsec: {
    help: 'Show IPSEC policy',
    below: {
      'security-association': {
        help: 'Show parameters for IPSec security associations',
        below: { lifetime: { help: 'security-association lifetime', tail: '' } },
      },
    },
  },
  key: 'Show long term public keys',
};

const SHOW_CDP: VocabularyLevel = {
  entry: 'Information for specific neighbor entry',
  interface: 'CDP interface status and configuration',
  neighbors: 'CDP neighbor entries',
  traffic: { help: 'CDP statistics', tail: '' },
};

export const SHOW_VOCABULARY: VocabularyLevel = {
  'access-expression': 'List access expression',
  accounting: user('Accounting data for active sessions'),
  adjacency: 'Adjacent nodes',
  aliases: user('Display alias commands'),
  arp: user('ARP table', { tail: '' }),
  async: 'Information on terminal lines used as router interfaces',
  backup: { help: 'Backup status', tail: '' },
  bridge: user('Bridge Forwarding/Filtering Database [verbose]'),
  buffers: 'Buffer pool statistics',
  c2600: 'Show c2600 information',
  cca: 'CCA information',
  cdapi: 'CDAPI information',
  cdp: user('CDP information', { below: SHOW_CDP }),
  cef: 'Cisco Express Forwarding',
  'class-map': 'Show QoS Class Map',
  compress: user('Show compression statistics', { tail: '' }),
  configuration: { help: 'Contents of Non-Volatile memory', tail: '' },
  context: 'Show context information',
  controllers: user('Interface controller status'),
  crypto: { help: 'Encryption module', below: SHOW_CRYPTO },
  dhcp: user('Dynamic Host Configuration Protocol status'),
  dialer: user('Dialer parameters and statistics'),
  dnsix: { help: 'Shows Dnsix/DMDP information', tail: '' },
  entry: { help: 'Queued terminal entries', tail: '' },
  exception: 'exception informations',
  file: 'Show filesystem information',
  'flash:': user('display information about flash: file system'),
  'frame-relay': user('Frame-Relay information'),
  hosts: user('IP domain-name, lookup style, nameservers, and host table'),
  idb: 'List of Hardware Interface Descriptor Blocks',
  interfaces: user('Interface status and configuration'),
  ip: user('IP information', { below: SHOW_IP }),
  isdn: user('ISDN information'),
  key: 'Key information',
  line: user('TTY line information'),
  location: user('Display the system location', { tail: '' }),
  logging: 'Show the contents of logging buffers',
  memory: 'Memory statistics',
  modemcap: user('Show Modem Capabilities database'),
  ntp: user('Network time protocol'),
  'policy-map': 'Show QoS Policy Map',
  ppp: user('PPP parameters and statistics'),
  printers: 'Show LPD printer information',
  privilege: user('Show current privilege level', { tail: '' }),
  processes: 'Active process statistics',
  protocols: user('Active network routing protocols'),
  queue: user('Show queue contents'),
  queueing: user('Show queueing configuration'),
  registry: 'Function registry information',
  reload: user('Scheduled reload information', { tail: '' }),
  rmon: user('rmon statistics'),
  'route-map': 'route-map information',
  rtr: user('Response Time Reporter (RTR)'),
  sessions: user('Information about Telnet connections', { tail: '' }),
  smf: user('Software MAC filter'),
  snmp: user('snmp statistics'),
  stacks: 'Process stack utilization',
  standby: user('Hot standby protocol information'),
  subsys: 'Show subsystem information',
  tcp: user('Status of TCP connections'),
  'tech-support': 'Show system information for Tech-Support',
  terminal: user('Display terminal configuration parameters', { tail: '' }),
  'time-range': user('Time range'),
  'traffic-shape': user('traffic rate shaping configuration'),
  users: user('Display information about terminal lines'),
  vpdn: user('VPDN information'),
  whoami: user('Info on current tty line'),
  x25: user('X.25 information'),
};
