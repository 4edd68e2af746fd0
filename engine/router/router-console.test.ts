import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RouterConsole } from './router-console.ts';

test('within its limit a console keeps everything; positions count every character', () => {
  const console = new RouterConsole(1000);
  console.recordInput('R1#', 'show clock');
  console.recordResponse('*00:00:05.000 UTC Mon Mar 1 1993');
  console.recordMessage('*Mar  1 00:00:05.000', '%SYS-5-CONFIG_I: Configured from console by console');
  assert.equal(console.transcript(), 'R1#show clock\n*00:00:05.000 UTC Mon Mar 1 1993\n*Mar  1 00:00:05.000: %SYS-5-CONFIG_I: Configured from console by console\n');
  assert.equal(console.log(), '*Mar  1 00:00:05.000: %SYS-5-CONFIG_I: Configured from console by console\n');
  assert.equal(console.transcriptEnd(), console.transcript().length);
  assert.equal(console.transcriptCut(), undefined);
  assert.equal(console.logCut(), undefined);
});

test('past its limit a console keeps the newest whole parts, says what it cut, and keeps readers\' places', () => {
  const console = new RouterConsole(100);
  const message = (n: number): string => `ISAKMP: message ${String(n).padStart(4, '0')}`;
  console.recordMessage('', message(0));
  const reader = console.logEnd();
  const mark = console.mark();
  for (let n = 1; n <= 20; n++) console.recordMessage('', message(n));
  const log = console.log();
  assert.ok(log.length <= 100, `${log.length} characters kept`);
  assert.ok(log.startsWith('ISAKMP: message') && log.endsWith(`${message(20)}\n`), 'whole messages, the newest last');
  const cut = console.logCut();
  assert.ok(cut !== undefined);
  assert.equal(cut.parts + log.split('\n').filter(Boolean).length, 21, 'every message kept or counted as cut');
  assert.equal(cut.chars + log.length, console.logEnd());
  assert.equal(cut.limitChars, 100);
  assert.equal(console.logFrom(reader), log, 'a reader whose place was cut gets what is left');
  assert.equal(console.logFrom(console.logEnd() - message(20).length - 1), `${message(20)}\n`);
  assert.equal(console.transcriptSince(mark), console.transcript(), 'a mark before the cut gives what is left');
  assert.equal(console.transcriptSince(console.mark()), '');
});
