import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lab } from '../../engine/lab/index.ts';
import { ConsoleSession } from './console-session.ts';

const TED_DOC = 'scenarios/ted-doc/topology.yaml';

test('lines go to the router the session is connected to; @connect changes it', () => {
  const session = new ConsoleSession(Lab.load(TED_DOC));
  assert.equal(session.prompt(), 'Daphne#');
  const reply = session.handle('show clock');
  assert.equal(reply.echo, 'Daphne#show clock\n');
  assert.match(reply.shown, /^\*00:00:00\.000 UTC Mon Mar 1 1993\n$/);
  assert.equal(session.handle('@connect fred').shown, '');
  assert.equal(session.prompt(), 'fred#');
  assert.deepEqual(session.events.map((event) => event.kind), ['line']);
});

test('a ping prints IOS\'s ping output and the messages the console showed meanwhile, and both are kept for the recording', () => {
  const session = new ConsoleSession(Lab.load(TED_DOC), 'Daphne');
  session.handle('debug crypto isakmp');
  const reply = session.handle('@ping pc-daphne 12.12.12.13 3');
  assert.match(reply.shown, /^Type escape sequence to abort\.\nSending 3, 100-byte ICMP Echos to 12\.12\.12\.13, timeout is 2 seconds:\n\.!!\n/);
  assert.match(reply.shown, /ISAKMP \(0:2\): sending packet to 11\.11\.11\.2 \(I\) MM_NO_STATE\n/);
  assert.deepEqual(session.events.map((event) => event.kind), ['line', 'ping', 'messages']);
  assert.deepEqual(session.events[1], { kind: 'ping', from: 'pc-daphne', to: '12.12.12.13', count: 3, marks: '.!!' });
});

test('virtual time passes with @wait and idle seconds only', () => {
  const lab = Lab.load(TED_DOC);
  const session = new ConsoleSession(lab);
  session.handle('show clock');
  assert.equal(lab.sim.now(), 0);
  session.handle('@wait 30');
  session.passIdle();
  assert.equal(lab.sim.now(), 31_000);
  assert.deepEqual(session.events.slice(1), [{ kind: 'wait', seconds: 30 }, { kind: 'wait', seconds: 1 }]);
});

test('bad lab commands and names are answered with a tedlab notice, not an exception', () => {
  const session = new ConsoleSession(Lab.load(TED_DOC));
  assert.equal(session.handle('@connect wilma').shown, '% tedlab: the lab has no router "wilma"; its routers: Daphne, fred\n');
  assert.match(session.handle('@ping nobody 1.2.3.4').shown, /^% tedlab: .*nobody/);
  assert.match(session.handle('@link nolink down').shown, /^% tedlab: .*nolink/);
  assert.equal(session.handle('@wait').shown, '% tedlab: usage: @wait SECONDS\n');
  assert.equal(session.handle('@quit').quit, true);
  assert.throws(() => new ConsoleSession(Lab.load(TED_DOC), 'wilma'), /the lab has no router "wilma"/);
});

test('while a router reloads, what is typed gets a notice until time has passed', () => {
  const session = new ConsoleSession(Lab.load(TED_DOC));
  session.handle('reload');
  session.handle('');
  assert.equal(session.prompt(), '');
  assert.match(session.handle('show clock').shown, /^% tedlab: Daphne is reloading and its console does not answer yet/);
  assert.match(session.handle('@wait 50').shown, /%SYS-5-RESTART: System restarted/);
  assert.equal(session.prompt(), 'Daphne#');
});
