import { compileCommands, type CompiledCommand } from '../cli/command-types.ts';
import { ACL_COMMANDS, EXTENDED_NACL_COMMANDS, STANDARD_NACL_COMMANDS } from './acl-commands.ts';
import type { CommandSpec, ModeId } from './command-context.ts';
import { CRYPTO_COMMANDS } from './crypto-commands.ts';
import { CRYPTO_LOCAL_ADDRESS_COMMANDS } from './crypto-local-address-commands.ts';
import { CRYPTO_MAP_COMMANDS, ISAKMP_COMMANDS, TRANSFORM_SET_COMMANDS } from './crypto-submode-commands.ts';
import { EXEC_COMMANDS } from './exec-commands.ts';
import { GLOBAL_COMMANDS } from './global-commands.ts';
import { INTERFACE_COMMANDS } from './interface-commands.ts';
import { ISAKMP_PEER_COMMANDS, ISAKMP_PEER_GLOBAL_COMMANDS } from './isakmp-peer-commands.ts';
import { KEPT_GLOBAL_COMMANDS, LINE_COMMANDS } from './kept-commands.ts';
import { KEPT_GLOBAL_LINES, KEPT_INTERFACE_LINES } from './kept-global-lines.ts';
import { ROUTER_COMMANDS, ROUTER_GLOBAL_COMMANDS } from './router-commands.ts';
import { DHCP_POOL_COMMANDS, DHCP_ROUTE_MAP_GLOBAL_COMMANDS, ROUTE_MAP_COMMANDS } from './dhcp-route-map-commands.ts';
import { EXEC_VOCABULARY } from './exec-vocabulary.ts';
import { CRYPTO_EXTRA_GLOBAL_COMMANDS, CRYPTO_MAP_EXTRA_COMMANDS } from './crypto-extra-commands.ts';
import { GLOBAL_VOCABULARY, INTERFACE_VOCABULARY, LINE_VOCABULARY } from './config-vocabulary.ts';
import { modeCommands } from './mode-commands.ts';
import { KEPT_BLOCK_HEADS, KEPT_BLOCK_MODES } from './kept-blocks.ts';
import { unshadowedVocabulary } from './vocabulary.ts';
import { ROUTE_COMMANDS } from './route-commands.ts';
import { SHARED_HELP } from './shared-grammar.ts';

/** Every mode's grammar, compiled once, and how modes nest. */

const SOURCES: Record<ModeId, CommandSpec[]> = {
  user: EXEC_COMMANDS.filter((command) => command.userLevel),
  exec: EXEC_COMMANDS,
  config: [
    ...GLOBAL_COMMANDS, ...ROUTE_COMMANDS, ...ACL_COMMANDS, ...CRYPTO_COMMANDS, ...ISAKMP_PEER_GLOBAL_COMMANDS,
    ...KEPT_GLOBAL_COMMANDS, ...KEPT_GLOBAL_LINES, ...ROUTER_GLOBAL_COMMANDS, ...DHCP_ROUTE_MAP_GLOBAL_COMMANDS,
    ...CRYPTO_EXTRA_GLOBAL_COMMANDS, ...CRYPTO_LOCAL_ADDRESS_COMMANDS, ...KEPT_BLOCK_HEADS,
  ],
  'config-if': [...INTERFACE_COMMANDS, ...KEPT_INTERFACE_LINES],
  'config-isakmp': ISAKMP_COMMANDS,
  'config-isakmp-peer': ISAKMP_PEER_COMMANDS,
  'cfg-crypto-trans': TRANSFORM_SET_COMMANDS,
  'config-crypto-map': [...CRYPTO_MAP_COMMANDS, ...CRYPTO_MAP_EXTRA_COMMANDS],
  'config-std-nacl': STANDARD_NACL_COMMANDS,
  'config-ext-nacl': EXTENDED_NACL_COMMANDS,
  'config-line': LINE_COMMANDS,
  'config-router': ROUTER_COMMANDS,
  'dhcp-config': DHCP_POOL_COMMANDS,
  'config-route-map': ROUTE_MAP_COMMANDS,
  ...KEPT_BLOCK_MODES,
};

/**
 * The 12.2 vocabulary the lab only knows by name (vocabulary.ts): always the last entries of a
 * mode, so that every modelled or kept command with the same keywords comes first and wins.
 */
const VOCABULARY: Partial<Record<ModeId, CommandSpec[]>> = {
  user: EXEC_VOCABULARY.filter((command) => command.userLevel),
  exec: EXEC_VOCABULARY,
  config: GLOBAL_VOCABULARY,
  'config-if': INTERFACE_VOCABULARY,
  'config-line': LINE_VOCABULARY,
};

export const MODE_IDS = Object.keys(SOURCES) as ModeId[];

export function isConfigMode(mode: ModeId): boolean {
  return mode !== 'user' && mode !== 'exec';
}

/** Commands a router adds to the built-in grammar (later: crypto show and debug commands). */
export type CommandExtensions = Partial<Record<ModeId, CommandSpec[]>>;

export type ModeTables = Record<ModeId, CompiledCommand<CommandSpec>[]>;

function commandsOf(mode: ModeId, extensions: CommandExtensions): CommandSpec[] {
  const added = extensions[mode] ?? [];
  // Exec extensions open to the unprivileged level belong to `>` as well.
  const fromExec = mode === 'user' ? (extensions.exec ?? []).filter((command) => command.userLevel) : [];
  const own = isConfigMode(mode) ? [...SOURCES[mode], ...modeCommands(mode)] : SOURCES[mode];
  return [...own, ...added, ...fromExec, ...unshadowedVocabulary(VOCABULARY[mode] ?? [], [...own, ...added, ...fromExec])];
}

/**
 * A mode's grammar is compiled when a line is first typed in it: a run that never enters
 * `config-dial-peer` does not pay for it, and loading tedlab does not pay for any.
 */
export function createModeTables(extensions: CommandExtensions = {}): ModeTables {
  const tables = {} as ModeTables;
  for (const mode of MODE_IDS) {
    Object.defineProperty(tables, mode, {
      enumerable: true,
      configurable: true,
      get: () => {
        const compiled = compileCommands(commandsOf(mode, extensions), SHARED_HELP);
        Object.defineProperty(tables, mode, { value: compiled, enumerable: true, writable: false });
        return compiled;
      },
    });
  }
  return tables;
}

export const MODE_TABLES: ModeTables = createModeTables();

/** The modes a line is tried in, innermost first: a sub-mode falls back to global configuration. */
export function modeChain(mode: ModeId): ModeId[] {
  if (mode === 'user' || mode === 'exec' || mode === 'config') return [mode];
  return [mode, 'config'];
}

export function promptSuffix(mode: ModeId): string {
  if (mode === 'user') return '>';
  if (mode === 'exec') return '#';
  return `(${mode})#`;
}
