import type { ArpTableRow } from '../../net/arp-cache.ts';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import type { Args } from '../cli/command-types.ts';
import { renderShowArp } from '../render/show-arp.ts';
import type { CommandContext, CommandSpec } from './command-context.ts';
import { IFNAME, interfaceNameOf, withHelp } from './shared-grammar.ts';

/** `show arp`, `show ip arp [address | interface]` and `clear arp-cache`, as IOS 12.2 has them. */

const HELP = {
  show: 'Show running system information',
  clear: 'Reset functions',
  arp: 'ARP table',
  ip: 'IP information',
  'arp$ipArp': 'IP ARP table',
  $address: 'IP address or hostname of ARP entry',
  'arp-cache': 'Clear the entire ARP cache',
};

function tableOf(ctx: CommandContext): ArpTableRow[] {
  return ctx.services.arp?.().table() ?? [];
}

function showIpArp(ctx: CommandContext, args: Args): void {
  const address = args.get('address');
  const interfaceName = interfaceNameOf(args);
  const rows = tableOf(ctx).filter((row) =>
    (address === undefined || row.address === parseIpv4(address)) && (interfaceName === undefined || row.interfaceName === interfaceName));
  ctx.print(...renderShowArp(rows));
}

export const ARP_EXEC_COMMANDS: CommandSpec[] = withHelp(HELP, [
  { syntax: 'show arp', userLevel: true, run: (ctx) => ctx.print(...renderShowArp(tableOf(ctx))) },
  { syntax: `show ip arp$ipArp [(A.B.C.D$address|${IFNAME})]`, userLevel: true, run: showIpArp },
  { syntax: 'clear arp-cache', run: (ctx) => ctx.services.arp?.().clear() },
]);
