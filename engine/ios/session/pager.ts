/**
 * IOS's `--More--`: long output stops when the screen is full and waits for a key. Space shows
 * the next screen, Return the next line, any other key ends the output. The prompt is erased
 * with backspaces, blanks and backspaces, so the next line starts where it stood.
 *
 * A pure piece for an interactive console (`tedlab console`): steps and `Lab.run` never page.
 * A screen of `terminal length` N lines shows N - 1 lines of output and the `--More--` line;
 * `terminal length 0` turns paging off.
 */

export const MORE_PROMPT = ' --More-- ';
/** What IOS sends after the key: nine backspaces, eight blanks, nine backspaces (12.4 capture). */
export const MORE_ERASE = `${'\b'.repeat(9)}${' '.repeat(8)}${'\b'.repeat(9)}`;
/** A console's screen until `terminal length` says otherwise. */
export const DEFAULT_TERMINAL_LENGTH = 24;

/** Text to write to the terminal, and whether the pager now waits for a key. */
export interface PagerStep {
  text: string;
  waiting: boolean;
}

export class Pager {
  private shown = 0;
  private stopped = false;

  /** `length` is the terminal length; 0 shows everything at once. */
  constructor(
    private readonly lines: readonly string[],
    private readonly length: number,
  ) {}

  /** The first screen. */
  start(): PagerStep {
    return this.show(this.length === 0 ? this.lines.length : this.length - 1, '');
  }

  /** A key typed at `--More--`: `' '` a screen, `'\r'` or `'\n'` a line, anything else stops. */
  press(key: string): PagerStep {
    if (!this.waiting) return { text: '', waiting: false };
    if (key === ' ') return this.show(this.length - 1, MORE_ERASE);
    if (key === '\r' || key === '\n') return this.show(1, MORE_ERASE);
    this.stopped = true;
    return { text: MORE_ERASE, waiting: false };
  }

  get waiting(): boolean {
    return !this.stopped && this.shown < this.lines.length;
  }

  private show(count: number, prefix: string): PagerStep {
    const next = this.lines.slice(this.shown, this.shown + Math.max(1, count));
    this.shown += next.length;
    const body = next.map((line) => `${line}\n`).join('');
    return { text: `${prefix}${body}${this.waiting ? MORE_PROMPT : ''}`, waiting: this.waiting };
  }
}
