import type { Args, HelpTable } from '../cli/command-types.ts';
import { isPhysical } from '../config/interfaces.ts';
import { targetOf, type CommandContext, type CommandSpec } from './command-context.ts';
import { keptCommands, negatedSyntax, type KeptSpec } from './kept-commands.ts';
import { noteKeptLine, type NotModelledTopic } from './not-modelled.ts';
import { TOPICS } from './not-modelled-topics.ts';

/**
 * More lines a 12.2 configuration commonly has that the lab keeps without carrying out:
 * CEF, CDP, DHCP exclusions, SNMP hosts, AAA method lists, ISAKMP keepalives, and the
 * interface lines of routing protocols and tuning.
 */

const GLOBAL_LINES: readonly KeptSpec[] = [
  { syntax: 'ip cef', slot: 'after-subnet-zero', keyWords: 2, topic: TOPICS.cef },
  { syntax: 'ip source-route', slot: 'after-subnet-zero', keyWords: 2, topic: TOPICS.sourceRoute, defaultOn: true },
  { syntax: 'ip dhcp excluded-address A.B.C.D$low [A.B.C.D$high]', slot: 'ip-global', keyWords: 0, topic: TOPICS.dhcpServer },
  { syntax: 'aaa authentication (login|enable|ppp) LINE$rest', slot: 'after-enable', keyWords: 4, topic: TOPICS.aaa },
  { syntax: 'aaa authorization (exec|commands|network) LINE$rest', slot: 'after-enable', keyWords: 4, topic: TOPICS.aaa },
  { syntax: 'aaa accounting (exec|commands|network|connection|system) LINE$rest', slot: 'after-enable', keyWords: 4, topic: TOPICS.aaa },
  { syntax: 'crypto isakmp keepalive <10-3600>$seconds [<2-10>$retry]', slot: 'isakmp-globals', keyWords: 3, topic: TOPICS.isakmpKeepalive },
  { syntax: 'cdp run', slot: 'after-numbered-acls', keyWords: 2, topic: TOPICS.cdp, defaultOn: true },
  { syntax: 'cdp timer <5-254>$seconds', slot: 'after-numbered-acls', keyWords: 2, topic: TOPICS.cdp },
  { syntax: 'cdp holdtime <10-255>$seconds', slot: 'after-numbered-acls', keyWords: 2, topic: TOPICS.cdp },
  { syntax: 'cdp advertise-v2', slot: 'after-numbered-acls', keyWords: 2, topic: TOPICS.cdp, defaultOn: true },
  { syntax: 'snmp-server host A.B.C.D$host LINE$rest', slot: 'after-access-lists', keyWords: 3, topic: TOPICS.snmp },
  { syntax: 'ntp source LINE$rest', slot: 'after-lines', keyWords: 2, topic: TOPICS.ntp },
];

const HELP: HelpTable = {
  ip: 'Global IP configuration subcommands',
  cef: 'Cisco Express Forwarding',
  'source-route': 'Process packets with source routing header options',
  dhcp: 'Configure DHCP server and relay parameters',
  'excluded-address': 'Prevent DHCP from assigning certain addresses',
  $low: 'Low IP address',
  $high: 'High IP address',
  aaa: 'Authentication, Authorization and Accounting.',
  authentication: 'Authentication configurations parameters.',
  authorization: 'Authorization configurations parameters.',
  accounting: 'Accounting configurations parameters.',
  login: 'Set authentication lists for logins.',
  enable: 'Set authentication list for enable.',
  ppp: 'Set authentication lists for ppp.',
  exec: 'For starting an exec (shell).',
  commands: 'For exec (shell) commands.',
  network: 'For network services. (PPP, SLIP, ARAP)',
  connection: 'For outbound connections. (telnet, rlogin)',
  system: 'For System events.',
  crypto: 'Encryption module',
  isakmp: 'Configure ISAKMP policy',
  keepalive: 'Set a keepalive interval for use with IOS peers',
  $seconds: 'Number of seconds',
  $retry: 'Retry interval in seconds',
  cdp: 'Global CDP configuration subcommands',
  run: 'Enable CDP',
  timer: 'Specify the rate at which CDP packets are sent (in sec)',
  holdtime: 'Specify the holdtime (in sec) to be sent in packets',
  'advertise-v2': 'CDP sends version-2 advertisements',
  'snmp-server': 'Modify SNMP parameters',
  host: 'Specify hosts to receive SNMP notifications',
  $host: 'IP address of SNMP notification host',
  ntp: 'Configure NTP',
  source: 'Configure interface for source address',
  $rest: 'The rest of the setting (kept as typed)',
};

export const KEPT_GLOBAL_LINES: CommandSpec[] = GLOBAL_LINES.flatMap((spec) => keptCommands(spec, HELP));

/** Interface lines kept in the section as typed; `keyWords` leading words identify each setting. */
const INTERFACE_LINES: ReadonlyArray<{ syntax: string; keyWords: number; topic: NotModelledTopic; defaultOn?: boolean }> = [
  { syntax: 'ip ospf LINE$rest', keyWords: 3, topic: TOPICS.ospf },
  { syntax: 'ip split-horizon', keyWords: 2, topic: TOPICS.rip, defaultOn: true },
  { syntax: 'ip summary-address LINE$rest', keyWords: 0, topic: TOPICS.eigrp },
  { syntax: 'ip helper-address A.B.C.D$helper', keyWords: 0, topic: TOPICS.dhcpServer },
  { syntax: 'ip directed-broadcast', keyWords: 2, topic: TOPICS.interfaceTuning },
  { syntax: 'load-interval <30-600>$seconds', keyWords: 1, topic: TOPICS.interfaceTuning },
];

const INTERFACE_HELP: HelpTable = {
  ip: 'Interface Internet Protocol config commands',
  ospf: 'OSPF interface commands',
  'split-horizon': 'Perform split horizon',
  'summary-address': 'Perform address summarization',
  'helper-address': 'Specify a destination address for UDP broadcasts',
  $helper: 'IP destination address',
  'directed-broadcast': 'Enable forwarding of directed broadcasts',
  'load-interval': 'Specify interval for load calculation for an interface',
  $seconds: 'Load interval delay in seconds',
  'full-duplex': 'Configure full-duplex operational mode',
  'half-duplex': 'Configure half-duplex and related commands',
  $rest: 'The rest of the setting (kept as typed)',
};

function keepInterfaceLine(keyWords: number, topic: NotModelledTopic, defaultOn = false) {
  const keyOf = (line: string) => line.replace(/^no /, '').split(' ').slice(0, keyWords || undefined).join(' ');
  return (ctx: CommandContext, args: Args): void => {
    const iface = targetOf(ctx, 'config-if');
    const negate = args.has('no');
    const text = args.canonical(negate ? 1 : 0);
    iface.kept = iface.kept.filter((line) => keyOf(line) !== keyOf(text));
    if (negate === defaultOn) iface.kept.push(defaultOn ? `no ${text}` : text);
    noteKeptLine(ctx, topic, args.canonical());
  };
}

/** `full-duplex` and `half-duplex` are the older spellings of `duplex full|half`, which IOS shows instead. */
function oldDuplex(ctx: CommandContext, args: Args): void {
  const iface = targetOf(ctx, 'config-if');
  if (!isPhysical(iface.name)) return ctx.rejectAt(ctx.line.search(/\S/));
  const mode = args.has('full-duplex') ? 'full' : 'half';
  iface.duplex = args.has('no') ? 'auto' : mode;
}

export const KEPT_INTERFACE_LINES: CommandSpec[] = [
  ...INTERFACE_LINES.flatMap(({ syntax, keyWords, topic, defaultOn }) => {
    const run = keepInterfaceLine(keyWords, topic, defaultOn);
    return [
      { syntax, help: INTERFACE_HELP, run, status: 'kept' as const },
      { syntax: negatedSyntax(syntax, keyWords), help: INTERFACE_HELP, run, status: 'kept' as const },
    ];
  }),
  { syntax: '[no] (full-duplex|half-duplex)', help: INTERFACE_HELP, run: oldDuplex },
];
