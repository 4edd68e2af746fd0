import type { CompiledCommand } from './command-types.ts';
import { splitWords, walk } from './matcher.ts';
import { keywordStartsWith } from './tokens.ts';

/**
 * IOS's Tab: the unfinished last word of a line becomes the one keyword it can abbreviate at
 * that place, spelt out, followed by a blank. It works on the same grammar as execution and
 * `?`, so Tab completes exactly what the router would accept; an ambiguous or unknown word,
 * or an argument (an address, a name), completes to nothing.
 */

/** The keyword the last word of `text` abbreviates, when exactly one does; undefined otherwise. */
export function completeKeyword<Spec>(commands: readonly CompiledCommand<Spec>[], text: string): string | undefined {
  if (text === '' || /\s$/.test(text)) return undefined;
  const words = splitWords(text);
  const partial = words[words.length - 1];
  if (partial === undefined) return undefined;
  const walked = walk(commands, text.slice(0, partial.start));
  if ('kind' in walked) return undefined;
  const labels = new Set<string>();
  for (const state of walked.states) {
    const token = state.node.token;
    if (token === 'end' || token.kind !== 'keyword' || !keywordStartsWith(token, partial.text)) continue;
    // A word that spells a keyword out is that keyword, even when longer keywords start with it.
    if (token.lower === partial.text.toLowerCase()) return token.label;
    labels.add(token.label);
  }
  return labels.size === 1 ? [...labels][0] : undefined;
}

/** The line after Tab: its last word spelt out and a blank, or the line unchanged. */
export function completeLine<Spec>(commands: readonly CompiledCommand<Spec>[], text: string): string {
  const keyword = completeKeyword(commands, text);
  if (keyword === undefined) return text;
  const words = splitWords(text);
  return `${text.slice(0, words[words.length - 1]!.start)}${keyword} `;
}
