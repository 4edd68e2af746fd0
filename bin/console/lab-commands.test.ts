import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLabCommand, labCommandHelp, parseLabCommand } from './lab-commands.ts';

test('lab commands are the lines that start with @', () => {
  assert.equal(isLabCommand('@wait 5'), true);
  assert.equal(isLabCommand('  @quit'), true);
  assert.equal(isLabCommand('show clock'), false);
  assert.equal(isLabCommand('banner motd @'), false);
});

test('each lab command reads its arguments', () => {
  assert.deepEqual(parseLabCommand('@connect fred'), { kind: 'connect', router: 'fred' });
  assert.deepEqual(parseLabCommand('@ping pc-daphne 12.12.12.13'), { kind: 'ping', from: 'pc-daphne', to: '12.12.12.13', count: undefined });
  assert.deepEqual(parseLabCommand('@ping  pc1   pc2  10 '), { kind: 'ping', from: 'pc1', to: 'pc2', count: 10 });
  assert.deepEqual(parseLabCommand('@wait 60'), { kind: 'wait', seconds: 60 });
  assert.deepEqual(parseLabCommand('@link wan down'), { kind: 'link', link: 'wan', up: false });
  assert.deepEqual(parseLabCommand('@link wan up'), { kind: 'link', link: 'wan', up: true });
  assert.deepEqual(parseLabCommand('@save-capture wan out/ted'), { kind: 'save-capture', link: 'wan', dir: 'out/ted' });
  assert.deepEqual(parseLabCommand('@HELP'), { kind: 'help' });
  assert.deepEqual(parseLabCommand('@quit'), { kind: 'quit' });
  assert.deepEqual(parseLabCommand('@lab'), { kind: 'lab' });
});

test('a wrong lab command is answered with what is wrong or its usage', () => {
  assert.deepEqual(parseLabCommand('@frob'), { kind: 'error', message: 'unknown lab command "@frob"; @help lists them' });
  assert.deepEqual(parseLabCommand('@'), { kind: 'error', message: 'unknown lab command "@"; @help lists them' });
  assert.deepEqual(parseLabCommand('@connect'), { kind: 'error', message: 'usage: @connect ROUTER' });
  assert.deepEqual(parseLabCommand('@link wan sideways'), { kind: 'error', message: 'usage: @link NAME up|down' });
  assert.deepEqual(parseLabCommand('@wait 1.5'), { kind: 'error', message: '@wait: SECONDS is a whole number, 1 or more, not "1.5"' });
  assert.deepEqual(parseLabCommand('@wait 0'), { kind: 'error', message: '@wait: SECONDS is a whole number, 1 or more, not "0"' });
  assert.deepEqual(parseLabCommand('@ping a b -3'), { kind: 'error', message: '@ping: COUNT is a whole number of echoes, 1 or more, not "-3"' });
  assert.deepEqual(parseLabCommand('@quit now'), { kind: 'error', message: 'usage: @quit' });
});

test('@help lists every command with its usage', () => {
  const help = labCommandHelp();
  for (const usage of ['@connect ROUTER', '@ping HOST TARGET [COUNT]', '@wait SECONDS', '@link NAME up|down', '@save-capture LINK DIR', '@help', '@quit']) {
    assert.match(help, new RegExp(`^  ${usage.replace(/[[\]|]/g, '\\$&')} `, 'm'));
  }
});
