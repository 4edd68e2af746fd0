import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LINKTYPE_PPP_HDLC } from '../wire/pcap.ts';
import { skipWithoutTshark } from './testing/tshark.ts';
import { Lab } from './lab.ts';

/** A serial link's capture: link type 50, and Wireshark reads PPP on one cable and Cisco HDLC on the other. */

const TOPOLOGY = fileURLToPath(new URL('../../scenarios/examples/serial-hub/topology.yaml', import.meta.url));

function savedCaptures(): string {
  const lab = Lab.load(TOPOLOGY);
  assert.equal(lab.ping('pc1', 'pc0').marks, '.!!!!');
  assert.equal(lab.ping('pc2', 'pc0').marks, '.!!!!');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-serial-'));
  lab.saveCapture('serial1', dir);
  lab.saveCapture('serial2', dir);
  return dir;
}

test('a serial link is captured as LINKTYPE_PPP_HDLC (50), frames without FCS', () => {
  const dir = savedCaptures();
  const pcap = readFileSync(path.join(dir, 'serial1.pcap'));
  assert.equal(pcap.readUInt32LE(20), LINKTYPE_PPP_HDLC);
  // The first record's frame starts after the 24-byte global and 16-byte record headers: PPP's FF 03 0021.
  assert.deepEqual([...pcap.subarray(40, 44)], [0xff, 0x03, 0x00, 0x21]);
});

test('tshark decodes the PPP cable and the Cisco HDLC cable down to ISAKMP and ESP', { skip: skipWithoutTshark }, () => {
  const dir = savedCaptures();
  const protocols = (file: string) => execFileSync('tshark', ['-r', path.join(dir, file), '-T', 'fields', '-e', 'frame.protocols'], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
  }).trimEnd().split('\n');
  const ppp = protocols('serial1.pcap');
  assert.ok(ppp.length >= 9 && ppp.every((stack) => stack.startsWith('ppp:ip:')), ppp.join('\n'));
  assert.ok(ppp.some((stack) => stack.endsWith(':isakmp')) && ppp.some((stack) => stack.endsWith(':esp')));
  const hdlc = protocols('serial2.pcap');
  assert.ok(hdlc.length >= 9 && hdlc.every((stack) => stack.startsWith('ppp:chdlc:ip:')), hdlc.join('\n'));
});

test('a datagram put on a serial link by hand is framed in the sending end\'s encapsulation and arrives', () => {
  const lab = Lab.load(TOPOLOGY);
  const frames: Uint8Array[] = [];
  lab.watchFrames('serial1', (packet) => frames.push(packet.bytes));
  // One echo from spoke1 gives a well-formed datagram to copy.
  lab.startPing('spoke1', '10.0.1.1', { count: 1 });
  lab.advance(100);
  const echo = frames[0]!.subarray(4);
  frames.length = 0;
  lab.transmit('serial1', echo, { from: 'spoke1', to: 'hub' });
  lab.advance(100);
  assert.deepEqual([...frames[0]!.subarray(0, 4)], [0xff, 0x03, 0x00, 0x21], 'spoke1 speaks PPP on serial1');
  assert.equal(frames.length, 2, 'the hub answered the copy too');
});
