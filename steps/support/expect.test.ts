import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectContains, expectExactly, expectMatches, expectOutcome, readReference } from './expect.ts';
import { OutcomeAssertionError, ScenarioUsageError, TranscriptAssertionError, type ScenarioFailure } from './failures.ts';

function failureOf(check: () => void): ScenarioFailure {
  try {
    check();
  } catch (error) {
    return error as ScenarioFailure;
  }
  assert.fail('the check passed');
}

const evidenceOf = (failure: ScenarioFailure) => Object.fromEntries(failure.evidence.map((item) => [item.name, item.content]));

test('a reference mismatch is a text failure carrying the diff and both originals', () => {
  const reference = 'R1#show clock\n*00:00:05.000 UTC Mon Mar 1 1993\n';
  const actual = '*00:00:07.000 UTC Tue Mar 2 1993\n';
  const failure = failureOf(() => expectMatches(actual, reference, 'the output'));
  assert.ok(failure instanceof TranscriptAssertionError);
  const evidence = evidenceOf(failure);
  assert.deepEqual(Object.keys(evidence), ['diff (side by side)', 'diff (normalised)', 'diff (as printed)', 'reference', 'actual']);
  assert.match(String(evidence['diff (normalised)']), /^--- reference\n\+\+\+ actual\n@@ -1 \+1 @@\n-/);
  assert.match(String(evidence['diff (side by side)']), /^<!DOCTYPE html>/);
  assert.equal(evidence.reference, reference);
  assert.equal(evidence.actual, actual);
  assert.match(failure.message, /^the output differs from the reference:\n--- reference/);
});

test('a show output whose protocol facts differ is an outcome failure that names the facts first', () => {
  const reference = 'R1#show crypto isakmp sa\ndst src state conn-id slot\n10.0.0.2 10.0.0.1 QM_IDLE 1 0\n';
  const actual = 'dst             src             state          conn-id slot\n10.0.0.2        10.0.0.1        MM_KEY_EXCH          1    0\n';
  const failure = failureOf(() => expectMatches(actual, reference, 'the output'));
  assert.ok(failure instanceof OutcomeAssertionError);
  assert.match(failure.message, /^the output states other protocol facts than the reference:\nISAKMP SA dst 10\.0\.0\.2 src 10\.0\.0\.1: state: expected QM_IDLE, got MM_KEY_EXCH\n\n--- reference/);
  const evidence = evidenceOf(failure);
  assert.match(String(evidence['diff (as printed)']), /^\+10\.0\.0\.2        10\.0\.0\.1        MM_KEY_EXCH          1    0$/m);
  assert.match(String(evidence['diff (side by side)']), /<li>ISAKMP SA dst 10\.0\.0\.2 src 10\.0\.0\.1: state: expected QM_IDLE, got MM_KEY_EXCH<\/li>/);
  assert.doesNotThrow(() => expectMatches(actual.replace('MM_KEY_EXCH', 'QM_IDLE'), reference, 'the output'));
});

test('an exact comparison names the expected side', () => {
  const failure = failureOf(() => expectExactly('R1#shw\n', 'R1#show\n', 'the output'));
  assert.ok(failure instanceof TranscriptAssertionError);
  assert.match(String(evidenceOf(failure).diff), /^--- expected\n\+\+\+ actual\n/);
  assert.deepEqual(Object.keys(evidenceOf(failure)), ['diff (side by side)', 'diff', 'expected', 'actual']);
});

test('a missing fragment shows what was searched and where', () => {
  const failure = failureOf(() => expectContains('QM_IDLE', 'MM_NO_STATE', 'the output'));
  assert.ok(failure instanceof TranscriptAssertionError);
  assert.deepEqual(evidenceOf(failure), { 'expected text': 'MM_NO_STATE', actual: 'QM_IDLE' });
});

test('an outcome mismatch is an outcome failure with the output that shows it', () => {
  const failure = failureOf(() => expectOutcome('.!!!!', '!!!!!', 'the ping marks', 'Success rate is 80 percent (4/5)'));
  assert.ok(failure instanceof OutcomeAssertionError);
  assert.equal(failure.message, 'the ping marks: expected "!!!!!", got ".!!!!"');
  assert.deepEqual(evidenceOf(failure), { expected: '!!!!!', actual: '.!!!!', output: 'Success rate is 80 percent (4/5)' });
  assert.doesNotThrow(() => expectOutcome(100, 100, 'the ping success rate'));
});

test('a reference that cannot be read is a mistake in the scenario', () => {
  assert.ok(failureOf(() => readReference('/nonexistent/reference.txt')) instanceof ScenarioUsageError);
});
