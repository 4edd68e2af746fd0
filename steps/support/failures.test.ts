import assert from 'node:assert/strict';
import { AssertionError } from 'node:assert';
import { test } from 'node:test';
import { getStatusFromError } from 'allure-js-commons/sdk';
import { LabError } from '../../engine/lab/index.ts';
import { FAILURE_CATEGORIES, allureCategories } from './failure-categories.ts';
import {
  EngineError, LabSetupError, OutcomeAssertionError, ScenarioUsageError, TranscriptAssertionError,
  UnsupportedFeatureError, classifyFailure, textEvidence, type ScenarioFailure,
} from './failures.ts';

test('LabErrors are classified by their kind and keep their message', () => {
  const cases: [LabError, new (...args: never[]) => ScenarioFailure][] = [
    [new LabError('topology', 'lab.yaml:3:5: unknown key "colour"'), LabSetupError],
    [new LabError('config', 'R1 rejected configuration line 2'), LabSetupError],
    [new LabError('usage', 'no router "R7" in this lab'), ScenarioUsageError],
    [new LabError('unsupported', 'no model "c7200"'), UnsupportedFeatureError],
  ];
  for (const [error, expected] of cases) {
    const failure = classifyFailure(error);
    assert.ok(failure instanceof expected, `${error.kind} -> ${failure.name}`);
    assert.equal(failure.message, error.message);
    assert.equal(failure.stack, `${expected.name}: ${error.message}`);
  }
});

test('anything else thrown is an engine error that keeps the frames for the bug report', () => {
  const failure = classifyFailure(new TypeError('cannot read properties of undefined'));
  assert.ok(failure instanceof EngineError);
  assert.match(failure.message, /^tedlab engine error \(a bug in tedlab, please report it\): cannot read properties of undefined/);
  assert.match(failure.stack!, /^EngineError: tedlab engine error[^\n]*\n\s+at /);
  assert.ok(classifyFailure('a string') instanceof EngineError);
});

test('a plain assert is an outcome failure with both values as evidence', () => {
  const failure = classifyFailure(new AssertionError({ actual: 40, expected: 80, operator: 'strictEqual' }));
  assert.ok(failure instanceof OutcomeAssertionError);
  assert.deepEqual(failure.evidence.map((item) => [item.name, item.content]), [['expected', '80'], ['actual', '40']]);
});

test('a classified failure passes through unchanged', () => {
  const failure = new TranscriptAssertionError('the output differs', [textEvidence('actual', 'x')]);
  assert.equal(classifyFailure(failure), failure);
});

/** Allure matches categories with Java's String.matches: the whole trace must match. */
function javaMatches(regex: string, text: string): boolean {
  return new RegExp(`^(?:${regex})$`).test(text);
}

test('each category matches the traces of its own failure class and of no other, over several lines', () => {
  const categories = allureCategories();
  for (const category of FAILURE_CATEGORIES) {
    const FailureClass = category.failureClass as unknown as new (message: string) => ScenarioFailure;
    const trace = new FailureClass('the output differs from the reference:\n--- reference\n+++ actual').stack!;
    const matching = categories.filter((candidate) => javaMatches(candidate.traceRegex, trace));
    assert.deepEqual(matching.map((candidate) => candidate.name), [category.name]);
  }
  assert.equal(new Set(FAILURE_CATEGORIES.map((category) => category.kind)).size, FAILURE_CATEGORIES.length);
});

test('Allure gives each failure class the status its category expects: assertions fail, the rest break', () => {
  for (const category of FAILURE_CATEGORIES) {
    // What Cucumber hands Allure: the class name as the type, the trace, the message.
    const error = { name: category.failureClass.name, message: 'x', stack: `${category.failureClass.name}: x` };
    assert.equal(getStatusFromError(error), category.status, category.failureClass.name);
    assert.deepEqual(allureCategories().find((c) => c.name === category.name)?.matchedStatuses, [category.status]);
  }
});
