import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  collapseBlanks, formatDebugMessages, isCommandEcho, normalise, normaliseLines, splitDebugMessages,
} from './normalise.ts';

const REFERENCES = new URL('../../../scenarios/ted-doc/reference/', import.meta.url);
const reference = (name: string): string => readFileSync(new URL(name, REFERENCES), 'utf8');

test('the reference debug logs split into the messages their README counts', () => {
  assert.equal(splitDebugMessages(reference('daphne.debug.txt')).length, 110);
  assert.equal(splitDebugMessages(reference('fred.debug.txt')).length, 103);
});

test('a message keeps its timestamp as printed and its indented continuation lines', () => {
  const [first, second] = splitDebugMessages(reference('daphne.debug.txt'));
  assert.equal(first!.timestamp, '*Mar  1 02:07:18.850');
  assert.equal(first!.text, [
    'IPSEC(tunnel discover request): ,',
    '  (key eng. msg.) INBOUND local= 13.13.13.14, remote= 12.12.12.13,',
    '    local_proxy= 13.13.13.0/255.255.255.0/0/0 (type=4),',
    '    remote_proxy= 11.11.11.1/255.255.255.255/0/0 (type=1),',
    '    protocol= ESP, transform= esp-des esp-md5-hmac ,',
    '    lifedur= 3600s and 4608000kb,',
    '    spi= 0x0(0), conn_id= 0, keysize= 0, flags= 0x4004 dest=FastEthernet0/0:11.11.11.2',
  ].join('\n'));
  assert.deepEqual(second, { timestamp: '*Mar  1 02:07:18.854', text: 'ISAKMP: received ke message (1/1)' });
  const idPayload = splitDebugMessages(reference('fred.debug.txt')).find((m) => m.text.startsWith('ISAKMP (1): ID payload'));
  assert.equal(idPayload!.text.split('\n').length, 6);
});

test('a timestamp-led line with an indented body is a message of its own', () => {
  const messages = splitDebugMessages(reference('daphne.debug.txt'));
  const spiLine = messages.find((m) => m.text.includes('has spi 0xF800D61F'));
  assert.deepEqual(spiLine, { timestamp: '*Mar  1 02:07:23.986', text: '        has spi 0xF800D61F and conn_id 2000 and flags 4' });
});

test('splitting and printing back gives the log again', () => {
  for (const name of ['daphne.debug.txt', 'fred.debug.txt']) {
    const log = reference(name);
    assert.equal(formatDebugMessages(splitDebugMessages(log)), log.trimEnd());
  }
});

test('every timestamp layout of service timestamps starts a message', () => {
  const log = [
    'Mar  1 02:07:18.850: synchronised, msec',
    '.Mar  1 02:07:18: no longer synchronised, no msec',
    '*Mar  1 2002 02:07:18.850 UTC: with year and time zone',
    '00:05:23: uptime',
    '1d02h: uptime in days',
    '2w3d: uptime in weeks',
    '%not a timestamp, continues the message above',
  ].join('\n');
  assert.deepEqual(splitDebugMessages(log).map((m) => m.timestamp), [
    'Mar  1 02:07:18.850', '.Mar  1 02:07:18', '*Mar  1 2002 02:07:18.850 UTC', '00:05:23', '1d02h', '2w3d',
  ]);
  assert.equal(splitDebugMessages(log)[5]!.text, 'uptime in weeks\n%not a timestamp, continues the message above');
});

test('text before the first timestamp and blank lines are handled without loss', () => {
  const messages = splitDebugMessages('Daphne#\n\n*Mar  1 02:07:18.854: one\n\n   two\n');
  assert.deepEqual(messages, [{ timestamp: '', text: 'Daphne#' }, { timestamp: '*Mar  1 02:07:18.854', text: 'one\n   two' }]);
  assert.deepEqual(splitDebugMessages(''), []);
});

test('blanks collapse, trailing blanks and blank lines go, line ends do not matter', () => {
  assert.equal(collapseBlanks('  ID Interface \t  IP-Address   '), ' ID Interface IP-Address');
  assert.equal(normalise('dst   src\r\n\r\n  11.11.11.2    11.11.11.1  \r\n   \n', { kind: 'show' }), 'dst src\n 11.11.11.2 11.11.11.1');
});

test('the command echo is recognised and dropped only when asked', () => {
  assert.ok(isCommandEcho('Daphne#show crypto isakmp sa'));
  assert.ok(isCommandEcho('fred>show version'));
  assert.ok(isCommandEcho('fred(config)#crypto isakmp policy 10'));
  for (const line of ['Daphne#', 'Interface    IP-Address  OK? Method', 'Building configuration...', '*Mar  1 02:07:18.850: x', '    #pkts encaps: 9']) {
    assert.ok(!isCommandEcho(line), line);
  }
  const text = reference('daphne.show-crypto-isakmp-sa.txt');
  assert.deepEqual(normaliseLines(text, { kind: 'show', dropEcho: true }), [
    'dst src state conn-id slot',
    '11.11.11.2 11.11.11.1 QM_IDLE 2 0',
  ]);
  assert.equal(normaliseLines(text, { kind: 'show' })[0], 'Daphne#show crypto isakmp sa');
  assert.equal(normaliseLines('\nDaphne#show debug\nx', { kind: 'show', dropEcho: true }).join('|'), 'x');
});

test('"!" lines are ignored in running-config output only', () => {
  const config = reference('daphne.running-config.txt');
  const lines = normaliseLines(config, { kind: 'running-config', dropEcho: true });
  assert.ok(!lines.includes('!'));
  assert.equal(lines.length, 38);
  assert.deepEqual(lines.slice(0, 3), ['Building configuration...', 'Current configuration : 1426 bytes', 'version 12.2']);
  assert.ok(normaliseLines(config, { kind: 'show', dropEcho: true }).includes('!'));
  assert.deepEqual(normaliseLines('a\n !  \n!x\n', { kind: 'running-config' }), ['a', '!x']);
});

test('a debug log normalises message by message, continuation lines indented by one blank', () => {
  const lines = normaliseLines(reference('daphne.debug.txt'), { kind: 'debug' });
  assert.deepEqual(lines.slice(13, 19), [
    '*Mar 1 02:07:18.858: ISAKMP (1): ID payload',
    ' next-payload : 5',
    ' type : 1',
    ' protocol : 17',
    ' port : 500',
    ' length : 8',
  ]);
  assert.equal(lines.filter((line) => line.startsWith('*Mar 1 ')).length, 110);
});
