import { NAT_DEFAULT_TIMEOUTS, NAT_TIMEOUT_NAMES, type NatService, type NatTimeoutName } from '../../net/nat-types.ts';
import { formatIpv4, parseIpv4 } from '../../wire/ipv4-address.ts';
import type { Args } from '../cli/command-types.ts';
import type { NatListConfig } from '../config/config-model.ts';
import { IosText } from '../messages.ts';
import { renderShowIpNatStatistics, renderShowIpNatTranslations } from '../render/show-ip-nat.ts';
import { targetOf, type CommandContext, type CommandSpec } from './command-context.ts';
import { IFNAME, interfaceNameOf, withHelp } from './shared-grammar.ts';

/**
 * NAT as IOS 12.2 configures and shows it: `ip nat inside|outside` on interfaces,
 * `ip nat inside source static|list ...` and `ip nat translation ...` globally, and the
 * `show ip nat` / `clear ip nat` exec commands.
 */

const INTERFACE_HELP = {
  ip: 'Interface Internet Protocol config commands',
  nat: 'NAT interface commands',
  inside: 'Inside interface for address translation',
  outside: 'Outside interface for address translation',
};

const GLOBAL_HELP = {
  ip: 'Global IP configuration subcommands',
  nat: 'NAT configuration commands',
  inside: 'Inside address translation',
  source: 'Source address translation',
  static: 'Specify static local->global mapping',
  $local: 'Inside local IP address',
  $global: 'Inside global IP address',
  list: 'Specify access list describing local addresses',
  '<1-199>': 'Access list number for local addresses',
  WORD: 'Access list name for local addresses',
  interface: 'Specify interface for global address',
  overload: 'Overload an address translation',
  translation: 'NAT translation entry configuration',
  timeout: 'Specify timeout for dynamic NAT translations',
  'tcp-timeout': 'Specify timeout for NAT TCP flows',
  'udp-timeout': 'Specify timeout for NAT UDP flows',
  'finrst-timeout': 'Specify timeout for NAT TCP flows after a FIN or RST',
  'syn-timeout': 'Specify timeout for NAT TCP flows after a SYN and no further data',
  'dns-timeout': 'Specify timeout for NAT DNS flows',
  'icmp-timeout': 'Specify timeout for NAT ICMP flows',
  $seconds: 'Timeout in seconds',
  never: 'Never timeout',
};

const EXEC_HELP = {
  show: 'Show running system information',
  clear: 'Reset functions',
  ip: 'IP information',
  'ip$clearIp': 'IP',
  nat: 'IP NAT information',
  'nat$clearNat': 'Clear NAT',
  translations: 'Translation entries',
  statistics: 'Translation statistics',
  'statistics$clearStatistics': 'Clear translation statistics',
  translation: 'Clear dynamic translation',
  '*': 'Delete all dynamic translations',
};

const ACL = '(<1-199>$list|WORD$list)';
const TIMEOUT_NAME = `(${NAT_TIMEOUT_NAMES.map((name) => `${name}$which`).join('|')})`;

function natOf(ctx: CommandContext): NatService {
  return ctx.services.nat();
}

/** Whether dynamic translations made by the list's mapping exist: IOS then refuses to touch it. */
function mappingInUse(ctx: CommandContext, mapping: NatListConfig): boolean {
  const translations = natOf(ctx).translations();
  return translations.some(
    (t) => t.rule.kind === 'list' && t.rule.accessList === mapping.accessList && t.rule.interfaceName === mapping.interfaceName,
  );
}

function addStatic(ctx: CommandContext, args: Args): void {
  const local = parseIpv4(args.get('local')!)!;
  const global = parseIpv4(args.get('global')!)!;
  const statics = ctx.config.nat.insideSourceStatics;
  const sameLocal = statics.find((entry) => entry.local === local);
  if (sameLocal?.global === global) return;
  if (sameLocal) return ctx.reject(IosText.natAlreadyMapped(formatIpv4(local), formatIpv4(sameLocal.global)));
  const sameGlobal = statics.find((entry) => entry.global === global);
  if (sameGlobal) return ctx.reject(IosText.natSimilarStatic(formatIpv4(sameGlobal.local), formatIpv4(global)));
  statics.push({ local, global });
}

function removeStatic(ctx: CommandContext, args: Args): void {
  const local = parseIpv4(args.get('local')!)!;
  const global = parseIpv4(args.get('global')!)!;
  const nat = ctx.config.nat;
  nat.insideSourceStatics = nat.insideSourceStatics.filter((entry) => entry.local !== local || entry.global !== global);
}

function listMappingOf(args: Args): NatListConfig {
  return { accessList: args.get('list')!, interfaceName: interfaceNameOf(args)!, overload: args.has('overload') };
}

/** One mapping per access list: configuring the list again changes its mapping, unless in use. */
function addListMapping(ctx: CommandContext, args: Args): void {
  const mapping = listMappingOf(args);
  const lists = ctx.config.nat.insideSourceLists;
  const index = lists.findIndex((entry) => entry.accessList === mapping.accessList);
  if (index < 0) {
    lists.push(mapping);
    return;
  }
  const current = lists[index]!;
  if (current.interfaceName === mapping.interfaceName && current.overload === mapping.overload) return;
  if (mappingInUse(ctx, current)) return ctx.reject(IosText.natDynamicMappingInUseChange);
  lists[index] = mapping;
}

function removeListMapping(ctx: CommandContext, args: Args): void {
  const nat = ctx.config.nat;
  const current = nat.insideSourceLists.find((entry) => entry.accessList === args.get('list'));
  if (current === undefined) return;
  if (mappingInUse(ctx, current)) return ctx.reject(IosText.natDynamicMappingInUse);
  nat.insideSourceLists = nat.insideSourceLists.filter((entry) => entry !== current);
}

function setTranslationTimeout(ctx: CommandContext, args: Args): void {
  const which = args.get('which') as NatTimeoutName;
  const timeouts = ctx.config.nat.timeouts;
  const typed = args.get('seconds');
  const value = typed === undefined || typed === 'never' ? typed : Number(typed);
  // Only what differs from the default is kept, as only that shows in the configuration.
  if (args.has('no') || value === undefined || value === NAT_DEFAULT_TIMEOUTS[which]) delete timeouts[which];
  else timeouts[which] = value;
}

export const NAT_INTERFACE_COMMANDS: CommandSpec[] = withHelp(INTERFACE_HELP, [
  {
    syntax: 'ip nat (inside$side|outside$side)',
    run: (ctx, args) => {
      targetOf(ctx, 'config-if').nat = args.get('side') as 'inside' | 'outside';
    },
  },
  {
    syntax: 'no ip nat (inside$side|outside$side)',
    run: (ctx, args) => {
      const iface = targetOf(ctx, 'config-if');
      if (iface.nat === args.get('side')) delete iface.nat;
    },
  },
]);

export const NAT_GLOBAL_COMMANDS: CommandSpec[] = withHelp(GLOBAL_HELP, [
  { syntax: 'ip nat inside source static A.B.C.D$local A.B.C.D$global', run: addStatic },
  { syntax: 'no ip nat inside source static A.B.C.D$local A.B.C.D$global', run: removeStatic },
  { syntax: `ip nat inside source list ${ACL} interface ${IFNAME} [overload]`, run: addListMapping },
  { syntax: `no ip nat inside source list ${ACL} [interface ${IFNAME} [overload]]`, run: removeListMapping },
  { syntax: `ip nat translation ${TIMEOUT_NAME} (<0-2147483>$seconds|never$seconds)`, run: setTranslationTimeout },
  { syntax: `no ip nat translation ${TIMEOUT_NAME} [(<0-2147483>$seconds|never$seconds)]`, run: setTranslationTimeout },
]);

export const NAT_EXEC_COMMANDS: CommandSpec[] = withHelp(EXEC_HELP, [
  {
    syntax: 'show ip nat translations',
    userLevel: true,
    run: (ctx) => ctx.print(...renderShowIpNatTranslations(natOf(ctx).translations())),
  },
  {
    syntax: 'show ip nat statistics',
    userLevel: true,
    run: (ctx) => {
      const nat = natOf(ctx);
      ctx.print(...renderShowIpNatStatistics(ctx.config, nat.translations(), nat.counters()));
    },
  },
  {
    syntax: 'clear ip$clearIp nat$clearNat translation *',
    run: (ctx) => {
      natOf(ctx).clearDynamic();
    },
  },
  {
    syntax: 'clear ip$clearIp nat$clearNat statistics$clearStatistics',
    run: (ctx) => natOf(ctx).clearCounters(),
  },
]);
