import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokensWithoutHelp } from '../cli/command-types.ts';
import { MODE_IDS, MODE_TABLES, modeChain, promptSuffix } from './mode-table.ts';

test('every token of every mode has a help text for `?`', () => {
  const missing = MODE_IDS.flatMap((mode) =>
    MODE_TABLES[mode].flatMap((command) => tokensWithoutHelp(command).map((token) => `${mode}: ${command.spec.syntax} -> ${token}`)),
  );
  assert.deepEqual(missing, []);
});

test('user level offers only the unprivileged exec commands', () => {
  const user = MODE_TABLES.user.map((command) => command.spec.syntax);
  assert.ok(user.includes('show version'));
  assert.ok(!user.includes('show running-config'));
  assert.ok(MODE_TABLES.exec.some((command) => command.spec.syntax === 'show running-config'));
});

test('sub-modes fall back to global configuration, prompts name the mode', () => {
  assert.deepEqual(modeChain('config-if'), ['config-if', 'config']);
  assert.deepEqual(modeChain('exec'), ['exec']);
  assert.equal(promptSuffix('cfg-crypto-trans'), '(cfg-crypto-trans)#');
  assert.equal(promptSuffix('user'), '>');
});
