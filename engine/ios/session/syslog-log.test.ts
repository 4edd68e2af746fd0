import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDefaultConfig } from '../config/config-model.ts';
import { renderShowLogging } from '../render/show-logging.ts';
import { loggingSettings, severityOf, SyslogLog } from './syslog-log.ts';

const LINK = '%LINK-3-UPDOWN: Interface FastEthernet0/0, changed state to up';
const LINEPROTO = '%LINEPROTO-5-UPDOWN: Line protocol on Interface FastEthernet0/0, changed state to up';
const DEBUG = 'ISAKMP (0:1): received packet from 11.11.11.2 (I) MM_NO_STATE';

function configWith(lines: string[]): ReturnType<typeof createDefaultConfig> {
  const config = createDefaultConfig('R1');
  config.kept.push(...lines.map((text) => ({ slot: 'after-boot' as const, text, key: text.split(' ').slice(0, 2).join(' ') })));
  return config;
}

test('a message has the severity of its %FACILITY-N-MNEMONIC, debug output is level 7', () => {
  assert.equal(severityOf(LINK), 3);
  assert.equal(severityOf(LINEPROTO), 5);
  assert.equal(severityOf(DEBUG), 7);
});

test('by default the console and monitor take everything, the trap informational and up, no buffer', () => {
  const log = new SyslogLog();
  const settings = loggingSettings(createDefaultConfig('R1'));
  for (const message of [LINK, LINEPROTO, DEBUG]) log.record(`00:00:05: ${message}`, message, settings);
  assert.deepEqual(renderShowLogging(log, settings), [
    'Syslog logging: enabled (0 messages dropped, 0 flushes, 0 overruns)',
    '    Console logging: level debugging, 3 messages logged',
    '    Monitor logging: level debugging, 3 messages logged',
    '    Buffer logging: disabled',
    '    Trap logging: level informational, 2 message lines logged',
  ]);
});

test('logging buffered keeps the messages from then on, with their timestamps', () => {
  const log = new SyslogLog();
  log.record(`00:00:01: ${LINK}`, LINK, loggingSettings(createDefaultConfig('R1')));
  const settings = loggingSettings(configWith(['logging buffered 8192 notifications', 'logging console warnings', 'logging trap errors', 'logging 10.0.0.9']));
  for (const message of [LINK, LINEPROTO, DEBUG]) log.record(`00:00:05: ${message}`, message, settings);
  assert.deepEqual(renderShowLogging(log, settings), [
    'Syslog logging: enabled (0 messages dropped, 0 flushes, 0 overruns)',
    '    Console logging: level warnings, 2 messages logged',
    '    Monitor logging: level debugging, 4 messages logged',
    '    Buffer logging: level notifications, 2 messages logged',
    '    Trap logging: level errors, 2 message lines logged',
    '        Logging to 10.0.0.9, 1 message lines logged',
    '',
    'Log Buffer (8192 bytes):',
    '',
    `00:00:05: ${LINK}`,
    `00:00:05: ${LINEPROTO}`,
  ]);
});

test('the buffer is circular: the oldest messages make room', () => {
  const log = new SyslogLog();
  const settings = loggingSettings(configWith(['logging buffered 4096']));
  for (let index = 0; index < 100; index++) log.record(`${String(index).padStart(3, '0')}: ${LINK}`, LINK, settings);
  const kept = log.bufferedLines(settings);
  assert.ok(kept.reduce((bytes, line) => bytes + line.length + 1, 0) <= 4096);
  assert.equal(kept.at(-1), `099: ${LINK}`);
  assert.ok(kept.length < 100 && kept.length > 40);
  assert.equal(log.bufferLogged, 100, 'the count counts every message the buffer took');
});

test('no logging console turns the console off', () => {
  assert.equal(loggingSettings(configWith(['no logging console'])).console, undefined);
});
