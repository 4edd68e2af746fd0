import type { IpsecTraceKind } from './ipsec-trace.ts';

/**
 * IOS rate-limits the %CRYPTO messages that a stream of bad packets would repeat: one
 * message per interval and kind, the packets in between are dropped and counted silently.
 */
export const SYSLOG_INTERVALS_MS: Partial<Record<IpsecTraceKind, number>> = {
  'invalid-spi': 60_000,
  'not-ipsec': 60_000,
};

export class SyslogRateLimit {
  private readonly lastShown = new Map<IpsecTraceKind, number>();

  constructor(private readonly intervals: Partial<Record<IpsecTraceKind, number>> = SYSLOG_INTERVALS_MS) {}

  /** Whether a message of this kind may be logged at `now` (and remembers that it was). */
  allow(kind: IpsecTraceKind, now: number): boolean {
    const interval = this.intervals[kind];
    if (interval === undefined) return true;
    const last = this.lastShown.get(kind);
    if (last !== undefined && now - last < interval) return false;
    this.lastShown.set(kind, now);
    return true;
  }
}
