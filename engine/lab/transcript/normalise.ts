/**
 * Normalisation of IOS transcripts before an exact comparison (libreswan's way: tidy both
 * sides the same way, then compare them line for line).
 *
 * Reference transcripts were rebuilt from an HTML export that lost column spacing, so a run
 * of blanks carries no meaning; blank lines and trailing blanks carry none either.
 */

/** What a transcript is: decides which lines are noise and how debug messages are cut. */
export type TranscriptKind = 'show' | 'running-config' | 'debug';

export interface NormaliseOptions {
  readonly kind: TranscriptKind;
  /**
   * Ignore a first line `<hostname>#<command>` (or `<hostname>>...`): a reference copied
   * from a console starts with the echo of the command, the lab's own output does not.
   */
  readonly dropEcho?: boolean;
}

/** One console message: a timestamped line and the continuation lines printed with it. */
export interface DebugMessage {
  /** As printed, without the colon that ends it (`*Mar  1 02:07:18.850`); '' for text before the first timestamp. */
  readonly timestamp: string;
  /** The text after `<timestamp>: `, continuation lines joined with \n. */
  readonly text: string;
}

/**
 * An IOS log timestamp, by `service timestamps debug|log`: `datetime [msec] [year]
 * [show-timezone]` (`Mar  1 2002 02:07:18.850 UTC`) or `uptime` (`00:05:23`, `1d02h`, `2w3d`).
 * Group 1 is the clock-sync marker IOS prefixes (`*` never set, `.` no longer synchronised);
 * group 2 is the time itself.
 */
export const TIMESTAMP_SOURCE =
  String.raw`([*.]?)(` +
  String.raw`[A-Z][a-z]{2} +\d{1,2}(?: \d{4})? \d{2}:\d{2}:\d{2}(?:\.\d{3})?(?: [A-Z]{2,5})?` +
  String.raw`|\d{2}:\d{2}:\d{2}(?:\.\d{3})?` +
  String.raw`|\d+[wd]\d+[dh])`;

const MESSAGE_START = new RegExp(`^(${TIMESTAMP_SOURCE}): ?(.*)$`);

/** An exec or config prompt followed by a command: `Daphne#show crypto map`, `fred>show version`. */
const COMMAND_ECHO = /^[A-Za-z][A-Za-z0-9._-]*(\([a-z0-9-]+\))?[#>]\S/;

/** Lines of a text, whatever its line ends. */
export function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/** Runs of blanks (spaces, tabs) become one space; trailing blanks go. */
export function collapseBlanks(line: string): string {
  return line.replace(/[ \t]+/g, ' ').trimEnd();
}

export function isCommandEcho(line: string): boolean {
  return COMMAND_ECHO.test(line);
}

/** Cuts a console log into messages; blank lines are dropped, nothing else is lost. */
export function splitDebugMessages(text: string): DebugMessage[] {
  const messages: { timestamp: string; lines: string[] }[] = [];
  for (const line of splitLines(text)) {
    const start = MESSAGE_START.exec(line);
    const current = messages[messages.length - 1];
    if (start !== null) messages.push({ timestamp: start[1]!, lines: [start[4]!] });
    else if (line.trim() === '') continue;
    // IOS indents its continuation lines; an unindented stray line still belongs to the message above it.
    else if (current !== undefined) current.lines.push(line);
    else messages.push({ timestamp: '', lines: [line] });
  }
  return messages.map(({ timestamp, lines }) => ({ timestamp, text: lines.join('\n') }));
}

/** Prints messages back the way the console shows them. */
export function formatDebugMessages(messages: readonly DebugMessage[]): string {
  return messages
    .map(({ timestamp, text }) => (timestamp === '' ? text : `${timestamp}: ${text}`))
    .join('\n');
}

function withoutCommandEcho(lines: readonly string[]): string[] {
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0 || !isCommandEcho(lines[first]!)) return [...lines];
  return lines.filter((_, index) => index !== first);
}

/** Lines that carry no information for a transcript of this kind. */
function isNoise(line: string, kind: TranscriptKind): boolean {
  if (line === '') return true;
  // `!` separates sections of a running-config; how many IOS prints depends on what is configured around them.
  return kind === 'running-config' && line.trim() === '!';
}

/**
 * The normalised lines of a transcript: command echo dropped if asked, blanks collapsed,
 * blank lines (and for running-config `!` lines) dropped, debug logs message by message.
 */
export function normaliseLines(text: string, options: NormaliseOptions): string[] {
  let lines = splitLines(text);
  if (options.dropEcho === true) lines = withoutCommandEcho(lines);
  if (options.kind === 'debug') lines = splitLines(formatDebugMessages(splitDebugMessages(lines.join('\n'))));
  return lines.map(collapseBlanks).filter((line) => !isNoise(line, options.kind));
}

/**
 * The lines as printed, for a reader: echo dropped if asked, trailing blanks and trailing blank
 * lines gone, columns and indentation kept.
 */
export function originalLines(text: string, options: NormaliseOptions): string[] {
  let lines = splitLines(text).map((line) => line.trimEnd());
  if (options.dropEcho === true) lines = withoutCommandEcho(lines);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  return lines;
}

/** `normaliseLines` joined with \n. */
export function normalise(text: string, options: NormaliseOptions): string {
  return normaliseLines(text, options).join('\n');
}
