import { createHash } from 'node:crypto';

/**
 * The two ways IOS stores passwords in a configuration: type 7 (the reversible
 * `service password-encryption` scramble) and type 5 (`enable secret`, FreeBSD MD5-crypt).
 */

const TYPE7_KEY = 'dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87';

export function encodeType7(clear: string, seed: number): string {
  const start = ((seed % 16) + 16) % 16;
  let out = String(start).padStart(2, '0');
  for (let i = 0; i < clear.length; i++) {
    const scrambled = clear.charCodeAt(i) ^ TYPE7_KEY.charCodeAt((start + i) % TYPE7_KEY.length);
    out += scrambled.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** The clear text of a type 7 string, or undefined when it is not one. */
export function decodeType7(encoded: string): string | undefined {
  if (!/^\d\d([0-9A-Fa-f]{2})*$/.test(encoded)) return undefined;
  const start = Number(encoded.slice(0, 2));
  if (start > 15) return undefined;
  let clear = '';
  for (let i = 2; i < encoded.length; i += 2) {
    const byte = parseInt(encoded.slice(i, i + 2), 16);
    clear += String.fromCharCode(byte ^ TYPE7_KEY.charCodeAt((start + (i - 2) / 2) % TYPE7_KEY.length));
  }
  return clear;
}

/** IOS picks the type 7 seed at random; the lab derives it from the text so configs are stable. */
export function type7Seed(clear: string): number {
  let sum = 0;
  for (const ch of clear) sum += ch.charCodeAt(0);
  return sum % 16;
}

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const MAGIC = '$1$';

function md5(...parts: Buffer[]): Buffer {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

function to64(value: number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    out += ITOA64[value & 0x3f];
    value >>>= 6;
  }
  return out;
}

function stretch(password: Buffer, salt: Buffer, initial: Buffer): Buffer {
  let final = initial;
  for (let i = 0; i < 1000; i++) {
    const parts: Buffer[] = [i & 1 ? password : final];
    if (i % 3) parts.push(salt);
    if (i % 7) parts.push(password);
    parts.push(i & 1 ? final : password);
    final = md5(...parts);
  }
  return final;
}

/** FreeBSD MD5-crypt, the `enable secret 5` format: `$1$salt$hash`. */
export function md5Crypt(clear: string, saltText: string): string {
  const password = Buffer.from(clear, 'utf8');
  const salt = Buffer.from(saltText.slice(0, 8), 'utf8');
  const alternate = md5(password, salt, password);
  const parts: Buffer[] = [password, Buffer.from(MAGIC), salt];
  for (let left = password.length; left > 0; left -= 16) parts.push(alternate.subarray(0, Math.min(left, 16)));
  for (let bits = password.length; bits; bits >>>= 1) parts.push(bits & 1 ? Buffer.from([0]) : password.subarray(0, 1));
  const f = stretch(password, salt, md5(...parts));
  const groups: Array<[number, number, number]> = [
    [0, 6, 12],
    [1, 7, 13],
    [2, 8, 14],
    [3, 9, 15],
    [4, 10, 5],
  ];
  let encoded = groups.map(([a, b, c]) => to64((f[a]! << 16) | (f[b]! << 8) | f[c]!, 4)).join('');
  encoded += to64(f[11]!, 2);
  return `${MAGIC}${salt.toString('utf8')}$${encoded}`;
}

/** IOS draws a random 4-character salt; the lab derives it from the secret so configs are stable. */
export function secretSalt(clear: string): string {
  const digest = md5(Buffer.from(`salt:${clear}`, 'utf8'));
  return Array.from(digest.subarray(0, 4), (byte) => ITOA64[byte & 0x3f]).join('');
}

export function hashSecret(clear: string): string {
  return md5Crypt(clear, secretSalt(clear));
}

export function secretMatches(clear: string, stored: string): boolean {
  const salt = /^\$1\$([^$]*)\$/.exec(stored)?.[1];
  return salt !== undefined && md5Crypt(clear, salt) === stored;
}
