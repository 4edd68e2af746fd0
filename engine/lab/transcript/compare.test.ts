import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compareTranscript, containsInOrder, containsText } from './compare.ts';
import { formatDebugMessages, splitDebugMessages, type TranscriptKind } from './normalise.ts';

const REFERENCES = new URL('../../../scenarios/ted-doc/reference/', import.meta.url);
const reference = (name: string): string => readFileSync(new URL(name, REFERENCES), 'utf8');
const DAPHNE_DEBUG = reference('daphne.debug.txt');

/** Replaces exactly one occurrence, so that a test cannot silently mutate nothing. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0 && text.indexOf(from, at + 1) < 0, `exactly one "${from}"`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const KINDS: Readonly<Record<string, TranscriptKind>> = {
  'daphne.debug.txt': 'debug',
  'fred.debug.txt': 'debug',
  'daphne.running-config.txt': 'running-config',
  'fred.running-config.txt': 'running-config',
  'daphne.show-crypto-ipsec-sa.txt': 'show',
  'daphne.show-crypto-isakmp-sa.txt': 'show',
  'daphne.show-crypto-map.txt': 'show',
  'daphne.show-crypto-engine-connections-active.txt': 'show',
  'daphne.show-debug.txt': 'show',
};

test('output without the echo, spaced differently, matches its reference', () => {
  for (const [name, kind] of Object.entries(KINDS)) {
    const text = reference(name);
    const labOutput = text.replace(/^\S+#.*\n/, '').replace(/ {2,}/g, ' ').replace(/\n/g, '  \n\n');
    const result = compareTranscript(labOutput, text, { kind, dropEcho: true });
    assert.ok(result.equal, `${name}\n${result.diff}`);
    assert.equal(result.diff, '');
    assert.equal(result.normalisedActual, result.normalisedReference);
  }
});

test('a debug log from another run, with new SPIs, message IDs, addresses and times, still matches', () => {
  const otherRun = DAPHNE_DEBUG
    .replaceAll('F800D61F', '1BADC0DE').replaceAll('4160804383', '464437470')
    .replaceAll('A4790FA0', '8000D00D').replaceAll('2759397280', '2147537933').replace('-1535570016', '-2147429363')
    .replaceAll('409419560', '-77341')
    .replaceAll('82687F70', '8268A010')
    .replace(/02:07:(\d\d)\.(\d)/g, '13:59:$1.$2');
  assert.notEqual(otherRun, DAPHNE_DEBUG);
  assert.ok(compareTranscript(otherRun, DAPHNE_DEBUG, { kind: 'debug' }).equal);
  const oneSpiChanged = replaceOnce(DAPHNE_DEBUG, 'has spi 0xF800D61F', 'has spi 0x12345678');
  assert.ok(compareTranscript(oneSpiChanged, DAPHNE_DEBUG, { kind: 'debug' }).equal);
});

test('a changed address, state, conn id or counter fails and the diff shows the line', () => {
  const changes: [string, string, string][] = [
    ['*Mar  1 02:07:20.608: ISAKMP (0:2): found peer pre-shared key matching 11.11.11.2', '11.11.11.2', '11.11.11.3'],
    ['*Mar  1 02:07:20.797: ISAKMP (0:2): sending packet to 11.11.11.2 (I) MM_SA_SETUP', 'MM_SA_SETUP', 'MM_KEY_EXCH'],
    ['*Mar  1 02:07:23.181: CryptoEngine0: create ISAKMP SKEYID for conn id 2', 'conn id 2', 'conn id 3'],
    ['*Mar  1 02:07:18.854: ISAKMP: received ke message (1/1)', '(1/1)', '(2/1)'],
    ['*Mar  1 02:07:20.612: ISAKMP (0:2): Checking ISAKMP transform 1 against priority 10 policy', 'transform 1', 'transform 2'],
  ];
  for (const [line, from, to] of changes) {
    const changedLine = line.replace(from, to);
    const result = compareTranscript(replaceOnce(DAPHNE_DEBUG, line, changedLine), DAPHNE_DEBUG, { kind: 'debug' });
    assert.ok(!result.equal, line);
    const marked = (mark: string): string[] =>
      result.diff.split('\n').filter((diffLine) => diffLine.startsWith(mark) && !diffLine.startsWith(mark.repeat(3)));
    const message = (text: string): string => `*<timestamp>:${text.slice(text.indexOf(': ') + 1)}`;
    assert.deepEqual(marked('-'), [`-${message(line)}`], result.diff);
    assert.deepEqual(marked('+'), [`+${message(changedLine)}`], result.diff);
  }
  const conn = compareTranscript(replaceOnce(DAPHNE_DEBUG, 'conn_id= 2000, keysize', 'conn_id= 2002, keysize'), DAPHNE_DEBUG, { kind: 'debug' });
  assert.match(conn.diff, /^- spi= 0x<spi>\(<spi>\), conn_id= 2000, keysize= 0, flags= 0x4$/m);
  assert.match(conn.diff, /^\+ spi= 0x<spi>\(<spi>\), conn_id= 2002, keysize= 0, flags= 0x4$/m);
});

test('a changed packet counter in show crypto ipsec sa fails', () => {
  const text = reference('daphne.show-crypto-ipsec-sa.txt');
  const changed = replaceOnce(text, '#pkts encaps: 9', '#pkts encaps: 8');
  const result = compareTranscript(changed, text, { kind: 'show', dropEcho: true });
  assert.ok(!result.equal);
  assert.match(result.diff, /^- #pkts encaps: 9, #pkts encrypt: 9, #pkts digest 9$/m);
  assert.match(result.diff, /^\+ #pkts encaps: 8, #pkts encrypt: 9, #pkts digest 9$/m);
});

test('two messages swapped fail, though each is in the log', () => {
  const messages = splitDebugMessages(DAPHNE_DEBUG);
  const mm1 = messages.findIndex((m) => m.text.includes('sending packet to 11.11.11.2 (I) MM_NO_STATE'));
  const swapped = [...messages];
  [swapped[mm1], swapped[mm1 + 1]] = [messages[mm1 + 1]!, messages[mm1]!];
  const result = compareTranscript(formatDebugMessages(swapped), DAPHNE_DEBUG, { kind: 'debug' });
  assert.ok(!result.equal);
  assert.match(result.diff, /^[-+]\*<timestamp>: ISAKMP \(0:2\): sending packet to 11\.11\.11\.2 \(I\) MM_NO_STATE$/m);
});

test('running-config: "!" lines and the byte count do not matter, a configuration line does', () => {
  const text = reference('fred.running-config.txt');
  const lab = replaceOnce(replaceOnce(text, '1295 bytes', '1302 bytes'), '!\n!\n!\ninterface', '!\ninterface');
  assert.ok(compareTranscript(lab, text, { kind: 'running-config' }).equal);
  const result = compareTranscript(lab.replace('ip route 0.0.0.0 0.0.0.0 11.11.11.1', 'ip route 0.0.0.0 0.0.0.0 11.11.11.9'), text, { kind: 'running-config' });
  assert.ok(!result.equal);
  assert.match(result.diff, /^-ip route 0\.0\.0\.0 0\.0\.0\.0 11\.11\.11\.1\n\+ip route 0\.0\.0\.0 0\.0\.0\.0 11\.11\.11\.9$/m);
});

test('dropEcho: false compares the echo too; the sanitizers can be narrowed', () => {
  const text = reference('daphne.show-crypto-isakmp-sa.txt');
  assert.ok(!compareTranscript(text.replace('Daphne#', 'fred#'), text, { kind: 'show', dropEcho: false }).equal);
  assert.ok(compareTranscript(text.replace('Daphne#', 'fred#'), text, { kind: 'show' }).equal);
  const config = reference('daphne.running-config.txt');
  const grown = config.replace('1426 bytes', '1500 bytes');
  assert.ok(compareTranscript(grown, config, { kind: 'running-config' }).equal);
  assert.ok(!compareTranscript(grown, config, { kind: 'running-config', sanitizers: ['timestamp'] }).equal);
});

test('contains in order: one message per line, gaps allowed, order kept', () => {
  const expected = [
    'ISAKMP (0:1): beginning peer discovery exchange',
    'ISAKMP (0:1): received response to my peer discovery probe!',
    'ISAKMP:      encryption DES-CBC',
    'spi= 0xF800D61F(4160804383), conn_id= 2000',
    'sa_spi= 0xA4790FA0(2759397280),',
  ];
  assert.equal(containsInOrder(DAPHNE_DEBUG, expected), undefined);
  assert.equal(containsInOrder(DAPHNE_DEBUG, ['', '  ISAKMP: encryption   DES-CBC  ', '']), undefined);
  assert.equal(containsInOrder(DAPHNE_DEBUG, [expected[1]!, expected[0]!]), expected[0]);
  assert.equal(containsInOrder(DAPHNE_DEBUG, ['ISAKMP (0:2): sending packet to 11.11.11.2 (I) MM_AGGRESSIVE']),
    'ISAKMP (0:2): sending packet to 11.11.11.2 (I) MM_AGGRESSIVE');
  // one message cannot answer for two expected lines
  const bothLines = ['CRYPTO_ENGINE: Dh phase 1 status: 0', 'CRYPTO_ENGINE: Dh phase 1 status: 0'];
  assert.equal(containsInOrder(DAPHNE_DEBUG, bothLines), undefined);
  assert.equal(containsInOrder(DAPHNE_DEBUG, [...bothLines, bothLines[0]!]), bothLines[0]);
  // an expected line does not run across two lines of a message
  assert.equal(containsInOrder(DAPHNE_DEBUG, ['getting spi 4160804383 for SA from 11.11.11.1']), 'getting spi 4160804383 for SA from 11.11.11.1');
});

test('contains text collapses blanks on both sides', () => {
  const text = reference('daphne.show-crypto-engine-connections-active.txt');
  assert.ok(containsText(text, '2000 FastEthernet0/0 11.11.11.1 set HMAC_MD5+DES_56_CB 0 9'));
  assert.ok(containsText(text, '  set    HMAC_SHA+DES_56_CB'));
  assert.ok(containsText(reference('daphne.show-crypto-isakmp-sa.txt'), 'QM_IDLE'));
  assert.ok(!containsText(text, '2000 FastEthernet0/0 11.11.11.1 set HMAC_MD5+DES_56_CB 9 0'));
  assert.ok(!containsText(text, 'MM_NO_STATE'));
});
