import { helpFor, type CompiledCommand } from './command-types.ts';
import { splitWords, walk, type MatchFailure, type MatchState } from './matcher.ts';
import { keywordStartsWith } from './tokens.ts';

/**
 * IOS's `?`: after a blank it lists what may come next in two columns (label, help);
 * glued to a word (`sh?`) it lists the keywords that word can abbreviate.
 */

export type HelpResult = { kind: 'lines'; lines: string[] } | { kind: 'unrecognized' } | MatchFailure;

const CR = '<cr>';
const TERMINAL_WIDTH = 80;

interface Entry {
  label: string;
  help: string;
}

function entriesOf<Spec>(states: MatchState<Spec>[], finished: boolean): Entry[] {
  const byLabel = new Map<string, string>();
  let canEnd = finished;
  for (const state of states) {
    const token = state.node.token;
    if (token === 'end') {
      canEnd = true;
      continue;
    }
    const help = helpFor(token, state.command.help);
    if (!byLabel.get(token.label)) byLabel.set(token.label, help);
  }
  const entries = [...byLabel].map(([label, help]) => ({ label, help }));
  entries.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  if (canEnd) entries.push({ label: CR, help: '' });
  return entries;
}

function twoColumns(entries: Entry[]): string[] {
  const width = Math.max(...entries.filter((e) => e.label !== CR).map((e) => e.label.length), 0);
  return entries.map((e) => (e.label === CR ? `  ${CR}` : `  ${e.label.padEnd(width)}  ${e.help}`.trimEnd()));
}

function wrapWords(words: string[]): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && current.length + 2 + word.length > TERMINAL_WIDTH) {
      lines.push(current);
      current = '';
    }
    current = current ? `${current}  ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

/** What comes next after the complete words of `text` (which ends with a blank or is empty). */
function nextTokens<Spec>(commands: readonly CompiledCommand<Spec>[], text: string): HelpResult {
  const walked = walk(commands, text);
  if ('kind' in walked) {
    if (walked.kind === 'invalid' && walked.wordIndex === 0) return { kind: 'unrecognized' };
    return walked;
  }
  const entries = entriesOf(walked.states, walked.finished.length > 0);
  if (entries.length === 0) return { kind: 'unrecognized' };
  return { kind: 'lines', lines: [...twoColumns(entries), ''] };
}

/** The keywords the last, unfinished word of `text` can abbreviate. */
function completions<Spec>(commands: readonly CompiledCommand<Spec>[], text: string): HelpResult {
  const words = splitWords(text);
  const partial = words[words.length - 1]!;
  const walked = walk(commands, text.slice(0, partial.start));
  if ('kind' in walked) return walked.kind === 'invalid' && walked.wordIndex === 0 ? { kind: 'unrecognized' } : walked;
  const labels = new Set<string>();
  for (const state of walked.states) {
    const token = state.node.token;
    if (token !== 'end' && token.kind === 'keyword' && keywordStartsWith(token, partial.text)) labels.add(token.label);
  }
  if (labels.size === 0) return { kind: 'unrecognized' };
  return { kind: 'lines', lines: [...wrapWords([...labels].sort()), ''] };
}

/** Help for a line typed with a trailing `?` (the `?` already removed). */
export function help<Spec>(commands: readonly CompiledCommand<Spec>[], textBeforeQuestionMark: string): HelpResult {
  const endsWord = textBeforeQuestionMark.length > 0 && !/\s$/.test(textBeforeQuestionMark);
  return endsWord ? completions(commands, textBeforeQuestionMark) : nextTokens(commands, textBeforeQuestionMark);
}
