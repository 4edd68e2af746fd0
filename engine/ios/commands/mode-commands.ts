import type { CommandSpec, ModeId } from './command-context.ts';

/** `exit`, `end` and `do`, which every configuration mode has. */

const EXIT_HELP: Partial<Record<ModeId, string>> = {
  config: 'Exit from configure mode',
  'config-if': 'Exit from interface configuration mode',
  'config-isakmp': 'Exit from ISAKMP protection suite configuration mode',
  'config-isakmp-peer': 'Exit from ISAKMP peer policy configuration mode',
  'cfg-crypto-trans': 'Exit from crypto transform configuration mode',
  'config-crypto-map': 'Exit from crypto map configuration mode',
  'config-ext-nacl': 'Exit from access-list configuration mode',
  'config-std-nacl': 'Exit from access-list configuration mode',
  'config-line': 'Exit from line configuration mode',
  'config-router': 'Exit from routing protocol configuration mode',
  'dhcp-config': 'Exit from DHCP pool configuration mode',
  'config-route-map': 'Exit from route-map configuration mode',
};

export function modeCommands(mode: ModeId): CommandSpec[] {
  const commands: CommandSpec[] = [
    {
      syntax: 'end',
      help: { end: 'Exit from configure mode' },
      run: (ctx) => ctx.session.endConfiguration(),
    },
    {
      syntax: 'exit',
      help: { exit: EXIT_HELP[mode] ?? 'Exit from configure mode' },
      run: (ctx) => (mode === 'config' ? ctx.session.endConfiguration() : ctx.enterMode({ id: 'config' })),
    },
    {
      syntax: 'do LINE$command',
      help: { $command: 'Exec Command' },
      run: (ctx, args) => ctx.runExec(args.get('command')!, args.start('command')!),
    },
  ];
  return commands.map((command) => ({ ...command, readOnly: true }));
}
