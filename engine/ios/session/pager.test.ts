import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MORE_ERASE, MORE_PROMPT, Pager } from './pager.ts';

const LINES = Array.from({ length: 10 }, (_, index) => `line ${index + 1}`);

function text(lines: string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

test('a screen of N lines shows N - 1 lines and --More--', () => {
  const pager = new Pager(LINES, 4);
  assert.deepEqual(pager.start(), { text: `${text(LINES.slice(0, 3))}${MORE_PROMPT}`, waiting: true });
});

test('space shows the next screen, Return one more line, each after erasing --More--', () => {
  const pager = new Pager(LINES, 4);
  pager.start();
  assert.deepEqual(pager.press(' '), { text: `${MORE_ERASE}${text(LINES.slice(3, 6))}${MORE_PROMPT}`, waiting: true });
  assert.deepEqual(pager.press('\r'), { text: `${MORE_ERASE}${text(['line 7'])}${MORE_PROMPT}`, waiting: true });
  assert.deepEqual(pager.press(' '), { text: `${MORE_ERASE}${text(LINES.slice(7, 10))}`, waiting: false });
  assert.deepEqual(pager.press(' '), { text: '', waiting: false });
});

test('any other key ends the output where it stands', () => {
  const pager = new Pager(LINES, 4);
  pager.start();
  assert.deepEqual(pager.press('q'), { text: MORE_ERASE, waiting: false });
  assert.equal(pager.waiting, false);
});

test('terminal length 0 and short output never stop', () => {
  assert.deepEqual(new Pager(LINES, 0).start(), { text: text(LINES), waiting: false });
  assert.deepEqual(new Pager(LINES.slice(0, 2), 24).start(), { text: text(LINES.slice(0, 2)), waiting: false });
});

test('IOS erases the prompt with nine backspaces, eight blanks and nine backspaces', () => {
  assert.equal(MORE_PROMPT, ' --More-- ');
  assert.equal(MORE_ERASE, '\b\b\b\b\b\b\b\b\b        \b\b\b\b\b\b\b\b\b');
});
