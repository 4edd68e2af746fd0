import type { Args, HelpTable } from '../cli/command-types.ts';
import type { KeptSection, KeptSectionKind } from '../config/config-model.ts';
import type { CommandContext, CommandSpec, ModeId, ModeState } from './command-context.ts';
import { openSection, removeSections, sectionOf, subLineCommands, type SubLineSpec } from './kept-sections.ts';
import { noteKeptLine, type NotModelledTopic } from './not-modelled.ts';
import { TOPICS } from './not-modelled-topics.ts';

/**
 * The blocks of a real 2600's configuration the lab keeps without carrying them out, each with
 * the sub-mode IOS 12.2 gives it: `class-map` (config-cmap), `policy-map` (config-pmap) and its
 * `class` (config-pmap-c), `key chain` (config-keychain) and its `key` (config-keychain-key),
 * `time-range`, `dial-peer voice`, `controller`. Sub-lines are checked by their first keywords
 * (a typo gets IOS's caret) and kept as typed after them. Prompts: TEXT-SOURCES.md.
 */

type BlockMode = Extract<ModeId, 'config-cmap' | 'config-pmap' | 'config-keychain' | 'config-time-range' | 'config-dial-peer' | 'config-voiceport' | 'config-controller'>;
type InnerMode = Extract<ModeId, 'config-pmap-c' | 'config-keychain-key'>;

const HEAD_HELP: HelpTable = {
  'class-map': 'Configure QoS Class Map',
  'match-all': 'Logical-AND all matching statements under this classmap',
  'match-any': 'Logical-OR all matching statements under this classmap',
  $cmap: 'class-map name',
  'policy-map': 'Configure QoS Policy Map',
  $pmap: 'policy-map name',
  key: 'Key management',
  chain: 'Key-chain management',
  $chain: 'Key-chain name',
  'time-range': 'Define time range entries',
  $range: 'Time range name',
  'dial-peer': 'Dial Map (Peer) configuration commands',
  voice: 'Voice type dial peer',
  $tag: 'Voice dial peer tag',
  pots: 'Telephony',
  voip: 'Voice over IP',
  controller: 'Configure a specific controller',
  T1: 'T1 controller',
  E1: 'E1 controller',
  $slot: 'Controller unit number (slot/port)',
  $rest: 'The rest of the dial peer (ignored)',
  'voice-port': 'Switch to a voice port',
  $port: 'Voice interface slot/port (and :D channel)',
};

/** The head as IOS stores it: `class-map NAME` is `class-map match-all NAME`. */
function classMapHead(args: Args): string {
  return `class-map ${args.get('match') ?? 'match-all'} ${args.get('cmap')!}`;
}

const sameName = (kind: KeptSectionKind, name: string) => (section: KeptSection) =>
  section.kind === kind && section.head.split(' ').at(-1) === name;

/** What each block is noticed as; class-maps and policy-maps are QoS. */
const BLOCK_TOPICS: Partial<Record<KeptSectionKind, NotModelledTopic>> = {
  'key-chain': TOPICS.keyChains,
  'time-range': TOPICS.timeRanges,
  'dial-peer': TOPICS.voice,
  'voice-port': TOPICS.voice,
  controller: TOPICS.controllers,
};

function enterBlock(ctx: CommandContext, kind: KeptSectionKind, mode: BlockMode, head: string): void {
  noteKeptLine(ctx, BLOCK_TOPICS[kind] ?? TOPICS.qos, head);
  ctx.enterMode({ id: mode, target: openSection(ctx, kind, head) } as ModeState);
}

function enterClassMap(ctx: CommandContext, args: Args): void {
  const head = classMapHead(args);
  // A class-map named again with another match keyword is the same class-map, its keyword changed.
  const known = ctx.config.keptSections.find(sameName('class-map', args.get('cmap')!));
  if (known !== undefined) known.head = head;
  enterBlock(ctx, 'class-map', 'config-cmap', head);
}

const HEADS: CommandSpec[] = [
  { syntax: 'class-map [(match-all$match|match-any$match)] WORD$cmap', run: enterClassMap },
  { syntax: 'no class-map [(match-all|match-any)] WORD$cmap', run: (ctx, args) => removeSections(ctx, sameName('class-map', args.get('cmap')!)) },
  { syntax: 'policy-map WORD$pmap', run: (ctx, args) => enterBlock(ctx, 'policy-map', 'config-pmap', `policy-map ${args.get('pmap')!}`) },
  { syntax: 'no policy-map WORD$pmap', run: (ctx, args) => removeSections(ctx, sameName('policy-map', args.get('pmap')!)) },
  { syntax: 'key chain WORD$chain', run: (ctx, args) => enterBlock(ctx, 'key-chain', 'config-keychain', `key chain ${args.get('chain')!}`) },
  { syntax: 'no key chain WORD$chain', run: (ctx, args) => removeSections(ctx, sameName('key-chain', args.get('chain')!)) },
  { syntax: 'time-range WORD$range', run: (ctx, args) => enterBlock(ctx, 'time-range', 'config-time-range', `time-range ${args.get('range')!}`) },
  { syntax: 'no time-range WORD$range', run: (ctx, args) => removeSections(ctx, sameName('time-range', args.get('range')!)) },
  {
    syntax: 'dial-peer voice <1-2147483647>$tag (pots$type|voip$type)',
    run: (ctx, args) => enterBlock(ctx, 'dial-peer', 'config-dial-peer', `dial-peer voice ${args.get('tag')!} ${args.get('type')!}`),
  },
  {
    syntax: 'no dial-peer voice <1-2147483647>$tag [LINE$rest]',
    run: (ctx, args) => removeSections(ctx, (s) => s.kind === 'dial-peer' && s.head.split(' ')[2] === args.get('tag')),
  },
  { syntax: 'voice-port WORD$port', run: (ctx, args) => enterBlock(ctx, 'voice-port', 'config-voiceport', `voice-port ${args.get('port')!}`) },
  { syntax: 'no voice-port WORD$port', run: (ctx, args) => removeSections(ctx, (s) => s.kind === 'voice-port' && s.head === `voice-port ${args.get('port')!}`) },
  {
    syntax: 'controller (T1$type|E1$type) WORD$slot',
    run: (ctx, args) => enterBlock(ctx, 'controller', 'config-controller', `controller ${args.get('type')!} ${args.get('slot')!}`),
  },
];

export const KEPT_BLOCK_HEADS: CommandSpec[] = HEADS.map((spec) => ({ ...spec, help: HEAD_HELP, status: 'kept' as const }));

/** Sub-lines: `keyWords` leading words identify a setting (0: repeatable, matched whole). */
const line = (syntax: string, keyWords = 1): SubLineSpec => ({ syntax, keyWords });

const CLASS_MAP_LINES = [line('description LINE$rest'), line('match LINE$rest', 0)];
const POLICY_CLASS_LINES = [
  line('bandwidth LINE$rest'), line('priority LINE$rest'), line('fair-queue [LINE$rest]'), line('queue-limit LINE$rest'),
  line('random-detect [LINE$rest]'), line('police LINE$rest'), line('shape LINE$rest'), line('set LINE$rest', 2),
  line('service-policy LINE$rest'),
];
const KEY_LINES = [line('key-string LINE$rest'), line('accept-lifetime LINE$rest'), line('send-lifetime LINE$rest')];
const TIME_RANGE_LINES = [line('absolute LINE$rest'), line('periodic LINE$rest', 0)];
const DIAL_PEER_LINES = [
  line('description LINE$rest'), line('destination-pattern LINE$rest'), line('port LINE$rest'), line('session target LINE$rest', 2),
  line('session protocol LINE$rest', 2), line('incoming called-number LINE$rest', 2), line('answer-address LINE$rest'),
  line('codec LINE$rest'), line('dtmf-relay LINE$rest'), line('forward-digits LINE$rest'), line('prefix LINE$rest'),
  line('direct-inward-dial'), line('vad'), line('ip precedence LINE$rest', 2), line('preference LINE$rest'), line('shutdown'),
];
const VOICE_PORT_LINES = [
  line('description LINE$rest'), line('shutdown'), line('cptone LINE$rest'), line('echo-cancel LINE$rest', 2), line('timeouts LINE$rest', 2),
  line('input gain LINE$rest', 2), line('output attenuation LINE$rest', 2), line('connection LINE$rest'), line('signal LINE$rest'),
  line('bearer-cap LINE$rest'), line('timing LINE$rest', 2), line('compand-type LINE$rest'),
];
const CONTROLLER_LINES = [
  line('framing LINE$rest'), line('linecode LINE$rest'), line('clock source LINE$rest', 2), line('cablelength LINE$rest'),
  line('channel-group LINE$rest', 2), line('pri-group LINE$rest'), line('ds0-group LINE$rest', 2), line('description LINE$rest'),
  line('shutdown'),
];

/** IOS's order for a block's lines, whatever order they were typed in (inferred: TEXT-SOURCES.md). */
export const BLOCK_LINE_ORDER: Record<string, readonly string[]> = {
  'class-map': ['description', 'match'],
  'policy-class': ['bandwidth', 'priority', 'police', 'shape', 'set', 'service-policy', 'fair-queue', 'queue-limit', 'random-detect'],
  key: ['key-string', 'accept-lifetime', 'send-lifetime'],
  'time-range': ['absolute', 'periodic'],
  'dial-peer': [
    'description', 'shutdown', 'preference', 'destination-pattern', 'session', 'incoming', 'answer-address', 'port', 'forward-digits',
    'prefix', 'direct-inward-dial', 'dtmf-relay', 'codec', 'ip', 'vad',
  ],
  'voice-port': ['description', 'input', 'output', 'echo-cancel', 'compand-type', 'cptone', 'connection', 'signal', 'timeouts', 'timing',
    'bearer-cap', 'shutdown'],
  controller: ['shutdown', 'framing', 'clock', 'linecode', 'cablelength', 'pri-group', 'ds0-group', 'channel-group', 'description'],
};

const SUB_HELP: HelpTable = {
  description: 'Description text',
  match: 'classification criteria',
  bandwidth: 'Bandwidth',
  priority: 'Strict Scheduling Priority for this Class',
  'fair-queue': 'Enable Flow-based Fair Queuing in this Class',
  'queue-limit': 'Queue Max Threshold for Tail Drop',
  'random-detect': 'Enable Random Early Detection as drop policy',
  police: 'Police',
  shape: 'Traffic Shaping',
  set: 'Set QoS values',
  'service-policy': 'Configure QoS Service Policy',
  'key-string': 'Set key string',
  'accept-lifetime': 'Set accept lifetime of key',
  'send-lifetime': 'Set send lifetime of key',
  absolute: 'absolute time and date',
  periodic: 'periodic time and date',
  'destination-pattern': 'A full E.164 telephone number prefix',
  port: 'The voice port associated with this peer',
  session: 'The session for this peer',
  target: 'Session target',
  protocol: 'The session protocol to be used for Internet call',
  incoming: 'Incoming Call Number',
  'called-number': 'A full E.164 telephone number to be matched',
  'answer-address': 'The Call Origin Address',
  codec: 'The codec rate to be attempted',
  'dtmf-relay': 'Transport DTMF digits across IP link',
  'forward-digits': 'Forward Digits',
  prefix: 'Prefix Dialed Digits',
  'direct-inward-dial': 'Direct Inward Dial',
  vad: 'Voice Activation Detection',
  ip: 'Voice over IP parameters',
  precedence: 'Specify IP Precedence',
  preference: 'Set the peer preference',
  shutdown: 'Take the dial peer or controller out of service',
  framing: 'Specify the type of Framing on a DS1 Link',
  linecode: 'Specify the line encoding method for a DS1 link',
  clock: 'Specify the clock source for a DS1 link',
  source: 'Clock source',
  cablelength: 'Specify the cable length for a DS1 link',
  'channel-group': 'Specify the timeslots to channel-group mapping for an interface',
  'pri-group': 'Configure the specified timeslots for PRI',
  'ds0-group': 'Specify the timeslots to ds0-group mapping for an interface',
  cptone: 'Configure voice call progress tone locale',
  'echo-cancel': 'Echo-cancel configuration',
  timeouts: 'Configure voice timeout parameters',
  input: 'Configure input related parameters',
  gain: 'Configure input gain',
  output: 'Configure output related parameters',
  attenuation: 'Configure output attenuation',
  connection: 'Specify connection mode for voice-port',
  signal: 'The signalling type for the interface',
  'bearer-cap': 'Configure bearer capability',
  timing: 'Configure voice timing parameters',
  'compand-type': 'The compand type for the interface',
  $rest: 'The rest of the setting (kept as typed)',
};

const sectionTopic = (section: KeptSection) => BLOCK_TOPICS[section.kind] ?? TOPICS.qos;

const blockLines = (specs: SubLineSpec[]) => subLineCommands(specs, SUB_HELP, sectionTopic);

/** The policy-map or key chain of the current mode, whether in it or in one of its classes or keys. */
function outerOf(ctx: CommandContext): KeptSection {
  return 'parent' in ctx.mode ? ctx.mode.parent : sectionOf(ctx);
}

/** `class NAME` of a policy-map, `key N` of a key chain: a section inside the outer one, made if new. */
function enterInner(mode: InnerMode, headOf: (args: Args) => string) {
  return (ctx: CommandContext, args: Args): void => {
    const parent = outerOf(ctx);
    const head = headOf(args);
    parent.children ??= [];
    let child = parent.children.find((candidate) => candidate.head === head);
    if (child === undefined) {
      child = { kind: parent.kind, head, lines: [] };
      parent.children.push(child);
    }
    noteKeptLine(ctx, sectionTopic(parent), parent.head);
    ctx.enterMode({ id: mode, target: child, parent });
  };
}

function removeInner(headOf: (args: Args) => string) {
  return (ctx: CommandContext, args: Args): void => {
    const parent = outerOf(ctx);
    parent.children = (parent.children ?? []).filter((child) => child.head !== headOf(args));
  };
}

const classHead = (args: Args) => `class ${args.get('class')!}`;
const keyHead = (args: Args) => `key ${args.get('key')!}`;
const INNER_HELP: HelpTable = {
  class: 'policy criteria',
  $class: 'class-map name',
  key: 'Configure a key',
  $key: 'Key identifier',
  description: 'Policy-Map description',
  $rest: 'The rest of the setting (kept as typed)',
};

const POLICY_MAP_COMMANDS: CommandSpec[] = [
  { syntax: 'class WORD$class', help: INNER_HELP, run: enterInner('config-pmap-c', classHead), status: 'kept' },
  { syntax: 'no class WORD$class', help: INNER_HELP, run: removeInner(classHead), status: 'kept' },
  ...subLineCommands([line('description LINE$rest')], INNER_HELP, sectionTopic),
];

const KEY_CHAIN_COMMANDS: CommandSpec[] = [
  { syntax: 'key <0-2147483647>$key', help: INNER_HELP, run: enterInner('config-keychain-key', keyHead), status: 'kept' },
  { syntax: 'no key <0-2147483647>$key', help: INNER_HELP, run: removeInner(keyHead), status: 'kept' },
];

/** `exit` from a class or key returns to its policy-map or key chain, as in IOS. */
function exitTo(mode: BlockMode, help: string): CommandSpec {
  return {
    syntax: 'exit',
    help: { exit: help },
    readOnly: true,
    run: (ctx) => ctx.enterMode({ id: mode, target: outerOf(ctx) } as ModeState),
  };
}

/** `exit` help of the block modes themselves (inferred from IOS's pattern: TEXT-SOURCES.md). */
function exitToConfig(help: string): CommandSpec {
  return { syntax: 'exit', help: { exit: help }, readOnly: true, run: (ctx) => ctx.enterMode({ id: 'config' }) };
}

export const KEPT_BLOCK_MODES: Record<BlockMode | InnerMode, CommandSpec[]> = {
  'config-cmap': [exitToConfig('Exit from QoS class-map configuration mode'), ...blockLines(CLASS_MAP_LINES)],
  'config-pmap': [exitToConfig('Exit from QoS policy-map configuration mode'), ...POLICY_MAP_COMMANDS],
  'config-pmap-c': [exitTo('config-pmap', 'Exit from QoS class action configuration mode'), ...blockLines(POLICY_CLASS_LINES), ...POLICY_MAP_COMMANDS],
  'config-keychain': [exitToConfig('Exit from key-chain configuration mode'), ...KEY_CHAIN_COMMANDS],
  'config-keychain-key': [exitTo('config-keychain', 'Exit from keychain key configuration mode'), ...blockLines(KEY_LINES), ...KEY_CHAIN_COMMANDS],
  'config-time-range': [exitToConfig('Exit from time-range configuration mode'), ...blockLines(TIME_RANGE_LINES)],
  'config-dial-peer': [exitToConfig('Exit from dial peer configuration mode'), ...blockLines(DIAL_PEER_LINES)],
  'config-voiceport': [exitToConfig('Exit from voice-port configuration mode'), ...blockLines(VOICE_PORT_LINES)],
  'config-controller': [exitToConfig('Exit from controller configuration mode'), ...blockLines(CONTROLLER_LINES)],
};

