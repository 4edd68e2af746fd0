import { parseTokenSpec, type Token } from './tokens.ts';

/**
 * Syntax strings in the style of FRRouting's DEFPY: `ip route A.B.C.D$prefix A.B.C.D$mask
 * (A.B.C.D$nexthop|IFNAME) [<1-255>$distance]`. `(a|b)` chooses one, `[x]` is optional and
 * `{a|b}` takes any of its branches in any order. A syntax compiles into a graph of token
 * nodes that the matcher walks one typed word at a time.
 */

type SyntaxItem =
  | { kind: 'token'; token: Token }
  | { kind: 'choice'; branches: SyntaxItem[][] }
  | { kind: 'optional'; body: SyntaxItem[] }
  | { kind: 'any-order'; branches: SyntaxItem[][] };

/** A node of the compiled graph: one token, or the end of a command. */
export interface GraphNode {
  token: Token | 'end';
  next: Continuation;
}

/**
 * The set of nodes that may come next. Links to other continuations are followed lazily so
 * that the loop of an any-order group can refer to itself before it is complete.
 */
export interface Continuation {
  nodes: GraphNode[];
  links: Continuation[];
}

const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', '|']);

function lex(syntax: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of syntax) {
    if (PUNCTUATION.has(ch) || /\s/.test(ch)) {
      if (current) out.push(current);
      current = '';
      if (PUNCTUATION.has(ch)) out.push(ch);
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

class SyntaxReader {
  private at = 0;
  constructor(
    private readonly lexemes: string[],
    private readonly source: string,
  ) {}

  readAll(): SyntaxItem[] {
    const items = this.readSequence();
    if (this.at < this.lexemes.length) this.fail(`unexpected "${this.lexemes[this.at]}"`);
    return items;
  }

  private readSequence(): SyntaxItem[] {
    const items: SyntaxItem[] = [];
    for (;;) {
      const lexeme = this.lexemes[this.at];
      if (lexeme === undefined || lexeme === '|' || lexeme === ')' || lexeme === ']' || lexeme === '}') return items;
      this.at++;
      if (lexeme === '(') items.push({ kind: 'choice', branches: this.readBranches(')') });
      else if (lexeme === '{') items.push({ kind: 'any-order', branches: this.readBranches('}') });
      else if (lexeme === '[') items.push({ kind: 'optional', body: this.readOptional() });
      else items.push({ kind: 'token', token: parseTokenSpec(lexeme) });
    }
  }

  private readBranches(close: string): SyntaxItem[][] {
    const branches = [this.readSequence()];
    while (this.lexemes[this.at] === '|') {
      this.at++;
      branches.push(this.readSequence());
    }
    this.expect(close);
    return branches;
  }

  private readOptional(): SyntaxItem[] {
    const branches = this.readBranches(']');
    return branches.length === 1 ? branches[0]! : [{ kind: 'choice', branches }];
  }

  private expect(lexeme: string): void {
    if (this.lexemes[this.at] !== lexeme) this.fail(`expected "${lexeme}"`);
    this.at++;
  }

  private fail(problem: string): never {
    // Grammar tables are static program text: a bad one is a programming error, found by the tests.
    throw new Error(`bad command syntax "${this.source}": ${problem}`);
  }
}

function compileSequence(items: SyntaxItem[], then: Continuation): Continuation {
  let continuation = then;
  for (let i = items.length - 1; i >= 0; i--) continuation = compileItem(items[i]!, continuation);
  return continuation;
}

function compileItem(item: SyntaxItem, then: Continuation): Continuation {
  switch (item.kind) {
    case 'token':
      return { nodes: [{ token: item.token, next: then }], links: [] };
    case 'choice':
      return { nodes: [], links: item.branches.map((branch) => compileSequence(branch, then)) };
    case 'optional':
      return { nodes: [], links: [compileSequence(item.body, then), then] };
    case 'any-order': {
      const loop: Continuation = { nodes: [], links: [] };
      loop.links.push(...item.branches.map((branch) => compileSequence(branch, loop)), then);
      return loop;
    }
  }
}

/** Compiles a syntax string; the returned continuation holds the command's first tokens. */
export function compileSyntax(syntax: string): Continuation {
  const items = new SyntaxReader(lex(syntax), syntax).readAll();
  const end: GraphNode = { token: 'end', next: { nodes: [], links: [] } };
  return compileSequence(items, { nodes: [end], links: [] });
}

/** Every node a continuation can lead to, following links (cycles included) once. */
/** A compiled graph never changes, so what a continuation expands to is worked out once. */
const EXPANDED = new WeakMap<Continuation, readonly GraphNode[]>();

export function expand(continuation: Continuation): readonly GraphNode[] {
  const known = EXPANDED.get(continuation);
  if (known !== undefined) return known;
  const nodes = expandAfresh(continuation);
  EXPANDED.set(continuation, nodes);
  return nodes;
}

function expandAfresh(continuation: Continuation): GraphNode[] {
  const nodes: GraphNode[] = [];
  const seen = new Set<Continuation>();
  const visit = (c: Continuation): void => {
    if (seen.has(c)) return;
    seen.add(c);
    for (const node of c.nodes) if (!nodes.includes(node)) nodes.push(node);
    for (const link of c.links) visit(link);
  };
  visit(continuation);
  return nodes;
}

/** All tokens of a syntax in textual order (used to check that every token has help). */
export function syntaxTokens(syntax: string): Token[] {
  const out: Token[] = [];
  const walk = (items: SyntaxItem[]): void => {
    for (const item of items) {
      if (item.kind === 'token') out.push(item.token);
      else if (item.kind === 'optional') walk(item.body);
      else item.branches.forEach(walk);
    }
  };
  walk(new SyntaxReader(lex(syntax), syntax).readAll());
  return out;
}
