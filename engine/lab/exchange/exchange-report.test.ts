import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Lab } from '../lab.ts';
import { exchangeReport } from './exchange-report.ts';
import { IsakmpReader, keysFromRows } from './isakmp-reader.ts';
import { packetList } from './packet-list.ts';
import { PacketDecoder } from './packet-view.ts';
import { LINKTYPE_ETHERNET } from '../../wire/pcap.ts';
import type { CapturedFrame } from './packet-view.ts';

const TED_DOC = path.join(import.meta.dirname, '..', '..', '..', 'scenarios', 'ted-doc', 'topology.yaml');
const WAN_ENDS = ['Daphne', 'fred'];

/** The document's WAN from load to after the first ping, each frame with its sender and (two ends) its receiver. */
function documentWan(): { frames: CapturedFrame[]; keyRows: string[] } {
  const lab = Lab.load(TED_DOC);
  const frames: CapturedFrame[] = [];
  lab.watchFrames('wan', ({ timeMs, bytes, from }) => {
    const broadcast = bytes.subarray(0, 6).every((byte) => byte === 0xff);
    frames.push({ timeMs, link: 'wan', linkType: LINKTYPE_ETHERNET, from, to: broadcast ? undefined : WAN_ENDS.find((end) => end !== from), bytes });
  });
  lab.ping('pc-daphne', 'pc-fred');
  lab.ping('pc-daphne', 'pc-fred');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-exchange-'));
  try {
    lab.saveCapture('wan', dir);
    return { frames, keyRows: readFileSync(path.join(dir, 'ikev1_decryption_table'), 'utf8').split('\n').filter(Boolean) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the packet list names the probe and reply, decrypts main and quick mode, and lists ESP by SPI', () => {
  const { frames, keyRows } = documentWan();
  const [wan] = exchangeReport([{ link: 'wan', frames }], keyRows).packetLists;
  assert.ok(wan !== undefined);
  const lines = wan.text.split('\n');
  assert.match(lines[0]!, /^link wan: \d+ packets$/);
  assert.match(lines[1]!, /^No\. +Time \(s\) +From +To +Source +Destination +Protocol +Length +Info$/);
  const infos = lines.slice(2).filter((line) => / ISAKMP /.test(line)).map((line) => line.replace(/^.* ISAKMP +\d+ +/, ''));
  assert.equal(infos[0], 'TED probe M-ID=0x' + infos[0]!.slice(17, 25) + ': VID, ID, ID, VID');
  assert.match(infos[1]!, /^TED reply M-ID=0x[0-9a-f]{8}: VID, ID, TED-PROXY$/);
  assert.deepEqual(infos.slice(2, 8), ['MM1: SA', 'MM2: SA', 'MM3: KE, Nonce, VID', 'MM4: KE, Nonce, VID', 'MM5: ID, HASH', 'MM6: ID, HASH']);
  assert.match(infos[8]!, /^QM1 M-ID=0x[0-9a-f]{8}: HASH, SA, Nonce, ID, ID$/);
  const probe = lines.find((line) => line.includes('TED probe'))!;
  assert.match(probe, /Daphne +fred +13\.13\.13\.14 +12\.12\.12\.13 +ISAKMP/, 'the probe goes to fred, addressed to the host behind it');
  const esp = lines.filter((line) => / ESP /.test(line));
  assert.ok(esp.length >= 8, `ESP both ways: ${esp.length}`);
});

test('the ladder shows every message in order between the two routers, ESP per SA, and the failure\'s moment', () => {
  const { frames, keyRows } = documentWan();
  const failureMs = frames[frames.length - 1]!.timeMs + 1;
  const { ladder } = exchangeReport([{ link: 'wan', frames }], keyRows, { timeMs: failureMs, step: 'Then the ping shows "!!!!!"' });
  assert.ok(ladder !== undefined);
  assert.match(ladder, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const labels = [...ladder.matchAll(/<text class="label"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
  assert.deepEqual(labels.slice(0, 11), ['TED probe', 'TED reply', 'MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2', 'QM3']);
  const esp = labels.slice(11);
  assert.equal(esp.length, 2, 'one row per SA and direction');
  for (const row of esp) assert.match(row!, /^ESP SPI 0x[0-9A-F]{8}: \d+ packets$/);
  const lanes = [...ladder.matchAll(/<text class="lane"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
  assert.deepEqual(lanes, ['Daphne', 'fred']);
  assert.match(ladder, /<text class="failure-label"[^>]*>[\d.]+ s failed: Then the ping shows &quot;!!!!!&quot;<\/text>\n<\/svg>|failed: Then the ping shows &quot;!!!!!&quot;/);
  assert.ok(ladder.lastIndexOf('failure-label') > ladder.lastIndexOf('ESP SPI'), 'the failure comes after the traffic');
});

test('a long packet list shows its first and last packets, and says which it left out and where they are', () => {
  const { frames, keyRows } = documentWan();
  const decoder = new PacketDecoder(new IsakmpReader(keysFromRows(keyRows)));
  const views = frames.map((frame) => decoder.decode(frame));
  const total = views.length;
  assert.ok(total > 8, `${total} packets`);
  const full = packetList('wan', views, { head: 2, tail: 3 }).split('\n');
  assert.equal(full[0], `link wan: ${total} packets, the first 2 and the last 3 listed`);
  const numbers = full.slice(2).map((line) => /^ *(\d+) /.exec(line)?.[1]).filter((number) => number !== undefined).map(Number);
  assert.deepEqual(numbers, [1, 2, total - 2, total - 1, total], 'packets keep their numbers');
  assert.equal(full[4], `... ${total - 5} packets (No. 3 to ${total - 3}) not listed: the link's pcap has every one ...`);
  const whole = packetList('wan', views, { head: total, tail: 0 }).split('\n');
  assert.equal(whole[0], `link wan: ${total} packets`);
  assert.equal(whole.length, total + 3, 'title, header, a line a packet, the final newline');
  assert.ok(!whole.some((line) => line.startsWith('...')));
});

test('no ISAKMP and no IPsec: no ladder', () => {
  assert.equal(exchangeReport([{ link: 'lan', frames: [] }], []).ladder, undefined);
  assert.deepEqual(exchangeReport([{ link: 'lan', frames: [] }], []).packetLists, []);
});
