import type { Args, HelpTable } from '../cli/command-types.ts';
import type { ConfigSlot, IosConfig, LineSection } from '../config/config-model.ts';
import { targetOf, type CommandContext, type CommandSpec } from './command-context.ts';
import { noteKeptLine, type NotModelledTopic } from './not-modelled.ts';
import { TOPICS } from './not-modelled-topics.ts';
import { IFNAME } from './shared-grammar.ts';

/**
 * Commands IOS accepts that the lab does not model. They are checked by the grammar like
 * any other, then kept as text: in their running-config slot for global ones, in their
 * section for `line` sub-commands. A later line with the same leading words replaces one.
 * Each is reported as not modelled (not-modelled.ts): once at the console, and to the lab.
 */

export interface KeptSpec {
  syntax: string;
  slot: ConfigSlot;
  /** How many leading words identify the setting; 0 means the whole line (repeatable lines). */
  keyWords: number;
  /** What the lab does not carry out; none for a line something else of the lab reads (`show logging`). */
  topic?: NotModelledTopic;
  /** On unless configured off: `no` of it is kept as a `no` line, as IOS shows it. */
  defaultOn?: boolean;
}

const LEVEL =
  '[(<0-7>$level|emergencies$level|alerts$level|critical$level|errors$level|warnings$level|notifications$level|informational$level|debugging$level)]';

const GLOBAL_KEPT: readonly KeptSpec[] = [
  { syntax: `logging buffered [<4096-2147483647>$size] ${LEVEL}`, slot: 'after-boot', keyWords: 2 },
  { syntax: `logging console ${LEVEL}`, slot: 'after-boot', keyWords: 2, defaultOn: true },
  { syntax: 'aaa new-model', slot: 'after-enable', keyWords: 2, topic: TOPICS.aaa },
  {
    syntax: 'username WORD$user [privilege <0-15>$priv] (password$pw LINE$password|secret$pw LINE$secret)',
    slot: 'after-enable',
    keyWords: 2,
    topic: TOPICS.users,
  },
  { syntax: 'clock timezone WORD$zone <-23-23>$hours [<0-59>$minutes]', slot: 'before-subnet-zero', keyWords: 2, topic: TOPICS.timezone },
  { syntax: 'ip domain-name WORD$domain', slot: 'ip-global', keyWords: 2, topic: TOPICS.dns },
  { syntax: 'ip name-server A.B.C.D$server', slot: 'ip-global', keyWords: 0, topic: TOPICS.dns },
  { syntax: 'ip host WORD$host A.B.C.D$hostAddr', slot: 'ip-global', keyWords: 3, topic: TOPICS.hostTable },
  { syntax: `logging trap ${LEVEL}`, slot: 'before-access-lists', keyWords: 2, defaultOn: true },
  { syntax: 'logging facility WORD$facility', slot: 'before-access-lists', keyWords: 2, topic: TOPICS.logging },
  { syntax: `logging source-interface ${IFNAME}`, slot: 'before-access-lists', keyWords: 2, topic: TOPICS.logging },
  { syntax: 'logging A.B.C.D$logHost', slot: 'before-access-lists', keyWords: 0, topic: TOPICS.logging },
  { syntax: 'snmp-server community WORD$community [(RO$access|RW$access)] [<1-99>$acl]', slot: 'after-access-lists', keyWords: 3, topic: TOPICS.snmp },
  { syntax: 'snmp-server location LINE$text', slot: 'after-access-lists', keyWords: 2, topic: TOPICS.snmp },
  { syntax: 'snmp-server contact LINE$text', slot: 'after-access-lists', keyWords: 2, topic: TOPICS.snmp },
  { syntax: 'snmp-server enable traps [LINE$traps]', slot: 'after-access-lists', keyWords: 0, topic: TOPICS.snmp },
  { syntax: 'ntp server A.B.C.D$ntpServer [key <0-4294967295>$ntpKey] [prefer]', slot: 'after-lines', keyWords: 3, topic: TOPICS.ntp },
  { syntax: 'ntp master [<1-15>$stratum]', slot: 'after-lines', keyWords: 2, topic: TOPICS.ntp },
  { syntax: 'ntp update-calendar', slot: 'after-lines', keyWords: 2, topic: TOPICS.ntp },
];

const GLOBAL_KEPT_HELP: HelpTable = {
  logging: 'Modify message logging facilities',
  buffered: 'Set buffered logging parameters',
  $size: 'Logging buffer size',
  console: 'Set console logging parameters',
  trap: 'Set syslog server logging level',
  facility: 'Facility parameter for syslog messages',
  $facility: 'Facility name',
  'source-interface': 'Specify interface for source address in logging transactions',
  $logHost: 'IP address of the logging host',
  '<0-7>': 'Logging severity level',
  emergencies: 'System is unusable                (severity=0)',
  alerts: 'Immediate action needed           (severity=1)',
  critical: 'Critical conditions               (severity=2)',
  errors: 'Error conditions                  (severity=3)',
  warnings: 'Warning conditions                (severity=4)',
  notifications: 'Normal but significant conditions (severity=5)',
  informational: 'Informational messages            (severity=6)',
  debugging: 'Debugging messages                (severity=7)',
  aaa: 'Authentication, Authorization and Accounting.',
  'new-model': 'Enable NEW access control commands and functions.(Disables OLD commands.)',
  username: 'Establish User Name Authentication',
  $user: 'User name',
  privilege: 'Set user privilege level',
  $priv: 'User privilege level',
  password: 'Specify the password for the user',
  $password: 'The UNENCRYPTED (cleartext) user password',
  'secret$pw': 'Specify the secret for the user',
  'password$pw': 'Specify the password for the user',
  $secret: 'The UNENCRYPTED (cleartext) user secret',
  clock: 'Configure time-of-day clock',
  timezone: 'Configure time zone',
  $zone: 'name of time zone',
  $hours: 'Hours offset from UTC',
  $minutes: 'Minutes offset from UTC',
  ip: 'Global IP configuration subcommands',
  'domain-name': 'Define the default domain name',
  $domain: 'Default domain name',
  'name-server': 'Specify address of name server to use',
  $server: 'Domain server IP address (maximum of 6)',
  host: 'Add an entry to the ip hostname table',
  $host: 'Name of host',
  $hostAddr: 'Host IP address',
  'snmp-server': 'Modify SNMP parameters',
  community: 'Enable SNMP; set community string and access privs',
  $community: 'SNMP community string',
  RO: 'Read-only access with this community string',
  RW: 'Read-write access with this community string',
  $acl: 'Std IP accesslist allowing access with this community string',
  location: 'Text for mib object sysLocation',
  contact: 'Text for mib object sysContact',
  $text: 'identification of the contact person for this managed node',
  enable: 'Enable SNMP Traps or Informs',
  traps: 'Enable SNMP Traps',
  $traps: 'SNMP trap types',
  ntp: 'Configure NTP',
  server: 'Configure NTP server',
  $ntpServer: 'IP address of peer',
  prefer: 'Prefer this peer when possible',
  key: 'Configure peer authentication key',
  $ntpKey: 'Peer key number',
  master: 'Act as NTP master clock',
  $stratum: 'Stratum number',
  'update-calendar': 'Periodically update calendar with NTP time',
  $rest: 'Rest of the setting',
};

function keyOf(text: string, keyWords: number): string {
  return keyWords === 0 ? text : text.split(' ').slice(0, keyWords).join(' ');
}

/**
 * Stores, replaces or removes a kept line by its key. Turning off something that is on by
 * default shows as a `no` line, as IOS does; turning off what was never on leaves nothing.
 */
export function keepGlobalLine(config: IosConfig, slot: ConfigSlot, text: string, key: string, negate: boolean, defaultOn = false): void {
  config.kept = config.kept.filter((line) => line.key !== key);
  // The bare form of a setting that is on by default is the default: IOS shows nothing for it.
  if (!negate && !(defaultOn && text === key)) config.kept.push({ slot, text, key });
  else if (negate && defaultOn) config.kept.push({ slot, text: `no ${key}`, key });
}

/** The syntax split at its top-level blanks: a group such as `(a b|c)` stays one item. */
function topLevelItems(syntax: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of syntax) {
    if (ch === ' ' && depth === 0) {
      if (current) items.push(current);
      current = '';
      continue;
    }
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    current += ch;
  }
  if (current) items.push(current);
  return items;
}

/**
 * The `no` form of a kept setting: the items that identify it, then anything (IOS ignores the
 * old values); a repeatable line (`keyWords` 0) is removed by its whole text.
 */
export function negatedSyntax(syntax: string, keyWords: number): string {
  if (keyWords === 0) return `no ${syntax}`;
  const items = topLevelItems(syntax).slice(0, keyWords);
  const line = items.findIndex((item) => item.startsWith('LINE'));
  return line >= 0 ? `no ${items.slice(0, line + 1).join(' ')}` : `no ${items.join(' ')} [LINE$rest]`;
}

/** A kept setting and its `no` form, which takes any arguments after the words that identify it. */
export function keptCommands(spec: KeptSpec, help: HelpTable): CommandSpec[] {
  const run = (ctx: CommandContext, args: Args) => {
    const negate = args.has('no');
    const text = args.canonical(negate ? 1 : 0);
    keepGlobalLine(ctx.config, spec.slot, text, keyOf(text, spec.keyWords), negate, spec.defaultOn);
    if (spec.topic !== undefined) noteKeptLine(ctx, spec.topic, args.canonical());
  };
  const status = spec.topic === undefined ? 'modelled' : 'kept';
  return [
    { syntax: spec.syntax, help, run, status },
    { syntax: negatedSyntax(spec.syntax, spec.keyWords), help, run, status },
  ];
}

/** Banners end at a delimiter that may sit lines later; `^C` is how configs write Ctrl-C. */
export function bannerDelimiter(text: string): string {
  return text.startsWith('^C') ? '^C' : text.charAt(0);
}

export function storeBanner(config: IosConfig, kind: string, body: string): void {
  keepGlobalLine(config, 'before-lines', `banner ${kind} ^C${body}^C`, `banner ${kind}`, false);
}

function startBanner(ctx: CommandContext, args: Args): void {
  const kind = args.get('kind')!;
  // IOS's `Enter TEXT message` dialog follows at once: the banner is listed, its notice not printed.
  noteKeptLine(ctx, TOPICS.banner, `banner ${kind}`, true);
  if (args.has('no')) return keepGlobalLine(ctx.config, 'before-lines', '', `banner ${kind}`, true);
  const text = args.get('text')!;
  const delimiter = bannerDelimiter(text);
  const rest = text.slice(delimiter.length);
  const end = rest.indexOf(delimiter);
  if (end >= 0) return storeBanner(ctx.config, kind, rest.slice(0, end));
  ctx.collectBanner(`banner ${kind}`, delimiter, rest);
}

const BANNER_HELP: HelpTable = {
  banner: 'Define a login banner',
  motd: 'Set Message of the Day banner',
  login: 'Set login banner',
  exec: 'Set EXEC process creation banner',
  incoming: 'Set incoming terminal line banner',
  $text: 'c banner-text c, where \'c\' is a delimiting character',
};

export const KEPT_GLOBAL_COMMANDS: CommandSpec[] = [
  ...GLOBAL_KEPT.flatMap((spec) => keptCommands(spec, GLOBAL_KEPT_HELP)),
  { syntax: 'banner (motd$kind|login$kind|exec$kind|incoming$kind) LINE$text', help: BANNER_HELP, run: startBanner, status: 'kept' },
  { syntax: 'no banner (motd$kind|login$kind|exec$kind|incoming$kind)', help: BANNER_HELP, run: startBanner, status: 'kept' },
];

/** `(config-line)#` sub-commands, kept in their line section. */
const LINE_KEPT: ReadonlyArray<{ syntax: string; keyWords: number }> = [
  { syntax: 'login [(local|authentication WORD$list)]', keyWords: 1 },
  { syntax: 'password LINE$password', keyWords: 1 },
  { syntax: 'exec-timeout <0-35791>$min [<0-2147483>$sec]', keyWords: 1 },
  { syntax: 'logging synchronous', keyWords: 2 },
  { syntax: 'transport input (all|none|telnet|ssh) [(telnet|ssh)]', keyWords: 2 },
  { syntax: 'transport (output|preferred) LINE$rest', keyWords: 2 },
  { syntax: 'session-timeout <0-35791>$min [output$alsoOutput]', keyWords: 1 },
  { syntax: 'stopbits (1|1.5|2)', keyWords: 1 },
  { syntax: 'speed <0-4294967295>$bps', keyWords: 1 },
  { syntax: 'flowcontrol (none$fc|software$fc|hardware$fc) [LINE$rest]', keyWords: 1 },
  { syntax: 'length <0-512>$lines', keyWords: 1 },
  { syntax: 'width <0-512>$columns', keyWords: 1 },
  { syntax: 'escape-character LINE$rest', keyWords: 1 },
  { syntax: 'location LINE$rest', keyWords: 1 },
  { syntax: 'privilege level <0-15>$level', keyWords: 2 },
  { syntax: 'access-class (<1-199>$acl|<1300-2699>$acl|WORD$acl) (in|out)', keyWords: 1 },
  { syntax: 'history size <0-256>$size', keyWords: 2 },
];

const LINE_HELP: HelpTable = {
  login: 'Enable password checking',
  local: 'Local password checking',
  authentication: 'authentication parameters',
  $list: 'Use an authentication list with this name.',
  password: 'Set a password',
  $password: 'The UNENCRYPTED (cleartext) line password',
  'exec-timeout': 'Set the EXEC timeout',
  $min: 'Timeout in minutes',
  $sec: 'Timeout in seconds',
  logging: 'Modify message logging facilities',
  synchronous: 'Synchronized message output',
  transport: 'Define transport protocols for line',
  input: 'Define which protocols to use when connecting to the terminal server',
  all: 'All protocols',
  none: 'No protocols',
  'none$fc': 'Set no flow control',
  telnet: 'TCP/IP Telnet protocol',
  ssh: 'TCP/IP SSH protocol',
  privilege: 'Change privilege level for line',
  level: 'Assign default privilege level for line',
  $level: 'Default privilege level for line',
  'access-class': 'Filter connections based on an IP access list',
  '<1-199>': 'IP access list',
  '<1300-2699>': 'IP expanded access list',
  WORD: 'Access-list name',
  in: 'Filter incoming connections',
  out: 'Filter outgoing connections',
  output: 'Define which protocols to use for outgoing connections',
  preferred: 'Specify the preferred protocol to use',
  'session-timeout': 'Set interval for closing connection when there is no input traffic',
  'output$alsoOutput': 'Include output traffic as well as input traffic',
  stopbits: 'Set async line stop bits',
  1: 'One stop bit',
  '1.5': 'One and one-half stop bits',
  2: 'Two stop bits',
  speed: 'Set the transmit and receive speeds',
  $bps: 'Transmit and receive speeds',
  flowcontrol: 'Set the flow control',
  'software$fc': 'Set software flow control',
  'hardware$fc': 'Set hardware flow control',
  length: 'Set number of lines on a screen',
  $lines: 'Number of lines on screen (0 for no pausing)',
  width: 'Set width of the display terminal',
  $columns: 'Number of characters on a screen line',
  'escape-character': 'Change the current line\'s escape character',
  location: 'Enter terminal location description',
  history: 'Enable and control the command history function',
  size: 'Set history buffer size',
  $size: 'Size of history buffer',
  $rest: 'Rest of the setting',
};

function setLineSetting(keyWords: number) {
  return (ctx: CommandContext, args: Args): void => {
    const section: LineSection = targetOf(ctx, 'config-line');
    const negate = args.has('no');
    const text = args.canonical(negate ? 1 : 0);
    const key = text.split(' ').slice(0, keyWords).join(' ');
    section.lines = section.lines.filter((line) => line.split(' ').slice(0, keyWords).join(' ') !== key);
    if (!negate) section.lines.push(text);
    noteKeptLine(ctx, TOPICS.lines, args.canonical());
  };
}

export const LINE_COMMANDS: CommandSpec[] = LINE_KEPT.flatMap(({ syntax, keyWords }) => [
  { syntax, help: LINE_HELP, run: setLineSetting(keyWords), status: 'kept' as const },
  {
    syntax: negatedSyntax(syntax, keyWords),
    help: LINE_HELP,
    run: setLineSetting(keyWords),
    status: 'kept' as const,
  },
]);
