import { suggestionText } from './step-suggestions.ts';

/**
 * Cucumber's snippet syntax, as tedlab fills it: a user cannot add step definitions to tedlab,
 * so an undefined step gets the closest defined steps instead of JavaScript to write
 * (formatOptions.snippetSyntax names this module).
 */
export default class SuggestionSnippets {
  build(options: { generatedExpressions: ReadonlyArray<{ source: string }> }): string {
    return suggestionText(options.generatedExpressions.map((expression) => expression.source));
  }
}
