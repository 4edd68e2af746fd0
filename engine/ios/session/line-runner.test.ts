import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveLine } from './line-runner.ts';

const modeOf = (mode: Parameters<typeof resolveLine>[0], line: string): string => {
  const resolution = resolveLine(mode, line);
  return resolution.kind === 'command' ? resolution.mode : resolution.kind;
};

test('a line the sub-mode takes whole stays in the sub-mode, as IOS tries the inner mode first', () => {
  assert.equal(modeOf('config-if', 'description to the WAN'), 'config-if');
  assert.equal(modeOf('config-if', 'ip address 10.0.0.1 255.255.255.0'), 'config-if');
  // Known by name in both modes, checked no further in either: the inner mode keeps it.
  assert.equal(modeOf('config-if', 'ntp disable'), 'config-if');
  assert.equal(modeOf('config-if', 'logging event link-status'), 'config-if');
});

test('a global line the sub-mode knows only by its first word falls back to global configuration', () => {
  // Interface mode has `logging event` and `ntp broadcast|disable|multicast`, not these.
  assert.equal(modeOf('config-if', 'no logging console'), 'config');
  assert.equal(modeOf('config-if', 'logging buffered 4096'), 'config');
  assert.equal(modeOf('config-if', 'ntp server 1.2.3.4'), 'config');
  assert.equal(modeOf('config-if', 'hostname R2'), 'config');
});
