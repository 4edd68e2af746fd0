import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeIsakmp } from '../wire/isakmp/index.ts';
import { SUITES } from './testing/interop-case.ts';
import { echoOnceInstalled, interopLab } from './testing/interop-run.ts';
import { RecordedPeer, readRecordedDatagrams, type RecordedDatagram } from './testing/recorded-peer.ts';
import { RECORDINGS, type Recording } from './testing/record-interop.ts';

/**
 * The interop runs against a real charon, replayed offline from their recordings
 * (engine/testdata/charon-interop, made by testing/record-interop.ts): charon's own bytes go to
 * a router that must answer exactly as it did live, up to the same keys. They carry what real
 * peers send and IOS must take: vendor IDs it does not know (XAUTH, DPD, NAT-T, fragmentation),
 * INITIAL-CONTACT beside ID and HASH, a whole block of padding, KE in quick mode, and charon's
 * NO_PROP and DELETE when it cannot install the SAs.
 */

interface Replay {
  name: string;
  recording: Recording;
  datagrams: RecordedDatagram[];
}

function replays(): Replay[] {
  const folders = readdirSync(RECORDINGS, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  return folders.sort().map((name) => {
    const dir = path.join(RECORDINGS, name);
    const recording = JSON.parse(readFileSync(path.join(dir, 'recording.json'), 'utf8')) as Recording;
    return { name, recording, datagrams: readRecordedDatagrams(path.join(dir, 'wan.pcap'), recording.charonAddress) };
  });
}

/** Payload kinds of charon's ISAKMP messages in the clear (phase 1 before keys), by exchange type. */
function clearPayloads(datagrams: RecordedDatagram[]): string[][] {
  return datagrams.filter((d) => d.fromPeer && d.udp !== undefined).flatMap((d) => {
    const message = decodeIsakmp(d.udp!.payload);
    return message.ok && !message.value.body.encrypted ? [message.value.body.payloads.map((p) => p.kind)] : [];
  });
}

for (const replay of replays()) {
  test(`charon's recorded ${replay.name}: the router answers byte for byte and ends with charon's keys`, () => {
    const { recording, datagrams } = replay;
    const suite = SUITES.find((candidate) => candidate.name === recording.suite)!;
    const lab = interopLab(suite, recording.routerAddress, recording.charonAddress);
    const peer = new RecordedPeer(datagrams);
    const end = lab.connectPeer('charon', peer);
    echoOnceInstalled(lab);
    peer.start(end);
    lab.advance(3_000);
    lab.ping('pc1', '10.2.2.10', { count: 1 });
    lab.advance(1_000);
    assert.deepEqual(peer.mismatches, []);
    assert.equal(peer.remaining, 0, 'the whole recording was played');
    assert.match(lab.run('R1', 'show crypto isakmp sa'), /QM_IDLE/);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-replay-'));
    lab.saveCapture('wan', dir);
    assert.equal(readFileSync(path.join(dir, 'ikev1_decryption_table'), 'utf8').trim(),
      `${recording.charon.initiatorCookie},${recording.charon.ka}`, 'the router\'s cookie and Ka are charon\'s');
    const quickMode = recording.charon.quickModes.find((q) => q.role === 'responder' && q.completed)!;
    const rows = readFileSync(path.join(dir, 'esp_sa'), 'utf8');
    for (const sa of [quickMode.inbound!, quickMode.outbound!]) {
      assert.ok(rows.includes(`"0x${sa.spi.padStart(8, '0')}"`) && rows.includes(`"0x${sa.encryptionKey}"`) && rows.includes(`"0x${sa.integrityKey}"`),
        `the router's SA with SPI 0x${sa.spi} has charon's keys`);
    }
    if (recording.starter === 'charon') {
      const [mm1] = clearPayloads(datagrams);
      assert.deepEqual(mm1, ['sa', 'vendor-id', 'vendor-id', 'vendor-id', 'vendor-id', 'vendor-id'], 'charon\'s MM1: SA and five vendor IDs');
      assert.match(lab.debugLog('R1'), /processing NOTIFY INITIAL_CONTACT/, 'MM5 carried INITIAL-CONTACT beside ID and HASH');
    }
  });
}
