import type { CommandSpec } from './command-context.ts';
import { vocabularyCommands, type VocabularyLevel } from './vocabulary.ts';

/**
 * Configuration keywords of a c2600's 12.2 image that the lab neither carries out nor keeps.
 * A line using one is refused with a tedlab notice (and a lab whose configuration has one
 * fails to load as "not modelled"), rather than with the `% Invalid input` of a typo.
 * Sources: TEXT-SOURCES.md, "Command vocabulary".
 */

const GLOBAL: VocabularyLevel = {
  alias: 'Create command alias',
  arp: 'Set a static ARP entry',
  'async-bootp': 'Modify system bootp parameters',
  bridge: 'Bridge Group.',
  buffers: 'Adjust system buffer pool parameters',
  'busy-message': 'Display message when connection to host fails',
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
  ip: {
    help: 'Global IP configuration subcommands',
    below: {
      'as-path': 'BGP autonomous system path filter',
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
      finger: 'finger server',
      'forward-protocol': 'Controls forwarding of physical and directed IP broadcasts',
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
        below: { client: 'Set client configuration policy', identity: 'Set the identity which ISAKMP will use' },
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
    },
  },
  service: {
    help: 'Modify use of network based services',
    below: {
      'compress-config': 'Compress the configuration file',
      dhcp: 'Enable DHCP server and relay agent',
      'exec-wait': 'Delay EXEC startup on noisy lines',
      'hide-telnet-address': 'Hide destination addresses in telnet command',
      linenumber: 'enable line number banner for each exec',
      prompt: 'Enable mode specific prompt',
      'slave-log': 'Enable log capability of slave IPs',
      'telnet-zeroidle': 'Set TCP window 0 when connection is idle',
    },
  },
};

const INTERFACE: VocabularyLevel = {
  arp: 'Set arp type (arpa, probe, snap) or timeout',
  'carrier-delay': 'Specify delay for interface transitions',
  'custom-queue-list': 'Assign a custom queue list to an interface',
  delay: 'Specify interface throughput delay',
  encapsulation: 'Set encapsulation type for an interface',
  'fair-queue': 'Enable Fair Queuing on an Interface',
  'hold-queue': 'Set hold queue depth',
  ip: {
    help: 'Interface Internet Protocol config commands',
    below: {
      accounting: 'Enable IP accounting on this interface',
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

export const GLOBAL_VOCABULARY: CommandSpec[] = vocabularyCommands(withNoForms({ ...GLOBAL, ...UNDER_GLOBAL }), { kind: 'config' });
export const INTERFACE_VOCABULARY: CommandSpec[] = vocabularyCommands(withNoForms(INTERFACE), { kind: 'config' });
export const LINE_VOCABULARY: CommandSpec[] = vocabularyCommands(withNoForms(LINE), { kind: 'config' });
