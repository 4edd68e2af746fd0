import { REFUSED } from './kept-vocabulary.ts';
import type { CompiledCommand } from '../cli/command-types.ts';
import type { CommandSpec, CommandStatus, ModeId } from './command-context.ts';
import { MODE_IDS, MODE_TABLES, promptSuffix, type ModeTables } from './mode-table.ts';
import { IFNAME, VIRTUAL_IFNAME } from './shared-grammar.ts';

/**
 * engine/ios/COMMANDS.md, generated from the grammar: every command of every mode with its
 * syntax and what the lab does with it. `npm run commands-doc` writes it; a unit test fails
 * when the committed file differs from what the grammar gives.
 */

export const COMMANDS_DOC_PATH = 'engine/ios/COMMANDS.md';

const MODE_TITLES: Record<ModeId, string> = {
  user: 'User exec',
  exec: 'Privileged exec',
  config: 'Global configuration',
  'config-if': 'Interface',
  'config-isakmp': 'ISAKMP policy',
  'config-isakmp-peer': 'ISAKMP peer',
  'cfg-crypto-trans': 'Transform set',
  'config-crypto-map': 'Crypto map (and dynamic map) entry',
  'config-ext-nacl': 'Extended named access list',
  'config-std-nacl': 'Standard named access list',
  'config-line': 'Terminal line',
  'config-router': 'Routing process',
  'dhcp-config': 'DHCP pool',
  'config-route-map': 'Route-map entry',
  'config-cmap': 'QoS class-map',
  'config-pmap': 'QoS policy-map',
  'config-pmap-c': 'QoS policy-map class',
  'config-keychain': 'Key chain',
  'config-keychain-key': 'Key chain key',
  'config-time-range': 'Time range',
  'config-dial-peer': 'Voice dial peer',
  'config-voiceport': 'Voice port',
  'config-controller': 'T1/E1 controller',
};

const STATUS_WORDS: Record<CommandStatus, string> = {
  modelled: 'modelled',
  kept: 'kept',
  known: 'known only',
};

/** A syntax as an engineer reads it: no capture names, interface names as `INTERFACE`. */
export function displaySyntax(syntax: string): string {
  return syntax
    .split(IFNAME).join('INTERFACE')
    .split(VIRTUAL_IFNAME).join('INTERFACE')
    .replace(/\$[\w.-]+/g, '')
    .replace(/%(?=[A-Za-z])/g, '');
}

function rows(commands: readonly CompiledCommand<CommandSpec>[]): string[] {
  const seen = new Set<string>();
  const lines: { syntax: string; status: CommandStatus }[] = [];
  for (const { spec } of commands) {
    const syntax = displaySyntax(spec.syntax);
    if (seen.has(syntax)) continue;
    seen.add(syntax);
    lines.push({ syntax, status: spec.status ?? 'modelled' });
  }
  lines.sort((a, b) => (a.syntax < b.syntax ? -1 : a.syntax > b.syntax ? 1 : 0));
  return lines.map((line) => `| \`${line.syntax.replace(/\|/g, '\\|')}\` | ${STATUS_WORDS[line.status]} |`);
}

function counts(commands: readonly CompiledCommand<CommandSpec>[]): string {
  const tally: Record<CommandStatus, number> = { modelled: 0, kept: 0, known: 0 };
  for (const { spec } of commands) tally[spec.status ?? 'modelled']++;
  return `${tally.modelled} modelled, ${tally.kept} kept, ${tally.known} known only`;
}

const HEADER = [
  '# IOS 12.2 commands in tedlab',
  '',
  '<!-- Generated from the grammar by `npm run commands-doc`: do not edit by hand. -->',
  '',
  'Every command the emulated c2600 takes, mode by mode, and what the lab does with it:',
  '',
  '- **modelled**: carried out as IOS 12.2 does, with IOS\'s output;',
  '- **kept**: accepted, kept and shown in `show running-config` as typed (in IOS\'s canonical',
  '  spelling), but not carried out. The console says so once per router and topic',
  '  (`% tedlab: "router ospf 1" is accepted but not modelled (no OSPF in this lab)`), and the',
  '  lab lists it (`lab.notModelled()`). Where the lab does not know a kept line\'s grammar, it',
  '  checks the keywords and keeps the rest (`[LINE]`) exactly as typed, so that a real',
  '  configuration loads (`ip ssh time-out 60`, `tacacs-server host ...`, `class-map` and its',
  '  `(config-cmap)#` lines);',
  '- **known only**: a keyword of the 12.2 image the lab does not emulate. An exec command answers',
  '  with a one-line tedlab notice instead of output. What follows a known-only keyword (`LINE`)',
  '  is not checked. The configuration lines below stay known only and are refused with the',
  '  notice (a lab whose configuration has one fails to load as "Not modelled by tedlab"),',
  '  because keeping them would let the lab silently forward or answer unlike the router:',
  '',
  ...Object.entries(REFUSED).map(([path, reason]) => `  - \`${path === 'ip routing' ? 'no ip routing' : path}\`: ${reason};`),
  '',
  'Abbreviations resolve against all of them, as on the real image: `di` is ambiguous between',
  '`dir`, `disable` and `disconnect`. `INTERFACE` is an interface name such as `FastEthernet0/1`',
  'or `fa0/1`. `[x]` is optional, `(a|b)` one of, `{a|b}` any of in any order.',
  '',
  'A failing check in a scenario is classed "Not modelled by tedlab" (not as a failure of the',
  'configuration) when the lab was given something not modelled that changes what a real 2600',
  'would do (a routing protocol, a DPD keepalive, `clock set`, an unmodelled `debug` or `clear`),',
  'or when the check is on the output of a known-only command. Management lines (logging, SNMP,',
  'NTP, AAA, banners, terminal lines, CDP) never change a scenario\'s class: nothing a scenario',
  'observes depends on them besides `show running-config`, which shows them as typed.',
];

/** The whole document. */
export function renderCommandReference(tables: ModeTables = MODE_TABLES): string {
  const sections = MODE_IDS.flatMap((mode) => [
    '',
    `## ${MODE_TITLES[mode]} (\`Router${promptSuffix(mode)}\`)`,
    '',
    counts(tables[mode]),
    '',
    '| Command | Status |',
    '|---|---|',
    ...rows(tables[mode]),
  ]);
  return `${[...HEADER, ...sections].join('\n')}\n`;
}
