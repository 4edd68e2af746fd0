import type { ConfigSlot, IosConfig } from '../config/config-model.ts';
import { targetOf, type CommandContext } from './command-context.ts';
import { noteKeptLine, type NotModelledTopic } from './not-modelled.ts';
import { TOPICS } from './not-modelled-topics.ts';

/**
 * Lines of the 12.2 vocabulary that a real 2600's configuration carries and the lab neither
 * models nor checks word by word (`ip ssh version 2`, `tacacs-server host ...`, `privilege exec
 * level 1 show`): kept as typed after their known keywords, rendered back where IOS puts them,
 * and noticed once per topic. So an engineer's configuration loads as it is. A few stay
 * refused, because keeping them would make the lab silently differ from the router where it
 * matters (README, "What the lab does not model"): they are listed in REFUSED with the reason.
 */

/** Paths (keywords, `no` left out) that stay refused: the lab would forward or answer differently. */
export const REFUSED: Readonly<Record<string, string>> = {
  'ip routing': 'the lab\'s routers always route IP',
  arp: 'a static ARP entry would change how the lab forwards',
  bridge: 'no bridging in this lab',
  default: 'tedlab does not emulate this command',
  help: 'tedlab does not emulate this command',
  prompt: 'the lab\'s prompts are IOS\'s default ones',
  partition: 'tedlab does not emulate this command',
  'downward-compatible-config': 'tedlab does not emulate this command',
  'crypto ca': 'certificates are not modelled: the lab\'s IKE authenticates with pre-shared keys',
  'crypto key': 'RSA keys are not modelled: the lab\'s IKE authenticates with pre-shared keys',
  'crypto isakmp client': 'no EzVPN client configuration in this lab',
  'crypto isakmp identity': 'the lab\'s ISAKMP identity is always the address',
  'frame-relay': 'no Frame Relay in this lab',
  x25: 'no X.25 in this lab',
  'mac-address': 'the lab allocates the interfaces\' MAC addresses',
  loopback: 'an internal loopback would cut the lab\'s link',
  encapsulation: 'the lab\'s links carry Ethernet II (ARPA) only',
};

/** Only the `no` form stays refused (`ip routing` is the default and changes nothing). */
const REFUSED_WHEN_NEGATED = new Set(['ip routing']);

/** Settings on by default: the bare line is what IOS has anyway and shows nothing; only `no X` is kept. */
const DEFAULT_ON = new Set(['ip routing', 'service dhcp', 'service prompt config', 'ip bootp server', 'ip finger']);

function refused(path: string): boolean {
  const negated = path.startsWith('no ');
  const bare = negated ? path.slice(3) : path;
  return Object.keys(REFUSED).some((known) => bare === known || bare.startsWith(`${known} `))
    && (negated || !REFUSED_WHEN_NEGATED.has(bare));
}

/** Where a kept global line goes in `show running-config`, by its first keywords (inferred: TEXT-SOURCES.md). */
const GLOBAL_SLOTS: ReadonlyArray<[prefix: string, slot: ConfigSlot]> = [
  ['logging', 'before-access-lists'],
  ['aaa', 'after-enable'],
  ['clock', 'before-subnet-zero'],
  ['snmp-server', 'after-access-lists'],
  ['tacacs-server', 'after-access-lists'],
  ['radius-server', 'after-access-lists'],
  ['privilege', 'after-access-lists'],
  ['alias', 'before-lines'],
  ['ntp', 'after-lines'],
  ['config-register', 'after-lines'],
  ['scheduler', 'after-lines'],
  ['ip', 'ip-global'],
  ['isdn', 'ip-global'],
  ['crypto', 'isakmp-globals'],
  ['service', 'services'],
];

const MANAGEMENT_WORDS = ['logging', 'ip tcp', 'ip http', 'snmp-server', 'tacacs-server', 'radius-server', 'privilege', 'alias', 'ntp', 'config-register',
  'service', 'ip ssh', 'ip ftp', 'ip tftp', 'ip telnet', 'ip rcmd', 'ip finger', 'ip domain-list', 'ip dns', 'ip bootp', 'busy-message',
  'exception', 'buffers', 'scheduler', 'file', 'tftp-server', 'rmon', 'menu', 'chat-script', 'modemcap'];

const startsWithWords = (text: string, prefix: string) => text === prefix || text.startsWith(`${prefix} `);

function slotOf(bare: string): ConfigSlot {
  return GLOBAL_SLOTS.find(([prefix]) => startsWithWords(bare, prefix))?.[1] ?? 'before-lines';
}

function topicOf(bare: string): NotModelledTopic {
  if (startsWithWords(bare, 'ip ssh')) return TOPICS.ssh;
  if (['aaa', 'tacacs-server', 'radius-server', 'privilege'].some((word) => startsWithWords(bare, word))) return TOPICS.aaa;
  if (startsWithWords(bare, 'clock')) return TOPICS.timezone;
  if (['service', 'ip bootp', 'ip finger'].some((word) => startsWithWords(bare, word))) return TOPICS.services;
  if (startsWithWords(bare, 'snmp-server')) return TOPICS.snmp;
  if (startsWithWords(bare, 'ntp')) return TOPICS.ntp;
  if (startsWithWords(bare, 'logging')) return TOPICS.logging;
  if (MANAGEMENT_WORDS.some((word) => startsWithWords(bare, word))) return TOPICS.management;
  if (startsWithWords(bare, 'isdn')) return { name: 'ISDN', reason: 'no ISDN in this lab', impact: 'behaviour' };
  return { name: bare.split(' ').slice(0, 2).join(' '), reason: 'tedlab keeps it without carrying it out', impact: 'behaviour' };
}

/**
 * Stores a line in a list of kept texts. `no X` removes the lines that begin with X; when there
 * was none, X is on by default and IOS shows the `no` line. A line replaces its own `no` form.
 */
export function keepText(lines: readonly string[], text: string): string[] {
  const negated = text.startsWith('no ');
  const bare = negated ? text.slice(3) : text;
  if (!negated && lines.includes(text)) return [...lines];
  const others = lines.filter((line) => line !== text && line !== `no ${bare}`);
  if (!negated) return DEFAULT_ON.has(text) ? others : [...others, text];
  const positives = others.filter((line) => startsWithWords(line, bare));
  return positives.length > 0 ? others.filter((line) => !positives.includes(line)) : [...others, text];
}

function keepGlobal(config: IosConfig, text: string): void {
  const bare = text.replace(/^no /, '');
  const slot = slotOf(bare);
  const inSlot = config.kept.filter((line) => line.slot === slot).map((line) => line.text);
  const kept = keepText(inSlot, text);
  config.kept = [
    ...config.kept.filter((line) => line.slot !== slot || kept.includes(line.text)),
    ...kept.filter((line) => !inSlot.includes(line)).map((line) => ({ slot, text: line, key: line })),
  ];
}

type Where = 'global' | 'interface' | 'line';

/** The keeper for a mode's vocabulary: true when the line was kept, false when it stays refused. */
export function vocabularyKeeper(where: Where) {
  return {
    keeps: (path: string) => !refused(path),
    line: (ctx: CommandContext, path: string, text: string): boolean => {
      if (refused(path)) return false;
      const bare = text.replace(/^no /, '');
      if (where === 'global') keepGlobal(ctx.config, text);
      if (where === 'interface') {
        const iface = targetOf(ctx, 'config-if');
        iface.kept = keepText(iface.kept, text);
      }
      if (where === 'line') {
        const section = targetOf(ctx, 'config-line');
        section.lines = keepText(section.lines, text);
      }
      noteKeptLine(ctx, where === 'global' ? topicOf(bare) : sectionLineTopic(where, bare), text);
      return true;
    },
  };
}

const QOS_INTERFACE_WORDS = ['service-policy', 'fair-queue', 'random-detect', 'priority-group', 'custom-queue-list', 'traffic-shape',
  'rate-limit', 'max-reserved-bandwidth', 'hold-queue', 'tx-ring-limit', 'ip rtp'];

/** An interface or terminal-line line: QoS, other interface features, or the terminal lines. */
function sectionLineTopic(where: Where, bare: string): NotModelledTopic {
  if (where === 'line') return TOPICS.lines;
  if (QOS_INTERFACE_WORDS.some((word) => startsWithWords(bare, word))) return TOPICS.qos;
  return TOPICS.interfaceBehaviour;
}

/** The reason a refused path gives in its notice. */
export function refusalReason(path: string): string | undefined {
  const bare = path.replace(/^no /, '');
  const known = Object.keys(REFUSED).find((candidate) => bare === candidate || bare.startsWith(`${candidate} `));
  return known === undefined ? undefined : REFUSED[known];
}
