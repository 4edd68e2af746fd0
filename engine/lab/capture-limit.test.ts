import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readPcap } from '../wire/pcap-reader.ts';
import { Lab } from './lab.ts';

const topology = (capture: string): string => `routers:
  R1:
    model: c2600
    config: |
      interface FastEthernet0/0
       ip address 10.0.0.1 255.255.255.0
       no shutdown
hosts:
  pc1: { address: 10.0.0.2/24, gateway: 10.0.0.1 }
links:
  lan: { ends: [R1 FastEthernet0/0, pc1], capture: ${capture} }
`;

/** 2,000 echoes and replies of 114-byte frames: about 456 KB on the link. */
function busyLab(capture: string): Lab {
  const lab = Lab.fromYaml(topology(capture));
  lab.ping('pc1', '10.0.0.1', { count: 2000 });
  return lab;
}

test('a capture keeps the newest frames within its limit and says what it cut', () => {
  const lab = busyLab('64KB');
  const { packetLists } = lab.exchangeReport();
  const list = packetLists[0]!.text;
  const kept = Number(/^link lan: (\d+) packets(?:$|, the first)/m.exec(list)![1]);
  assert.ok(kept * 114 <= 65_536 && kept * 114 > 65_536 - 114, `${kept} frames of 114 bytes fill 64 KB`);
  assert.match(list, /^lan\.pcap starts after (\d+) frames \((\d+) bytes, until [\d.]+ s of virtual time\) that the capture of link lan cut to keep within 65536 bytes/);
  const cutFrames = Number(/starts after (\d+) frames/.exec(list)![1]);
  assert.equal(cutFrames + kept, 4000, 'every frame is either kept or counted as cut');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-capture-limit-'));
  try {
    const saved = lab.saveCapture('lan', dir);
    const pcap = readPcap(readFileSync(saved.pcap));
    assert.ok(pcap.ok);
    assert.equal(pcap.value.records.length, kept, 'the pcap holds what was kept');
    assert.ok(saved.cutNote !== undefined && readFileSync(saved.cutNote, 'utf8').includes(`after ${cutFrames} frames`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('within its limit a capture is whole and writes no note', () => {
  const lab = busyLab('true');
  assert.match(lab.exchangeReport().packetLists[0]!.text, /^link lan: 4000 packets, the first 500 and the last 1500 listed$/m);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-capture-whole-'));
  try {
    assert.equal(lab.saveCapture('lan', dir).cutNote, undefined);
    assert.deepEqual(readdirSync(dir).sort(), ['ah_sa', 'esp_sa', 'ikev1_decryption_table', 'lan.pcap']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
