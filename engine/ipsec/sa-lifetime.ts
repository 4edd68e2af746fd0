import type { Sim, Timer } from '../sim/sim.ts';
import { sasOf, type SaPair, type SecurityAssociation } from './sa-database.ts';

/**
 * SA lifetimes in virtual seconds and in kilobytes of protected traffic. The soft lifetime asks
 * for a new pair once; the hard lifetime ends the pair. IOS's rule (command reference of
 * `crypto ipsec security-association lifetime`): the new SA is negotiated 30 seconds before the
 * seconds lifetime expires or when 90 percent of the kilobytes are used, and an SA that carried
 * no traffic in its whole life is not renegotiated: the next packet to protect asks for one.
 * Of the two ends, the one that started the quick mode renegotiates; the other waits for it,
 * and should the replacement never come, its pair ends with the hard lifetime and the next
 * packet to protect asks for a new one.
 */

/** IOS negotiates the replacement this long before the seconds lifetime ends. */
export const SOFT_LIFETIME_LEAD_MS = 30_000;
/** ... or when this share of the kilobyte lifetime is used up. */
export const SOFT_LIFETIME_FRACTION = 0.9;
const BYTES_PER_KILOBYTE = 1024;
const MS_PER_SECOND = 1000;

export interface LifetimeHandlers {
  soft(pair: SaPair): void;
  hard(pair: SaPair): void;
}

export function remainingSeconds(pair: SaPair, now: number): number {
  const end = pair.createdAt + pair.install.lifetimeSeconds * MS_PER_SECOND;
  return Math.max(0, Math.floor((end - now) / MS_PER_SECOND));
}

/** Kilobytes left on one SA: a started kilobyte counts as used. */
export function remainingKilobytes(pair: SaPair, sa: SecurityAssociation): number {
  return Math.max(0, pair.install.lifetimeKilobytes - Math.ceil(sa.bytes / BYTES_PER_KILOBYTE));
}

export class SaLifetimes {
  private readonly timers = new Map<SaPair, Timer[]>();

  constructor(
    private readonly sim: Sim,
    private readonly handlers: LifetimeHandlers,
  ) {}

  start(pair: SaPair): void {
    const lifetimeMs = pair.install.lifetimeSeconds * MS_PER_SECOND;
    this.timers.set(pair, [
      this.sim.schedule(Math.max(0, lifetimeMs - SOFT_LIFETIME_LEAD_MS), () => {
        if (pair.install.initiator && sasOf(pair).some((sa) => sa.bytes > 0)) this.soft(pair);
      }),
      this.sim.schedule(lifetimeMs, () => this.hard(pair)),
    ]);
  }

  stop(pair: SaPair): void {
    for (const timer of this.timers.get(pair) ?? []) timer.cancel();
    this.timers.delete(pair);
  }

  /** Counts protected bytes on one SA of the pair and applies the kilobyte lifetime. */
  countBytes(pair: SaPair, sa: SecurityAssociation, bytes: number): void {
    sa.bytes += bytes;
    const limit = pair.install.lifetimeKilobytes * BYTES_PER_KILOBYTE;
    if (sa.bytes >= limit) this.hard(pair);
    else if (pair.install.initiator && sa.bytes >= limit * SOFT_LIFETIME_FRACTION) this.soft(pair);
  }

  private soft(pair: SaPair): void {
    if (pair.rekeyRequested || !this.timers.has(pair)) return;
    pair.rekeyRequested = true;
    this.handlers.soft(pair);
  }

  private hard(pair: SaPair): void {
    if (!this.timers.has(pair)) return;
    this.stop(pair);
    this.handlers.hard(pair);
  }
}
