import type { CommandSpec } from './command-context.ts';
import { SHOW_VOCABULARY } from './show-vocabulary.ts';
import { user, vocabularyCommands, type VocabularyLevel } from './vocabulary.ts';

/**
 * The exec keywords of a c2600's 12.2 image that the lab does not carry out (`>` and `#`).
 * Keywords and help texts: TEXT-SOURCES.md, "Command vocabulary". Commands other helpers of
 * the lab model (`reload`, `terminal length`, `show logging`, `show arp`, `clear arp-cache`)
 * are theirs: where both exist the modelled command comes first and wins.
 */

const TERMINAL: VocabularyLevel = {
  editing: 'Enable command line editing',
  'escape-character': 'Change the current line\'s escape character',
  'exec-character-bits': 'Size of characters to the command exec',
  'full-help': 'Provide help to unprivileged user',
  history: 'Enable and control the command history function',
  ip: 'IP options',
  monitor: { help: 'Copy debug output to the current terminal line', tail: '' },
  notify: 'Inform users of output from concurrent sessions',
  speed: 'Set the transmit and receive speeds',
  'terminal-type': 'Set the terminal type',
};

const TOP: VocabularyLevel = {
  'access-enable': user('Create a temporary Access-List entry'),
  'access-profile': user('Apply user-profile to interface'),
  'access-template': 'Create a temporary Access-List entry',
  cd: 'Change current directory',
  clock: { help: 'Manage the system clock', below: { set: { help: 'Set the time and date', tail: 'LINE$rest' } } },
  connect: user('Open a terminal connection'),
  delete: 'Delete a file',
  dir: 'List files on a filesystem',
  disconnect: user('Disconnect an existing network connection'),
  erase: 'Erase a filesystem',
  format: 'Format a filesystem',
  help: user('Description of the interactive help system', { tail: '' }),
  lock: user('Lock the terminal', { tail: '' }),
  login: user('Log in as a particular user', { tail: '' }),
  more: 'Display the contents of a file',
  mrinfo: user('Request neighbor and version information from a multicast router'),
  mstat: user('Show statistics after multiple multicast traceroutes'),
  mtrace: user('Trace reverse multicast path from destination to source'),
  'name-connection': user('Name an existing network connection', { tail: '' }),
  pad: user('Open a X.29 PAD connection'),
  ppp: user('Start IETF Point-to-Point Protocol (PPP)'),
  pwd: { help: 'Display current working directory', tail: '' },
  resume: user('Resume an active network connection'),
  rlogin: user('Open an rlogin connection'),
  rsh: 'Execute a remote command',
  send: 'Send a message to other tty lines',
  setup: { help: 'Run the SETUP command facility', tail: '' },
  slip: user('Start Serial-line IP (SLIP)'),
  ssh: user('Open a secure shell client connection'),
  'start-chat': 'Start a chat-script on a line',
  systat: user('Display information about terminal lines'),
  telnet: user('Open a telnet connection'),
  terminal: user('Set terminal line parameters', { below: TERMINAL }),
  test: 'Test subsystems, memory, and interfaces',
  traceroute: user('Trace route to destination'),
  tunnel: user('Open a tunnel connection'),
  udptn: user('Open an udptn connection'),
  verify: 'Verify a file',
  where: user('List active connections', { tail: '' }),
  x28: user('Become an X.28 PAD'),
  x3: user('Set X.3 parameters on PAD'),
};

/** `configure`, `copy` and `write` forms other than the modelled ones. */
const FILE_COMMANDS: VocabularyLevel = {
  configure: {
    help: 'Enter configuration mode',
    below: {
      memory: { help: 'Configure from NV memory', tail: '' },
      network: 'Configure from a TFTP network host',
      'overwrite-network': 'Overwrite NV memory from TFTP network host',
    },
  },
  copy: {
    help: 'Copy from one file to another',
    below: {
      'flash:': 'Copy from flash: file system',
      'ftp:': 'Copy from ftp: file system',
      'nvram:': 'Copy from nvram: file system',
      'rcp:': 'Copy from rcp: file system',
      'running-config': {
        help: 'Copy from current system configuration',
        below: {
          'flash:': 'Copy to flash: file system',
          'ftp:': 'Copy to ftp: file system',
          'nvram:': 'Copy to nvram: file system',
          'rcp:': 'Copy to rcp: file system',
          'tftp:': 'Copy to tftp: file system',
        },
      },
      'startup-config': 'Copy from startup configuration',
      'system:': 'Copy from system: file system',
      'tftp:': 'Copy from tftp: file system',
      'xmodem:': 'Copy from xmodem: file system',
      'ymodem:': 'Copy from ymodem: file system',
    },
  },
  write: {
    help: 'Write running configuration to memory, network, or terminal',
    below: { erase: { help: 'Erase NV memory', tail: '' }, network: 'Write to network TFTP server' },
  },
};

const DEBUG_IP: VocabularyLevel = {
  bgp: 'BGP information',
  cache: 'IP cache operations',
  cef: 'IP CEF operations',
  dhcp: 'Dynamic Host Configuration Protocol',
  eigrp: 'IP-EIGRP information',
  error: 'IP error debugging',
  ftp: 'FTP dialogue',
  http: 'HTTP connections',
  icmp: 'ICMP transactions',
  igmp: 'IGMP protocol activity',
  igrp: 'IGRP information',
  mpacket: 'IP multicast packet debugging',
  nat: 'NAT events',
  ospf: 'OSPF information',
  packet: 'General IP debugging and IPSO security transactions',
  peer: 'IP peer address activity',
  pim: 'PIM protocol activity',
  policy: 'Policy routing',
  rip: 'RIP protocol transactions',
  routing: 'Routing table events',
  security: 'IP security options',
  socket: 'Socket event',
  ssh: 'Incoming ssh connections',
  tcp: 'TCP information',
  udp: 'UDP based transactions',
};

/** What `debug` switches beyond `debug crypto isakmp|ipsec|engine`; `undebug` and `no debug` take the same. */
const DEBUG: VocabularyLevel = {
  aaa: 'AAA Authentication, Authorization and Accounting',
  arp: 'IP ARP and HP Probe transactions',
  cdp: 'CDP information',
  crypto: {
    help: 'Cryptographic subsystem',
    below: { 'key-exchange': 'Key Exchange debug', pki: 'PKI debug' },
  },
  dhcp: 'DHCP client activity',
  dialer: 'Dial on Demand',
  eigrp: 'EIGRP Protocol information',
  'ethernet-interface': 'Ethernet network interface events',
  ip: { help: 'IP information', below: DEBUG_IP },
  ntp: 'NTP information',
  ppp: 'PPP (Point to Point Protocol) information',
  snmp: 'SNMP information',
  standby: 'Hot standby protocol',
  tacacs: 'TACACS authentication and authorization',
  telnet: 'Incoming telnet connections',
  tftp: 'TFTP debugging',
};

const CLEAR: VocabularyLevel = {
  'access-template': 'Access-template',
  'arp-cache': { help: 'Clear the entire ARP cache', tail: '' },
  bridge: 'Reset bridge forwarding cache',
  cdp: { help: 'Reset cdp information', below: { counters: { help: 'Clear CDP counters', tail: '' }, table: { help: 'Clear cdp table', tail: '' } } },
  counters: 'Clear counters on one or all interfaces',
  dialer: 'Clear dialer statistics',
  host: 'Delete host table entries',
  interface: 'Clear the hardware logic on an interface',
  ip: {
    help: 'IP',
    below: {
      accounting: 'Clear IP accounting database',
      bgp: 'Clear BGP connections',
      cache: 'Delete cache table entries',
      dhcp: 'Delete items from the DHCP database',
      eigrp: 'Clear IP-EIGRP',
      igmp: 'IGMP clear commands',
      mroute: 'Delete multicast route table entries',
      ospf: 'OSPF clear commands',
      redirect: { help: 'Redirect cache', tail: '' },
      route: 'Delete route table entries',
    },
  },
  line: 'Reset a terminal line',
  logging: { help: 'Clear logging buffer', tail: '' },
  tcp: 'Clear a TCP connection or statistics',
};

const DEBUG_HELP = { keyword: 'debug', help: 'Debugging functions (see also \'undebug\')' };

export const EXEC_VOCABULARY: CommandSpec[] = [
  ...vocabularyCommands(TOP, { kind: 'exec' }),
  ...vocabularyCommands(FILE_COMMANDS, { kind: 'exec' }),
  ...vocabularyCommands(SHOW_VOCABULARY, { kind: 'exec', root: [{ keyword: 'show', help: 'Show running system information' }] }),
  ...vocabularyCommands(CLEAR, { kind: 'exec', root: [{ keyword: 'clear', help: 'Reset functions' }] }),
  ...vocabularyCommands({ ...DEBUG, all: { help: 'Enable all debugging', tail: '' } }, { kind: 'exec', root: [DEBUG_HELP] }),
  ...vocabularyCommands(DEBUG, {
    kind: 'exec',
    root: [{ keyword: 'undebug', help: 'Disable debugging functions (see also \'debug\')' }],
  }),
  ...vocabularyCommands(DEBUG, {
    kind: 'exec',
    root: [{ keyword: 'no', help: 'Disable debugging functions' }, DEBUG_HELP],
  }),
];
