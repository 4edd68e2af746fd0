import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveLine } from '../session/line-runner.ts';
import { IosDevice } from '../session/ios-device.ts';
import { FakeRouterServices } from '../testing/fake-router-services.ts';
import type { ModeId } from './command-context.ts';
import { MODE_IDS, MODE_TABLES } from './mode-table.ts';

function privileged(): IosDevice {
  const device = new IosDevice({ hostname: 'R1', services: new FakeRouterServices() });
  device.startPrivileged();
  return device;
}

/** The command a line resolves to, as its syntax and status, or the failure's kind. */
function resolved(line: string, mode: ModeId = 'exec'): string {
  const resolution = resolveLine(mode, line);
  if (resolution.kind === 'command') return `${resolution.spec.status ?? 'modelled'}: ${resolution.spec.syntax}`;
  return resolution.kind === 'failure' ? resolution.failure.kind : resolution.kind;
}

test('a prefix of several keywords of the image is ambiguous, as IOS says, never a silent choice', () => {
  const device = privileged();
  for (const typed of ['cl', 'de', 'di', 'show i', 'co', 'te', 'lo']) {
    assert.equal(device.type(typed), `% Ambiguous command:  "${typed}"`, typed);
  }
  assert.equal(resolved('show ip a'), 'ambiguous');
  assert.equal(resolved('show cl'), 'ambiguous');
});

test('the abbreviations engineers use still resolve to the modelled commands', () => {
  assert.equal(resolved('sh ip int br'), 'modelled: show ip interface brief');
  assert.equal(resolved('conf t'), 'modelled: configure [terminal]');
  assert.match(resolved('wr'), /^modelled: write \[memory\]/);
  assert.match(resolved('copy run start'), /^modelled: copy running-config/);
  assert.match(resolved('sh run'), /^modelled: show running-config$/);
  assert.match(resolved('sh ver'), /^modelled: show version$/);
  assert.match(resolved('sh access-l'), /^modelled: show \[ip\] access-lists/);
  assert.match(resolved('sh ip ro'), /^modelled: show ip route/);
  assert.match(resolved('en'), /^modelled: enable$/);
  assert.match(resolved('disa'), /^modelled: disable$/);
  assert.match(resolved('int fa0/1', 'config'), /^modelled: interface /);
  assert.match(resolved('ip add 10.0.0.1 255.0.0.0', 'config-if'), /^modelled: ip address /);
});

test('a modelled command wins over a vocabulary entry with the same keywords', () => {
  assert.match(resolved('show ip interface brief'), /^modelled:/);
  assert.match(resolved('show ip interface'), /^modelled: show ip interface \[/);
  assert.match(resolved('show interfaces'), /^modelled: show interfaces \[/);
  for (const mode of MODE_IDS) {
    const table = MODE_TABLES[mode];
    // Vocabulary entries name their keywords `$v0`, `$v1`...; they may be known only or kept.
    const isVocabulary = (command: (typeof table)[number]) => command.spec.syntax.includes('$v0');
    const firstKnown = table.findIndex(isVocabulary);
    if (firstKnown < 0) continue;
    const modelledAfter = table.slice(firstKnown).filter((command) => !isVocabulary(command));
    assert.deepEqual(modelledAfter.map((command) => command.spec.syntax), [], `${mode}: vocabulary comes last`);
  }
});

test('a command the image has but the lab does not emulate answers with a tedlab notice, every time', () => {
  const device = privileged();
  const notice = '% tedlab: "show processes cpu" is not modelled (tedlab does not emulate this command)';
  assert.deepEqual(device.enter('show processes cpu'), { output: notice, accepted: true });
  assert.equal(device.type('sh proc cpu'), notice);
  assert.equal(device.type('show ip ospf neighbor'), '% tedlab: "show ip ospf neighbor" is not modelled (no OSPF in this lab)');
  assert.equal(device.type('show cdp neighbors'), '% tedlab: "show cdp neighbors" is not modelled (tedlab does not emulate this command)');
});

test('a real typo still gets IOS\'s error with the caret under the first character no keyword allows', () => {
  const device = privileged();
  assert.equal(device.type('show interfacse'), `${' '.repeat(16)}^\n% Invalid input detected at '^' marker.\n`);
  assert.equal(device.type('show ip'), '% Incomplete command.\n');
  assert.equal(device.type('clock'), '% Incomplete command.\n');
});

test('the unprivileged level knows the unprivileged vocabulary only', () => {
  assert.equal(resolved('di', 'user'), 'ambiguous');
  assert.match(resolved('telnet 10.0.0.1', 'user'), /^known: telnet/);
  assert.equal(resolved('delete flash:x', 'user'), 'invalid');
  assert.match(resolved('delete flash:x', 'exec'), /^known: delete/);
});

test('a configuration command the lab neither carries out nor keeps is refused with the notice and its reason', () => {
  const device = privileged();
  device.type('configure terminal');
  const result = device.enter('no ip routing');
  assert.equal(result.accepted, false);
  assert.equal(result.output, '% tedlab: "no ip routing" is not modelled, so tedlab refuses it (the lab\'s routers always route IP)');
  assert.equal(device.prompt(), 'R1(config)#');
  assert.equal(device.enter('ip routing').accepted, true);
  assert.equal(device.enter('crypto ca trustpoint CA').accepted, false);
  assert.equal(device.type('ip ro'), '% Ambiguous command:  "ip ro"');
});

test('every token of the vocabulary has a help text and `?` lists it beside the modelled words', () => {
  const device = privileged();
  const listing = device.type('show ?');
  assert.match(listing, /^ {2}processes +Active process statistics$/m);
  assert.match(listing, /^ {2}running-config +Current operating configuration$/m);
  assert.equal(device.type('di?'), 'dir  disable  disconnect\n');
});
