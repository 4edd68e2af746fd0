import type { CommandSpec } from './command-context.ts';
import { vocabularyKeeper, refusalReason } from './kept-vocabulary.ts';
import { vocabularyCommands, type VocabularyLevel, type VocabularyOptions } from './vocabulary.ts';

/**
 * Configuration keywords of a c2600's 12.2 image that the lab does not model. A line using one
 * is kept as typed after its keywords, rendered back and noticed (kept-vocabulary.ts), so a real
 * configuration loads; the few in kept-vocabulary.ts's REFUSED list are refused with a tedlab
 * notice instead. Either way a typo still gets IOS's `% Invalid input` and its caret.
 * Sources: TEXT-SOURCES.md, "Command vocabulary".
 */

const GLOBAL: VocabularyLevel = {
  alias: 'Create command alias',
  arp: 'Set a static ARP entry',
  'async-bootp': 'Modify system bootp parameters',
  bridge: 'Bridge Group.',
  buffers: 'Adjust system buffer pool parameters',
  'busy-message': 'Display message when connection to host fails',
  call: 'Configure Call parameters',
  'chat-script': 'Define a modem chat script',
  'class-map': 'Configure QoS Class Map',
  'config-register': 'Define the configuration register',
  controller: 'Configure a specific controller',
  default: 'Set a command to its defaults',
  'default-value': 'Default character-bits values',
  'dial-peer': 'Dial Map (Peer) configuration commands',
  dialer: 'Dialer commands',
  'dialer-list': 'Create a dialer list entry',
  'downward-compatible-config': 'Generate a configuration compatible with older software',
  exception: 'Exception handling',
  file: 'Adjust file system parameters',
  'frame-relay': 'global frame relay configuration commands',
  help: 'Description of the interactive help system',
  isdn: 'ISDN configuration commands',
  key: 'Key management',
  'map-class': 'Configure static map class',
  'map-list': 'Configure static map list',
  menu: 'Define a user-interface menu',
  mgcp: 'Enable Media Gateway Control Protocol',
  modemcap: 'Modem Capabilities database',
  netbios: 'NETBIOS access control filtering',
  partition: 'Partition device',
  'policy-map': 'Configure QoS Policy Map',
  'priority-list': 'Build a priority list',
  privilege: 'Command privilege parameters',
  prompt: 'Set system\'s prompt',
  'queue-list': 'Build a custom queue list',
  'radius-server': 'Modify Radius query parameters',
  rmon: 'Remote Monitoring',
  rtr: 'RTR Base Configuration',
  scheduler: 'Scheduler parameters',
  'tacacs-server': 'Modify TACACS query parameters',
  template: 'Select a template to configure',
  'tftp-server': 'Provide TFTP service for netload requests',
  'time-range': 'Define time range entries',
  vpdn: 'Virtual Private Dialup Network',
  'vpdn-group': 'VPDN group configuration',
  x25: 'X.25 Level 3',
  x29: 'X.29 commands',
};

/** Keywords under modelled or kept global commands (`ip`, `crypto`, `logging`, ...). */
const UNDER_GLOBAL: VocabularyLevel = {
  aaa: {
    help: 'Authentication, Authorization and Accounting.',
    below: {
      'session-id': 'AAA Session ID',
      'dnis': 'Associate certain AAA services to a DNIS number',
      'server': 'Local AAA server',
      'group': 'AAA group definitions',
    },
  },
  clock: { help: 'Configure time-of-day clock', below: { 'summer-time': 'Configure summer (daylight savings) time', 'calendar-valid': 'Calendar time is authoritative' } },
  ip: {
    help: 'Global IP configuration subcommands',
    below: {
      'as-path': 'BGP autonomous system path filter',
      bootp: { help: 'Config BOOTP services', below: { server: { help: 'Enable BOOTP server', tail: '' } } },
      http: {
        help: 'HTTP server configuration',
        below: {
          'access-class': 'Restrict access by access-class',
          authentication: 'Set http authentication method',
          port: 'HTTP port',
          'secure-server': { help: 'Enable HTTP secure server', tail: '' },
        },
      },
      'bgp-community': 'format for BGP community',
      'community-list': 'Add a community list entry',
      'default-gateway': 'Specify default gateway (if not routing IP)',
      'default-network': 'Flags networks as candidates for default routes',
      dhcp: {
        help: 'Configure DHCP server and relay parameters',
        below: {
          conflict: 'DHCP address conflict parameters',
          database: 'Configure DHCP database agents',
          ping: 'Specify ping parameters used by DHCP',
          relay: 'DHCP relay agent parameters',
        },
      },
      dns: 'Configure DNS server for a zone',
      'domain-list': 'Domain name to complete unqualified host names.',
      finger: { help: 'finger server', tail: '[rfc-compliant]', tailHelp: { 'rfc-compliant': 'Comply with RFC 1288' } },
      'forward-protocol': 'Controls forwarding of physical and directed IP broadcasts',
      audit: 'Intrusion Detection System',
      inspect: 'Context-based Access Control Engine',
      ftp: 'FTP configuration commands',
      'gratuitous-arps': 'Generate gratuitous ARPs for PPP/SLIP peer addresses',
      icmp: 'ICMP options',
      local: 'Specify local options',
      'multicast-routing': 'Enable IP multicast forwarding',
      ospf: 'OSPF',
      'prefix-list': 'Build a prefix list',
      rcmd: 'Rcmd commands',
      routing: 'Enable IP routing',
      ssh: 'Configure ssh options',
      tcp: 'Global TCP parameters',
      telnet: 'Telnet options',
      tftp: 'tftp configuration commands',
      wccp: 'Web-Cache Coordination Protocol Commands',
    },
  },
  crypto: {
    help: 'Encryption module',
    below: {
      ca: 'Certification authority',
      key: 'Long term key operations',
      isakmp: {
        help: 'Configure ISAKMP policy',
        below: {
          client: 'Set client configuration policy',
          identity: 'Set the identity which ISAKMP will use',
          nat: 'Set a value for NAT keepalive',
          'invalid-spi-recovery': 'Initiate IKE and send Invalid SPI Notify',
          xauth: 'Set Extended Authentication values',
        },
      },
    },
  },
  logging: {
    help: 'Modify message logging facilities',
    below: {
      history: 'Configure syslog history table',
      monitor: 'Set terminal line (monitor) logging parameters',
      on: 'Enable logging to all supported destinations',
      'rate-limit': 'Set messages per second limit',
    },
  },
  'snmp-server': {
    help: 'Modify SNMP parameters',
    below: {
      'chassis-id': 'String to uniquely identify this chassis',
      engineID: 'Configure a local or remote SNMPv3 engineID',
      group: 'Define a User Security Model group',
      'trap-source': 'Assign an interface for the source address of all traps',
      ifindex: 'Enable ifindex persistence',
      'queue-length': 'Message queue length for each TRAP host',
      'packetsize': 'Largest SNMP packet size',
      'system-shutdown': 'Enable use of the SNMP reload command',
      'tftp-server-list': 'Limit TFTP servers used via SNMP',
      'trap-timeout': 'Set timeout for TRAP message retransmissions',
      manager: 'Modify SNMP manager parameters',
      user: 'Define a user who can access the SNMP engine',
      view: 'Define an SNMPv2 MIB view',
    },
  },
  ntp: {
    help: 'Configure NTP',
    below: {
      'access-group': 'Control NTP access',
      authenticate: 'Authenticate time sources',
      'authentication-key': 'Authentication key for trusted time sources',
      peer: 'Configure NTP peer',
      'trusted-key': 'Key numbers for trusted time sources',
      'clock-period': 'Length of hardware clock tick',
      broadcast: 'Configure NTP broadcast service',
      'max-associations': 'Set maximum number of associations',
    },
  },
  service: {
    help: 'Modify use of network based services',
    below: {
      alignment: {
        help: 'Control alignment correction and logging',
        tail: '(detection|logging)',
        tailHelp: { detection: 'Enable detection of alignment issues', logging: 'Enable logging of alignment issues' },
      },
      'compress-config': { help: 'Compress the configuration file', tail: '' },
      'decimal-tty': { help: 'Enable decimal mode for TTY lines', tail: '' },
      dhcp: { help: 'Enable DHCP server and relay agent', tail: '' },
      'disable-ip-fast-frag': { help: 'Disable IP particle-based fast fragmentation', tail: '' },
      'exec-callback': { help: 'Enable exec callback', tail: '' },
      'exec-wait': { help: 'Delay EXEC startup on noisy lines', tail: '' },
      'hide-telnet-address': { help: 'Hide destination addresses in telnet command', tail: '' },
      linenumber: { help: 'enable line number banner for each exec', tail: '' },
      'old-slip-prompts': { help: 'Allow old scripts to operate with slip/ppp', tail: '' },
      prompt: { help: 'Enable mode specific prompt', tail: 'config', tailHelp: { config: 'Enable configuration mode prompt' } },
      'pt-vty-logging': { help: 'Log significant VTY-Async events', tail: '' },
      'slave-log': { help: 'Enable log capability of slave IPs', tail: '' },
      'telnet-zeroidle': { help: 'Set TCP window 0 when connection is idle', tail: '' },
    },
  },
};

const INTERFACE: VocabularyLevel = {
  arp: 'Set arp type (arpa, probe, snap) or timeout',
  'carrier-delay': 'Specify delay for interface transitions',
  mop: 'DEC MOP server commands',
  ntp: 'Configure NTP',
  'custom-queue-list': 'Assign a custom queue list to an interface',
  delay: 'Specify interface throughput delay',
  encapsulation: 'Set encapsulation type for an interface',
  'fair-queue': 'Enable Fair Queuing on an Interface',
  'hold-queue': 'Set hold queue depth',
  ip: {
    help: 'Interface Internet Protocol config commands',
    below: {
      accounting: 'Enable IP accounting on this interface',
      audit: 'Apply IDS auditing name',
      inspect: 'Apply inspect name',
      'route-cache': { help: 'Enable fast-switching cache for outgoing packets', below: { flow: { help: 'Enable Flow fast-switching cache', tail: '' } } },
      authentication: 'authentication subcommands',
      cgmp: 'Enable/disable CGMP',
      'hello-interval': 'Configures IP-EIGRP hello interval',
      'hold-time': 'Configures IP-EIGRP hold time',
      igmp: 'IGMP interface commands',
      irdp: 'ICMP Router Discovery Protocol',
      'load-sharing': 'Style of load sharing',
      'mask-reply': 'Enable sending ICMP Mask Reply messages',
      mtu: 'Set IP Maximum Transmission Unit',
      multicast: 'IP multicast interface commands',
      pim: 'PIM interface commands',
      policy: 'Enable policy routing',
      rip: 'Router Information Protocol',
      rtp: 'RTP parameters',
      tcp: 'TCP header compression parameters',
      verify: 'Enable per packet validation',
    },
  },
  logging: 'Configure logging for interface',
  loopback: 'Configure internal loopback on an interface',
  'mac-address': 'Manually set interface MAC address',
  'max-reserved-bandwidth': 'Maximum Reservable Bandwidth on an Interface',
  mtu: 'Set the interface Maximum Transmission Unit (MTU)',
  'priority-group': 'Assign a priority group to an interface',
  'random-detect': 'Enable Weighted Random Early Detection (WRED) on an Interface',
  'rate-limit': 'Rate Limit',
  'service-policy': 'Configure QoS Service Policy',
  snmp: 'Modify SNMP interface parameters',
  standby: 'HSRP interface configuration commands',
  timeout: 'Define timeout values for this interface',
  'traffic-shape': 'Enable Traffic Shaping on an Interface or Sub-Interface',
  'tx-ring-limit': 'Configure PA level transmit ring limit',
};

const LINE: VocabularyLevel = {
  autocommand: 'Automatically execute an EXEC command',
  'absolute-timeout': 'Set absolute timeout for line disconnection',
  'activation-character': 'Define the activation character',
  autoselect: 'Set line to autoselect',
  notify: 'Inform users of output from concurrent sessions',
  'refuse-message': 'Define a refuse banner',
  rotary: 'Add line to a rotary group',
  'vacant-message': 'Define a vacant banner',
  databits: 'Set number of data bits per character',
  exec: 'Start an EXEC process',
  modem: 'Configure the Modem Control Lines',
  parity: 'Set terminal parity',
  'terminal-type': 'Set the terminal type',
};

/** Every line has a `no` form; the vocabulary's `no X` is refused like `X`. */
function withNoForms(level: VocabularyLevel): VocabularyLevel {
  return { ...level, no: { help: 'Negate a command or set its defaults', below: level } };
}

const kept = (where: 'global' | 'interface' | 'line'): VocabularyOptions => ({
  kind: 'config',
  keep: { ...vocabularyKeeper(where), reason: refusalReason },
});

export const GLOBAL_VOCABULARY: CommandSpec[] = vocabularyCommands(withNoForms({ ...GLOBAL, ...UNDER_GLOBAL }), kept('global'));
export const INTERFACE_VOCABULARY: CommandSpec[] = vocabularyCommands(withNoForms(INTERFACE), kept('interface'));
export const LINE_VOCABULARY: CommandSpec[] = vocabularyCommands(withNoForms(LINE), kept('line'));
