import type { Args } from '../cli/command-types.ts';
import { DEBUG_SUBSYSTEMS, type DebugSubsystem } from '../debug-flags.ts';
import { IosText } from '../messages.ts';
import type { CommandContext, CommandSpec } from './command-context.ts';

/** `debug crypto ...`, `debug arp`, `undebug`, `no debug` and `show debugging`. */

const HELP = {
  debug: 'Debugging functions (see also \'undebug\')',
  undebug: 'Disable debugging functions (see also \'debug\')',
  crypto: 'Cryptographic subsystem',
  isakmp: 'ISAKMP Key Management',
  engine: 'Crypto Engine Debug Messages',
  ipsec: 'IPSEC processing',
  'arp$subsystem': 'IP ARP and HP Probe transactions',
  all: 'Enable all debugging',
  debugging: 'State of each debugging option',
  show: 'Show running system information',
};

const SUBSYSTEM = '(isakmp$subsystem|engine$subsystem|ipsec$subsystem)';

function switchSubsystem(on: boolean) {
  return (ctx: CommandContext, args: Args): void => {
    const id = args.get('subsystem') as DebugSubsystem;
    ctx.services.debugFlags()[id] = on;
    const name = DEBUG_SUBSYSTEMS.find((subsystem) => subsystem.id === id)!.name;
    ctx.print(IosText.debuggingSwitched(name, on));
  };
}

function allOff(ctx: CommandContext): void {
  const flags = ctx.services.debugFlags();
  for (const { id } of DEBUG_SUBSYSTEMS) flags[id] = false;
  ctx.print(IosText.allDebuggingOff);
}

/** The switches that are on, under their subsystem's heading (`Generic IP:`, `Cryptographic Subsystem:`). */
function showDebugging(ctx: CommandContext): void {
  const flags = ctx.services.debugFlags();
  const on = DEBUG_SUBSYSTEMS.filter(({ id }) => flags[id]);
  const headings = [...new Set(on.map(({ heading }) => heading))];
  for (const heading of headings) {
    const lines = on.filter((subsystem) => subsystem.heading === heading).map(({ name }) => `  ${IosText.debuggingSwitched(name, true)}`);
    ctx.print(heading, ...lines);
  }
}

export const DEBUG_COMMANDS: CommandSpec[] = [
  { syntax: `debug crypto ${SUBSYSTEM}`, run: switchSubsystem(true) },
  { syntax: `(undebug|no debug) crypto ${SUBSYSTEM}`, run: switchSubsystem(false) },
  { syntax: 'debug arp$subsystem', run: switchSubsystem(true) },
  { syntax: 'undebug arp$subsystem', run: switchSubsystem(false) },
  { syntax: 'no debug arp$subsystem', run: switchSubsystem(false) },
  { syntax: '(undebug|no debug) all', run: allOff },
  { syntax: 'show debugging', run: showDebugging },
].map((command) => ({ help: HELP, ...command }));
