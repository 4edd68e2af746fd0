import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lab } from './lab.ts';
import { LabConsole, responseOf } from './lab-console.ts';

const TED_DOC = 'scenarios/ted-doc/topology.yaml';

test('a typed exec line gives the response Lab.run gives, told apart from its echo', () => {
  const console = LabConsole.open(Lab.load(TED_DOC), 'Daphne');
  const line = console.type('show ip interface brief');
  assert.equal(line.echo, 'Daphne#show ip interface brief\n');
  assert.equal(line.response, Lab.load(TED_DOC).run('Daphne', 'show ip interface brief'));
  assert.equal(line.shown, `${line.response}\n`);
  assert.equal(line.modeBefore, 'exec');
  assert.equal(line.modeAfter, 'exec');
});

test('configuration mode: modes before and after each line, and the message "end" logs', () => {
  const console = LabConsole.open(Lab.load(TED_DOC), 'Daphne');
  const enter = console.type('conf t');
  assert.equal(enter.response, 'Enter configuration commands, one per line.  End with CNTL/Z.');
  assert.equal(enter.modeAfter, 'config');
  assert.equal(console.type('interface fa0/1').modeAfter, 'config-if');
  assert.equal(console.prompt(), 'Daphne(config-if)#');
  const end = console.type('end');
  assert.equal(end.response, '');
  assert.equal(end.modeAfter, 'exec');
  assert.equal(end.messages.length, 1);
  assert.match(end.messages[0]!, /^\*Mar {2}1 00:00:00\.000: %SYS-5-CONFIG_I: Configured from console by console$/);
});

test('a dialog leaves the console at its question, not at a mode prompt', () => {
  const console = LabConsole.open(Lab.load(TED_DOC), 'Daphne');
  const copy = console.type('copy running-config startup-config');
  assert.equal(copy.modeAfter, undefined);
  assert.equal(console.prompt(), 'Destination filename [startup-config]? ');
  assert.equal(console.complete('sh'), 'sh', 'no completion at a question');
  assert.equal(console.type('').modeAfter, 'exec');
});

test('messages that arrive as time passes are unread until read, once', () => {
  const lab = Lab.load(TED_DOC);
  const console = LabConsole.open(lab, 'Daphne');
  console.type('debug crypto isakmp');
  assert.equal(console.unread().text, '');
  lab.ping('pc-daphne', '12.12.12.13');
  const unread = console.unread();
  assert.match(unread.text, /ISAKMP \(0:1\): beginning peer discovery exchange/);
  assert.equal(unread.messages.join(''), unread.text);
  assert.equal(console.unread().text, '');
});

// Tab's behaviour is unconfirmed for 12.2 (TEXT-SOURCES.md, "tedlab console"): this checks the grammar it uses.
test('Tab completes from the grammar of the console\'s mode, and from exec after "do"', () => {
  const console = LabConsole.open(Lab.load(TED_DOC), 'Daphne');
  assert.equal(console.complete('sh run'), 'sh running-config ');
  assert.equal(console.complete('conf'), 'configure ');
  assert.equal(console.complete('di'), 'di', 'dir, disable, disconnect');
  console.type('configure terminal');
  assert.equal(console.complete('crypto isa'), 'crypto isakmp ');
  assert.equal(console.complete('do sh cr'), 'do sh crypto ');
  console.type('crypto isakmp policy 10');
  assert.equal(console.complete('hash m'), 'hash md5 ');
  assert.equal(console.complete('ip rou'), 'ip rou', 'route or routing');
  assert.equal(console.complete('ip clas'), 'ip classless ', 'a global command from a sub-mode');
});

test('the response is found between the messages printed before and after it', () => {
  const log = 'm1\nm2\n';
  assert.equal(responseOf('m1\nresponse\nm2\n', log), 'response');
  assert.equal(responseOf('response\nm1\nm2\n', log), 'response');
  assert.equal(responseOf('m1\nm2\nresponse\n', log), 'response');
  assert.equal(responseOf('m1\nm2\n', log), '');
  assert.equal(responseOf('other\n', log), undefined);
});
