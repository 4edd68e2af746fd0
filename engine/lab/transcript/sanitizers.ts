/**
 * Sanitizers mask the tokens that change from run to run (libreswan's `testing/sanitizers/`
 * idea), applied to both sides after normalisation, so blanks are already single.
 *
 * Each rule is anchored on the words IOS prints around the value, so nothing but the
 * volatile value is masked: addresses, states, conn ids, counters, transforms and the
 * order of messages still compare. Masks are fixed placeholders, so a diff stays readable.
 * Hex patterns take IOS's upper-case digits only: another spelling stays unmasked and
 * shows up as a difference.
 */
import { TIMESTAMP_SOURCE, splitLines } from './normalise.ts';

export type SanitizerName =
  | 'timestamp'
  | 'spi'
  | 'message-id'
  | 'deleting-node'
  | 'memory-address'
  | 'lifetime-remaining'
  | 'config-bytes';

export const SANITIZER_NAMES: readonly SanitizerName[] = [
  'timestamp', 'spi', 'message-id', 'deleting-node', 'memory-address', 'lifetime-remaining', 'config-bytes',
];

export interface MaskRule {
  readonly sanitizer: SanitizerName;
  /** A line of IOS output the rule is written for (collapsed as normalisation leaves it). */
  readonly example: string;
  /** Global; `mask` refers to its groups as `$1`..`$9`. */
  readonly pattern: RegExp;
  readonly mask: string;
  /**
   * Group holding the value. Where a zero there is a protocol constant rather than a drawn
   * value, the match is left alone, so that a lab printing a random value where IOS prints
   * 0 still fails:
   * - SPI 0 (`spi= 0x0(0)`) means "no SA yet" in proposals and TED requests;
   * - message ID 0 is fixed by RFC 2408 3.1 for every phase 1 exchange: the references
   *   print `message ID = 0` for all main-mode payloads and for the probe's first ID
   *   payload, and `deleting node 0` / `purging node 0` for phase 1 nodes;
   * only the quick-mode and probe IDs (409419560, -1992472852) are drawn at random.
   */
  readonly keepZeroIn?: number;
}

const SIGNED = String.raw`-?\d+`;
const HEX = '[0-9A-F]+';

/** One row per notation IOS 12.2 prints; see `example`. */
export const MASK_RULES: readonly MaskRule[] = [
  {
    sanitizer: 'timestamp',
    example: '*Mar 1 02:07:18.850: ISAKMP: received ke message (1/1)',
    // The sync marker is the clock's state, not the time: it is kept.
    pattern: new RegExp(`^${TIMESTAMP_SOURCE}:`, 'g'),
    mask: '$1<timestamp>:',
  },
  {
    sanitizer: 'spi',
    example: 'spi= 0xF800D61F(4160804383), conn_id= 2000, keysize= 0, flags= 0x4',
    pattern: new RegExp(String.raw`\b(sa_spi=|spi=|spi:) 0x(${HEX})\((\d+)\)`, 'g'),
    mask: '$1 0x<spi>(<spi>)',
    keepZeroIn: 2,
  },
  {
    sanitizer: 'spi',
    example: 'current outbound spi: B326CBE6',
    pattern: new RegExp(String.raw`\b(current outbound spi:) (${HEX})\b`, 'g'),
    mask: '$1 <spi>',
    keepZeroIn: 2,
  },
  {
    sanitizer: 'spi',
    example: 'IPSEC(spi_response): getting spi 4160804383 for SA',
    pattern: /\b(getting spi) (\d+) (for SA)/g,
    mask: '$1 <spi> $3',
    keepZeroIn: 2,
  },
  {
    sanitizer: 'spi',
    example: 'has spi 0xF800D61F and conn_id 2000 and flags 4',
    pattern: new RegExp(String.raw`\b(has spi) 0x(${HEX}) (and conn_id)`, 'g'),
    mask: '$1 0x<spi> $3',
    keepZeroIn: 2,
  },
  {
    sanitizer: 'spi',
    // IOS prints the outbound SPI here as a signed 32-bit number (0xA4790FA0).
    example: 'has spi -1535570016 and conn_id 2001 and flags C',
    pattern: new RegExp(String.raw`\b(has spi) (${SIGNED}) (and conn_id)`, 'g'),
    mask: '$1 <spi> $3',
    keepZeroIn: 2,
  },
  {
    sanitizer: 'message-id',
    example: 'ISAKMP (0:2): beginning Quick Mode exchange, M-ID of 409419560',
    pattern: new RegExp(String.raw`\b(M-ID of) (${SIGNED})`, 'g'),
    mask: '$1 <message-id>',
    keepZeroIn: 2,
  },
  {
    sanitizer: 'message-id',
    example: 'ISAKMP (0:1): processing ID payload. message ID = -1992472852',
    pattern: new RegExp(String.raw`\b(message ID =) (${SIGNED})`, 'g'),
    mask: '$1 <message-id>',
    keepZeroIn: 2,
  },
  {
    sanitizer: 'deleting-node',
    // A node is an exchange, named by its message ID: it is deleted, then purged.
    example: 'ISAKMP (0:2): deleting node 409419560 error FALSE reason ""',
    pattern: new RegExp(String.raw`\b(deleting node|purging node) (${SIGNED})`, 'g'),
    mask: '$1 <message-id>',
    keepZeroIn: 2,
  },
  {
    sanitizer: 'memory-address',
    example: 'ISAKMP (0:1): purging SA., sa=82687F70, delme=82687F70',
    pattern: new RegExp(String.raw`\b(sa|delme)=(${HEX})\b`, 'g'),
    mask: '$1=<memory-address>',
  },
  {
    sanitizer: 'lifetime-remaining',
    example: 'sa timing: remaining key lifetime (k/sec): (4414715/2524)',
    pattern: /\b(remaining key lifetime \(k\/sec\):) \((\d+)\/(\d+)\)/g,
    mask: '$1 (<kilobytes>/<seconds>)',
  },
  {
    sanitizer: 'config-bytes',
    example: 'Current configuration : 1426 bytes',
    pattern: /^(Current configuration :) (\d+) (bytes)$/g,
    mask: '$1 <bytes> $3',
  },
];

function isZero(value: string | undefined): boolean {
  return value !== undefined && /^-?0+$/.test(value);
}

function applyRule(line: string, rule: MaskRule): string {
  return line.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
    // The callback receives the groups, then the match offset (the only number), then the input.
    const groups = rest.slice(0, rest.findIndex((value) => typeof value === 'number')) as (string | undefined)[];
    if (rule.keepZeroIn !== undefined && isZero(groups[rule.keepZeroIn - 1])) return match;
    return rule.mask.replace(/\$(\d)/g, (_, index: string) => groups[Number(index) - 1] ?? '');
  });
}

/** Masks the volatile tokens of one line with the named sanitizers (all of them by default). */
export function sanitizeLine(line: string, names: readonly SanitizerName[] = SANITIZER_NAMES): string {
  return MASK_RULES.filter((rule) => names.includes(rule.sanitizer)).reduce(applyRule, line);
}

/** `sanitizeLine` on every line of a text. */
export function sanitize(text: string, names: readonly SanitizerName[] = SANITIZER_NAMES): string {
  return splitLines(text).map((line) => sanitizeLine(line, names)).join('\n');
}
