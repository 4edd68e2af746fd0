import { IosText } from '../messages.ts';
import { renderShowLogging } from '../render/show-logging.ts';
import { loggingSettings } from '../session/syslog-log.ts';
import type { CommandContext, CommandSpec } from './command-context.ts';
import { confirm, yesOrNo, type Dialog, type DialogIo } from './dialog.ts';
import { extendedPing } from './ping-dialog.ts';

/**
 * Exec commands of the console session: the dialogs (`copy running-config startup-config`,
 * `reload`, `ping` without a target), `terminal length|width` and `show logging`.
 */

const HELP = {
  copy: 'Copy from one file to another',
  'running-config$from': 'Copy from current system configuration',
  'startup-config$to': 'Copy to startup configuration',
  reload: 'Halt and perform a cold restart',
  ping: 'Send echo messages',
  ip: 'IP echo',
  terminal: 'Set terminal line parameters',
  length: 'Set number of lines on a screen',
  $length: 'Number of lines on screen (0 for no pausing)',
  width: 'Set width of the display terminal',
  $width: 'Number of characters on a screen line',
  show: 'Show running system information',
  logging: 'Show the contents of logging buffers',
};

const STARTUP_CONFIG = 'startup-config';

function save(ctx: CommandContext, io: DialogIo): void {
  io.print(IosText.buildingConfiguration);
  ctx.session.saveStartupConfig();
  io.print(IosText.ok);
}

function* copyRunningToStartup(ctx: CommandContext, io: DialogIo): Dialog {
  const destination = (yield { prompt: IosText.copyDestination(STARTUP_CONFIG), defaultAnswer: '' }).trim();
  if (destination !== '' && destination !== STARTUP_CONFIG) {
    io.print(IosText.tedlabNotModelled(`NVRAM files other than ${STARTUP_CONFIG} ("${destination}")`));
    return;
  }
  save(ctx, io);
}

/** IOS asks to save a modified configuration first, then for the confirmation. */
function* reload(ctx: CommandContext, io: DialogIo): Dialog {
  if (ctx.session.configModified() && (yield* yesOrNo(io, IosText.reloadSaveQuestion))) save(ctx, io);
  if (yield* confirm(io, IosText.reloadConfirm)) ctx.services.reload();
}

const USER_LEVEL: CommandSpec[] = [
  { syntax: 'terminal length <0-512>$length', run: (ctx, args) => void (ctx.session.terminal().length = args.number('length')!) },
  { syntax: 'terminal width <0-512>$width', run: (ctx, args) => void (ctx.session.terminal().width = args.number('width')!) },
];

const PRIVILEGED: CommandSpec[] = [
  {
    syntax: 'copy running-config$from startup-config$to',
    run: (ctx) => ctx.session.startDialog((io) => copyRunningToStartup(ctx, io)),
  },
  { syntax: 'reload', run: (ctx) => ctx.session.startDialog((io) => reload(ctx, io)) },
  { syntax: 'ping [ip$family]', run: (ctx, args) => ctx.session.startDialog((io) => extendedPing(ctx, io, args.has('family'))) },
  {
    syntax: 'show logging',
    run: (ctx) => ctx.print(...renderShowLogging(ctx.services.logging(), loggingSettings(ctx.config))),
  },
];

export const SESSION_EXEC_COMMANDS: CommandSpec[] = [
  ...USER_LEVEL.map((command) => ({ help: HELP, userLevel: true, ...command })),
  ...PRIVILEGED.map((command) => ({ help: HELP, ...command })),
];
