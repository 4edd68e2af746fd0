import { completeKeyword } from '../ios/cli/completion.ts';
import { splitWords } from '../ios/cli/matcher.ts';
import type { ModeId } from '../ios/commands/command-context.ts';
import { isConfigMode, MODE_TABLES, modeChain } from '../ios/commands/mode-table.ts';
import type { IosDevice } from '../ios/session/ios-device.ts';
import type { Pager } from '../ios/session/pager.ts';
import type { Router } from '../router/router.ts';
import type { Lab } from './lab.ts';
import { splitDebugMessages } from './transcript/index.ts';

/**
 * One router's console as a person at a terminal uses it (`tedlab console`): a line at a time,
 * with what the console printed for it told apart into IOS's response and the messages that
 * appeared meanwhile, the messages that arrived while no one typed, Tab completion from the
 * router's grammar and the `--More--` pager. It types through `Lab.type`, so the transcript,
 * the debug log and everything the steps see are the same as for a scenario.
 */

/** What one typed line did on the console. */
export interface ConsoleLine {
  /** Messages printed before the line was typed that had not been read yet. */
  earlier: string;
  /** The prompt and the line as the console echoed them (a password is not echoed). */
  echo: string;
  /** Everything the console printed after the echo: IOS's response and the messages meanwhile. */
  shown: string;
  /** IOS's response alone, as `Lab.run` returns it; undefined when it cannot be told from the messages. */
  response: string | undefined;
  /** The messages printed while the line ran, as the console printed them (continuation lines included). */
  messages: string[];
  /** The mode before and after, undefined when the console was not at a mode prompt (a question, a password, a reload). */
  modeBefore: ModeId | undefined;
  modeAfter: ModeId | undefined;
  /** The prompt the console shows after the line ('' while the router reloads). */
  promptAfter: string;
}

/** Messages printed since the console was last read. */
export interface Unread {
  text: string;
  messages: string[];
}

export class LabConsole {
  private transcriptRead: number;
  private logRead: number;

  private constructor(private readonly lab: Lab, private readonly routerRef: Router) {
    this.transcriptRead = lab.consoleTranscriptEnd(routerRef.name);
    this.logRead = lab.debugLogEnd(routerRef.name);
  }

  /** The console of a router (throws a LabError for a name the lab does not have); what it printed so far counts as read. */
  static open(lab: Lab, router: string): LabConsole {
    return new LabConsole(lab, lab.routerForConsole(router));
  }

  get router(): string {
    return this.routerRef.name;
  }

  private get device(): IosDevice {
    return this.routerRef.device;
  }

  /** True from a confirmed `reload` until the console answers again: nothing typed reaches IOS. */
  get reloading(): boolean {
    return this.routerRef.reloading;
  }

  /** What the console shows before the cursor: a mode prompt, a question, `Password: `; '' while reloading. */
  prompt(): string {
    return this.reloading ? '' : this.device.prompt();
  }

  /** The mode when the console is at a mode prompt; undefined at a question, a password, a banner or during a reload. */
  mode(): ModeId | undefined {
    if (this.reloading || this.device.question !== undefined || this.device.awaitingPassword || this.device.prompt() === '') return undefined;
    return this.device.mode;
  }

  /** IOS does not echo what is typed at `Password: `. */
  get awaitingPassword(): boolean {
    return !this.reloading && this.device.awaitingPassword;
  }

  /** Types one line; throws the Lab's LabError while the router reloads. */
  type(line: string): ConsoleLine {
    const earlier = this.unread().text;
    const prompt = this.prompt();
    const echo = `${prompt}${this.awaitingPassword ? '' : line}\n`;
    const modeBefore = this.mode();
    this.lab.type(this.router, [line]);
    const { text, messages } = this.unread();
    const log = messages.join('');
    const shown = text.startsWith(echo) ? text.slice(echo.length) : text;
    return {
      earlier, echo, shown, response: responseOf(shown, log), modeBefore, modeAfter: this.mode(), promptAfter: this.prompt(),
      messages: splitDebugMessages(log).map((message) => (message.timestamp === '' ? message.text : `${message.timestamp}: ${message.text}`)),
    };
  }

  /** What the console printed since it was last read (messages that arrived as time passed), and marks it read. */
  unread(): Unread {
    // Positions count from the router's start, so a console that cut its oldest text keeps our place.
    const text = this.lab.consoleTranscriptFrom(this.router, this.transcriptRead);
    const newLog = this.lab.debugLogFrom(this.router, this.logRead);
    this.transcriptRead = this.lab.consoleTranscriptEnd(this.router);
    this.logRead = this.lab.debugLogEnd(this.router);
    return { text, messages: newLog === '' ? [] : [newLog] };
  }

  /** The line after Tab: its last word spelt out as the grammar of the current mode knows it, or unchanged. */
  complete(text: string): string {
    const mode = this.mode();
    if (mode === undefined) return text;
    const words = splitWords(text);
    const viaDo = isConfigMode(mode) && words[0]?.text.toLowerCase() === 'do' && words.length > 1;
    const offset = viaDo ? words[1]!.start : 0;
    const modes = viaDo ? (['exec'] as ModeId[]) : modeChain(mode);
    const rest = text.slice(offset);
    for (const candidate of modes) {
      const keyword = completeKeyword(MODE_TABLES[candidate], rest);
      if (keyword !== undefined) return `${text.slice(0, text.length - words[words.length - 1]!.text.length)}${keyword} `;
    }
    return text;
  }

  /** `--More--` for output longer than `terminal length` (undefined when it fits or the length is 0). */
  pagerFor(text: string): Pager | undefined {
    return this.reloading ? undefined : this.device.pagerFor(text);
  }
}

/**
 * IOS's response among what the console printed: the console prints messages logged while a
 * command runs before its response and those it set in motion after it, so the printed text is
 * some of the messages, the response, then the rest of them.
 */
export function responseOf(shown: string, log: string): string | undefined {
  const cuts = [0, ...[...log.matchAll(/\n/g)].map((match) => match.index + 1)];
  for (const cut of cuts) {
    const before = log.slice(0, cut);
    const after = log.slice(cut);
    if (shown.length >= log.length && shown.startsWith(before) && shown.endsWith(after)) {
      return shown.slice(before.length, shown.length - after.length).replace(/\n$/, '');
    }
  }
  return undefined;
}
