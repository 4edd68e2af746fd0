import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lab } from '../lab/lab.ts';
import type { LiveLab } from '../lab/live-lab.ts';
import { CharonLab, charonLabSkip, type EspSaKeys, type QuickModeRecord } from './testing/charon-lab.ts';
import { CHARON_LAN, SUITES, topology, type Suite } from './testing/interop-case.ts';
import { echoOnceInstalled, interopLab, loadCharon, routerPing } from './testing/interop-run.ts';

/**
 * The emulated 2600 against a real strongSwan charon (5.9.8, IKEv1, pre-shared key) over real
 * UDP 500, in a network namespace of the test's own. Three suites, each started once by charon
 * (`swanctl --initiate`) and once by the router (a host behind it pings a host behind charon).
 * Passes when main mode and quick mode complete, the router shows QM_IDLE, its SPIs and keys
 * are charon's, and tshark decrypts the router's IKE and ESP with charon's keys.
 *
 * These kernels have no ESP, so charon cannot install a plain-ESP CHILD_SA: it negotiates, logs
 * its keys, fails to install and says so (NO_PROP for its own quick mode, DELETE for the
 * router's). The test stops at quick mode and key agreement: the router's quick mode, which
 * charon completes up to the install, is the one compared; when charon starts, its own quick
 * mode is checked up to the second message, where charon stops.
 */

const skip = charonLabSkip();
/** The router's quick mode, which charon completed as responder up to the install. */
function routersQuickMode(charon: CharonLab): QuickModeRecord {
  const record = charon.keys().quickModes.find((quickMode) => quickMode.role === 'responder' && quickMode.completed);
  assert.ok(record, `charon completed the router's quick mode:\n${charon.log().split('\n').slice(-30).join('\n')}`);
  return record;
}

function hexOfRow(row: string, field: number): string {
  return row.split(',')[field]!.replace(/"/g, '').replace(/^0x/, '');
}

/** The router's esp_sa rows against charon's keys: same SPI, same keys, per direction. */
function assertSameEspKeys(rows: string[], routerOutbound: EspSaKeys, routerInbound: EspSaKeys): void {
  for (const sa of [routerOutbound, routerInbound]) {
    const row = rows.find((candidate) => hexOfRow(candidate, 3) === sa.spi.padStart(8, '0'));
    assert.ok(row, `the router has an SA with charon's SPI 0x${sa.spi}`);
    assert.equal(hexOfRow(row, 5), sa.encryptionKey, `encryption key of SPI 0x${sa.spi}`);
    assert.equal(hexOfRow(row, 7), sa.integrityKey, `integrity key of SPI 0x${sa.spi}`);
  }
}

function espRow(suite: Suite, sa: EspSaKeys): string {
  const fields = ['IPv4', sa.src, sa.dst, `0x${sa.spi.padStart(8, '0')}`, suite.tshark.encryption, `0x${sa.encryptionKey}`, suite.tshark.integrity, `0x${sa.integrityKey}`];
  return fields.map((field) => `"${field}"`).join(',');
}

/** tshark, with nothing but charon's keys, must read the router's encrypted IKE and its ESP. */
function assertTsharkDecrypts(suite: Suite, charon: CharonLab, quickMode: QuickModeRecord, dir: string): void {
  const ike = charon.keys().ikeSas.find((sa) => sa.established)!;
  const output = execFileSync('tshark', [
    '-r', path.join(dir, 'wan.pcap'), '-o', 'esp.enable_encryption_decode:TRUE', '-o', 'esp.enable_authentication_check:TRUE',
    '-o', `uat:ikev1_decryption_table:${ike.initiatorCookie},${ike.ka}`,
    '-o', `uat:esp_sa:${espRow(suite, quickMode.inbound!)}`, '-o', `uat:esp_sa:${espRow(suite, quickMode.outbound!)}`,
    '-T', 'fields', '-E', 'separator=|', '-e', 'ip.src', '-e', 'isakmp.exchangetype', '-e', 'isakmp.hash', '-e', 'esp.icv_good', '-e', 'icmp.type',
  ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const frames = output.trimEnd().split('\n').map((line) => line.split('|'));
  const hashes = frames.filter(([, exchange, hash]) => exchange !== '' && /^[0-9a-f]{32,40}$/.test(hash ?? ''));
  assert.ok(hashes.length >= 4, `MM5/MM6 and quick mode decrypted with charon's Ka (${hashes.length} hashes read)`);
  const esp = frames.filter(([, , , icvGood]) => icvGood !== '');
  assert.ok(esp.length >= 1, 'the router sent ESP');
  assert.ok(esp.every(([, , , icvGood, icmp]) => icvGood === '1' && icmp === '8'), 'its ESP decrypts with charon\'s keys to the echo request');
}

async function withCharon(suite: Suite, body: (charon: CharonLab, lab: Lab, live: LiveLab) => Promise<void>): Promise<void> {
  const charon = await CharonLab.start();
  let live: LiveLab | undefined;
  try {
    await loadCharon(charon, suite);
    const lab = interopLab(suite, charon.peerAddress, charon.address);
    live = await lab.goLive();
    await body(charon, lab, live);
  } finally {
    await live?.stop();
    await charon.close();
  }
}

/** The router starts a quick mode with a ping; once charon has its keys, everything is compared. */
async function routerQuickMode(suite: Suite, charon: CharonLab, lab: Lab, live: LiveLab): Promise<void> {
  const espSeen = echoOnceInstalled(lab);
  assert.equal(await routerPing(live), '.', 'the first echo starts IKE and is dropped');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-interop-'));
  assert.ok(await live.until(() => charon.keys().quickModes.some((q) => q.role === 'responder' && q.completed) && espSeen(), 10_000),
    `quick mode and an ESP echo within 10 s:\n${lab.debugLog('R1').split('\n').slice(-20).join('\n')}`);
  await live.wait(200);
  assert.match(lab.run('R1', 'show crypto isakmp sa'), new RegExp(`${charon.address}\\s+${charon.peerAddress}\\s+QM_IDLE|${charon.peerAddress}\\s+${charon.address}\\s+QM_IDLE`));
  const quickMode = routersQuickMode(charon);
  lab.saveCapture('wan', dir);
  const rows = readFileSync(path.join(dir, 'esp_sa'), 'utf8').split('\n').filter((row) => row !== '');
  assertSameEspKeys(rows, quickMode.inbound!, quickMode.outbound!);
  const ike = charon.keys().ikeSas.find((sa) => sa.established)!;
  assert.deepEqual(readFileSync(path.join(dir, 'ikev1_decryption_table'), 'utf8').trim().split('\n'), [`${ike.initiatorCookie},${ike.ka}`],
    'the router\'s cookie and Ka are charon\'s');
  assertTsharkDecrypts(suite, charon, quickMode, dir);
}

for (const suite of SUITES) {
  test(`${suite.name}: the router starts; main mode and quick mode complete with charon's keys`, { skip }, async () => {
    await withCharon(suite, (charon, lab, live) => routerQuickMode(suite, charon, lab, live));
  });

  test(`${suite.name}: charon starts; the router answers main mode and quick mode, then starts its own`, { skip }, async () => {
    await withCharon(suite, async (charon, lab, live) => {
      const initiated = await charon.initiate('net', { timeoutMs: 20_000 });
      // charon cannot install the pair it negotiated (no ESP in this kernel) and says so instead of QM3.
      assert.equal(initiated.ok, false);
      const own = charon.keys().quickModes.find((q) => q.role === 'initiator');
      assert.ok(own?.completed, 'charon derived its keys from the router\'s QM2');
      const offered = [...lab.debugLog('R1').matchAll(/getting spi (\d+) for SA/g)].map((match) => Number(match[1]));
      assert.ok(offered.includes(Number.parseInt(own.outbound!.spi, 16)), 'charon sends to the SPI the router offered');
      assert.match(lab.run('R1', 'show crypto isakmp sa'), /QM_IDLE/);
      await routerQuickMode(suite, charon, lab, live);
    });
  });
}

test('tedlab bridge: a topology with charon as a peer runs on the wall clock from the command line', { skip }, async () => {
  const suite = SUITES[1]!;
  const charon = await CharonLab.start();
  try {
    await loadCharon(charon, suite);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-bridge-'));
    const file = path.join(dir, 'topology.yaml');
    writeFileSync(file, topology(suite, charon.peerAddress, charon.address));
    const bin = fileURLToPath(new URL('../../bin/tedlab.mjs', import.meta.url));
    const { stdout } = await run(process.execPath, [bin, 'bridge', file, '--run', 'R1: debug crypto isakmp', '--ping', `pc1 ${CHARON_LAN}.10`,
      '--seconds', '4', '--capture', path.join(dir, 'capture')]);
    assert.match(stdout, /R1: .*ISAKMP \(0:1\): sending packet to 10\.99\.\d+\.2 \(I\) MM_NO_STATE/);
    assert.match(stdout, /R1: .*ISAKMP \(0:1\): SA has been authenticated with/);
    assert.match(stdout, /QM_IDLE/);
    assert.ok(existsSync(path.join(dir, 'capture', 'wan.pcap')));
  } finally {
    await charon.close();
  }
});

function run(command: string, args: string[]): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: 'utf8', timeout: 30_000 }, (error, stdout) => (error ? reject(error) : resolve({ stdout })));
  });
}
