/**
 * At most one event of each kind per interval of virtual time. IOS throttles the syslog
 * messages a stream of bad packets would repeat: the first is printed, the packets in
 * between are dropped and counted silently. Kinds without an interval are never held back.
 */
export class RateLimit<K extends string> {
  private readonly lastAllowed = new Map<K, number>();
  private readonly held = new Map<K, number>();

  constructor(private readonly intervalsMs: Partial<Record<K, number>>) {}

  /** Whether an event of this kind may go out at `now` (and remembers that it did). */
  allow(kind: K, now: number): boolean {
    const interval = this.intervalsMs[kind];
    if (interval === undefined) return true;
    const last = this.lastAllowed.get(kind);
    if (last !== undefined && now - last < interval) {
      this.held.set(kind, (this.held.get(kind) ?? 0) + 1);
      return false;
    }
    this.lastAllowed.set(kind, now);
    return true;
  }

  /** How many events of this kind were held back so far. */
  heldBack(kind: K): number {
    return this.held.get(kind) ?? 0;
  }
}
