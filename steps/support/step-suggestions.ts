import { STEP_CATALOGUE, type StepDoc } from '../step-catalogue.ts';

/**
 * "Did you mean": the defined steps closest to an undefined one. Both sides are compared as
 * Cucumber expressions (what Cucumber generates from the undefined step's text: `I rn {string}
 * on {string}`), with optional text written out, by edit distance over words and letters.
 */

const MAX_SUGGESTIONS = 3;
/** A step further than this (edit distance per letter of the defined step) is not suggested. */
const MAX_DISTANCE = 0.3;
const CLOSE_ENOUGH = 0.08;

/** `{int} second(s) pass(es)` in the form a written step takes: `{int} seconds pass`. */
function written(expression: string): string {
  return expression.replace(/\(([^)]*)\)/g, '$1').replace(/\{float\}/g, '{int}').toLowerCase();
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest defined steps to an undefined step's generated expressions, best first; none if nothing is near. */
export function suggestSteps(generatedExpressions: readonly string[], catalogue: readonly StepDoc[] = STEP_CATALOGUE): StepDoc[] {
  const scored = catalogue.map((doc) => {
    const target = written(doc.expression);
    const distance = Math.min(...generatedExpressions.map((source) => editDistance(written(source), target)));
    return { doc, score: distance / Math.max(target.length, 1) };
  });
  const near = scored.filter(({ score }) => score <= MAX_DISTANCE).sort((a, b) => a.score - b.score);
  // Only the steps about as close as the closest: a clear favourite is shown alone.
  const best = near[0]?.score ?? 0;
  return near.filter(({ score }) => score <= best + CLOSE_ENOUGH).slice(0, MAX_SUGGESTIONS).map(({ doc }) => doc);
}

/** What tedlab prints for an undefined step instead of a JavaScript snippet. */
export function suggestionText(generatedExpressions: readonly string[]): string {
  const suggestions = suggestSteps(generatedExpressions);
  if (suggestions.length === 0) return 'tedlab has no step like this one: tedlab steps lists them all.';
  return ['Did you mean:', ...suggestions.map((doc) => `  ${doc.example.split('\n')[0]}`), '(tedlab steps lists them all)'].join('\n');
}
