import type { Args } from '../cli/command-types.ts';
import { DEFAULT_HOSTNAME, defaultTimestamp, type IosConfig, type ServiceName, type TimestampFormat } from '../config/config-model.ts';
import { isPhysical, newInterface } from '../config/interfaces.ts';
import { decodeType7, hashSecret } from '../config/passwords.ts';
import type { CommandContext, CommandSpec } from './command-context.ts';
import { NAT_GLOBAL_COMMANDS } from './nat-commands.ts';
import { IFNAME, interfaceNameOf, VIRTUAL_IFNAME } from './shared-grammar.ts';

/** Global configuration commands about the box itself: names, passwords, services, boot, interfaces, lines. */

const SERVICE_HELP: Record<ServiceName, string> = {
  config: 'TFTP load config files',
  finger: 'Allow responses to finger requests',
  nagle: "Enable Nagle's congestion control algorithm",
  pad: 'Enable PAD commands',
  'password-encryption': 'Encrypt system passwords',
  'sequence-numbers': 'Stamp logger messages with a sequence number',
  'tcp-keepalives-in': 'Generate keepalives on idle incoming network connections',
  'tcp-keepalives-out': 'Generate keepalives on idle outgoing network connections',
  'tcp-small-servers': 'Enable small TCP servers (e.g., ECHO)',
  'udp-small-servers': 'Enable small UDP servers (e.g., ECHO)',
};

const SERVICE_NAMES = Object.keys(SERVICE_HELP) as ServiceName[];

const IOMEM_PERCENTAGES = [10, 15, 20, 25, 30, 40, 50];

function timestampFormat(args: Args): TimestampFormat {
  const format = defaultTimestamp();
  if (args.get('kind') !== 'datetime') return format;
  return {
    kind: 'datetime',
    msec: args.has('msec'),
    localtime: args.has('localtime'),
    showTimezone: args.has('show-timezone'),
    year: args.has('year'),
  };
}

function setTimestamps(config: IosConfig, args: Args): void {
  const which = args.get('which');
  const negate = args.has('no');
  for (const kind of ['debug', 'log'] as const) {
    if (which !== undefined && which !== kind) continue;
    if (negate) delete config.timestamps[kind];
    else config.timestamps[kind] = timestampFormat(args);
  }
}

function setEnablePassword(ctx: CommandContext, args: Args): void {
  const hidden = args.get('hidden');
  if (hidden !== undefined) {
    const clear = decodeType7(hidden);
    if (clear === undefined) return ctx.rejectAt(args.start('hidden')!);
    ctx.config.enable.password = clear;
    ctx.config.enable.passwordType7 = hidden;
    return;
  }
  ctx.config.enable.password = args.get('clear')!;
  delete ctx.config.enable.passwordType7;
}

function setEnableSecret(ctx: CommandContext, args: Args): void {
  const hidden = args.get('hidden');
  if (hidden !== undefined && !/^\$1\$[^$]{0,8}\$[./0-9A-Za-z]{22}$/.test(hidden)) return ctx.rejectAt(args.start('hidden')!);
  ctx.config.enable.secret = hidden ?? hashSecret(args.get('clear')!);
}

function enterInterface(ctx: CommandContext, args: Args): void {
  const name = interfaceNameOf(args)!;
  let iface = ctx.config.interfaces.find((candidate) => candidate.name === name);
  // A port the router lacks (a Serial without its WIC) is refused at its name.
  if (!iface && isPhysical(name)) return ctx.rejectAt(args.start('ifType') ?? 0);
  if (!iface) {
    iface = newInterface(name);
    ctx.config.interfaces.push(iface);
  }
  // A hardware interface named in the startup config is up unless the section says `shutdown`.
  if (ctx.origin === 'startup' && isPhysical(name)) iface.shutdown = false;
  ctx.enterMode({ id: 'config-if', target: iface });
}

function deleteInterface(ctx: CommandContext, args: Args): void {
  const name = interfaceNameOf(args)!;
  ctx.config.interfaces = ctx.config.interfaces.filter((iface) => iface.name !== name);
}

function enterLine(ctx: CommandContext, args: Args): void {
  const last = args.get('last');
  const name = [args.get('kind'), args.get('first'), ...(last === undefined ? [] : [last])].join(' ');
  let section = ctx.config.lineSections.find((candidate) => candidate.name === name);
  if (!section) {
    section = { name, lines: [] };
    ctx.config.lineSections.push(section);
  }
  ctx.enterMode({ id: 'config-line', target: section });
}

function setIomem(ctx: CommandContext, args: Args): void {
  if (args.has('no')) {
    delete ctx.config.iomemPercent;
    return;
  }
  const percent = args.number('percent')!;
  if (!IOMEM_PERCENTAGES.includes(percent)) return ctx.rejectAt(args.start('percent')!);
  ctx.config.iomemPercent = percent;
}

function bootSystem(ctx: CommandContext, args: Args): void {
  const negate = args.has('no');
  const image = args.canonical(negate ? 3 : 2);
  const list = ctx.config.bootSystem;
  if (negate) {
    ctx.config.bootSystem = list.filter((entry) => entry !== image);
    return;
  }
  if (!list.includes(image)) list.push(image);
}

const IP_FLAGS = { 'subnet-zero': 'subnetZero', classless: 'classless', 'domain-lookup': 'domainLookup' } as const;

export const GLOBAL_COMMANDS: CommandSpec[] = [
  {
    syntax: 'hostname WORD$name',
    help: { hostname: "Set system's network name", $name: "This system's network name" },
    run: (ctx, args) => {
      ctx.config.hostname = args.get('name')!;
    },
  },
  {
    syntax: 'no hostname',
    help: { hostname: "Set system's network name" },
    run: (ctx) => {
      ctx.config.hostname = DEFAULT_HOSTNAME;
    },
  },
  {
    syntax: 'enable password (0 LINE$clear|7 WORD$hidden|LINE$clear)',
    help: {
      enable: 'Modify enable password parameters',
      password: 'Assign the privileged level password',
      0: 'Specifies an UNENCRYPTED password will follow',
      7: 'Specifies a HIDDEN password will follow',
      $clear: "The UNENCRYPTED (cleartext) 'enable' password",
      $hidden: "The HIDDEN 'enable' password string",
    },
    run: setEnablePassword,
  },
  {
    syntax: 'enable secret (0 LINE$clear|5 WORD$hidden|LINE$clear)',
    help: {
      enable: 'Modify enable password parameters',
      secret: 'Assign the privileged level secret',
      0: 'Specifies an UNENCRYPTED password will follow',
      5: 'Specifies an ENCRYPTED secret will follow',
      $clear: "The UNENCRYPTED (cleartext) 'enable' secret",
      $hidden: "The ENCRYPTED 'enable' secret string",
    },
    run: setEnableSecret,
  },
  {
    syntax: 'no enable (password$which|secret$which)',
    help: { enable: 'Modify enable password parameters', password: 'Assign the privileged level password', secret: 'Assign the privileged level secret' },
    run: (ctx, args) => {
      if (args.get('which') === 'secret') delete ctx.config.enable.secret;
      else ctx.config.enable = { ...(ctx.config.enable.secret ? { secret: ctx.config.enable.secret } : {}) };
    },
  },
  {
    syntax: `[no] service (${SERVICE_NAMES.map((name) => `${name}$service`).join('|')})`,
    help: { service: 'Modify use of network based services', ...SERVICE_HELP },
    run: (ctx, args) => {
      ctx.config.services[args.get('service') as ServiceName] = !args.has('no');
    },
  },
  {
    syntax: '[no] service timestamps [(debug$which|log$which) [(uptime$kind|datetime$kind {msec|localtime|show-timezone|year})]]',
    help: {
      service: 'Modify use of network based services',
      timestamps: 'Timestamp debug/log messages',
      debug: 'Timestamp debug messages',
      log: 'Timestamp log messages',
      uptime: 'Timestamp with system uptime',
      datetime: 'Timestamp with date and time',
      msec: 'Include milliseconds in timestamp',
      localtime: 'Use local time zone for timestamps',
      'show-timezone': 'Add time zone information to timestamp',
      year: 'Include year in timestamp',
    },
    run: (ctx, args) => setTimestamps(ctx.config, args),
  },
  {
    syntax: '[no] boot system (flash [WORD$file]|rom|tftp WORD$file A.B.C.D$server)',
    help: {
      boot: 'Modify system boot parameters',
      system: 'System image file',
      flash: 'Boot from flash memory',
      rom: 'Boot from rom',
      tftp: 'Boot from a tftp server',
      $file: 'System image filename',
      $server: 'Address from which to download the boot config file',
    },
    run: bootSystem,
  },
  {
    syntax: 'no boot system',
    help: { boot: 'Modify system boot parameters', system: 'System image file' },
    run: (ctx) => {
      ctx.config.bootSystem = [];
    },
  },
  {
    syntax: 'memory-size iomem <10-50>$percent',
    help: {
      'memory-size': 'Adjust memory size by percentage',
      iomem: 'I/O memory',
      $percent: 'percentage of DRAM to use for I/O memory: 10, 15, 20, 25(default), 30, 40, 50',
    },
    run: setIomem,
  },
  {
    syntax: 'no memory-size iomem',
    help: { 'memory-size': 'Adjust memory size by percentage', iomem: 'I/O memory' },
    run: setIomem,
  },
  {
    syntax: '[no] ip (subnet-zero$flag|classless$flag|domain-lookup$flag)',
    help: {
      ip: 'Global IP configuration subcommands',
      'subnet-zero': "Allow 'subnet zero' subnets",
      classless: 'Follow classless routing forwarding rules',
      'domain-lookup': 'Enable IP Domain Name System hostname translation',
    },
    run: (ctx, args) => {
      ctx.config.ip[IP_FLAGS[args.get('flag') as keyof typeof IP_FLAGS]] = !args.has('no');
    },
  },
  {
    syntax: '[no] ip http server',
    help: { ip: 'Global IP configuration subcommands', http: 'HTTP server configuration', server: 'Enable HTTP server' },
    run: (ctx, args) => {
      ctx.config.ip.httpServer = !args.has('no');
    },
  },
  {
    syntax: `interface ${IFNAME}`,
    help: { interface: 'Select an interface to configure' },
    run: enterInterface,
  },
  {
    syntax: `no interface ${VIRTUAL_IFNAME}`,
    help: { interface: 'Select an interface to configure' },
    run: deleteInterface,
  },
  {
    syntax: 'line (con$kind <0-0>$first|aux$kind <0-0>$first|vty$kind <0-15>$first [<1-15>$last])',
    help: {
      line: 'Configure a terminal line',
      con: 'Primary terminal line',
      aux: 'Auxiliary line',
      vty: 'Virtual terminal',
      $first: 'First Line number',
      $last: 'Last Line number',
    },
    run: enterLine,
  },
  ...NAT_GLOBAL_COMMANDS,
];
