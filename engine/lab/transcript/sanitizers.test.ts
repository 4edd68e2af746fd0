import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { collapseBlanks, normalise } from './normalise.ts';
import { MASK_RULES, SANITIZER_NAMES, sanitize, sanitizeLine } from './sanitizers.ts';

const REFERENCES = new URL('../../../scenarios/ted-doc/reference/', import.meta.url);
const reference = (name: string): string => readFileSync(new URL(name, REFERENCES), 'utf8');

/** [reference file, a line exactly as it is in the file, the line normalised and sanitized]. */
const REFERENCE_LINES: readonly [string, string, string][] = [
  // SPIs, every notation the references use
  ['daphne.debug.txt', '*Mar  1 02:07:23.289: IPSEC(spi_response): getting spi 4160804383 for SA',
    '*<timestamp>: IPSEC(spi_response): getting spi <spi> for SA'],
  ['daphne.debug.txt', '*Mar  1 02:07:23.986:         has spi 0xF800D61F and conn_id 2000 and flags 4',
    '*<timestamp>: has spi 0x<spi> and conn_id 2000 and flags 4'],
  ['daphne.debug.txt', '*Mar  1 02:07:23.990:         has spi -1535570016 and conn_id 2001 and flags C',
    '*<timestamp>: has spi <spi> and conn_id 2001 and flags C'],
  ['fred.debug.txt', '*Mar  1 02:07:50.959:         has spi -134162913 and conn_id 2001 and flags C',
    '*<timestamp>: has spi <spi> and conn_id 2001 and flags C'],
  ['daphne.debug.txt', '    spi= 0xF800D61F(4160804383), conn_id= 2000, keysize= 0, flags= 0x4',
    ' spi= 0x<spi>(<spi>), conn_id= 2000, keysize= 0, flags= 0x4'],
  ['daphne.debug.txt', '    spi= 0xA4790FA0(2759397280), conn_id= 2001, keysize= 0, flags= 0xC',
    ' spi= 0x<spi>(<spi>), conn_id= 2001, keysize= 0, flags= 0xC'],
  ['daphne.debug.txt', '    sa_spi= 0xF800D61F(4160804383),', ' sa_spi= 0x<spi>(<spi>),'],
  ['daphne.show-crypto-ipsec-sa.txt', '     current outbound spi: B326CBE6', ' current outbound spi: <spi>'],
  ['daphne.show-crypto-ipsec-sa.txt', '      spi: 0xD8870500(3632727296)', ' spi: 0x<spi>(<spi>)'],
  ['daphne.show-crypto-ipsec-sa.txt', '      spi: 0xB326CBE6(3005664230)', ' spi: 0x<spi>(<spi>)'],
  // SPI 0 means "none yet": a constant, kept
  ['daphne.debug.txt', '    spi= 0x0(0), conn_id= 0, keysize= 0, flags= 0x4004 dest=FastEthernet0/0:11.11.11.2',
    ' spi= 0x0(0), conn_id= 0, keysize= 0, flags= 0x4004 dest=FastEthernet0/0:11.11.11.2'],
  // message IDs: drawn ones masked, phase 1's 0 kept
  ['daphne.debug.txt', '*Mar  1 02:07:23.285: ISAKMP (0:2): beginning Quick Mode exchange, M-ID of 409419560',
    '*<timestamp>: ISAKMP (0:2): beginning Quick Mode exchange, M-ID of <message-id>'],
  ['daphne.debug.txt', '*Mar  1 02:07:23.962: ISAKMP (0:2): processing HASH payload. message ID = 409419560',
    '*<timestamp>: ISAKMP (0:2): processing HASH payload. message ID = <message-id>'],
  ['fred.debug.txt', '*Mar  1 02:07:45.787: ISAKMP (0:1): processing ID payload. message ID = -1992472852',
    '*<timestamp>: ISAKMP (0:1): processing ID payload. message ID = <message-id>'],
  ['daphne.debug.txt', '*Mar  1 02:07:20.608: ISAKMP (0:2): processing SA payload. message ID = 0',
    '*<timestamp>: ISAKMP (0:2): processing SA payload. message ID = 0'],
  // nodes
  ['daphne.debug.txt', '*Mar  1 02:07:23.994: ISAKMP (0:2): deleting node 409419560 error FALSE reason ""',
    '*<timestamp>: ISAKMP (0:2): deleting node <message-id> error FALSE reason ""'],
  ['fred.debug.txt', '*Mar  1 02:07:50.963: ISAKMP (0:2): deleting node 409419560 error FALSE reason "quick mode done (await()"',
    '*<timestamp>: ISAKMP (0:2): deleting node <message-id> error FALSE reason "quick mode done (await()"'],
  ['fred.debug.txt', '*Mar  1 02:07:45.827: ISAKMP (0:1): deleting node 0 error TRUE reason "delete_me flag/throw"',
    '*<timestamp>: ISAKMP (0:1): deleting node 0 error TRUE reason "delete_me flag/throw"'],
  ['fred.debug.txt', '*Mar  1 02:07:47.471: ISAKMP (0:1): purging node 0', '*<timestamp>: ISAKMP (0:1): purging node 0'],
  // memory addresses, remaining lifetime, configuration size
  ['daphne.debug.txt', '*Mar  1 02:07:19.975: ISAKMP (0:1): purging SA., sa=82687F70, delme=82687F70',
    '*<timestamp>: ISAKMP (0:1): purging SA., sa=<memory-address>, delme=<memory-address>'],
  ['fred.debug.txt', '*Mar  1 02:07:47.467: ISAKMP (0:1): purging SA., sa=2349E0, delme=2349E0',
    '*<timestamp>: ISAKMP (0:1): purging SA., sa=<memory-address>, delme=<memory-address>'],
  ['daphne.show-crypto-ipsec-sa.txt', '        sa timing: remaining key lifetime (k/sec): (4414715/2524)',
    ' sa timing: remaining key lifetime (k/sec): (<kilobytes>/<seconds>)'],
  ['daphne.running-config.txt', 'Current configuration : 1426 bytes', 'Current configuration : <bytes> bytes'],
  ['fred.running-config.txt', 'Current configuration : 1295 bytes', 'Current configuration : <bytes> bytes'],
  // what is not volatile stays
  ['daphne.debug.txt', '  (sa) sa_dest= 11.11.11.1, sa_prot= 50,', ' (sa) sa_dest= 11.11.11.1, sa_prot= 50,'],
  ['daphne.debug.txt', '*Mar  1 02:07:18.854: src = 13.13.13.14 to 12.12.12.13, protocol 3, transform 2, hmac 1',
    '*<timestamp>: src = 13.13.13.14 to 12.12.12.13, protocol 3, transform 2, hmac 1'],
];

test('each sanitizer masks the exact reference lines, and only the volatile values in them', () => {
  for (const [file, line, expected] of REFERENCE_LINES) {
    assert.ok(reference(file).split('\n').includes(line), `${file} holds: ${line}`);
    assert.equal(sanitizeLine(collapseBlanks(line)), expected);
  }
});

test('every rule masks its own example and names a known sanitizer', () => {
  for (const rule of MASK_RULES) {
    assert.ok(SANITIZER_NAMES.includes(rule.sanitizer));
    assert.notEqual(sanitizeLine(rule.example, [rule.sanitizer]), rule.example, rule.example);
  }
});

test('every timestamp layout is masked, the sync marker kept', () => {
  const cases: [string, string][] = [
    ['*Mar 1 02:07:18.850: x', '*<timestamp>: x'],
    ['Mar 1 02:07:18.850: x', '<timestamp>: x'],
    ['.Mar 12 02:07:18: x', '.<timestamp>: x'],
    ['*Mar 1 2002 02:07:18.850 UTC: x', '*<timestamp>: x'],
    ['00:05:23: x', '<timestamp>: x'],
    ['1d02h: x', '<timestamp>: x'],
    // a time inside a message is no log timestamp
    [' lifetime of 3600 seconds at 02:07:18:', ' lifetime of 3600 seconds at 02:07:18:'],
  ];
  for (const [line, expected] of cases) assert.equal(sanitizeLine(line, ['timestamp']), expected);
});

test('no SPI, message ID, address or timestamp of the references survives sanitizing', () => {
  const volatile = [
    'F800D61F', '4160804383', 'A4790FA0', '2759397280', '-1535570016', '-134162913', // debug SPIs
    'D8870500', '3632727296', 'B326CBE6', '3005664230', // show SPIs
    '409419560', '-1992472852', '82687F70', '2349E0', '4414715', '2524', '1426', '1295', '02:07:',
  ];
  const names = ['daphne.debug.txt', 'fred.debug.txt', 'daphne.show-crypto-ipsec-sa.txt', 'daphne.running-config.txt', 'fred.running-config.txt'];
  for (const name of names) {
    const sanitized = sanitize(normalise(reference(name), { kind: name.endsWith('debug.txt') ? 'debug' : 'show' }));
    for (const value of volatile) assert.ok(!sanitized.includes(value), `${value} left in ${name}`);
  }
});

test('addresses, conn ids, flags, counters and transforms are left alone', () => {
  const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;
  const stable = [
    /\b\d+\.\d+\.\d+\.\d+\b/g, /conn_?id[=:]? ?\d+/g, /flags= 0x[0-9A-F]+/g, /#pkts \w+:? \d+/g,
    /esp-des esp-md5-hmac/g, /\(I\) [A-Z_]+/g, /message ID = 0\b/g, /\b\d+s and \d+kb/g,
  ];
  const seen = new Map<RegExp, number>();
  for (const name of ['daphne.debug.txt', 'fred.debug.txt', 'daphne.show-crypto-ipsec-sa.txt']) {
    const text = normalise(reference(name), { kind: 'show' });
    const sanitized = sanitize(text);
    for (const pattern of stable) {
      assert.equal(count(sanitized, pattern), count(text, pattern), `${pattern} in ${name}`);
      seen.set(pattern, (seen.get(pattern) ?? 0) + count(text, pattern));
    }
  }
  for (const pattern of stable) assert.ok(seen.get(pattern)! > 0, `${pattern} occurs in the references`);
});

test('only the named sanitizers apply; another spelling of a value is not masked', () => {
  const line = '*Mar 1 02:07:23.986: has spi 0xF800D61F and conn_id 2000 and flags 4';
  assert.equal(sanitizeLine(line, ['spi']), '*Mar 1 02:07:23.986: has spi 0x<spi> and conn_id 2000 and flags 4');
  assert.equal(sanitizeLine(line, ['timestamp']), '*<timestamp>: has spi 0xF800D61F and conn_id 2000 and flags 4');
  assert.equal(sanitizeLine(line, []), line);
  // IOS prints upper-case hex: a lab printing lower case must show up in the comparison
  assert.equal(sanitizeLine('has spi 0xf800d61f and conn_id 2000', ['spi']), 'has spi 0xf800d61f and conn_id 2000');
});
