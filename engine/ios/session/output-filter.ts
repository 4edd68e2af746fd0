import { Args, compileCommands, type SyntaxSpec } from '../cli/command-types.ts';
import { help, type HelpResult } from '../cli/help.ts';
import { matchLine, splitWords, type MatchFailure } from '../cli/matcher.ts';
import { compileIosRegex } from './ios-regex.ts';

/**
 * IOS 12.2's output modifiers: `show ... | begin|exclude|include REGEX`. They belong to `show`
 * commands only; 12.2 has neither `| section` (12.3T) nor `| count`, and one modifier per line
 * (a second `|` is alternation inside the regular expression, `include crypto|isakmp`).
 */

export type FilterKind = 'begin' | 'exclude' | 'include';

export interface OutputFilter {
  kind: FilterKind;
  regex: RegExp;
}

/** A line cut at its first `|` word: the command before it, the modifier after it. */
export interface PipedLine {
  command: string;
  modifier: string;
  /** Offset of the modifier text in the typed line, for carets. */
  modifierOffset: number;
}

export type ModifierParse = { ok: true; filter: OutputFilter } | { ok: false; failure: MatchFailure } | { ok: false; badRegex: true };

interface ModifierSpec extends SyntaxSpec {
  kind: FilterKind;
}

const MODIFIER_HELP = {
  begin: 'Begin with the line that matches',
  exclude: 'Exclude lines that match',
  include: 'Include lines that match',
  $regex: 'Regular Expression',
};

const MODIFIERS = compileCommands<ModifierSpec>(
  (['begin', 'exclude', 'include'] as const).map((kind) => ({ syntax: `${kind} LINE$regex`, kind })),
  MODIFIER_HELP,
);

/** What `show ... ?` lists for the pipe, just before `<cr>`. */
export const PIPE_HELP = 'Output modifiers';

export function splitPipe(line: string): PipedLine | undefined {
  const pipe = splitWords(line).find((word) => word.text === '|');
  if (pipe === undefined) return undefined;
  const after = pipe.start + 1;
  const modifierOffset = after + (line.slice(after).length - line.slice(after).trimStart().length);
  return { command: line.slice(0, pipe.start), modifier: line.slice(modifierOffset), modifierOffset };
}

/** The commands that take a modifier: every `show`. */
export function acceptsOutputModifiers(args: Args): boolean {
  return args.captures[0]?.value === 'show';
}

export function parseModifier(text: string): ModifierParse {
  const result = matchLine(MODIFIERS, text);
  if (result.kind === 'empty') return { ok: false, failure: { kind: 'incomplete' } };
  if (result.kind !== 'match') return { ok: false, failure: result };
  const compiled = compileIosRegex(result.args.get('regex')!);
  if (!compiled.ok) return { ok: false, badRegex: true };
  return { ok: true, filter: { kind: result.command.kind, regex: compiled.regex } };
}

export function applyFilter(filter: OutputFilter, lines: readonly string[]): string[] {
  const matches = (line: string) => filter.regex.test(line);
  switch (filter.kind) {
    case 'include':
      return lines.filter(matches);
    case 'exclude':
      return lines.filter((line) => !matches(line));
    case 'begin': {
      const first = lines.findIndex(matches);
      return first < 0 ? [] : lines.slice(first);
    }
  }
}

/** `?` typed after the pipe. */
export function modifierHelp(textAfterPipe: string): HelpResult {
  return help(MODIFIERS, textAfterPipe);
}

/** Adds the pipe to the help of a complete `show` command, where IOS lists it: right before `<cr>`. */
export function withPipeHelp(lines: readonly string[]): string[] {
  const crAt = lines.indexOf('  <cr>');
  if (crAt < 0) return [...lines];
  const labels = lines.filter((line) => line.startsWith('  ') && line !== '  <cr>').map((line) => line.slice(2).split(' ')[0]!);
  const width = Math.max(1, ...labels.map((label) => label.length));
  return [...lines.slice(0, crAt), `  ${'|'.padEnd(width)}  ${PIPE_HELP}`, ...lines.slice(crAt)];
}
