import type { Args, HelpTable } from '../cli/command-types.ts';
import type { CommandContext, CommandSpec, CommandStatus } from './command-context.ts';
import { answerKnownCommand, refuseKnownLine, type NotModelledImpact } from './not-modelled.ts';
import { commandTopic } from './not-modelled-topics.ts';

/**
 * The 12.2 image's vocabulary: keywords of commands the lab knows by name without carrying
 * them out. They let abbreviations resolve as IOS resolves them (`di` is ambiguous between
 * `dir`, `disable` and `disconnect`), and they answer with a tedlab notice instead of the
 * `% Invalid input` a typo gets. Tables are trees of keywords with their `?` help; a keyword
 * without keywords below it takes the rest of the line unchecked (its `tail`, by default).
 * The builder puts every entry after the modelled commands of its mode, so a modelled
 * command always wins over a vocabulary entry with the same keywords.
 */

export interface VocabularyWord {
  help: string;
  /** Keywords below this one; a word with keywords below is incomplete on its own, as in IOS. */
  below?: VocabularyLevel;
  /** What may follow a leaf, as a syntax; '' for nothing. Default: anything (`[LINE]`). */
  tail?: string;
  /** `?` help of the keywords in `tail`. */
  tailHelp?: HelpTable;
  /** Why it is not modelled, when there is more to say than that tedlab does not emulate it. */
  reason?: string;
  /** Also offered at the unprivileged `>` prompt (with everything below it). */
  user?: boolean;
}

export type VocabularyLevel = Readonly<Record<string, string | VocabularyWord>>;

const ANY_TAIL = '[LINE$rest]';
const REST_HELP = 'tedlab: the rest of this command is not checked (not modelled)';

type PathStep = { keyword: string; help: string };

const wordOf = (entry: string | VocabularyWord): VocabularyWord => (typeof entry === 'string' ? { help: entry } : entry);

function syntaxOf(path: PathStep[], tail: string): string {
  // Each keyword gets a name of its own, so that one help table serves a path whose words repeat.
  const keywords = path.map((step, depth) => `${step.keyword}$v${depth}`);
  return [...keywords, tail].filter((part) => part !== '').join(' ');
}

function helpOf(path: PathStep[]): HelpTable {
  const help: Record<string, string> = { $rest: REST_HELP };
  path.forEach((step, depth) => {
    help[`${step.keyword}$v${depth}`] = step.help;
  });
  return help;
}

export interface VocabularyOptions {
  /** `exec`: the notice is the command's output; `config`: the line is refused with the notice. */
  kind: 'exec' | 'config';
  /** The keywords above the table (`show`, `ip`) with their help. */
  root?: PathStep[];
  /** Whether the root is open at `>`. */
  user?: boolean;
  /**
   * Configuration only: keeps a line instead of refusing it (kept-vocabulary.ts). It returns
   * false for the paths that stay refused; `keeps` says so in advance, for COMMANDS.md.
   */
  keep?: {
    line: (ctx: CommandContext, path: string, line: string) => boolean;
    keeps: (path: string) => boolean;
    /** Why a refused path is refused, for its notice. */
    reason: (path: string) => string | undefined;
  };
}

function impactOf(kind: 'exec' | 'config', path: PathStep[]): NotModelledImpact {
  return kind === 'exec' && path[0]?.keyword === 'show' ? 'output' : 'behaviour';
}

function leafCommand(path: PathStep[], word: VocabularyWord, options: VocabularyOptions, user: boolean): CommandSpec {
  const name = path.map((step) => step.keyword).join(' ');
  const topic = commandTopic(name, impactOf(options.kind, path), word.reason ?? options.keep?.reason(name));
  const answer = options.kind === 'exec' ? answerKnownCommand : refuseKnownLine;
  const { keep } = options;
  const status: CommandStatus = keep?.keeps(name) ? 'kept' : 'known';
  return {
    syntax: syntaxOf(path, word.tail ?? ANY_TAIL),
    help: { ...helpOf(path), ...word.tailHelp },
    status,
    ...(user ? { userLevel: true } : {}),
    run: (ctx: CommandContext, args: Args) => {
      if (keep?.line(ctx, name, args.canonical())) return;
      answer(ctx, topic, args.canonical());
    },
  };
}

function walkLevel(level: VocabularyLevel, path: PathStep[], options: VocabularyOptions, user: boolean): CommandSpec[] {
  return Object.entries(level).flatMap(([keyword, entry]) => {
    const word = wordOf(entry);
    const here = [...path, { keyword, help: word.help }];
    const open = user || word.user === true;
    if (word.below === undefined) return [leafCommand(here, word, options, open)];
    return walkLevel(word.below, here, options, open);
  });
}

/** The commands of a vocabulary table, for the end of its mode's grammar. */
export function vocabularyCommands(level: VocabularyLevel, options: VocabularyOptions): CommandSpec[] {
  return walkLevel(level, options.root ?? [], options, options.user === true);
}

/** Shorthand for a keyword open at `>` as well. */
export function user(help: string, rest: Omit<VocabularyWord, 'help' | 'user'> = {}): VocabularyWord {
  return { help, user: true, ...rest };
}

/** The keywords a syntax starts with, up to its first argument or optional part (`$name` tags left out). */
function leadingKeywords(syntax: string): string[] {
  const words: string[] = [];
  for (const token of syntax.split(' ')) {
    const keyword = token.replace(/\$\w+$/, '');
    // Arguments are all capitals (`WORD`, `A.B.C.D`) or bracketed; keywords may hold `:` (`flash:`).
    if (!/^[A-Za-z][\w.:-]*$/.test(keyword) || /^[A-Z][A-Z.]*$/.test(keyword)) break;
    words.push(keyword);
  }
  return words;
}

/**
 * The vocabulary entries no modelled or kept command of the mode begins with: where the lab
 * models `show ip arp`, the vocabulary's `show ip arp [LINE]` would add a `LINE` to `?`.
 */
export function unshadowedVocabulary(vocabulary: readonly CommandSpec[], commands: readonly CommandSpec[]): CommandSpec[] {
  const modelled = commands.map((command) => leadingKeywords(command.syntax).join(' '));
  return vocabulary.filter((entry) => {
    const path = leadingKeywords(entry.syntax).join(' ');
    return !modelled.some((words) => words === path || words.startsWith(`${path} `));
  });
}
