import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * `tedlab console` end to end: a session piped in prints what a terminal would show, and its
 * recording replays with `tedlab run` from another folder, passes, and fails once one expected
 * state in it is changed.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TEDLAB = path.join(ROOT, 'bin/tedlab.mjs');

const SESSION = [
  'show crypto isakmp sa',
  'debug crypto isakmp',
  '@ping pc-daphne 12.12.12.13',
  'show crypto isakmp sa',
  'conf t',
  'crypto isakmp policy 20',
  ' hash md5',
  'end',
  'copy running-config startup-config',
  '',
  'show crypto isakmp ?',
  '@wait 5',
  '@connect fred',
  'show crypto isakmp sa',
  '@frob',
  '',
].join('\n');

function spawn(args: string[], cwd: string, input?: string) {
  const result = spawnSync(process.execPath, [TEDLAB, ...args], { cwd, input, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('a piped session prints the console as a terminal shows it, and its recording replays, passes and fails when changed', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-console-'));
  try {
    const inline = path.join(dir, 'features', 'session.feature');
    const withReferences = path.join(dir, 'features', 'session-references.feature');
    const session = spawn(['console', 'ted-doc', '--record', inline], ROOT, SESSION);
    assert.equal(session.status, 0, session.stderr);
    assert.doesNotMatch(session.stderr, /\n\s+at /, 'no stack trace');
    assert.match(session.stdout, /^Daphne#show crypto isakmp sa\ndst {13}src {13}state {10}conn-id slot\nDaphne#debug crypto isakmp\nCrypto ISAKMP debugging is on\n/);
    assert.match(session.stdout, /\nDaphne#@ping pc-daphne 12\.12\.12\.13\nType escape sequence to abort\.\n.*\n\.!!!!\nSuccess rate is 80 percent \(4\/5\)/);
    assert.match(session.stdout, /\n\*Mar {2}1 00:00:00\.045: ISAKMP \(0:1\): beginning peer discovery exchange\n/, 'debug messages as they happen');
    assert.match(session.stdout, /\nDaphne#show crypto isakmp sa\ndst .*\n11\.11\.11\.2 +11\.11\.11\.1 +QM_IDLE +2 +0\n/);
    assert.match(session.stdout, /\nDaphne\(config\)#crypto isakmp policy 20\nDaphne\(config-isakmp\)# hash md5\nDaphne\(config-isakmp\)#end\n/);
    assert.match(session.stdout, /\nDaphne#copy running-config startup-config\nDestination filename \[startup-config\]\? \nBuilding configuration\.\.\.\n/);
    assert.match(session.stdout, /\nfred#show crypto isakmp sa\ndst .*\n11\.11\.11\.2 +11\.11\.11\.1 +QM_IDLE/);
    assert.match(session.stdout, /\nfred#@frob\n% tedlab: unknown lab command "@frob"; @help lists them\n$/);
    assert.equal(spawn(['console', 'ted-doc', '--record', withReferences, '--record-references', path.join(dir, 'refs')], ROOT, SESSION).stdout, session.stdout);

    const feature = readFileSync(inline, 'utf8');
    assert.match(feature, /^ {4}Given the lab "[./]*.*scenarios\/ted-doc"$/m);
    assert.match(feature, /^ {4}When I configure "Daphne" with:\n {6}"""\n {6}crypto isakmp policy 20\n {7}hash md5\n {6}"""$/m);
    assert.match(feature, /^ {4}When host "pc-daphne" pings "12\.12\.12\.13"\n {4}Then the ping shows "\.!!!!"$/m);
    assert.match(feature, /^ {4}When I type on "Daphne":\n {6}"""\n {6}copy running-config startup-config\n\n {6}"""$/m);
    assert.match(feature, /^ {4}When 5 seconds pass$/m);
    assert.match(readFileSync(withReferences, 'utf8'), /^ {4}Then the output matches the reference "\.\.\/refs\/fred\.show-crypto-isakmp-sa\.txt"$/m);

    // From another folder than the one the session ran in: the lab and references are found from the features' folder.
    const replay = spawn(['run', 'features', '--reports', path.join(dir, 'reports')], dir);
    assert.equal(replay.status, 0, replay.stdout + replay.stderr);
    assert.match(replay.stdout, /scenarios: 2 passed, 0 failed/);

    writeFileSync(inline, feature.replace(/QM_IDLE/, 'MM_NO_STATE'));
    const reference = path.join(dir, 'refs', readdirSync(path.join(dir, 'refs')).find((name) => name.startsWith('daphne.show-crypto-isakmp-sa-2'))!);
    writeFileSync(reference, readFileSync(reference, 'utf8').replace('QM_IDLE', 'MM_NO_STATE'));
    const changed = spawn(['run', 'features', '--reports', path.join(dir, 'reports')], dir);
    assert.equal(changed.status, 1, changed.stdout + changed.stderr);
    assert.match(changed.stdout, /scenarios: 0 passed, 2 failed/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('console answers --help, and refuses a lab it cannot find, an unknown router and a bad --record, without a stack trace', () => {
  const help = spawn(['console', '--help'], ROOT);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^usage: tedlab console LAB \[OPTIONS\]\n/);
  assert.match(help.stdout, /virtual\ntime passes only with @wait/, 'the usage says a piped session is deterministic');
  const missing = spawn(['console', 'no-such-lab'], ROOT, '');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^tedlab console: lab "no-such-lab" not found; tedlab looked for it at\n/);
  const router = spawn(['console', 'ted-doc', '--router', 'wilma'], ROOT, '');
  assert.equal(router.status, 2);
  assert.equal(router.stderr, 'tedlab console: the lab has no router "wilma"; its routers: Daphne, fred\n');
  const record = spawn(['console', 'ted-doc', '--record', 'session.txt'], ROOT, '');
  assert.equal(record.status, 2);
  assert.equal(record.stderr, 'tedlab console: --record takes a feature file, FILE.feature, not "session.txt"\n');
});
