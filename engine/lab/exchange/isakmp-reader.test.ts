import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Lab } from '../lab.ts';
import { decodeIpv4, decodeUdp } from '../../wire/index.ts';
import { IsakmpReader, keysFromRows, type IsakmpMessageView } from './isakmp-reader.ts';

const TED_DOC = path.join(import.meta.dirname, '..', '..', '..', 'scenarios', 'ted-doc', 'topology.yaml');

/** The document's lab after its first ping: the ISAKMP messages on the WAN, and the lab's key table. */
function documentExchange(): { messages: Uint8Array[]; keyRows: string[] } {
  const lab = Lab.load(TED_DOC);
  const messages: Uint8Array[] = [];
  lab.watch('wan', ({ bytes }) => {
    const ip = decodeIpv4(bytes);
    if (!ip.ok || ip.value.protocol !== 17) return;
    const udp = decodeUdp(ip.value.payload, ip.value.source, ip.value.destination);
    if (udp.ok && udp.value.destinationPort === 500) messages.push(udp.value.payload);
  });
  lab.ping('pc-daphne', 'pc-fred');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-isakmp-reader-'));
  try {
    lab.saveCapture('wan', dir);
    return { messages, keyRows: readFileSync(path.join(dir, 'ikev1_decryption_table'), 'utf8').split('\n').filter(Boolean) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const summary = (view: IsakmpMessageView | undefined): string =>
  view === undefined ? 'not ISAKMP' : `${view.label}${view.retransmission ? ' (again)' : ''}: ${view.payloads?.join(', ') ?? '(encrypted)'}`;

test('the document\'s exchange, named and decrypted with the lab\'s keys: the probe, main mode, quick mode', () => {
  const { messages, keyRows } = documentExchange();
  const reader = new IsakmpReader(keysFromRows(keyRows));
  assert.deepEqual(messages.map((message) => summary(reader.read(message))), [
    'TED probe: VID, ID, ID, VID',
    'TED reply: VID, ID, TED-PROXY',
    'MM1: SA',
    'MM2: SA',
    'MM3: KE, Nonce, VID',
    'MM4: KE, Nonce, VID',
    'MM5: ID, HASH',
    'MM6: ID, HASH',
    'QM1: HASH, SA, Nonce, ID, ID',
    'QM2: HASH, SA, Nonce, ID, ID',
    'QM3: HASH',
  ]);
});

test('without the key the encrypted messages stay encrypted, and the clear ones are still named', () => {
  const { messages } = documentExchange();
  const reader = new IsakmpReader(new Map());
  const views = messages.map((message) => reader.read(message)!);
  assert.deepEqual(views.map((view) => view.label), ['TED probe', 'TED reply', 'MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2', 'QM3']);
  assert.deepEqual(views.filter((view) => view.payloads === undefined).map((view) => view.label), ['MM5', 'MM6', 'QM1', 'QM2', 'QM3']);
});

test('the same bytes again are a retransmission of the message they repeat', () => {
  const { messages, keyRows } = documentExchange();
  const reader = new IsakmpReader(keysFromRows(keyRows));
  const views = [...messages.slice(0, 7), messages[6]!, ...messages.slice(7)].map((message) => reader.read(message)!);
  assert.equal(summary(views[7]), summary(views[6]).replace(':', ' (again):'));
  assert.equal(views[8]!.label, 'MM6', 'the count goes on after a retransmission');
  assert.equal(reader.read(Uint8Array.of(1, 2, 3)), undefined, 'not ISAKMP');
  const forwarded = new IsakmpReader(keysFromRows(keyRows));
  assert.equal(forwarded.read(messages[2]!, 'wan/Daphne')!.retransmission, false);
  assert.equal(forwarded.read(messages[2]!, 'core/R2')!.retransmission, false, 'forwarded onto the next link: the same message');
  assert.equal(forwarded.read(messages[2]!, 'wan/Daphne')!.retransmission, true);
});
