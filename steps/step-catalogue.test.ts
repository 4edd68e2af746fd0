import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { STEP_CATALOGUE } from './step-catalogue.ts';
import { suggestSteps, suggestionText } from './support/step-suggestions.ts';

const STEPS = new URL('./', import.meta.url);

/** Every `Given('...')`, `When(...)`, `Then(...)` of the step files, as keyword and expression. */
function definedSteps(): string[] {
  const files = readdirSync(STEPS).filter((name) => name.endsWith('.steps.ts'));
  return files.flatMap((file) => [...readFileSync(new URL(file, STEPS), 'utf8').matchAll(/\b(Given|When|Then)\(\s*'((?:[^'\\]|\\.)*)'/g)]
    .map((match) => `${match[1]} ${match[2]!.replace(/\\'/g, "'")}`));
}

test('the catalogue lists every step definition once, and nothing else', () => {
  const defined = definedSteps().sort();
  const catalogued = STEP_CATALOGUE.map((doc) => `${doc.keyword} ${doc.expression}`).sort();
  assert.deepEqual(catalogued, defined);
  assert.equal(new Set(catalogued).size, catalogued.length);
});

test('each catalogued example is its own step written out', () => {
  for (const doc of STEP_CATALOGUE) {
    const [firstLine] = doc.example.split('\n');
    assert.ok(firstLine!.startsWith(`${doc.keyword} `), doc.example);
    const pattern = doc.expression.replace(/[.*+?^$[\]\\]/g, '\\$&').replace(/\\?\{string\}/g, '"[^"]*"').replace(/\{int\}/g, '-?\\d+')
      .replace(/\(([^)]*)\)/g, '(?:$1)?');
    assert.match(firstLine!.slice(doc.keyword.length + 1), new RegExp(`^${pattern}$`), doc.expression);
  }
});

test('a misspelt step gets the steps it was meant to be; nonsense gets none', () => {
  assert.equal(suggestSteps(['I rn {string} on {string}'])[0]?.expression, 'I run {string} on {string}');
  assert.equal(suggestSteps(['host {string} ping {string}'])[0]?.expression, 'host {string} pings {string}');
  assert.equal(suggestSteps(['{int} second passes'])[0]?.expression, '{int} second(s) pass(es)');
  assert.deepEqual(suggestSteps(['the weather is fine in {string}']), []);
  assert.match(suggestionText(['I rn {string} on {string}']), /^Did you mean:\n {2}When I run "show crypto isakmp sa" on "Daphne"/);
});
