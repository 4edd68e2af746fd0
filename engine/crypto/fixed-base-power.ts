/**
 * g^x mod p for one fixed g and p, by table lookup: a fixed-base comb with one row per
 * exponent byte, rows[i][b] = g^(b * 256^i) mod p, so g^x is the product of one entry per byte
 * of x, about a hundred multiplications for a 768-bit group instead of some 760 squarings
 * (see "Diffie-Hellman key pairs" in CHOICES.md). The result is exactly g^x mod p: the table
 * only reorders the same arithmetic. Building it costs 255 multiplications a row, so
 * diffie-hellman.ts builds one only for a group that makes many key pairs.
 */

const BYTE_VALUES = 256;

export class FixedBasePower {
  private readonly rows: bigint[][] = [];

  /** A table for exponents of up to `exponentBytes` bytes. */
  constructor(generator: bigint, private readonly prime: bigint, readonly exponentBytes: number) {
    let base = generator % prime;
    for (let i = 0; i < exponentBytes; i++) {
      const row = new Array<bigint>(BYTE_VALUES);
      row[0] = 1n;
      row[1] = base;
      for (let b = 2; b < BYTE_VALUES; b++) row[b] = (row[b - 1]! * base) % prime;
      this.rows.push(row);
      base = (row[BYTE_VALUES - 1]! * base) % prime;
    }
  }

  /** g^x mod p for a big-endian exponent no longer than `exponentBytes`. */
  power(exponent: Uint8Array): bigint {
    if (exponent.length > this.exponentBytes) throw new RangeError(`exponent of ${exponent.length} bytes, table for ${this.exponentBytes}`);
    let result = 1n;
    const last = exponent.length - 1;
    for (let i = 0; i <= last; i++) {
      const byte = exponent[last - i]!;
      if (byte !== 0) result = (result * this.rows[i]![byte]!) % this.prime;
    }
    return result;
  }
}

/** An unsigned number as big-endian bytes, left-padded with zeros to `length`. */
export function bigintToBytes(value: bigint, length: number): Uint8Array {
  const hex = value.toString(16);
  const digits = Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex');
  const out = new Uint8Array(Math.max(length, digits.length));
  out.set(digits, out.length - digits.length);
  return out;
}

export function bytesToBigint(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex')}`);
}
