import { parseIpv4 } from '../../wire/ipv4-address.ts';

/**
 * The token kinds of the command grammar. A syntax string names them the way IOS's help
 * shows them (`A.B.C.D`, `<1-99>`, `WORD`, `LINE`), so the label printed by `?` is the
 * token's own spelling.
 */

interface Named {
  /** The capture name handlers read the value by (`$name` in the syntax, else the label). */
  name: string;
  /** What `?` prints in the left column. */
  label: string;
}

export interface KeywordToken extends Named {
  kind: 'keyword';
  /** Lower-case form used for prefix matching (IOS keywords are case-insensitive). */
  lower: string;
  /** Interface-type keywords take their number glued on: `fa0/0`, `Loopback0`. */
  attachNumber: boolean;
}

export interface NumberToken extends Named {
  kind: 'number';
  min: number;
  max: number;
}

export interface SlotPortToken extends Named {
  kind: 'slot-port';
  slot: [number, number];
  port: [number, number];
  /** A subinterface number may follow (`0/0.10`): its range. */
  sub?: [number, number];
}

export interface SimpleArgumentToken extends Named {
  kind: 'ipv4' | 'word' | 'line';
}

export type Token = KeywordToken | NumberToken | SlotPortToken | SimpleArgumentToken;

const RANGE = /^<(-?\d+)-(-?\d+)>$/;
const SLOT_PORT = /^<(\d+)-(\d+)>\/<(\d+)-(\d+)>(?:\.<(\d+)-(\d+)>)?$/;

/** Reads one syntax word such as `host`, `%FastEthernet`, `<1-99>$list` or `A.B.C.D$peer`. */
export function parseTokenSpec(spec: string): Token {
  const [body, explicitName] = splitName(spec);
  const named = (label: string) => ({ label, name: explicitName ?? label });
  if (body === 'A.B.C.D') return { kind: 'ipv4', ...named(body) };
  if (body === 'WORD') return { kind: 'word', ...named(body) };
  if (body === 'LINE') return { kind: 'line', ...named(body) };
  const range = RANGE.exec(body);
  if (range) return { kind: 'number', min: Number(range[1]), max: Number(range[2]), ...named(body) };
  const slotPort = SLOT_PORT.exec(body);
  if (slotPort) {
    const [, s1, s2, p1, p2, u1, u2] = slotPort.map(Number);
    // `?` shows the slot/port part; the subinterface number is optional and not listed.
    const token: SlotPortToken = { kind: 'slot-port', slot: [s1!, s2!], port: [p1!, p2!], ...named(body.replace(/\..*$/, '')) };
    return slotPort[5] === undefined ? token : { ...token, sub: [u1!, u2!], name: explicitName ?? body };
  }
  const attachNumber = body.startsWith('%');
  const text = attachNumber ? body.slice(1) : body;
  return { kind: 'keyword', lower: text.toLowerCase(), attachNumber, label: text, name: explicitName ?? text };
}

function splitName(spec: string): [string, string | undefined] {
  const at = spec.indexOf('$', 1);
  return at < 0 ? [spec, undefined] : [spec.slice(0, at), spec.slice(at + 1)];
}

const INTEGER = /^-?\d+$/;

function inRange(text: string, min: number, max: number): boolean {
  if (!INTEGER.test(text)) return false;
  const value = Number(text);
  return value >= min && value <= max;
}

/** Whether an argument token takes the typed word (keywords match by prefix elsewhere). */
export function argumentAccepts(token: Token, word: string): boolean {
  switch (token.kind) {
    case 'keyword':
      return false;
    case 'number':
      return inRange(word, token.min, token.max);
    case 'slot-port': {
      const [main = '', sub, ...extra] = word.split('.');
      if (extra.length > 0 || (sub !== undefined && (token.sub === undefined || !inRange(sub, token.sub[0], token.sub[1])))) return false;
      const parts = main.split('/');
      return (
        parts.length === 2 &&
        inRange(parts[0]!, token.slot[0], token.slot[1]) &&
        inRange(parts[1]!, token.port[0], token.port[1])
      );
    }
    case 'ipv4':
      return parseIpv4(word) !== undefined;
    case 'word':
    case 'line':
      return word.length > 0;
  }
}

/** Keywords whose text begins with the typed word, ignoring case. */
export function keywordStartsWith(token: KeywordToken, word: string): boolean {
  return token.lower.startsWith(word.toLowerCase());
}
