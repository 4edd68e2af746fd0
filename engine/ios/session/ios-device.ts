import type { Args } from '../cli/command-types.ts';
import { help, type HelpResult } from '../cli/help.ts';
import { splitWords } from '../cli/matcher.ts';
import type {
  CommandContext, CommandSpec, ConfigOrigin, ModeId, ModeState, SessionControl, TerminalSettings,
} from '../commands/command-context.ts';
import type { Question } from '../commands/dialog.ts';
import { storeBanner } from '../commands/kept-commands.ts';
import {
  createModeTables,
  isConfigMode,
  MODE_TABLES,
  modeChain,
  promptSuffix,
  type CommandExtensions,
  type ModeTables,
} from '../commands/mode-table.ts';
import { createDefaultConfig, type IosConfig } from '../config/config-model.ts';
import { isSubinterface } from '../config/interfaces.ts';
import { secretMatches } from '../config/passwords.ts';
import { IosText } from '../messages.ts';
import { runningConfigBody } from '../render/running-config.ts';
import type { RouterServices } from '../router-services.ts';
import { caretLine, failureText, isUnknownHostWord, resolveLine } from './line-runner.ts';
import { acceptsOutputModifiers, applyFilter, modifierHelp, parseModifier, splitPipe, withPipeHelp } from './output-filter.ts';
import { DEFAULT_TERMINAL_LENGTH, Pager } from './pager.ts';
import { PendingDialog } from './pending-dialog.ts';
import { loadConfigText, type StartupLoadResult } from './startup-loader.ts';

/**
 * One router's console: the mode the session is in, the configuration it edits and the
 * exec facilities around it. `type` takes one line as typed at the console and returns
 * what IOS prints in answer (without echoing the line).
 */

export interface IosDeviceOptions {
  hostname?: string;
  services: RouterServices;
  /** Commands the router adds to the built-in grammar, by mode. */
  extraCommands?: CommandExtensions;
  /** The router's hardware interfaces (default: a c2600's two FastEthernets, no WIC). */
  hardware?: readonly string[];
}

/** What one typed line did. */
export interface LineResult {
  output: string;
  /** False when IOS refused the line (parse error or a rejected value). */
  accepted: boolean;
}

type Pending =
  | { kind: 'password'; failures: number }
  | { kind: 'banner'; header: string; delimiter: string; lines: string[] }
  | { kind: 'dialog'; dialog: PendingDialog };

const MAX_PASSWORD_TRIES = 3;
const HISTORY_SIZE = 10;
const DEFAULT_TERMINAL_WIDTH = 80;
const CTRL_Z = '\x1a';

interface RunState {
  output: string[];
  accepted: boolean;
}

/** Help as the innermost mode that understands the words so far gives it (a sub-mode falls back). */
function helpInModes(tables: ModeTables, modes: ModeId[], text: string): HelpResult {
  let first: HelpResult | undefined;
  for (const mode of modes) {
    const result = help(tables[mode], text);
    if (result.kind === 'lines') return result;
    first ??= result;
  }
  return first!;
}

export class IosDevice {
  readonly config: IosConfig;
  private readonly services: RouterServices;
  private readonly tables: ModeTables;
  private state: ModeState = { id: 'user' };
  private pending: Pending | undefined;
  private startup: string | undefined;
  private readonly execHistory: string[] = [];
  private helpBuffer = '';
  private loading = false;
  /** IOS's `config_dirty`: a configuration line was accepted since the last save. */
  private dirty = false;
  private readonly terminalSettings: TerminalSettings = { length: DEFAULT_TERMINAL_LENGTH, width: DEFAULT_TERMINAL_WIDTH };

  constructor(options: IosDeviceOptions) {
    this.config = createDefaultConfig(options.hostname, options.hardware);
    this.services = options.services;
    this.tables = options.extraCommands ? createModeTables(options.extraCommands) : MODE_TABLES;
  }

  get mode(): ModeId {
    return this.state.id;
  }

  prompt(): string {
    if (this.pending?.kind === 'password') return IosText.passwordPrompt;
    if (this.pending?.kind === 'banner') return '';
    if (this.pending?.kind === 'dialog') return this.pending.dialog.question!.prompt;
    // A subinterface is configured in IOS's `(config-subif)#`, with the interface commands.
    const subinterface = this.state.id === 'config-if' && isSubinterface(this.state.target.name);
    return `${this.config.hostname}${subinterface ? '(config-subif)#' : promptSuffix(this.state.id)}`;
  }

  /** The question a dialog waits on (`Proceed with reload? [confirm]`), if any. */
  get question(): Question | undefined {
    return this.pending?.kind === 'dialog' ? this.pending.dialog.question : undefined;
  }

  /** `--More--` for output longer than the screen, for an interactive console; undefined when it fits. */
  pagerFor(output: string): Pager | undefined {
    const lines = output.split('\n');
    const length = this.terminalSettings.length;
    return length === 0 || lines.length < length ? undefined : new Pager(lines, length);
  }

  /** The configuration saved in NVRAM (`show startup-config`), which a reload boots from. */
  get startupConfigText(): string | undefined {
    return this.startup;
  }

  /** After `?`, IOS puts the text typed before it back on the command line. */
  get bufferedInput(): string {
    return this.helpBuffer;
  }

  type(line: string): string {
    return this.enter(line).output;
  }

  enter(rawLine: string): LineResult {
    const line = rawLine.replace(/\r$/, '');
    this.helpBuffer = '';
    const run: RunState = { output: [], accepted: true };
    if (this.pending?.kind === 'password') this.checkPassword(line, run);
    else if (this.pending?.kind === 'banner') this.collectBannerLine(line);
    else if (this.pending?.kind === 'dialog') this.answerDialog(this.pending.dialog, line, run);
    else if (line === CTRL_Z && isConfigMode(this.state.id)) this.endConfiguration();
    else if (line.trimEnd().endsWith('?')) this.showHelp(line.trimEnd().slice(0, -1), run);
    else {
      if (!isConfigMode(this.state.id) && line.trim()) this.remember(line.trim());
      this.execute(line, 'console', this.prompt().length, run);
    }
    return { output: run.output.join('\n'), accepted: run.accepted };
  }

  /** Feeds a configuration file through configuration mode; returns the lines IOS refused. */
  loadStartupConfig(text: string): StartupLoadResult {
    this.loading = true;
    const result = loadConfigText(text, {
      begin: () => {
        this.state = { id: 'config' };
      },
      feed: (line) => {
        if (this.pending?.kind === 'banner') {
          this.collectBannerLine(line);
          return { output: '', accepted: true };
        }
        const run: RunState = { output: [], accepted: true };
        this.execute(line, 'startup', 0, run);
        return { output: run.output.join('\n'), accepted: run.accepted };
      },
    });
    this.loading = false;
    this.pending = undefined;
    this.state = { id: 'user' };
    this.startup = result.savedText;
    this.dirty = false;
    this.services.onConfigChanged();
    return result;
  }

  /** The console as an engineer finds it after logging in and enabling: privileged exec mode. */
  startPrivileged(): void {
    this.pending = undefined;
    this.state = { id: 'exec' };
  }

  private remember(line: string): void {
    this.execHistory.push(line);
    if (this.execHistory.length > HISTORY_SIZE) this.execHistory.shift();
  }

  private execute(line: string, origin: ConfigOrigin, caretBase: number, run: RunState): void {
    if (!isConfigMode(this.state.id) && this.runFiltered(this.state.id, line, caretBase, run, true)) return;
    const resolution = resolveLine(this.state.id, line, this.tables);
    if (resolution.kind === 'empty') return;
    if (resolution.kind === 'failure') {
      run.accepted = false;
      if (isUnknownHostWord(this.state.id, resolution.failure, line)) {
        const word = line.trim();
        const translating = this.config.ip.domainLookup ? IosText.translatingWithServer(word) : IosText.translating(word);
        run.output.push(translating, IosText.unknownHost);
      } else run.output.push(...failureText(resolution.failure, line, caretBase));
      return;
    }
    // A line that only the parent mode knows leaves the sub-mode, as in IOS.
    if (resolution.mode !== this.state.id) this.state = { id: resolution.mode } as ModeState;
    this.runCommand(resolution.spec, resolution.args, line, origin, caretBase, run, true);
    if (run.accepted && isConfigMode(resolution.mode) && !resolution.spec.readOnly && origin === 'console') {
      this.dirty = true;
      this.services.onConfigChanged();
    }
  }

  private runCommand(
    spec: CommandSpec,
    args: Args,
    line: string,
    origin: ConfigOrigin,
    caretBase: number,
    run: RunState,
    mayChangeMode: boolean,
  ): void {
    spec.run(this.contextFor(line, origin, caretBase, run, mayChangeMode), args);
  }

  private contextFor(line: string, origin: ConfigOrigin, caretBase: number, run: RunState, mayChangeMode: boolean): CommandContext {
    return {
      config: this.config,
      services: this.services,
      origin,
      mode: this.state,
      line,
      session: this.sessionControl(run),
      enterMode: (mode) => {
        if (mayChangeMode) this.state = mode;
      },
      print: (...lines) => run.output.push(...lines),
      reject: (message) => {
        run.accepted = false;
        run.output.push(message);
      },
      rejectAt: (offset) => {
        run.accepted = false;
        run.output.push(caretLine(caretBase + offset), IosText.invalidInput, '');
      },
      runExec: (execLine, offset) => this.runExec(execLine, caretBase + offset, run),
      collectBanner: (header, delimiter, firstText) => {
        this.pending = { kind: 'banner', header, delimiter, lines: [firstText] };
        if (origin === 'console') run.output.push(IosText.bannerPrompt(delimiter));
      },
    };
  }

  /** `do CMD`: an exec command run from a configuration mode, which stays where it is. */
  private runExec(line: string, caretBase: number, run: RunState): void {
    if (this.runFiltered('exec', line, caretBase, run, false)) return;
    const resolution = resolveLine('exec', line, this.tables);
    if (resolution.kind === 'empty') return;
    if (resolution.kind === 'failure') {
      run.accepted = false;
      run.output.push(...failureText(resolution.failure, line, caretBase));
      return;
    }
    this.runCommand(resolution.spec, resolution.args, line, 'console', caretBase, run, false);
  }

  private sessionControl(run: RunState): SessionControl {
    return {
      startupConfig: () => this.startup,
      saveStartupConfig: () => {
        this.startup = runningConfigBody(this.config).join('\n');
        this.dirty = false;
      },
      startDialog: (factory) => this.startDialog(new PendingDialog(factory, run.output)),
      configModified: () => this.dirty,
      terminal: () => this.terminalSettings,
      history: () => [...this.execHistory],
      requestEnable: () => this.requestEnable(),
      endConfiguration: () => this.endConfiguration(),
    };
  }

  /**
   * A `show` command with an output modifier (`| include REGEX`): runs it and filters what it
   * printed. False when the line has no `|` or is not a `show` command: then the line is parsed
   * as it stands, and the grammar refuses the `|` where IOS would.
   */
  private runFiltered(mode: ModeId, line: string, caretBase: number, run: RunState, mayChangeMode: boolean): boolean {
    const piped = splitPipe(line);
    if (piped === undefined) return false;
    const resolution = resolveLine(mode, piped.command, this.tables);
    if (resolution.kind !== 'command' || !acceptsOutputModifiers(resolution.args)) return false;
    const modifier = parseModifier(piped.modifier);
    if (!modifier.ok) {
      run.accepted = false;
      if ('badRegex' in modifier) run.output.push(IosText.invalidRegex);
      else run.output.push(...failureText(modifier.failure, piped.modifier, caretBase + piped.modifierOffset));
      return true;
    }
    const inner: RunState = { output: [], accepted: true };
    this.runCommand(resolution.spec, resolution.args, piped.command, 'console', caretBase, inner, mayChangeMode);
    run.accepted = inner.accepted;
    if (inner.output.length > 0) run.output.push(...applyFilter(modifier.filter, inner.output.join('\n').split('\n')));
    return true;
  }

  private startDialog(dialog: PendingDialog): void {
    if (dialog.question !== undefined) this.pending = { kind: 'dialog', dialog };
  }

  private answerDialog(dialog: PendingDialog, line: string, run: RunState): void {
    dialog.answer(line, run.output);
    if (dialog.question === undefined && this.pending?.kind === 'dialog' && this.pending.dialog === dialog) this.pending = undefined;
  }

  private requestEnable(): void {
    const { secret, password } = this.config.enable;
    if (secret === undefined && password === undefined) this.state = { id: 'exec' };
    else this.pending = { kind: 'password', failures: 0 };
  }

  private checkPassword(typed: string, run: RunState): void {
    const { secret, password } = this.config.enable;
    // The secret, when set, is the only password IOS accepts.
    const good = secret !== undefined ? secretMatches(typed, secret) : typed === password;
    if (good) {
      this.pending = undefined;
      this.state = { id: 'exec' };
      return;
    }
    const failures = (this.pending as { failures: number }).failures + 1;
    this.pending = failures >= MAX_PASSWORD_TRIES ? undefined : { kind: 'password', failures };
    if (!this.pending) {
      run.accepted = false;
      run.output.push(IosText.badPasswords);
    }
  }

  private collectBannerLine(line: string): void {
    const pending = this.pending as Extract<Pending, { kind: 'banner' }>;
    const end = line.indexOf(pending.delimiter);
    if (end < 0) {
      pending.lines.push(line);
      return;
    }
    pending.lines.push(line.slice(0, end));
    storeBanner(this.config, pending.header.replace(/^banner /, ''), pending.lines.join('\n'));
    this.pending = undefined;
  }

  private endConfiguration(): void {
    if (!isConfigMode(this.state.id)) return;
    // A file being loaded stays in configuration mode to its end.
    if (this.loading) {
      this.state = { id: 'config' };
      return;
    }
    this.state = { id: 'exec' };
    this.services.syslog(IosText.configuredFromConsole);
  }

  private showHelp(before: string, run: RunState): void {
    this.helpBuffer = before;
    const words = splitWords(before);
    const viaDo = isConfigMode(this.state.id) && words[0]?.text === 'do' && words.length > 1;
    const mode = viaDo ? 'exec' : this.state.id;
    const text = viaDo ? before.slice(words[1]!.start) : before;
    const caretBase = this.prompt().length + (viaDo ? words[1]!.start : 0);
    const piped = isConfigMode(mode) ? undefined : this.pipeHelp(mode, text);
    if (piped !== undefined) return this.printHelp(piped.result, piped.text, caretBase + piped.offset, run);
    const result = helpInModes(this.tables, viaDo ? ['exec'] : modeChain(mode), text);
    const showsPipe = result.kind === 'lines' && !isConfigMode(mode) && /(^|\s)$/.test(text) && this.isFilterable(mode, text);
    this.printHelp(showsPipe ? { kind: 'lines', lines: withPipeHelp(result.lines) } : result, text, caretBase, run);
  }

  private printHelp(result: HelpResult, text: string, caretBase: number, run: RunState): void {
    if (result.kind === 'lines') run.output.push(...result.lines);
    else if (result.kind === 'unrecognized') run.output.push(IosText.unrecognized);
    else run.output.push(...failureText(result, text, caretBase));
  }

  /** `show ... | ?`: help on the modifiers, when what precedes the pipe is a complete `show` command. */
  private pipeHelp(mode: ModeId, text: string): { result: HelpResult; text: string; offset: number } | undefined {
    const piped = splitPipe(text);
    if (piped === undefined || !this.isFilterable(mode, piped.command)) return undefined;
    return { result: modifierHelp(piped.modifier), text: piped.modifier, offset: piped.modifierOffset };
  }

  private isFilterable(mode: ModeId, command: string): boolean {
    const resolution = resolveLine(mode, command, this.tables);
    return resolution.kind === 'command' && acceptsOutputModifiers(resolution.args);
  }

  /** True while the console waits for a password, which IOS does not echo. */
  get awaitingPassword(): boolean {
    return this.pending?.kind === 'password';
  }
}
