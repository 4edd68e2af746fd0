/**
 * A router's console: what an engineer sees on the serial line. The transcript holds every
 * prompt, typed line and response; the log holds the time-stamped messages (debug and syslog)
 * in the order the console printed them, which also appear in the transcript.
 *
 * Both are bounded, like a terminal's scrollback: each keeps its newest `limitChars` characters
 * in whole parts (a typed line, a response, a message) and counts what it cut. Positions given
 * out (`transcriptEnd`, `logEnd`, `mark`) count from the console's start, cut text included, so
 * a reader that remembers one keeps its place after a cut.
 */

/** How much of a console's text a lab keeps by default, per router, transcript and log each. */
export const DEFAULT_CONSOLE_LIMIT_CHARS = 8 * 1024 * 1024;

/** What a bounded text cut: its oldest parts. */
export interface ConsoleCut {
  readonly parts: number;
  readonly chars: number;
  readonly limitChars: number;
}

/** Parts of text kept newest-first up to a limit, with absolute positions. */
class BoundedText {
  private parts: string[] = [];
  private first = 0;
  private keptChars = 0;
  private cutParts = 0;
  private cutChars = 0;

  constructor(readonly limitChars: number) {}

  push(part: string): void {
    this.parts.push(part);
    this.keptChars += part.length;
    while (this.keptChars > this.limitChars && this.first < this.parts.length - 1) {
      const oldest = this.parts[this.first]!;
      this.keptChars -= oldest.length;
      this.cutChars += oldest.length;
      this.cutParts++;
      this.first++;
    }
    if (this.first > 4096 && this.first * 2 > this.parts.length) {
      this.parts = this.parts.slice(this.first);
      this.first = 0;
    }
  }

  get partCount(): number {
    return this.cutParts + this.parts.length - this.first;
  }

  get end(): number {
    return this.cutChars + this.keptChars;
  }

  get cut(): ConsoleCut | undefined {
    return this.cutParts === 0 ? undefined : { parts: this.cutParts, chars: this.cutChars, limitChars: this.limitChars };
  }

  kept(): string[] {
    return this.parts.slice(this.first);
  }

  /** The parts from the absolute part index `mark` on (what was cut of them is gone). */
  partsFrom(mark: number): string[] {
    return this.parts.slice(this.first + Math.max(0, mark - this.cutParts));
  }

  /** The text from the absolute character position on (what was cut of it is gone). */
  textFrom(position: number, joined: string): string {
    return joined.slice(Math.max(0, position - this.cutChars));
  }
}

export class RouterConsole {
  private readonly transcriptText: BoundedText;
  private readonly logText: BoundedText;

  constructor(limitChars = DEFAULT_CONSOLE_LIMIT_CHARS) {
    this.transcriptText = new BoundedText(limitChars);
    this.logText = new BoundedText(limitChars);
  }

  /** A line typed at `prompt`: its echo. Messages logged while it runs follow it. */
  recordInput(prompt: string, line: string): void {
    this.transcriptText.push(`${prompt}${line}\n`);
  }

  /** IOS's response to the line typed last. */
  recordResponse(response: string): void {
    if (response !== '') this.transcriptText.push(`${response}\n`);
  }

  /** A time-stamped message: `timestamp` as the router's `service timestamps` setting renders it. */
  recordMessage(timestamp: string, message: string): void {
    const line = timestamp === '' ? message : `${timestamp}: ${message}`;
    this.logText.push(`${line}\n`);
    this.transcriptText.push(`${line}\n`);
  }

  /** What the console showed, as far as it keeps it. */
  transcript(): string {
    return this.transcriptText.kept().join('');
  }

  /** The debug and syslog messages kept, one per line (multi-line messages keep their continuation lines). */
  log(): string {
    return this.logText.kept().join('');
  }

  /** How many characters the transcript and the log have had, cut ones included. */
  transcriptEnd(): number {
    return this.transcriptText.end;
  }

  logEnd(): number {
    return this.logText.end;
  }

  /** The transcript and the log from an absolute position (an earlier `...End()`) on. */
  transcriptFrom(position: number): string {
    return this.transcriptText.textFrom(position, this.transcript());
  }

  logFrom(position: number): string {
    return this.logText.textFrom(position, this.log());
  }

  /** What the transcript and the log cut, if anything. */
  transcriptCut(): ConsoleCut | undefined {
    return this.transcriptText.cut;
  }

  logCut(): ConsoleCut | undefined {
    return this.logText.cut;
  }

  /** How many transcript parts exist, to cut out what one step produced. */
  mark(): number {
    return this.transcriptText.partCount;
  }

  transcriptSince(mark: number): string {
    return this.transcriptText.partsFrom(mark).join('');
  }
}
