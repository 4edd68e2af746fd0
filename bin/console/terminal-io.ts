import { EventEmitter } from 'node:events';
import readline, { type Key } from 'node:readline';
import { Writable, type Readable } from 'node:stream';
import type { Pager } from '../../engine/ios/session/pager.ts';
import type { ConsoleSession, SessionReply } from './console-session.ts';

/**
 * The two ways in: a terminal (`runInteractive`) and piped input (`runPiped`). Both type through
 * the same ConsoleSession, so a piped session shows what the terminal would have shown.
 *
 * On a terminal: readline's line editing and history, IOS's `?` (help at once, the
 * line kept), Tab (the word spelt out from the grammar), `--More--` for long output when
 * `terminal length` is not 0, no echo at `Password: `, and messages as they happen: outside
 * configuration mode a second of virtual time passes with every second of the wall clock (whole
 * seconds, so a recording can replay the same waits).
 */

const IDLE_TICK_MS = 1000;

/** Forwards readline's output to the terminal, except while IOS asks for a password. */
class TerminalOutput extends Writable {
  muted = false;

  constructor(private readonly terminal: NodeJS.WriteStream) {
    super();
    terminal.on('resize', () => this.emit('resize'));
  }

  get columns(): number {
    return this.terminal.columns;
  }

  get rows(): number {
    return this.terminal.rows;
  }

  get isTTY(): boolean {
    return true;
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    if (!this.muted) this.terminal.write(chunk);
    done();
  }
}

/** Keys for readline: the terminal's keys minus those the console answers itself (`?`, Tab, the pager's). */
function keySource(stdin: NodeJS.ReadStream): EventEmitter {
  return Object.assign(new EventEmitter(), {
    isTTY: true,
    setRawMode: (mode: boolean) => stdin.setRawMode(mode),
    resume: () => stdin.resume(),
    pause: () => stdin.pause(),
  });
}

/**
 * The console with its input piped in (a script, a test): each line as if typed and Return
 * pressed, the output exactly what a terminal would show, prompts and echoes included. No
 * wall clock: time passes only when a line makes it pass, so a session prints the same bytes
 * every run. Nothing pages.
 */
export async function runPiped(session: ConsoleSession, input: Readable, write: (text: string) => void): Promise<void> {
  const lines = readline.createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) {
      const reply = session.handle(line);
      write(`${reply.earlier}${reply.echo}${reply.shown}`);
      if (reply.quit) break;
    }
  } finally {
    lines.close();
  }
}

export function runInteractive(session: ConsoleSession, stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => new InteractiveConsole(session, stdin, stdout, resolve).start());
}

class InteractiveConsole {
  private readonly keys: EventEmitter;
  private readonly output: TerminalOutput;
  private readonly lines: readline.Interface;
  private pager: Pager | undefined;
  /** The line to show again after the pager: after `?`, what was typed before it. */
  private keepAfterPager = '';
  private clock: NodeJS.Timeout | undefined;

  constructor(
    private readonly session: ConsoleSession,
    private readonly stdin: NodeJS.ReadStream,
    private readonly stdout: NodeJS.WriteStream,
    private readonly done: () => void,
  ) {
    this.keys = keySource(stdin);
    this.output = new TerminalOutput(stdout);
    this.lines = readline.createInterface({ input: this.keys as NodeJS.ReadableStream, output: this.output, terminal: true, historySize: 100 });
  }

  start(): void {
    readline.emitKeypressEvents(this.stdin);
    this.stdin.on('keypress', this.onKey);
    this.lines.on('line', (line) => this.onLine(line));
    this.lines.on('SIGINT', () => this.lines.close());
    this.lines.on('close', () => this.stop());
    this.clock = setInterval(() => this.tick(), IDLE_TICK_MS);
    this.showPrompt();
  }

  private stop(): void {
    clearInterval(this.clock);
    this.stdin.off('keypress', this.onKey);
    this.stdin.pause();
    this.stdout.write('\n');
    this.done();
  }

  private readonly onKey = (text: string | undefined, key: Key | undefined): void => {
    if (this.pager !== undefined) return this.page(key?.sequence ?? text ?? '');
    if (text === '?' && this.session.atModePrompt) return this.help();
    if (key?.name === 'tab' && this.session.atModePrompt) return this.complete();
    if (key?.ctrl === true && key.name === 'z') return this.session.configuring ? this.submit('\x1a', '^Z') : undefined;
    this.keys.emit('keypress', text, key);
  };

  private onLine(line: string): void {
    if (this.output.muted) {
      this.output.muted = false;
      this.stdout.write('\n');
      // A password has no place in the line history (readline keeps it, newest first).
      (this.lines as unknown as { history: string[] }).history.shift();
    }
    const reply = this.session.handle(line);
    this.show(reply);
    if (reply.quit) this.lines.close();
  }

  /** IOS's `?`: help for what is typed so far, then the prompt with the line as it was. */
  private help(): void {
    const typed = this.lines.line;
    this.stdout.write('?\n');
    this.show(this.session.handle(`${typed}?`), typed);
  }

  private complete(): void {
    const typed = this.lines.line;
    const completed = this.session.complete(typed);
    if (completed === typed) return;
    this.lines.write(null, { ctrl: true, name: 'e' });
    this.lines.write(null, { ctrl: true, name: 'u' });
    this.lines.write(completed);
  }

  /** A control key that IOS takes as a line of its own (Ctrl-Z leaves configuration mode). */
  private submit(line: string, shownAs: string): void {
    if (this.lines.line !== '') {
      this.lines.write(null, { ctrl: true, name: 'e' });
      this.lines.write(null, { ctrl: true, name: 'u' });
    }
    this.stdout.write(`${shownAs}\n`);
    this.show(this.session.handle(line));
  }

  private show(reply: SessionReply, keep = ''): void {
    if (reply.earlier !== '') this.stdout.write(reply.earlier);
    const pager = reply.fromIos && this.stdout.isTTY ? this.session.pagerFor(reply.shown.replace(/\n$/, '')) : undefined;
    if (pager === undefined) {
      this.stdout.write(reply.shown);
      return this.showPrompt(keep);
    }
    this.pager = pager;
    this.keepAfterPager = keep;
    const first = pager.start();
    this.stdout.write(first.text);
    if (!first.waiting) this.endPaging();
  }

  private page(key: string): void {
    const step = this.pager!.press(key);
    this.stdout.write(step.text);
    if (!step.waiting) this.endPaging();
  }

  private endPaging(): void {
    this.pager = undefined;
    this.showPrompt(this.keepAfterPager);
  }

  private showPrompt(keep = ''): void {
    if (this.lines.line !== keep) {
      this.lines.write(null, { ctrl: true, name: 'e' });
      this.lines.write(null, { ctrl: true, name: 'u' });
      if (keep !== '') this.lines.write(keep);
    }
    this.lines.setPrompt(this.session.prompt());
    this.lines.prompt(true);
    this.output.muted = this.session.awaitingPassword;
  }

  /** A second of virtual time; what the console printed meanwhile goes above the line being typed. */
  private tick(): void {
    // In configuration mode the clock waits: the lines typed there become one `When I configure` step.
    if (this.pager !== undefined || this.session.configuring) return;
    const promptBefore = this.session.prompt();
    const text = this.session.passIdle();
    if (text === '' && this.session.prompt() === promptBefore) return;
    readline.clearLine(this.stdout, 0);
    readline.cursorTo(this.stdout, 0);
    this.stdout.write(text);
    this.lines.setPrompt(this.session.prompt());
    // At `Password: ` readline would redraw what was typed so far: only the prompt is shown again.
    if (this.output.muted) this.stdout.write(this.session.prompt());
    else this.lines.prompt(true);
  }
}
