import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { normaliseLines } from './normalise.ts';
import { compareTranscript } from './compare.ts';
import { SHOW_LAYOUTS, describeDifferences, protocolDifferences } from './protocol-facts.ts';

const REFERENCES = new URL('../../../scenarios/ted-doc/reference/', import.meta.url);
const reference = (name: string): string => readFileSync(new URL(name, REFERENCES), 'utf8');
const lines = (text: string): string[] => normaliseLines(text, { kind: 'show', dropEcho: true });

/** Replaces exactly one occurrence, so that a test cannot silently mutate nothing. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0 && text.indexOf(from, at + 1) < 0, `exactly one "${from}"`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const SHOWS = [
  'daphne.show-crypto-isakmp-sa.txt', 'daphne.show-crypto-ipsec-sa.txt',
  'daphne.show-crypto-map.txt', 'daphne.show-crypto-engine-connections-active.txt',
];

test('each of the document\'s show outputs is read by its layout, and states facts', () => {
  for (const name of SHOWS) {
    const text = lines(reference(name)).map((line) => line.trim());
    const layouts = SHOW_LAYOUTS.filter((layout) => layout.recognises(text));
    assert.equal(layouts.length, 1, name);
    assert.ok(layouts[0]!.facts(text).size >= 4, name);
  }
});

test('respacing, re-indenting and rewording outside the facts change no fact', () => {
  for (const name of SHOWS) {
    const text = reference(name);
    const respaced = text.replace(/ {2,}/g, '   ').replace(/^ +/gm, '');
    assert.deepEqual(protocolDifferences(lines(text), lines(respaced)), [], name);
  }
  const reworded = replaceOnce(reference('daphne.show-crypto-ipsec-sa.txt'), 'path mtu 1500, media mtu 1500', 'path mtu 1500, ip mtu 1500');
  assert.deepEqual(protocolDifferences(lines(reference('daphne.show-crypto-ipsec-sa.txt')), lines(reworded)), []);
});

test('a state, a conn-id, a count, a peer or an SA more is a protocol difference, and says which', () => {
  const changes: [string, string, string, string][] = [
    ['daphne.show-crypto-isakmp-sa.txt', 'QM_IDLE', 'MM_KEY_EXCH', 'ISAKMP SA dst 11.11.11.2 src 11.11.11.1: state: expected QM_IDLE, got MM_KEY_EXCH'],
    ['daphne.show-crypto-isakmp-sa.txt', 'QM_IDLE              2', 'QM_IDLE              3', 'ISAKMP SA dst 11.11.11.2 src 11.11.11.1: conn-id: expected 2, got 3'],
    ['daphne.show-crypto-ipsec-sa.txt', '#pkts encaps: 9', '#pkts encaps: 8', 'FastEthernet0/0 13.13.13.0/255.255.255.0 to 12.12.12.0/255.255.255.0: #pkts encaps: expected 9, got 8'],
    ['daphne.show-crypto-ipsec-sa.txt', 'current_peer: 11.11.11.2', 'current_peer: 11.11.11.3', 'FastEthernet0/0 13.13.13.0/255.255.255.0 to 12.12.12.0/255.255.255.0: current peer: expected 11.11.11.2, got 11.11.11.3'],
    ['daphne.show-crypto-map.txt', 'PFS (Y/N): N', 'PFS (Y/N): Y', 'crypto map tedtag 11: PFS (Y/N): expected N, got Y'],
    ['daphne.show-crypto-map.txt', '        Discover enabled\n', '', 'crypto map tedtag 10: discover: expected enabled, got (not shown)'],
    ['daphne.show-crypto-engine-connections-active.txt', 'HMAC_MD5+DES_56_CB        9        0', 'HMAC_MD5+DES_56_CB        7        0', 'connection 2001: encrypted: expected 9, got 7'],
  ];
  for (const [name, from, to, expected] of changes) {
    const text = reference(name);
    const differences = protocolDifferences(lines(text), lines(replaceOnce(text, from, to)));
    assert.equal(describeDifferences(differences), expected, `${name}: ${from} -> ${to}`);
  }
  const isakmp = reference('daphne.show-crypto-isakmp-sa.txt');
  const twoSas = `${isakmp}11.11.11.2      11.11.11.1      MM_NO_STATE          1    0\n`;
  assert.ok(describeDifferences(protocolDifferences(lines(isakmp), lines(twoSas))).startsWith('ISAKMP SAs: expected 1, got 2'));
});

test('an outbound SPI that names no outbound SA is a broken pairing, though SPIs themselves are masked', () => {
  const text = reference('daphne.show-crypto-ipsec-sa.txt');
  const unpaired = replaceOnce(text, 'current outbound spi: B326CBE6', 'current outbound spi: D8870500');
  const result = compareTranscript(unpaired, text, { kind: 'show' });
  assert.equal(result.normalisedActual, result.normalisedReference, 'the masked texts are the same');
  assert.equal(result.equal, false);
  assert.match(describeDifferences(result.protocolDifferences), /current outbound spi is: expected an outbound SA, got no outbound SA$/);
  const otherSpis = text.replaceAll('B326CBE6', '1234ABCD').replace('0xB326CBE6(3005664230)', '0x1234ABCD(305441741)');
  assert.ok(compareTranscript(otherSpis, text, { kind: 'show' }).equal, 'new SPIs, still paired');
});

test('a text in no known layout has no facts: its differences are wording', () => {
  assert.deepEqual(protocolDifferences(['Building configuration...'], ['Building configuration..']), []);
});

test('facts are compared only where both sides are in the layout, or one is empty', () => {
  const isakmp = lines(reference('daphne.show-crypto-isakmp-sa.txt'));
  const refused = ['% Invalid input detected at \'^\' marker.'];
  assert.deepEqual(protocolDifferences(isakmp, refused), [], 'an error instead of the table is a text difference');
  const reworded = isakmp.map((line) => line.replace('conn-id slot', 'conn-id status'));
  assert.deepEqual(protocolDifferences(isakmp, reworded), [], 'a reworded header is a text difference');
  assert.equal(describeDifferences(protocolDifferences(isakmp, [])).split('\n')[0], 'ISAKMP SAs: expected 1, got 0');
});

test('the layout diff keeps the columns the normalised diff collapses', () => {
  const text = reference('daphne.show-crypto-isakmp-sa.txt');
  const result = compareTranscript(replaceOnce(text, 'QM_IDLE', 'MM_KEY_EXCH'), text, { kind: 'show' });
  assert.match(result.diff, /^\+11\.11\.11\.2 11\.11\.11\.1 MM_KEY_EXCH 2 0$/m);
  assert.match(result.layoutDiff, /^\+11\.11\.11\.2      11\.11\.11\.1      MM_KEY_EXCH              2    0$/m);
  assert.doesNotMatch(result.layoutDiff, /Daphne#/, 'the echo is dropped from both diffs');
});
