/**
 * Values to put into a topology where a value belongs, for the property test over topology
 * values (topology-values.property.test.ts): boundaries, exponents, impossible dates, control
 * characters, wrong types. A candidate is raw YAML text, so that `1e400` or `-0` reach the
 * parser as written; `verdict` says what the loader must do with it when it is the only change
 * ('?' when either outcome is right, e.g. an address that loads but leaves pc1 unreachable).
 */

import type { SeededRandom } from '../../../sim/random.ts';

export type Verdict = 'loads' | 'refused' | '?';

export interface Candidate {
  /** YAML text as it goes into the file. */
  readonly yaml: string;
  readonly verdict: Verdict;
}

/** A string as a YAML double-quoted scalar: JSON's escapes are YAML's too. */
export const quote = (text: string): string => JSON.stringify(text);

const plain = (yaml: string, verdict: Verdict): Candidate => ({ yaml, verdict });
const text = (value: string, verdict: Verdict): Candidate => ({ yaml: quote(value), verdict });
const all = (verdict: Verdict, ...yaml: string[]): Candidate[] => yaml.map((item) => plain(item, verdict));
const texts = (verdict: Verdict, ...values: string[]): Candidate[] => values.map((value) => text(value, verdict));

/** Values of no slot's kind (booleans are `up`'s and `capture`'s, so they are listed there). */
export const WRONG_TYPES: readonly Candidate[] = all('refused', '~', 'null', '[]', '{}', '[1, 2]', '{ a: 1 }', '.inf', '.nan', '!!binary AAAA');

/** Texts that no slot takes: control characters, a lone surrogate, unicode look-alikes, a huge text. */
export const STRANGE_TEXTS: readonly Candidate[] = texts(
  'refused',
  '',
  ' ',
  '\u0000',
  'x\u0000y',
  '\u0001',
  '\t',
  '\r',
  '\n',
  '\u001b[2J',
  '\u007f',
  '\u0085',
  '\u2028',
  '\ud800',
  '\u{1F600}',
  '\u0661\u0662',
  'x'.repeat(100_000),
);

const NUMBERS = ['0', '-0', '1', '-1', '0.5', '1e-9', '1e400', '-1e400', '1.0', '0x10', '0o17', '+1', '1e3'];

export const SEEDS: readonly Candidate[] = [
  ...all('loads', '0', '-0', '1', '1.0', '4294967295', '4294967296', '9007199254740991', '0x10', '1e3', '+1'),
  ...all('refused', '-1', '0.5', '1e-9', '1e400', '9007199254740992', '18446744073709551616', '"7"', '.inf', '-.inf', '.nan'),
];

export const DH_MS: readonly Candidate[] = [
  ...all('loads', '0', '-0', '0.5', '1e-9', '185', '1800', '60000', '59999.999', '6e4', '0x10'),
  ...all('refused', '-1', '-1e-9', '60000.001', '1e300', '1e400', '.inf', '.nan', '"185"', '185ms'),
];

export const DELAYS: readonly Candidate[] = [
  ...all('loads', '0ms', '0s', '1ms', '1 ms', '0.001ms', '0.000001s', '1.500000ms', '3600s', '3600000ms', '3599.999999s', '2s'),
  ...all('refused', '0.0001ms', '0.0000001s', '3600.000001s', '3600000.001ms', '1e400s', '1e3ms', '-1ms', '-0ms'),
  ...all('refused', 'NaNms', 'Infinityms', '1h', '1min', '2S', '1.5.5ms', '1', '0', '.inf', '"\\uff11ms"'),
  plain(`${'9'.repeat(400)}s`, 'refused'),
  plain(`0.${'0'.repeat(400)}1ms`, 'refused'),
];

export const LOSSES: readonly Candidate[] = [
  ...all('loads', '0', '-0', '1', '0.05', '1e-9', '0%', '100%', '100.0%', '5 %', '0.5%', '99.9999999999%', '"5%"'),
  ...all('refused', '-1e-9', '1.0000001', '1e400', '-0%', '100.1%', '1e2%', 'NaN%', '50', '"0.5"', '.nan', '.inf'),
];

/** YAML 1.2 reads `True` as true, but `yes` as a text. */
export const BOOLEANS: readonly Candidate[] = [...all('loads', 'true', 'false', 'True'), ...all('refused', 'yes', 'no', '1', '0', '"true"')];

/** A size from 64KB to 1GB in whole units: a router's console, a link's capture. */
export const SIZES: readonly Candidate[] = [
  ...all('loads', '8MB', '"8MB"', '64KB', '1GB', '1024MB', '8 MB', '32MB'),
  ...all('refused', '63KB', '2GB', '1025MB', '0MB', '1.5MB', '8mb', '8M', 'MB', '-8MB', '"8MB "', '"8 MiB"', '9999999999999999999GB', '8', 'true'),
];

/** A link's capture: a boolean, or how much it keeps. */
export const CAPTURES: readonly Candidate[] = [
  ...BOOLEANS,
  ...SIZES.filter((candidate) => candidate.yaml !== 'true'),
];

/** A c2600's WIC slots: at most two cards, each WIC-1T, WIC-2T or empty. */
export const WICS: readonly Candidate[] = [
  ...all('loads', '[]', '[WIC-1T]', '[WIC-2T]', '[WIC-2T, WIC-1T]', '[empty, WIC-2T]', '[empty, empty]', '["WIC-2T"]'),
  ...all('refused', '[WIC-4T]', '[WIC-1T, WIC-1T, WIC-1T]', 'WIC-1T', '[wic-1t]', '[1]', '[~]', '{ W0: WIC-1T }', '[[WIC-1T]]'),
];

export const CLOCKS: readonly Candidate[] = [
  ...texts('loads', '*Mar  1 00:00:00.000', '*Mar 1 0:00:00', '00:00:00', '23:59:59.999', '*Dec 31 23:59:59.999', 'Jun 30 12:00:00'),
  ...texts('loads', '*Mar 31 23:59:59.999', '*Apr 30 00:00:00', '*Mar  1 00:00:00.9', '*Mar 01 00:00:00'),
  ...texts('refused', '*Feb 29 00:00:00.000', '*Feb 30 00:00:00.000', '*Feb 31 00:00:00.000', '*Feb 28 23:59:59.999', '*Jan  1 00:00:00'),
  ...texts('refused', '*Apr 31 00:00:00', '*Jun 31 00:00:00', '*Sep 31 00:00:00', '*Nov 31 00:00:00', '*Mar  0 00:00:00', '*Mar 32 00:00:00'),
  ...texts('refused', '*Mar  1 24:00:00', '*Mar  1 23:60:00', '*Mar  1 23:59:60', '*Mar  1 00:00:00.9999', '*mar  1 00:00:00'),
  ...texts('refused', '*Mar\t1 00:00:00', '*Mar  1 00:00:00 1993', 'Mar  1', '-1:00:00', '1e3:00:00'),
  ...all('refused', '0', '86400'),
];

export const HOST_ADDRESSES: readonly Candidate[] = [
  ...texts('loads', '10.1.1.10/24', '10.1.1.11/24', '10.1.1.10/25', '10.1.1.10/16', '10.1.1.10/0'),
  ...texts('refused', '10.1.1.10 / 24', ' 10.1.1.10/24'),
  ...texts('refused', '10.1.1.0/24', '10.1.1.255/24', '10.1.1.1/24', '10.2.2.10/24', '10.1.1.10/33', '010.1.1.10/24', '10.1.1.256/24'),
  ...texts('refused', '127.0.0.1/8', '224.0.0.1/24', '240.0.0.1/8', '255.255.255.255/32', '0.0.0.0/0', '0.1.1.10/8', '10.1.1.10/-1'),
  ...texts('refused', '10.1.1.10', '10.1.1/24', '1.2.3.4.5/24', '10.1.1.10/24/24', '10.1.1.10/08x', '\uff11\uff10.1.1.10/24'),
];

export const GATEWAYS: readonly Candidate[] = [
  ...texts('loads', '10.1.1.1'),
  ...texts('refused', ' 10.1.1.1'),
  ...texts('?', '10.1.1.2', '10.1.1.254'),
  ...texts('refused', '10.1.1.10', '10.1.1.0', '10.1.1.255', '10.1.2.1', '0.0.0.0', '255.255.255.255', '10.1.1.01', '127.0.0.1'),
  ...texts('refused', '224.0.0.1', '10.1.1.256', '10.1.1', '10.1.1.1/24', '-10.1.1.1'),
];

export const PEER_ADDRESSES: readonly Candidate[] = [
  ...texts('loads', '10.1.1.99', '10.1.1.98', '127.0.0.2', '192.0.2.1'),
  ...texts('refused', '10.1.1.1', '0.0.0.0', '224.0.0.5', '255.255.255.255', '10.1.1.099', '10.1.1.300', '10.1.1.99/24', ''),
];

export const PEER_BINDS: readonly Candidate[] = [
  ...texts('loads', '10.1.1.1'),
  ...texts('refused', '10.1.1.99', '10.1.1.2', '127.0.0.1', '0.0.0.0', '224.0.0.1', '010.1.1.1', '10.1.1.1.1', ''),
];

/** Names for routers, hosts and peers (IOS hostnames). */
export const NAMES: readonly Candidate[] = [
  ...texts('loads', 'a', 'Z9', 'R-1', 'r9', 'a'.repeat(63), `a${'-'.repeat(61)}b`, 'X1'),
  ...texts('refused', 'a'.repeat(64), 'R1-', '-R1', '1R', 'R_1', 'R.1', 'R 1', 'R\u00fc', 'R1\u0000', 'R\u0007', 'r\u0130'),
];

export const LINK_NAMES: readonly Candidate[] = [
  ...texts('loads', 'wan', 'WAN', '0', 'a.b', 'a_b-c', 'a..b', 'w'.repeat(63), '1e400', 'NaN'),
  ...texts('refused', 'w'.repeat(64), '.wan', '_wan', '-wan', 'a/b', '..', 'a b', 'w\u00e4n', 'wan\u0000', '../etc'),
];

export const CONFIG_LINES: readonly Candidate[] = [
  ...all('loads', '!', '', 'service timestamps debug datetime msec'),
  // `end` leaves configuration mode: the lines after it are not configuration (R1 loses its addresses).
  ...all('?', 'end', 'description x', 'hostname R\u00fc', 'no ip routing', 'ip route 10.2.2.0 255.255.255.0 10.1.1.10', `description ${'x'.repeat(5000)}`),
  ...all('?', 'crypto isakmp policy 4294967296', 'crypto isakmp policy 1', ' lifetime 1e400', 'hostname', `hostname ${'h'.repeat(10_000)}`),
  ...all('?', '\u{1F600}', 'ip route 0.0.0.0 0.0.0.0 10.1.1.1', `${'ip '.repeat(5000)}`, 'interface FastEthernet0/1', ' shutdown'),
  ...all('refused', '\u0000', 'hostname R1\u0000', '\u0007', '\u001b[2J', '\u007f', '\u0085', '\u0003', '\u001a', `x${'y'.repeat(70_000)}`),
];

/** A random number in a form YAML reads as a number: boundaries nudged, exponents, signs. */
export function randomNumber(random: SeededRandom, around: readonly number[]): Candidate {
  const base = around[random.int(0, around.length - 1)]!;
  const forms = [
    () => String(base),
    () => String(base + (random.float() - 0.5) * 2 ** random.int(-30, 10)),
    () => `${random.int(1, 9)}e${random.int(-400, 400)}`,
    () => String(-base),
    () => NUMBERS[random.int(0, NUMBERS.length - 1)]!,
  ];
  return plain(forms[random.int(0, forms.length - 1)]!(), '?');
}

/** A random text: printable ASCII, some of any code point (controls and surrogates included). */
export function randomText(random: SeededRandom, alphabet: string): Candidate {
  const length = random.int(0, 12);
  let result = '';
  for (let i = 0; i < length; i++) {
    result += random.float() < 0.85 ? alphabet[random.int(0, alphabet.length - 1)] : String.fromCharCode(random.int(0, 0xffff));
  }
  return text(result, '?');
}

/**
 * Random values of the right kind near and across the edges of their range, so that many
 * random topologies load and the ping runs with values nobody listed.
 */
export const RANDOM_VALUES = {
  seed: (random: SeededRandom) => plain(String(Math.floor(random.float() * 2 ** random.int(0, 54))), '?'),
  dhMs: (random: SeededRandom) => plain((random.float() * 70_000).toFixed(random.int(0, 4)), '?'),
  delay: (random: SeededRandom) => {
    const seconds = random.float() < 0.5;
    const amount = random.float() * (seconds ? 4000 : 20);
    return plain(`${amount.toFixed(random.int(0, 8))}${seconds ? 's' : 'ms'}`, '?');
  },
  loss: (random: SeededRandom) =>
    plain(random.float() < 0.5 ? (random.float() * 1.2).toFixed(random.int(0, 6)) : `${(random.float() * 120).toFixed(random.int(0, 3))}%`, '?'),
  clock: (random: SeededRandom) => {
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][random.int(0, 11)]!;
    const two = (max: number) => String(random.int(0, max)).padStart(2, '0');
    const millis = random.float() < 0.5 ? '' : `.${String(random.int(0, 999)).padStart(3, '0').slice(0, random.int(1, 3))}`;
    return text(`*${month} ${String(random.int(0, 32)).padStart(2, ' ')} ${two(24)}:${two(60)}:${two(60)}${millis}`, '?');
  },
  address: (random: SeededRandom) => text(`10.1.1.${random.int(0, 256)}/${random.int(20, 33)}`, '?'),
  station: (random: SeededRandom) => text(`10.1.1.${random.int(0, 256)}`, '?'),
} as const;
