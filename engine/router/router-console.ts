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
import { NewestWithin } from '../sim/newest-within.ts';

/** How much of a console's text a lab keeps by default, per router, transcript and log each. */
export const DEFAULT_CONSOLE_LIMIT_CHARS = 8 * 1024 * 1024;

/** What a bounded text cut: its oldest parts. */
export interface ConsoleCut {
  readonly parts: number;
  readonly chars: number;
  readonly limitChars: number;
}

/** A console's text: its parts (a typed line, a response, a message), the newest within a limit. */
class BoundedText {
  private readonly parts: NewestWithin<string>;

  constructor(limitChars: number) {
    this.parts = new NewestWithin(limitChars, (part) => part.length);
  }

  push(part: string): void {
    this.parts.push(part);
  }

  get partCount(): number {
    return this.parts.pushedCount;
  }

  get end(): number {
    return this.parts.pushedSize;
  }

  get cut(): ConsoleCut | undefined {
    const cut = this.parts.cut;
    return cut === undefined ? undefined : { parts: cut.count, chars: cut.size, limitChars: this.parts.limit };
  }

  kept(): string[] {
    return this.parts.kept();
  }

  /** The parts from the absolute part index `mark` on (what was cut of them is gone). */
  partsFrom(mark: number): string[] {
    return this.parts.keptFrom(mark);
  }

  /** The text from the absolute character position on (what was cut of it is gone). */
  textFrom(position: number, joined: string): string {
    return joined.slice(Math.max(0, position - (this.end - joined.length)));
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
