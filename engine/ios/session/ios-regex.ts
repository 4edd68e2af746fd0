/**
 * IOS regular expressions, as the 12.2 "Regular Expressions" appendix of the Terminal Services
 * Configuration Guide describes them, turned into JavaScript ones for the output filters.
 *
 * What differs from JavaScript: `_` matches a comma, a brace, a parenthesis, a space, an
 * underscore, or the start or end of the text; braces are ordinary characters (IOS has no `{n,m}`); a backslash
 * makes the next character ordinary. The rest (`.`, `*`, `+`, `?`, `^`, `$`, `[...]`, `|`, and
 * parentheses with `\1` recall) means what it means in JavaScript. Matching is case-sensitive
 * and finds the pattern anywhere in a line.
 */

export type IosRegexResult = { ok: true; regex: RegExp } | { ok: false };

/** What `_` stands for: IOS's delimiters and both ends of the text. */
const UNDERSCORE = '(?:[,{}() _]|^|$)';

/** Characters JavaScript treats as special that IOS takes literally outside brackets. */
const LITERAL_OUTSIDE = new Set(['{', '}', '/']);

function translateBracket(pattern: string, start: number): { text: string; end: number } | undefined {
  let index = start + 1;
  let text = '[';
  if (pattern[index] === '^') {
    text += '^';
    index++;
  }
  // A `]` right after the opening bracket is a member, as in POSIX.
  if (pattern[index] === ']') {
    text += '\\]';
    index++;
  }
  for (; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === ']') return { text: `${text}]`, end: index };
    if (char === '\\' && index + 1 < pattern.length) {
      text += `\\${pattern[++index]}`;
      continue;
    }
    text += char === '[' ? '\\[' : char;
  }
  return undefined;
}

function escapeLiteral(char: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(char) ? `\\${char}` : char;
}

/** The JavaScript source of an IOS pattern, or undefined when a bracket is never closed. */
export function translateIosRegex(pattern: string): string | undefined {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '\\') {
      const next = pattern[index + 1];
      if (next === undefined) return undefined;
      source += /[1-9]/.test(next) ? `\\${next}` : escapeLiteral(next);
      index++;
    } else if (char === '_') {
      source += UNDERSCORE;
    } else if (char === '[') {
      const bracket = translateBracket(pattern, index);
      if (bracket === undefined) return undefined;
      source += bracket.text;
      index = bracket.end;
    } else if (LITERAL_OUTSIDE.has(char)) {
      source += `\\${char}`;
    } else {
      source += char;
    }
  }
  return source;
}

/** Compiles an IOS pattern; a pattern IOS would refuse (unbalanced parentheses, ...) is not ok. */
export function compileIosRegex(pattern: string): IosRegexResult {
  const source = translateIosRegex(pattern);
  if (source === undefined) return { ok: false };
  try {
    return { ok: true, regex: new RegExp(source) };
  } catch {
    return { ok: false };
  }
}
