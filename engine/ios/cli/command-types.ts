import type { Token } from './tokens.ts';
import { compileSyntax, syntaxTokens, type Continuation } from './syntax.ts';

/**
 * Help texts of a command's tokens. A keyword is looked up as `text$name`, then `text`;
 * an argument as `$name`, then its label. Tables shared by many commands (interface types,
 * port names) are merged in by the mode definitions.
 */
export type HelpTable = Readonly<Record<string, string>>;

/** One token the matcher took from the typed line. */
export interface Capture {
  name: string;
  /** Keywords: their full spelling. Arguments: the word as typed. LINE: the rest of the line. */
  value: string;
  token: Token;
  /** Offset of the word in the typed line. */
  start: number;
}

/** The values of a matched command, by capture name. */
export class Args {
  constructor(readonly captures: readonly Capture[]) {}

  has(name: string): boolean {
    return this.captures.some((capture) => capture.name === name);
  }

  /**
   * The value captured under a name. A keyword is captured under its own text unless named,
   * so `key WORD$key` captures twice; the later capture, the argument, is the one returned.
   */
  get(name: string): string | undefined {
    return this.last(name)?.value;
  }

  private last(name: string): Capture | undefined {
    for (let i = this.captures.length - 1; i >= 0; i--) if (this.captures[i]!.name === name) return this.captures[i];
    return undefined;
  }

  /** Every value captured under a name, in typed order (repeated arguments). */
  all(name: string): string[] {
    return this.captures.filter((capture) => capture.name === name).map((capture) => capture.value);
  }

  number(name: string): number | undefined {
    const value = this.get(name);
    return value === undefined ? undefined : Number(value);
  }

  /** Offset in the typed line of a captured word, for carets that point at an argument. */
  start(name: string): number | undefined {
    return this.last(name)?.start;
  }

  /**
   * The command as IOS stores it: keywords spelled out, arguments as typed, an interface
   * type glued to its number (`FastEthernet0/1`, however it was typed).
   */
  canonical(skipLeading = 0): string {
    const kept = this.captures.slice(skipLeading);
    return kept
      .map((capture, index) => {
        const previous = kept[index - 1]?.token;
        const glued = previous?.kind === 'keyword' && previous.attachNumber;
        return `${glued ? '' : ' '}${capture.value}`;
      })
      .join('')
      .trimStart();
  }
}

/** A command of a grammar table, compiled once. */
export interface CompiledCommand<Spec> {
  readonly spec: Spec;
  readonly start: Continuation;
  /** The table's shared help with the command's own entries over it. */
  readonly help: HelpTable;
}

export interface SyntaxSpec {
  syntax: string;
  help?: HelpTable;
}

/**
 * The merged help is made on the first `?`: merging it for each of a router's ~1,400 commands
 * up front took a third of loading the grammar, and most commands are never asked for help.
 */
class CompiledSyntax<Spec extends SyntaxSpec> implements CompiledCommand<Spec> {
  readonly start: Continuation;
  private merged: HelpTable | undefined;

  constructor(
    readonly spec: Spec,
    private readonly shared: HelpTable,
  ) {
    this.start = compileSyntax(spec.syntax);
  }

  get help(): HelpTable {
    this.merged ??= { ...this.shared, ...this.spec.help };
    return this.merged;
  }
}

export function compileCommands<Spec extends SyntaxSpec>(specs: readonly Spec[], shared: HelpTable): CompiledCommand<Spec>[] {
  return specs.map((spec) => new CompiledSyntax(spec, shared));
}

/** The help text of a token in a command, or '' when the tables have none. */
export function helpFor(token: Token, help: HelpTable): string {
  if (token.kind === 'keyword') return help[`${token.label}$${token.name}`] ?? help[token.label] ?? '';
  return help[`$${token.name}`] ?? help[token.label] ?? '';
}

/** Tokens of a command that have no help text (a test keeps this empty for every table). */
export function tokensWithoutHelp(command: CompiledCommand<SyntaxSpec>): string[] {
  return syntaxTokens(command.spec.syntax)
    .filter((token) => helpFor(token, command.help) === '')
    .map((token) => `${token.label}$${token.name}`);
}
