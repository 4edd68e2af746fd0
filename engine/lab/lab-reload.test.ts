import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lab } from './lab.ts';
import { LabError } from './errors.ts';
import { RELOAD_CONFIG_LOAD_MS, RELOAD_IMAGE_LOAD_MS } from '../router/router.ts';

const TED_DOC = path.join(fileURLToPath(new URL('../../scenarios/', import.meta.url)), 'ted-doc', 'topology.yaml');
const RELOAD_MS = RELOAD_IMAGE_LOAD_MS + RELOAD_CONFIG_LOAD_MS;

/** Pings from pc-fred until the tunnel carries them (fred's first packets wait on ARP and TED after a boot). */
function pingUntilTunnel(lab: Lab): string[] {
  const marks: string[] = [];
  while (marks.at(-1) !== '!!!!!' && marks.length < 5) marks.push(lab.ping('pc-fred', 'pc-daphne').marks);
  return marks;
}

function tunnelUp(): Lab {
  const lab = Lab.load(TED_DOC);
  assert.equal(lab.ping('pc-daphne', 'pc-fred').marks, '.!!!!');
  return lab;
}

test('a reload takes virtual time: the console is away until fred has booted', () => {
  const lab = tunnelUp();
  assert.equal(lab.run('fred', 'reload'), 'Proceed with reload? [confirm]');
  assert.throws(() => lab.run('fred', 'show clock'), (error: unknown) => error instanceof LabError && /fred is reloading/.test(error.message));
  lab.advance(RELOAD_MS - 1);
  assert.throws(() => lab.run('fred', 'show clock'), LabError);
  lab.advance(1);
  assert.equal(lab.run('fred', 'show clock'), '*00:00:05.000 UTC Mon Mar 1 1993', 'the clock starts again with IOS');
  assert.match(lab.run('fred', 'show version'), /^fred uptime is 0 minutes$/m);
});

test('fred forgets its SAs, says nothing to Daphne, and logs the reload and the interfaces coming up', () => {
  const lab = tunnelUp();
  lab.run('fred', 'reload');
  assert.equal(lab.ping('pc-daphne', 'pc-fred').marks, '.....', 'nothing answers while fred is down');
  lab.advance(RELOAD_MS + 2000);
  assert.doesNotMatch(lab.run('fred', 'show crypto isakmp sa'), /QM_IDLE/);
  assert.doesNotMatch(lab.run('fred', 'show crypto ipsec sa'), /spi: 0x/);
  assert.match(lab.run('Daphne', 'show crypto isakmp sa'), /11\.11\.11\.2 +11\.11\.11\.1 +QM_IDLE/, 'no DELETE reached Daphne');
  const log = lab.debugLog('fred');
  const reloadAt = log.indexOf('%SYS-5-RELOAD: Reload requested by console.');
  assert.ok(reloadAt >= 0);
  const afterBoot = log.slice(reloadAt);
  for (const message of [
    '*Mar  1 00:00:05.000: %LINK-3-UPDOWN: Interface FastEthernet0/0, changed state to up',
    '*Mar  1 00:00:05.000: %SYS-5-CONFIG_I: Configured from memory by console',
    '*Mar  1 00:00:05.000: %SYS-5-RESTART: System restarted --',
    '*Mar  1 00:00:06.000: %LINEPROTO-5-UPDOWN: Line protocol on Interface FastEthernet0/0, changed state to up',
  ]) assert.ok(afterBoot.includes(message), message);
});

test('Daphne keeps sending on its old SA, which fred no longer knows', () => {
  const lab = tunnelUp();
  lab.run('fred', 'reload');
  lab.advance(RELOAD_MS + 2000);
  assert.equal(lab.ping('pc-daphne', 'pc-fred').marks, '.....');
  assert.match(lab.debugLog('fred'), /%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi for destaddr=11\.11\.11\.2/);
});

test('after a reload of fred the document\'s tunnel comes up again when fred has traffic to send', () => {
  const lab = tunnelUp();
  lab.run('fred', 'reload');
  lab.advance(RELOAD_MS + 2000);
  const marks = pingUntilTunnel(lab);
  assert.equal(marks.at(-1), '!!!!!', marks.join(' '));
  assert.equal(lab.ping('pc-daphne', 'pc-fred').marks, '!!!!!');
  assert.match(lab.run('fred', 'show crypto isakmp sa'), /QM_IDLE/);
  assert.match(lab.run('fred', 'show crypto map'), /dynamic \(created from dynamic map ted-map\/10\)/);
});

test('the reload boots the startup configuration: what was not saved is gone, what was saved stays', () => {
  const lab = tunnelUp();
  lab.configure('fred', ['interface FastEthernet0/1', 'description saved']);
  lab.run('fred', 'write memory');
  lab.configure('fred', ['hostname unsaved']);
  assert.equal(lab.run('fred', 'reload'), '\nSystem configuration has been modified. Save? [yes/no]: ');
  assert.throws(() => lab.configure('fred', ['hostname x']), /waits for an answer to "System configuration has been modified. Save\? \[yes\/no\]:"/);
  assert.equal(lab.run('fred', 'no'), 'Proceed with reload? [confirm]');
  lab.advance(RELOAD_MS);
  const running = lab.run('fred', 'show running-config');
  assert.match(running, /^hostname fred$/m);
  assert.match(running, /^ description saved$/m);
  assert.match(lab.run('fred', 'show debugging'), /^$/, 'debugging is off after a boot');
});

test('captures keep the keys of the SAs from before the reload', () => {
  const lab = tunnelUp();
  const before = lab.ipsecSpis('fred').inbound;
  lab.run('fred', 'reload');
  lab.advance(RELOAD_MS);
  pingUntilTunnel(lab);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-reload-'));
  const rows = readFileSync(lab.saveCapture('wan', dir).espSa, 'utf8');
  const after = lab.ipsecSpis('fred').inbound;
  assert.ok(after.length > 0 && after.every((spi) => !before.includes(spi)), 'the second boot drew new SPIs');
  for (const spi of [...before, ...after]) assert.ok(rows.includes(`0x${spi.toString(16).padStart(8, '0')}`), `SPI ${spi.toString(16)}`);
});

test('typed lines answer a dialog; a reload with no save question reloads on Return', () => {
  const lab = tunnelUp();
  const transcript = lab.type('fred', ['reload', 'n']);
  assert.equal(transcript, 'fred#reload\nProceed with reload? [confirm]n\nfred#');
  assert.equal(lab.run('fred', 'show clock').startsWith('*00:00:0'), true, 'still up');
});

test('a reload is deterministic: the same steps give byte-identical transcripts', () => {
  const run = (): string => {
    const lab = tunnelUp();
    lab.run('fred', 'reload');
    lab.advance(RELOAD_MS);
    pingUntilTunnel(lab);
    return `${lab.consoleTranscript('fred')}${lab.consoleTranscript('Daphne')}`;
  };
  assert.equal(run(), run());
});

test('lines typed after a confirmed reload are lost, as on a console', () => {
  const lab = tunnelUp();
  const transcript = lab.type('fred', ['reload', '', 'show clock']);
  assert.match(transcript, /^fred#reload\nProceed with reload\? \[confirm\]\n.*%SYS-5-RELOAD: Reload requested by console\.\n$/);
  lab.advance(RELOAD_MS);
  assert.doesNotMatch(lab.consoleTranscript('fred'), /show clock/);
});
