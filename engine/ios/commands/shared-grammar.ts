import type { Args, HelpTable } from '../cli/command-types.ts';
import { INTERFACE_TYPES } from '../config/interfaces.ts';
import type { CommandSpec } from './command-context.ts';

/**
 * Grammar pieces several modes use: the interface-name macro and help texts for words
 * that mean the same wherever they appear.
 */

/**
 * `IFNAME` in a syntax: an interface type keyword with its number, glued (`fa0/0`) or not
 * (`FastEthernet 0/0`). Read the result back with `interfaceNameOf(args)`.
 */
export const IFNAME = `(${INTERFACE_TYPES.map((t) => `%${t.name}$ifType ${t.numberSyntax}$if.${t.name}`).join('|')})`;

/** Same, limited to the virtual types that `no interface` may delete. */
export const VIRTUAL_IFNAME = `(${INTERFACE_TYPES.filter((t) => !t.physical)
  .map((t) => `%${t.name}$ifType ${t.numberSyntax}$if.${t.name}`)
  .join('|')})`;

export function interfaceNameOf(args: Args): string | undefined {
  const type = args.get('ifType');
  if (type === undefined) return undefined;
  return `${type}${args.get(`if.${type}`)}`;
}

const interfaceHelp: Record<string, string> = {};
for (const type of INTERFACE_TYPES) {
  interfaceHelp[type.name] = type.help;
  interfaceHelp[`$if.${type.name}`] = type.numberHelp;
}

export const SHARED_HELP: HelpTable = {
  ...interfaceHelp,
  no: 'Negate a command or set its defaults',
  do: 'To run exec commands in config mode',
  end: 'Exit from configure mode',
  exit: 'Exit from configure mode',
};

/** Gives every command of a table the table's help (a command's own entries win). */
export function withHelp(help: HelpTable, commands: CommandSpec[]): CommandSpec[] {
  return commands.map((command) => ({ ...command, help: { ...help, ...command.help } }));
}
