/**
 * The receiver's anti-replay window (RFC 2401 Appendix C, RFC 2406 3.4.3): the highest
 * sequence number seen and a bitmap of the `size` numbers at and below it. `check` is
 * cheap and runs before the ICV; `accept` moves the window only once the ICV verified,
 * so a forged packet cannot push the window forward.
 */

export const IOS_REPLAY_WINDOW_SIZE = 64;

export type ReplayVerdict = 'new' | 'replayed' | 'too-old' | 'zero';

export class ReplayWindow {
  private highest = 0;
  /** Bit i set: sequence number `highest - i` was received. */
  private bitmap = 0n;
  private readonly mask: bigint;

  constructor(readonly size = IOS_REPLAY_WINDOW_SIZE) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`replay window size ${size}`);
    this.mask = (1n << BigInt(size)) - 1n;
  }

  get highestSequence(): number {
    return this.highest;
  }

  check(sequenceNumber: number): ReplayVerdict {
    if (sequenceNumber === 0) return 'zero';
    if (sequenceNumber > this.highest) return 'new';
    const offset = this.highest - sequenceNumber;
    if (offset >= this.size) return 'too-old';
    return (this.bitmap >> BigInt(offset)) & 1n ? 'replayed' : 'new';
  }

  /** Records an authenticated packet; call only after `check` said 'new'. */
  accept(sequenceNumber: number): void {
    if (sequenceNumber > this.highest) {
      const jump = sequenceNumber - this.highest;
      // A jump past the whole window forgets everything; shifting by it would only build a huge number.
      this.bitmap = jump >= this.size ? 1n : ((this.bitmap << BigInt(jump)) | 1n) & this.mask;
      this.highest = sequenceNumber;
      return;
    }
    this.bitmap |= 1n << BigInt(this.highest - sequenceNumber);
  }
}
