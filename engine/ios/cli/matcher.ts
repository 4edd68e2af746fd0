import { Args, type Capture, type CompiledCommand } from './command-types.ts';
import { expand, type GraphNode } from './syntax.ts';
import { argumentAccepts, keywordStartsWith, type KeywordToken, type Token } from './tokens.ts';

/**
 * Walks all commands of a mode at once over the typed words, the way IOS's parse chains
 * do: a word may be any unique prefix of a keyword, an exact keyword beats longer ones,
 * and arguments are tried only when no keyword fits.
 */

export interface Word {
  text: string;
  start: number;
}

export function splitWords(line: string): Word[] {
  const words: Word[] = [];
  for (const match of line.matchAll(/\S+/g)) words.push({ text: match[0], start: match.index });
  return words;
}

export interface MatchState<Spec> {
  node: GraphNode;
  command: CompiledCommand<Spec>;
  captures: Capture[];
  /** A LINE argument took the rest of the line. */
  done: boolean;
}

export type MatchFailure =
  | { kind: 'invalid'; position: number; wordIndex: number }
  | { kind: 'ambiguous'; position: number; end: number }
  | { kind: 'incomplete' };

export type MatchResult<Spec> = { kind: 'match'; command: Spec; args: Args } | MatchFailure | { kind: 'empty' };

type StepResult<Spec> = { states: MatchState<Spec>[]; words: Word[] } | MatchFailure;

/**
 * The states every line starts from, per command table: the same for every line of a mode.
 * A typed word can only be a prefix of keywords with its own first letter, so the keyword
 * states are also kept by first letter: a line's first word is tried against those and the
 * argument states, not against all of a mode's ~400 commands.
 */
interface StartIndex<Spec> {
  readonly all: readonly MatchState<Spec>[];
  readonly keywordsByInitial: ReadonlyMap<string, readonly MatchState<Spec>[]>;
  readonly arguments: readonly MatchState<Spec>[];
}

const START_INDEXES = new WeakMap<readonly CompiledCommand<unknown>[], StartIndex<unknown>>();

function startIndex<Spec>(commands: readonly CompiledCommand<Spec>[]): StartIndex<Spec> {
  let index = START_INDEXES.get(commands) as StartIndex<Spec> | undefined;
  if (index === undefined) {
    const all = Object.freeze(commands.flatMap((command) =>
      expand(command.start).map((node) => Object.freeze({ node, command, captures: [], done: false }) as MatchState<Spec>)));
    const keywordsByInitial = new Map<string, MatchState<Spec>[]>();
    const argumentStates: MatchState<Spec>[] = [];
    for (const state of all) {
      const token = tokenOf(state);
      if (token?.kind !== 'keyword') argumentStates.push(state);
      else {
        const initial = token.lower[0]!;
        const sameInitial = keywordsByInitial.get(initial);
        if (sameInitial === undefined) keywordsByInitial.set(initial, [state]);
        else sameInitial.push(state);
      }
    }
    index = { all, keywordsByInitial, arguments: argumentStates };
    START_INDEXES.set(commands, index);
  }
  return index;
}

/** The start states a first word can move on from (every start state when there is no word). */
function startStates<Spec>(commands: readonly CompiledCommand<Spec>[], firstWord?: string): MatchState<Spec>[] {
  const index = startIndex(commands);
  if (firstWord === undefined) return [...index.all];
  return [...(index.keywordsByInitial.get(firstWord[0]!.toLowerCase()) ?? []), ...index.arguments];
}

function tokenOf(state: MatchState<unknown>): Token | undefined {
  return state.node.token === 'end' ? undefined : state.node.token;
}

function advance<Spec>(state: MatchState<Spec>, capture: Capture, done = false): MatchState<Spec>[] {
  const captures = [...state.captures, capture];
  return expand(state.node.next).map((node) => ({ node, command: state.command, captures, done }));
}

function keywordsMatching<Spec>(states: MatchState<Spec>[], word: string): MatchState<Spec>[] {
  const candidates = states.filter((s) => {
    const token = tokenOf(s);
    return token?.kind === 'keyword' && keywordStartsWith(token, word);
  });
  const exact = candidates.filter((s) => (tokenOf(s) as KeywordToken).lower === word.toLowerCase());
  return exact.length > 0 ? exact : candidates;
}

function distinctKeywords(states: MatchState<unknown>[]): number {
  return new Set(states.map((s) => (tokenOf(s) as KeywordToken).lower)).size;
}

/** `fa0/0` is the keyword `fa` with its number glued on: split it when that is the only reading. */
function splitAttached<Spec>(states: MatchState<Spec>[], word: Word): Word[] | undefined {
  const glued = /^([A-Za-z][A-Za-z-]*)(\d.*)$/.exec(word.text);
  if (!glued) return undefined;
  const attachable = states.some((s) => {
    const token = tokenOf(s);
    return token?.kind === 'keyword' && token.attachNumber && keywordStartsWith(token, glued[1]!);
  });
  if (!attachable) return undefined;
  return [
    { text: glued[1]!, start: word.start },
    { text: glued[2]!, start: word.start + glued[1]!.length },
  ];
}

function step<Spec>(states: MatchState<Spec>[], words: Word[], index: number, line: string): StepResult<Spec> {
  const word = words[index]!;
  const keywords = keywordsMatching(states, word.text);
  if (keywords.length > 0 && distinctKeywords(keywords) > 1) {
    return { kind: 'ambiguous', position: word.start, end: word.start + word.text.length };
  }
  if (keywords.length > 0) {
    const next = keywords.flatMap((s) => {
      const token = tokenOf(s) as KeywordToken;
      return advance(s, { name: token.name, value: token.label, token, start: word.start });
    });
    return { states: next, words };
  }
  const split = splitAttached(states, word);
  if (split) return step(states, [...words.slice(0, index), ...split, ...words.slice(index + 1)], index, line);
  const next = states.flatMap((s) => {
    const token = tokenOf(s);
    if (!token || !argumentAccepts(token, word.text)) return [];
    if (token.kind === 'line') {
      const rest = line.slice(word.start).trimEnd();
      return advance(s, { name: token.name, value: rest, token, start: word.start }, true);
    }
    return advance(s, { name: token.name, value: word.text, token, start: word.start });
  });
  if (next.length === 0) return { kind: 'invalid', position: word.start + matchedPrefix(states, word.text), wordIndex: index };
  return { states: next, words };
}

/**
 * How many leading characters of a refused word some keyword still accepts: IOS puts its caret
 * under the first character that no keyword allows (`hostnane` is refused at its second `n`).
 */
function matchedPrefix(states: MatchState<unknown>[], word: string): number {
  const typed = word.toLowerCase();
  let longest = 0;
  for (const state of states) {
    const token = tokenOf(state);
    if (token?.kind !== 'keyword') continue;
    let common = 0;
    while (common < typed.length && token.lower[common] === typed[common]) common++;
    longest = Math.max(longest, common);
  }
  return Math.min(longest, Math.max(0, typed.length - 1));
}

/** The states after all words, or the first failure. Shared by execution and `?` help. */
export function walk<Spec>(
  commands: readonly CompiledCommand<Spec>[],
  line: string,
  words: Word[] = splitWords(line),
): { states: MatchState<Spec>[]; finished: MatchState<Spec>[] } | MatchFailure {
  let states = startStates(commands, words[0]?.text);
  const finished: MatchState<Spec>[] = [];
  for (let index = 0; index < words.length; index++) {
    const result = step(states, words, index, line);
    if ('kind' in result) {
      if (finished.length > 0) return { states: [], finished };
      return result;
    }
    words = result.words;
    finished.push(...result.states.filter((s) => s.done));
    states = result.states.filter((s) => !s.done);
  }
  return { states, finished };
}

/**
 * Lines already matched, per command table. A match depends on the table and the line alone,
 * and its Args are never changed, so one result serves every router that reads the same line:
 * a suite loads the same labs scenario after scenario, and a mesh's routers share most lines.
 */
const MATCHED = new WeakMap<readonly CompiledCommand<unknown>[], Map<string, MatchResult<unknown>>>();
const MATCHED_LINES_KEPT = 4096;

/** Matches a whole line against a mode's commands. */
export function matchLine<Spec>(commands: readonly CompiledCommand<Spec>[], line: string): MatchResult<Spec> {
  let matched = MATCHED.get(commands) as Map<string, MatchResult<Spec>> | undefined;
  if (matched === undefined) {
    matched = new Map();
    MATCHED.set(commands, matched);
  }
  let result = matched.get(line);
  if (result === undefined) {
    // Past the bound, start over: a run of distinct lines (a fuzzer's) must not grow it forever.
    if (matched.size >= MATCHED_LINES_KEPT) matched.clear();
    result = matchUncached(commands, line);
    matched.set(line, result);
  }
  return result;
}

function matchUncached<Spec>(commands: readonly CompiledCommand<Spec>[], line: string): MatchResult<Spec> {
  const words = splitWords(line);
  if (words.length === 0) return { kind: 'empty' };
  const walked = walk(commands, line, words);
  if ('kind' in walked) return walked;
  const ends = [...walked.states, ...walked.finished].filter((s) => s.node.token === 'end');
  if (ends.length === 0) return { kind: 'incomplete' };
  const order = (s: MatchState<Spec>) => commands.indexOf(s.command);
  const chosen = ends.reduce((best, s) => (order(s) < order(best) ? s : best));
  return { kind: 'match', command: chosen.command.spec, args: new Args(chosen.captures) };
}
