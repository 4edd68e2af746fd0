import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Lab } from '../../engine/lab/index.ts';
import { allureCategories } from './failure-categories.ts';
import {
  LabSetupError, OutcomeAssertionError, TranscriptAssertionError, UnsupportedFeatureError, textEvidence, type ScenarioFailure,
} from './failures.ts';
import { expectContains } from './expect.ts';
import { classifyForLab, classifyOutputCheck } from './not-modelled-rule.ts';

function lab(config: string): Lab {
  const indented = config.split('\n').map((line) => `      ${line}`).join('\n');
  return Lab.fromYaml(`seed: 1\nrouters:\n  R1:\n    model: c2600\n    config: |\n${indented}\n`);
}

/** A check of an output as world.ts runs it. */
function checked(output: string, subject: Lab, check: (output: string) => void): unknown {
  try {
    check(output);
    return undefined;
  } catch (failure) {
    return classifyOutputCheck(failure as ScenarioFailure, output, subject);
  }
}

/** The report's category for a failure, as Allure matches it against the trace. */
function category(failure: ScenarioFailure): string | undefined {
  return allureCategories().find((candidate) => new RegExp(`^(?:${candidate.traceRegex})$`).test(failure.stack!))?.name;
}

test('an assertion failing after the lab was given a routing protocol is "Not modelled by tedlab", with the list', () => {
  const subject = lab('hostname R1\nrouter ospf 1\n network 10.0.0.0 0.255.255.255 area 0');
  const failure = classifyForLab(new OutcomeAssertionError('the ping: expected "!!!!!", got "....."', [textEvidence('actual', '.....')]), subject);
  assert.ok(failure instanceof UnsupportedFeatureError);
  assert.equal(category(failure), 'Not modelled by tedlab');
  assert.match(failure.message, /does not model[^\n]*:\n {2}R1: router ospf 1 \(OSPF\)\n\nthe ping: expected "!!!!!", got "....."$/);
  assert.deepEqual(failure.evidence.map((item) => item.name), ['actual']);
});

test('management lines, setup errors and passing scenarios are not reclassified', () => {
  const managed = lab('hostname R1\nlogging 10.0.0.9\nsnmp-server community public RO\nline vty 0 4\n login');
  const text = new TranscriptAssertionError('the output differs');
  assert.deepEqual(managed.notModelled().map((item) => item.topic), ['syslog hosts', 'SNMP', 'terminal lines']);
  assert.equal(classifyForLab(text, managed), text);
  assert.equal(classifyForLab(text, undefined), text);
  const routed = lab('hostname R1\nrouter rip\n network 10.0.0.0');
  const setup = new LabSetupError('R1 rejected configuration line 3');
  assert.equal(classifyForLab(setup, routed), setup);
  assert.equal(category(classifyForLab(text, routed)), 'Not modelled by tedlab');
});

test('a failing check on the output of a command the lab knows only by name is classed as not modelled', () => {
  const subject = lab('hostname R1');
  const output = subject.run('R1', 'show processes cpu');
  const failure = checked(output, subject, (text) => expectContains(text, 'CPU utilization', 'the output'));
  assert.ok(failure instanceof UnsupportedFeatureError);
  assert.match(failure.message, /\n {2}R1: show processes cpu \(show processes\)\n\nthe output does not contain "CPU utilization"/);
  assert.equal(checked(output, subject, (text) => expectContains(text, 'is not modelled', 'the output')), undefined);
  // A show command nobody checked changes nothing else: a later failure elsewhere keeps its class.
  const other = new OutcomeAssertionError('the ping differs');
  assert.equal(classifyForLab(other, subject), other);
  const typo = new TranscriptAssertionError('the output differs');
  assert.equal(classifyOutputCheck(typo, subject.run('R1', 'show version'), subject), typo);
});
