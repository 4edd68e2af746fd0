import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lab } from './lab.ts';
import { LabError } from './errors.ts';

function lab(config: string): Lab {
  const indented = config.split('\n').map((line) => `      ${line}`).join('\n');
  return Lab.fromYaml(`
seed: 1
routers:
  R1:
    model: c2600
    config: |
${indented}
  R2:
    model: c2600
    config: |
      hostname R2
links:
  wan: [R1 Fa0/0, R2 Fa0/0]
`);
}

const STARTUP = `hostname R1
interface FastEthernet0/0
 ip address 10.0.12.1 255.255.255.0
router ospf 1
 network 10.0.12.0 0.0.0.255 area 0
logging 10.0.12.9`;

test('the lab lists what its routers were given and it does not model, once per router and topic', () => {
  const subject = lab(STARTUP);
  assert.deepEqual(subject.notModelled().map((item) => [item.router, item.topic, item.line, item.impact, item.origin]), [
    ['R1', 'OSPF', 'router ospf 1', 'behaviour', 'startup'],
    ['R1', 'syslog hosts', 'logging 10.0.12.9', 'management', 'startup'],
  ]);
  assert.equal(subject.run('R2', 'show processes'), '% tedlab: "show processes" is not modelled (tedlab does not emulate this command)');
  subject.run('R2', 'show processes');
  const output = subject.configure('R2', ['router ospf 7', 'network 10.0.0.0 0.255.255.255 area 0', 'router ospf 8']);
  assert.equal(output, '% tedlab: "router ospf 7" is accepted but not modelled (no OSPF in this lab)');
  assert.deepEqual(subject.notModelled().filter((item) => item.router === 'R2').map((item) => [item.topic, item.kind, item.impact]), [
    ['show processes', 'exec', 'output'],
    ['OSPF', 'config', 'behaviour'],
  ]);
});

test('a line the lab knows only by name fails a configuration as not modelled, a typo as a configuration error', () => {
  const subject = lab('hostname R1');
  assert.throws(() => subject.configure('R1', ['no ip routing']), (error: unknown) => {
    assert.ok(error instanceof LabError);
    assert.equal(error.kind, 'unsupported');
    assert.match(error.message, /R1 rejected configuration line 1:\nR1\(config\)#no ip routing\n% tedlab: "no ip routing" is not modelled/);
    return true;
  });
  assert.throws(() => subject.configure('R1', ['polcy-map QOS']), (error: unknown) => error instanceof LabError && error.kind === 'config');
});

test('a startup configuration with a line the lab knows only by name does not load, as not modelled', () => {
  assert.throws(() => lab('hostname R1\ncrypto ca trustpoint CA\n enrollment terminal'), (error: unknown) => {
    assert.ok(error instanceof LabError);
    assert.equal(error.kind, 'unsupported');
    assert.match(error.message, /rejects configuration line 2:\ncrypto ca trustpoint CA\n% tedlab: "crypto ca trustpoint CA" is not modelled/);
    return true;
  });
  assert.throws(() => lab('hostname R1\nhostnane R1'), (error: unknown) => error instanceof LabError && error.kind === 'config');
});
