import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Lab } from './lab.ts';
import { routerAndHostLab } from './testing/router-and-host.ts';

const lab = (logging: string): Lab => routerAndHostLab({ config: [logging] });

const CONFIG_I = '%SYS-5-CONFIG_I';

test('no logging console keeps syslog messages off the console, but show logging still counts them', () => {
  const quiet = lab('no logging console');
  assert.doesNotMatch(quiet.type('R1', ['configure terminal', 'end']), new RegExp(CONFIG_I));
  assert.match(quiet.run('R1', 'show logging'), /Console logging: disabled/);
  const loud = lab('logging console');
  assert.match(loud.type('R1', ['configure terminal', 'end']), new RegExp(CONFIG_I));
});

test('logging console LEVEL lets through only messages at that severity or more urgent', () => {
  const warnings = lab('logging console warnings');
  assert.doesNotMatch(warnings.type('R1', ['configure terminal', 'end']), new RegExp(CONFIG_I));
  const notifications = lab('logging console notifications');
  assert.match(notifications.type('R1', ['configure terminal', 'end']), new RegExp(CONFIG_I));
});

test('no logging console silences debug output at the console as well', () => {
  const debugArp = (subject: Lab) => {
    subject.run('R1', 'debug arp');
    subject.run('R1', 'clear arp-cache');
    subject.run('R1', 'ping 10.0.0.2');
    return subject.debugLog('R1');
  };
  assert.match(debugArp(lab('logging console')), /IP ARP: sent req src 10\.0\.0\.1/);
  assert.doesNotMatch(debugArp(lab('no logging console')), /IP ARP/);
});
