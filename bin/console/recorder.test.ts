import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lab } from '../../engine/lab/index.ts';
import { LabConsole } from '../../engine/lab/lab-console.ts';
import { STEP_CATALOGUE } from '../../steps/step-catalogue.ts';
import { writeFeature, labNameFrom, slug } from './feature-writer.ts';
import { recordSteps, type RecordedStep, type SessionEvent } from './recorder.ts';

const TED_DOC = 'scenarios/ted-doc/topology.yaml';

function session(lines: string[], router = 'Daphne'): SessionEvent[] {
  const console = LabConsole.open(Lab.load(TED_DOC), router);
  return lines.map((line) => ({ kind: 'line', router, line, result: console.type(line) }));
}

const texts = (steps: RecordedStep[]) => steps.map((step) => ('output' in step ? `Then <output ${step.output.name}>` : `${step.keyword} ${step.text}`));

test('an exec line becomes a run step and its output an assertion', () => {
  const steps = recordSteps(session(['show crypto isakmp sa']));
  assert.deepEqual(texts(steps), ['When I run "show crypto isakmp sa" on "Daphne"', 'Then <output show crypto isakmp sa>']);
  const output = steps[1]!;
  assert.ok('output' in output);
  assert.equal(output.output.text, 'dst             src             state          conn-id slot');
});

test('configure terminal, lines IOS takes silently and end become one configure step; the message of end is asserted', () => {
  const steps = recordSteps(session(['conf t', 'interface fa0/1', ' description lan', 'end']));
  assert.deepEqual(texts(steps), ['When I configure "Daphne" with:', 'Then the debug log of "Daphne" contains in order:']);
  assert.equal((steps[0] as { docString: string }).docString, 'interface fa0/1\n description lan');
  assert.equal((steps[1] as { docString: string }).docString, '%SYS-5-CONFIG_I: Configured from console by console');
});

test('a configuration line IOS answers makes the whole run typed, its transcript the output', () => {
  const steps = recordSteps(session(['conf t', 'hostnane X', 'end', 'show clock']));
  assert.deepEqual(texts(steps), ['When I type on "Daphne":', 'Then <output console>', 'When I run "show clock" on "Daphne"', 'Then <output show clock>']);
  assert.equal((steps[0] as { docString: string }).docString, 'conf t\nhostnane X\nend');
  const output = (steps[1] as { output: { text: string } }).output.text;
  assert.match(output, /^Daphne#conf t\nEnter configuration commands.*\nDaphne\(config\)#hostnane X\n +\^\n% Invalid input detected at '\^' marker\.\n/);
  assert.match(output, /%SYS-5-CONFIG_I: Configured from console by console\nDaphne#$/);
});

test('a dialog is typed up to the exec prompt it returns to', () => {
  const steps = recordSteps(session(['copy running-config startup-config', '', 'show clock']));
  assert.deepEqual(texts(steps), ['When I type on "Daphne":', 'Then <output console>', 'When I run "show clock" on "Daphne"', 'Then <output show clock>']);
  assert.equal((steps[0] as { docString: string }).docString, 'copy running-config startup-config\n');
});

test('pings, waits (merged), links, captures and the messages seen while time passed', () => {
  const events: SessionEvent[] = [
    { kind: 'ping', from: 'pc-daphne', to: '12.12.12.13', count: undefined, marks: '.!!!!' },
    { kind: 'ping', from: 'pc-daphne', to: '12.12.12.13', count: 10, marks: '!!!!!!!!!!' },
    { kind: 'wait', seconds: 1 },
    { kind: 'messages', router: 'fred', messages: ['*Mar  1 00:00:01.000: %LINK-3-UPDOWN: Interface FastEthernet0/0, changed state to down\n'] },
    { kind: 'wait', seconds: 59 },
    { kind: 'link', link: 'wan', up: false },
    { kind: 'link', link: 'wan', up: true },
    { kind: 'save-capture', link: 'wan', dir: 'out/ted' },
  ];
  assert.deepEqual(texts(recordSteps(events)), [
    'When host "pc-daphne" pings "12.12.12.13"', 'Then the ping shows ".!!!!"',
    'When host "pc-daphne" pings "12.12.12.13" 10 times', 'Then the ping shows "!!!!!!!!!!"',
    'When 60 seconds pass', 'Then the debug log of "fred" contains in order:',
    'When the link "wan" goes down', 'When the link "wan" comes up', 'When I save the capture of link "wan" to "out/ted"',
  ]);
});

test('every recorded step is a step of the catalogue', () => {
  const patterns = STEP_CATALOGUE.map((doc) => new RegExp(`^${doc.expression
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{string\}/g, '"[^"]*"').replace(/\{int\}/g, '\\d+')
    .replace(/\\\(s\\\)/g, 's?').replace(/\\\(es\\\)/g, '(es)?')}$`));
  const steps = [
    ...recordSteps(session(['show clock', 'conf t', 'ip host a 1.1.1.1', 'end', 'conf t', 'foo', 'end'])),
    ...recordSteps([{ kind: 'ping', from: 'a', to: 'b', count: 2, marks: '!!' }, { kind: 'wait', seconds: 1 }, { kind: 'link', link: 'wan', up: true }]),
  ];
  const feature = writeFeature(steps, { featureFile: '/p/f.feature', labName: 'ted-doc', labTitle: 'ted-doc' }).feature;
  const stepLines = feature.split('\n').filter((line) => /^ {4}(Given|When|Then|And) /.test(line)).map((line) => line.replace(/^ {4}\w+ /, ''));
  assert.ok(stepLines.length >= 8);
  for (const line of stepLines) assert.ok(patterns.some((pattern) => pattern.test(line)), `not a catalogue step: ${line}`);
});

test('the feature: keywords, DocStrings with the delimiter escaped, and references instead of DocStrings', () => {
  const steps: RecordedStep[] = [
    { keyword: 'When', text: 'I run "show banner" on "R1"' },
    { keyword: 'Then', output: { router: 'R1', name: 'show banner', text: 'a """ b\n\n  c', echo: 'R1#show banner\n' } },
    { keyword: 'Then', text: 'the debug log of "R1" contains in order:', docString: 'x' },
  ];
  const inline = writeFeature(steps, { featureFile: '/p/features/rec.feature', labName: 'lab', labTitle: 'lab' });
  assert.equal(inline.feature, [
    'Feature: Console session on the lab "lab"', '', '  Scenario: Recorded with tedlab console', '    Given the lab "lab"',
    '    When I run "show banner" on "R1"', '    Then the output matches:', '      """', '      a \\"\\"\\" b', '', '        c', '      """',
    '    And the debug log of "R1" contains in order:', '      """', '      x', '      """', '',
  ].join('\n'));
  const withReferences = writeFeature([steps[1]!, steps[1]!], { featureFile: '/p/features/rec.feature', labName: 'lab', labTitle: 'lab', referencesDir: '/p/labs/refs' });
  assert.match(withReferences.feature, /Then the output matches the reference "\.\.\/labs\/refs\/r1\.show-banner\.txt"\n {4}And the output matches the reference "\.\.\/labs\/refs\/r1\.show-banner-2\.txt"\n$/);
  assert.deepEqual(withReferences.references[0], { file: '/p/labs/refs/r1.show-banner.txt', text: 'R1#show banner\na """ b\n\n  c\n' });
});

test('the lab is named as given when that finds it from the feature\'s folder, else by its path from there', () => {
  const found = (name: string) => (name === 'ted-doc' ? '/p/features/ted-doc/topology.yaml' : undefined);
  assert.equal(labNameFrom('/p/features/rec.feature', 'ted-doc', '/p/features/ted-doc/topology.yaml', found), 'ted-doc');
  assert.equal(labNameFrom('/p/features/rec.feature', 'ted-doc', '/p/scenarios/ted-doc/topology.yaml', () => undefined), '../scenarios/ted-doc');
  assert.equal(labNameFrom('/p/rec.feature', 'x.yaml', '/p/labs/x.yaml', () => undefined), 'labs/x.yaml');
  assert.equal(slug('show crypto isakmp sa | include QM'), 'show-crypto-isakmp-sa-include-qm');
});
