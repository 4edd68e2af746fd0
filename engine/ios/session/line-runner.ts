import type { Args, CompiledCommand } from '../cli/command-types.ts';
import { matchLine, splitWords, type MatchFailure } from '../cli/matcher.ts';
import type { CommandSpec, ModeId } from '../commands/command-context.ts';
import { MODE_TABLES, modeChain, type ModeTables } from '../commands/mode-table.ts';
import { IosText } from '../messages.ts';

/**
 * Finds the command a line means in the current mode, falling back to the parent modes the
 * way IOS does, and turns a failure into IOS's error text.
 */

export type Resolution =
  | { kind: 'command'; spec: CommandSpec; args: Args; mode: ModeId }
  | { kind: 'empty' }
  | { kind: 'failure'; failure: MatchFailure };

/** Incomplete lines got furthest; otherwise the failure further right wins, the inner mode on ties. */
function furthest(failures: MatchFailure[]): MatchFailure {
  const reach = (f: MatchFailure) => (f.kind === 'incomplete' ? Number.POSITIVE_INFINITY : f.position);
  return failures.reduce((best, f) => (reach(f) > reach(best) ? f : best));
}

/**
 * How far into the line a match's grammar checked it: where an unchecked tail (`$rest`: the
 * vocabulary of commands known only by name, kept lines) begins, or the whole line.
 */
function checkedReach(args: Args, line: string): number {
  return args.start(UNCHECKED_REST) ?? line.length;
}

const UNCHECKED_REST = 'rest';

/**
 * The innermost mode that takes the line wins, as in IOS, unless it took it only through an
 * unchecked tail: then a parent mode whose grammar checks more of the line wins. IOS refuses
 * `ntp server 1.2.3.4` in interface mode and falls back to global configuration; tedlab knows
 * interface `ntp` by name only, and would otherwise swallow every global line that starts like
 * an interface command (a global line after an interface block in a startup configuration).
 */
export function resolveLine(mode: ModeId, line: string, tables: ModeTables = MODE_TABLES): Resolution {
  const failures: MatchFailure[] = [];
  let best: { resolution: Resolution & { kind: 'command' }; reach: number } | undefined;
  for (const candidate of modeChain(mode)) {
    const table: CompiledCommand<CommandSpec>[] = tables[candidate];
    const result = matchLine(table, line);
    if (result.kind === 'empty') return { kind: 'empty' };
    if (result.kind !== 'match') {
      failures.push(result);
      continue;
    }
    const reach = checkedReach(result.args, line);
    if (best === undefined || reach > best.reach) {
      best = { resolution: { kind: 'command', spec: result.command, args: result.args, mode: candidate }, reach };
    }
    if (reach === line.length) break;
  }
  return best?.resolution ?? { kind: 'failure', failure: furthest(failures) };
}

export function caretLine(column: number): string {
  return `${' '.repeat(Math.max(0, column))}^`;
}

/**
 * IOS's text for a line it could not parse. `caretBase` is the width of what precedes the
 * line on screen (the prompt), so the caret lands under the offending word.
 */
export function failureText(failure: MatchFailure, line: string, caretBase: number): string[] {
  // IOS leaves an empty line after these two errors, though not after an ambiguous command.
  switch (failure.kind) {
    case 'incomplete':
      return [IosText.incomplete, ''];
    case 'ambiguous': {
      const start = line.search(/\S/);
      return [IosText.ambiguous(line.slice(start, failure.end))];
    }
    case 'invalid':
      return [caretLine(caretBase + failure.position), IosText.invalidInput, ''];
  }
}

/** Exec mode takes an unknown single word for a host to telnet to. */
export function isUnknownHostWord(mode: ModeId, failure: MatchFailure, line: string): boolean {
  return (mode === 'user' || mode === 'exec') && failure.kind === 'invalid' && failure.wordIndex === 0 && splitWords(line).length === 1;
}
