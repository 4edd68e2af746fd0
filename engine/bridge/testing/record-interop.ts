import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CharonLab } from './charon-lab.ts';
import { SUITES } from './interop-case.ts';
import { echoOnceInstalled, interopLab, loadCharon, routerPing, type Starter } from './interop-run.ts';

/**
 * Records one interop run against a real charon for the offline replay test
 * (engine/bridge/recorded-charon.test.ts): the WAN capture, the addresses, and what charon
 * logged of its keys. Needs root, strongSwan and network namespaces, like the live tests.
 *
 *   node --import tsx engine/bridge/testing/record-interop.ts --suite 1 --starter charon
 */

export const RECORDINGS = fileURLToPath(new URL('../../testdata/charon-interop/', import.meta.url));

export interface Recording {
  suite: string;
  starter: Starter;
  routerAddress: string;
  charonAddress: string;
  recordedWith: string;
  /** charon's phase-1 and quick-mode keys as its log gave them. */
  charon: ReturnType<CharonLab['keys']>['ikeSas'][number] & { quickModes: ReturnType<CharonLab['keys']>['quickModes'] };
}

export function recordingName(suiteIndex: number, starter: Starter): string {
  return `${SUITES[suiteIndex]!.ike}-${starter}-starts`;
}

async function record(suiteIndex: number, starter: Starter): Promise<string> {
  const suite = SUITES[suiteIndex]!;
  const charon = await CharonLab.start();
  try {
    await loadCharon(charon, suite);
    const lab = interopLab(suite, charon.peerAddress, charon.address);
    const espSeen = echoOnceInstalled(lab);
    const live = await lab.goLive();
    try {
      if (starter === 'charon') await charon.initiate('net', { timeoutMs: 20_000 });
      await routerPing(live);
      await live.until(() => espSeen() && charon.keys().quickModes.some((q) => q.role === 'responder' && q.completed), 10_000);
      await live.wait(500);
    } finally {
      await live.stop();
    }
    const dir = path.join(RECORDINGS, recordingName(suiteIndex, starter));
    mkdirSync(dir, { recursive: true });
    const saved = lab.saveCapture('wan', mkdtempSync(path.join(os.tmpdir(), 'tedlab-record-')));
    copyFileSync(saved.pcap, path.join(dir, 'wan.pcap'));
    const keys = charon.keys();
    const recording: Recording = {
      suite: suite.name, starter, routerAddress: charon.peerAddress, charonAddress: charon.address,
      recordedWith: 'strongSwan 5.9.8 charon (Debian 12), kernel without ESP',
      charon: { ...keys.ikeSas.find((sa) => sa.established)!, quickModes: keys.quickModes },
    };
    writeFileSync(path.join(dir, 'recording.json'), `${JSON.stringify(recording, null, 2)}\n`);
    return dir;
  } finally {
    await charon.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { suite: { type: 'string' }, starter: { type: 'string' } } });
  const suites = values.suite === undefined ? SUITES.map((_, index) => index) : [Number(values.suite)];
  const starters: Starter[] = values.starter === undefined ? ['router', 'charon'] : [values.starter as Starter];
  for (const suite of suites) for (const starter of starters) console.log(await record(suite, starter));
}
