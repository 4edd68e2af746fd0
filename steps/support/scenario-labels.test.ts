import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ITestCaseHookParameter } from '@cucumber/cucumber';
import { epicOf, scenarioLabels, storyOf } from './scenario-labels.ts';

type GherkinDocument = ITestCaseHookParameter['gherkinDocument'];
type Pickle = ITestCaseHookParameter['pickle'];

test('the epic is the first folder below features/', () => {
  assert.equal(epicOf('features/ted-doc/running-config.feature'), 'ted-doc');
  assert.equal(epicOf('features/ted-doc/phase1/main-mode.feature'), 'ted-doc');
  assert.equal(epicOf('../../tmp/tedlab-x/features/demo/failing.feature'), 'demo');
  assert.equal(epicOf('features\\cli\\errors.feature'), 'cli');
  assert.equal(epicOf('features/smoke.feature'), undefined);
  assert.equal(epicOf('regression/nat/overload.feature'), 'nat');
  assert.equal(epicOf('smoke.feature'), undefined);
});

/** Only the fields the labels read. */
const document = {
  feature: {
    name: 'IOS abbreviations',
    children: [
      { scenario: { id: 's1', name: '"<typed>" runs "<command>"' } },
      { rule: { name: 'Help lists what may follow', children: [{ scenario: { id: 's2', name: 'A question mark' } }] } },
      { scenario: { id: 's3', name: '' } },
    ],
  },
} as unknown as GherkinDocument;

const pickle = (astNodeId: string, name: string, uri = 'features/cli/abbreviations.feature') =>
  ({ astNodeIds: [astNodeId, 'example-row'], name, uri }) as unknown as Pickle;

test('the story is the rule, else the scenario as written (an outline keeps its placeholders)', () => {
  assert.equal(storyOf(document, pickle('s1', '"sh ver" runs "show version"')), '"<typed>" runs "<command>"');
  assert.equal(storyOf(document, pickle('s2', 'A question mark')), 'Help lists what may follow');
  assert.equal(storyOf(document, pickle('s3', 'untitled')), 'untitled');
});

test('labels: epic and parent suite from the folder, suite from the feature, story', () => {
  assert.deepEqual(scenarioLabels(document, pickle('s2', 'A question mark')), [
    { name: 'epic', value: 'cli' },
    { name: 'parentSuite', value: 'cli' },
    { name: 'suite', value: 'IOS abbreviations' },
    { name: 'story', value: 'Help lists what may follow' },
  ]);
  assert.deepEqual(scenarioLabels(document, pickle('s1', 'x', 'features/top.feature')).map((label) => label.name), ['suite', 'story']);
});
