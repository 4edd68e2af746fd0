import type { PingRequest } from '../../net/ping-types.ts';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import type { Args } from '../cli/command-types.ts';
import { configByteCount, renderRunningConfig, renderRunningConfigInterface } from '../render/running-config.ts';
import { formatShowClock } from '../render/clock-format.ts';
import { renderPing } from '../render/ping-output.ts';
import { renderShowAccessLists } from '../render/show-access-lists.ts';
import { renderShowIpInterfaceBrief } from '../render/show-ip-interface-brief.ts';
import { renderRouteEntry, renderShowIpRoute, routeTableLines } from '../render/show-ip-route.ts';
import { renderShowIsakmpPolicy } from '../render/show-isakmp-policy.ts';
import { renderShowVersion } from '../render/show-version.ts';
import { IosText, PLATFORM } from '../messages.ts';
import type { CommandContext, CommandSpec } from './command-context.ts';
import { DEBUG_COMMANDS } from './debug-commands.ts';
import { CRYPTO_EXEC_COMMANDS } from './crypto-exec-commands.ts';
import { SESSION_EXEC_COMMANDS } from './session-exec-commands.ts';
import { CRYPTO_SHOW_COMMANDS } from './crypto-show-commands.ts';
import { NAT_EXEC_COMMANDS } from './nat-commands.ts';
import { ARP_EXEC_COMMANDS } from './arp-commands.ts';
import { INTERFACE_SHOW_COMMANDS } from './interface-show-commands.ts';
import { TRACEROUTE_COMMANDS } from './traceroute-commands.ts';
import { renderShowCryptoMap } from '../render/show-crypto-map.ts';
import { IFNAME, interfaceNameOf } from './shared-grammar.ts';

/** Exec commands (`>` and `#`). */

const HELP = {
  show: 'Show running system information',
  'running-config': 'Current operating configuration',
  map: 'Crypto maps',
  'startup-config': 'Contents of startup configuration',
  version: 'System hardware and software status',
  clock: 'Display the system clock',
  history: 'Display the session command history',
  ip: 'IP information',
  route: 'IP routing table',
  $address: 'Network to display information about or hostname',
  connected: 'Connected',
  static: 'Static routes',
  interface: 'IP interface status and configuration',
  brief: 'Brief summary of IP status and configuration',
  'access-lists': 'List access lists',
  '<1-2699>': 'ACL number',
  WORD: 'ACL name',
  crypto: 'Encryption module',
  isakmp: 'Show ISAKMP',
  policy: 'Show ISAKMP protection suite policy',
  clear: 'Reset functions',
  'access-list': 'Clear access list statistical information',
  counters: 'Clear access list counters',
  configure: 'Enter configuration mode',
  terminal: 'Configure from the terminal',
  'terminal$write': 'Write to terminal',
  write: 'Write running configuration to memory, network, or terminal',
  memory: 'Write to NV memory',
  copy: 'Copy from one file to another',
  'running-config$from': 'Copy from current system configuration',
  'startup-config$to': 'Copy to startup configuration',
  enable: 'Turn on privileged commands',
  disable: 'Turn off privileged commands',
  exit: 'Exit from the EXEC',
  logout: 'Exit from the EXEC',
  ping: 'Send echo messages',
  'ip$family': 'IP echo',
  $target: 'Ping destination address or hostname',
  repeat: 'specify repeat count',
  $repeat: 'Repeat count',
  size: 'specify datagram size',
  $size: 'Datagram size',
  timeout: 'specify timeout interval',
  $timeout: 'Timeout in seconds',
  source: 'specify source address or name',
  $sourceAddr: 'Source address',
  'df-bit': 'enable do not fragment bit in IP header',
};

const LIST_ID = '[(<1-2699>$list|WORD$list)]';

function sourceAddress(ctx: CommandContext, args: Args): number | undefined | 'invalid' {
  const typed = args.get('sourceAddr');
  if (typed !== undefined) {
    const address = parseIpv4(typed)!;
    const ours = ctx.config.interfaces.some((iface) => !iface.shutdown && iface.address?.address === address);
    if (ours) return address;
    ctx.print(IosText.invalidSourceAddress);
    return 'invalid';
  }
  const name = interfaceNameOf(args);
  if (name === undefined) return undefined;
  const address = ctx.config.interfaces.find((iface) => iface.name === name)?.address?.address;
  if (address !== undefined) return address;
  ctx.print(IosText.invalidSourceInterface(name));
  return 'invalid';
}

function showRunningInterface(ctx: CommandContext, args: Args): void {
  const name = interfaceNameOf(args)!;
  const iface = ctx.config.interfaces.find((candidate) => candidate.name === name);
  // An interface that does not exist (an unconfigured Loopback) is refused at its name, as IOS does.
  if (iface === undefined) return ctx.rejectAt(args.start('ifType') ?? 0);
  ctx.print(...renderRunningConfigInterface(iface));
}

function ping(ctx: CommandContext, args: Args): void {
  const target = args.get('target')!;
  const destination = parseIpv4(target);
  if (destination === undefined) {
    const translating = ctx.config.ip.domainLookup ? IosText.translatingWithServer(target) : IosText.translating(target);
    return ctx.print(translating, IosText.unrecognizedHost);
  }
  const source = sourceAddress(ctx, args);
  if (source === 'invalid') return;
  const request: PingRequest = {
    destination,
    count: args.number('repeat') ?? 5,
    size: args.number('size') ?? 100,
    timeoutMs: (args.number('timeout') ?? 2) * 1000,
    ...(source === undefined ? {} : { source }),
    ...(args.has('df-bit') ? { dontFragment: true } : {}),
  };
  ctx.print(...renderPing(ctx.services.ping(request), source));
}

function showRoute(ctx: CommandContext, args: Args): void {
  const routes = ctx.services.routes();
  const address = args.get('address');
  const filter = args.get('filter');
  if (address !== undefined) return ctx.print(...renderRouteEntry(routes, parseIpv4(address)!));
  if (filter !== undefined) return ctx.print(...routeTableLines(routes.filter((route) => route.source === filter)));
  ctx.print(...renderShowIpRoute(routes));
}

function showStartup(ctx: CommandContext): void {
  const text = ctx.session.startupConfig();
  if (text === undefined) return ctx.print(IosText.nvramNotSetUp);
  const lines = text.split('\n');
  ctx.print(IosText.usingNvram(configByteCount(lines), PLATFORM.nvramBytes), ...lines);
}

function clearCounters(ctx: CommandContext, args: Args): void {
  const only = args.get('list');
  for (const list of ctx.config.accessLists) {
    if (only !== undefined && list.name !== only) continue;
    for (const line of list.lines) if ('matches' in line) line.matches = 0;
  }
}

function saveConfig(ctx: CommandContext): void {
  ctx.print(IosText.buildingConfiguration);
  ctx.session.saveStartupConfig();
  ctx.print(IosText.ok);
}

function configure(ctx: CommandContext, args: Args): void {
  if (!args.has('terminal')) ctx.print(IosText.configureSource);
  ctx.print(IosText.enterConfiguration);
  ctx.enterMode({ id: 'config' });
}

const USER_LEVEL: CommandSpec[] = [
  { syntax: 'enable', run: (ctx) => ctx.session.requestEnable() },
  { syntax: '(exit|logout)', run: (ctx) => ctx.enterMode({ id: 'user' }) },
  {
    syntax: `ping [ip$family] WORD$target {repeat <1-2147483647>$repeat|size <36-18024>$size|timeout <0-3600>$timeout|source (A.B.C.D$sourceAddr|${IFNAME})|df-bit}`,
    run: ping,
  },
  { syntax: 'show version', run: (ctx) => ctx.print(...renderShowVersion(ctx.config, ctx.services.uptimeMs())) },
  { syntax: 'show clock', run: (ctx) => ctx.print(formatShowClock(ctx.services.clockMs())) },
  { syntax: 'show history', run: (ctx) => ctx.print(...ctx.session.history().map((line) => `  ${line}`)) },
  { syntax: 'show ip route [(A.B.C.D$address|connected$filter|static$filter)]', run: showRoute },
  {
    syntax: 'show ip interface brief',
    run: (ctx) =>
      ctx.print(...renderShowIpInterfaceBrief(ctx.config.interfaces, {
        lineUp: (name) => ctx.services.interfaceLineUp(name),
        statusUp: (name) => ctx.services.interfaceStatusUp?.(name) ?? ctx.services.interfaceLineUp(name),
      })),
  },
];

const PRIVILEGED: CommandSpec[] = [
  // `>` has `disable` too (it stays at `>`), so `di` is ambiguous there as well.
  { syntax: 'disable', run: (ctx) => ctx.enterMode({ id: 'user' }), userLevel: true },
  { syntax: 'configure [terminal]', run: configure },
  { syntax: 'show running-config', run: (ctx) => ctx.print(...renderRunningConfig(ctx.config)) },
  { syntax: `show running-config interface ${IFNAME}`, run: showRunningInterface },
  { syntax: 'show startup-config', run: showStartup },
  {
    syntax: `show [ip] access-lists ${LIST_ID}`,
    run: (ctx, args) => ctx.print(...renderShowAccessLists(ctx.config.accessLists, args.get('list'))),
  },
  { syntax: 'show crypto map', run: (ctx) => ctx.print(...renderShowCryptoMap(ctx.config, ctx.services.cryptoMapInstances())) },
  { syntax: 'show crypto isakmp policy', run: (ctx) => ctx.print(...renderShowIsakmpPolicy(ctx.config.crypto.isakmpPolicies)) },
  { syntax: `clear access-list counters ${LIST_ID}`, run: clearCounters },
  { syntax: 'write [memory]', run: saveConfig },
  { syntax: 'write terminal$write', run: (ctx) => ctx.print(...renderRunningConfig(ctx.config)) },
];

export const EXEC_COMMANDS: CommandSpec[] = [
  ...USER_LEVEL.map((command) => ({ help: HELP, userLevel: true, ...command })),
  ...PRIVILEGED.map((command) => ({ help: HELP, ...command })),
  ...DEBUG_COMMANDS,
  ...NAT_EXEC_COMMANDS,
  ...ARP_EXEC_COMMANDS,
  ...INTERFACE_SHOW_COMMANDS,
  ...TRACEROUTE_COMMANDS,
  ...CRYPTO_EXEC_COMMANDS,
  ...SESSION_EXEC_COMMANDS,
  ...CRYPTO_SHOW_COMMANDS,
];
