import type { Args } from '../cli/command-types.ts';
import { IosText } from '../messages.ts';
import { renderInterface, renderShowInterfaces, renderShowInterfacesDescription, type InterfaceReport } from '../render/show-interfaces.ts';
import { renderIpInterface, renderShowIpInterface, type IpInterfaceGlobals } from '../render/show-ip-interface.ts';
import type { CommandContext, CommandSpec } from './command-context.ts';
import { confirm, type Dialog, type DialogIo } from './dialog.ts';
import { IFNAME, interfaceNameOf, withHelp } from './shared-grammar.ts';

/** `show interfaces [IF | description]`, `show ip interface [IF]` and `clear counters [IF]`. */

const HELP = {
  show: 'Show running system information',
  clear: 'Reset functions',
  interfaces: 'Interface status and configuration',
  description: 'Show interface description',
  ip: 'IP information',
  interface: 'IP interface status and configuration',
  counters: 'Clear counters on one or all interfaces',
};

function reportOf(ctx: CommandContext, name: string): InterfaceReport | undefined {
  const config = ctx.config.interfaces.find((iface) => iface.name === name);
  if (config === undefined) return undefined;
  const activity = ctx.services.interfaceActivity?.(name);
  return {
    config,
    lineUp: ctx.services.interfaceLineUp(name),
    statusUp: ctx.services.interfaceStatusUp?.(name) ?? ctx.services.interfaceLineUp(name),
    ...(activity === undefined ? {} : { mac: activity.mac, traffic: { statistics: activity.statistics, nowMs: activity.nowMs } }),
  };
}

function allReports(ctx: CommandContext): InterfaceReport[] {
  return ctx.config.interfaces.flatMap((iface) => reportOf(ctx, iface.name) ?? []);
}

/** The interface a command names, or a refusal at its name when the box does not have it (an unconfigured Loopback). */
function namedReport(ctx: CommandContext, args: Args): InterfaceReport | undefined {
  const report = reportOf(ctx, interfaceNameOf(args)!);
  if (report === undefined) ctx.rejectAt(args.start('ifType') ?? 0);
  return report;
}

function globalsOf(ctx: CommandContext): IpInterfaceGlobals {
  return { cef: ctx.config.kept.some((line) => line.text === 'ip cef') };
}

function showInterfaces(ctx: CommandContext, args: Args): void {
  if (interfaceNameOf(args) === undefined) return ctx.print(...renderShowInterfaces(allReports(ctx)));
  const report = namedReport(ctx, args);
  if (report === undefined) return;
  const lines = renderInterface(report);
  // A kind of interface without a layout yet says so rather than printing nothing.
  ctx.print(...(lines ?? [IosText.notModelledCommand(ctx.line.trim(), `no show interfaces layout for ${report.config.name} yet`)]));
}

function showIpInterface(ctx: CommandContext, args: Args): void {
  if (interfaceNameOf(args) === undefined) return ctx.print(...renderShowIpInterface(allReports(ctx), globalsOf(ctx)));
  const report = namedReport(ctx, args);
  if (report !== undefined) ctx.print(...renderIpInterface(report, globalsOf(ctx)));
}

function* clearCounters(ctx: CommandContext, io: DialogIo, name: string | undefined): Dialog {
  if (!(yield* confirm(io, IosText.clearCountersConfirm(name === undefined ? 'all' : 'one')))) return;
  ctx.services.clearCounters?.(name);
  ctx.services.syslog(IosText.countersCleared(name));
}

function startClearCounters(ctx: CommandContext, args: Args): void {
  const name = interfaceNameOf(args);
  if (name !== undefined && namedReport(ctx, args) === undefined) return;
  ctx.session.startDialog((io) => clearCounters(ctx, io, name));
}

export const INTERFACE_SHOW_COMMANDS: CommandSpec[] = withHelp(HELP, [
  { syntax: `show interfaces [${IFNAME}]`, userLevel: true, run: showInterfaces },
  {
    syntax: 'show interfaces description',
    userLevel: true,
    run: (ctx) => ctx.print(...renderShowInterfacesDescription(allReports(ctx))),
  },
  { syntax: `show ip interface [${IFNAME}]`, userLevel: true, run: showIpInterface },
  { syntax: `clear counters [${IFNAME}]`, run: startClearCounters },
]);
