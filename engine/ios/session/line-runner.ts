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

export function resolveLine(mode: ModeId, line: string, tables: ModeTables = MODE_TABLES): Resolution {
  const failures: MatchFailure[] = [];
  for (const candidate of modeChain(mode)) {
    const table: CompiledCommand<CommandSpec>[] = tables[candidate];
    const result = matchLine(table, line);
    if (result.kind === 'empty') return { kind: 'empty' };
    if (result.kind === 'match') return { kind: 'command', spec: result.command, args: result.args, mode: candidate };
    failures.push(result);
  }
  return { kind: 'failure', failure: furthest(failures) };
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
