import { EventQueue, type QueuedEvent } from './event-queue.ts';
import { SeededRandom } from './random.ts';

/** A handle on a scheduled action; cancelling it is idempotent. */
export interface Timer {
  readonly due: number;
  cancel(): void;
  readonly pending: boolean;
}

/** Bounds every run so that a scenario that never settles ends instead of spinning. */
export const MAX_EVENTS_PER_RUN = 5_000_000;

/**
 * The discrete-event simulator of one lab: a virtual clock in milliseconds, an event
 * queue ordered by (time, sequence) and the lab's seeded random stream.
 * Nothing here looks at the wall clock.
 */
export class Sim {
  readonly random: SeededRandom;
  private readonly queue = new EventQueue();
  private clock = 0;
  private sequence = 0;

  constructor(seed: number | string = 1) {
    this.random = new SeededRandom(seed);
  }

  /** Virtual time in milliseconds since the lab started. */
  now(): number {
    return this.clock;
  }

  /** Runs `action` after `delayMs` virtual milliseconds (0 = after the events already due now). */
  schedule(delayMs: number, action: () => void): Timer {
    if (!Number.isFinite(delayMs) || delayMs < 0) throw new RangeError(`bad delay ${delayMs}`);
    const event = new ScheduledAction(this.clock + delayMs, this.sequence++, action);
    this.queue.push(event);
    return event;
  }

  /** True when nothing is scheduled any more. */
  idle(): boolean {
    this.dropCancelled();
    return this.queue.size === 0;
  }

  /** The time of the next live event, or undefined. */
  nextEventTime(): number | undefined {
    this.dropCancelled();
    return this.queue.peek()?.time;
  }

  /**
   * Runs events in order until `done()` holds (checked before each event) or the next event
   * lies after `deadline`; then the clock stands at the moment `done` became true, or at the
   * deadline. Returns whether `done` held.
   */
  runUntil(done: () => boolean, deadline: number): boolean {
    let budget = MAX_EVENTS_PER_RUN;
    while (!done()) {
      const next = this.nextEventTime();
      if (next === undefined || next > deadline) {
        if (deadline > this.clock && Number.isFinite(deadline)) this.clock = deadline;
        return done();
      }
      if (--budget < 0) throw new Error(`simulation did not settle after ${MAX_EVENTS_PER_RUN} events`);
      this.step();
    }
    return true;
  }

  /** Runs what is due at this very instant (work a step just queued), without moving the clock. */
  runDue(): void {
    this.runUntil(() => false, this.clock);
  }

  /** Lets `ms` virtual milliseconds pass, running everything that falls due. */
  advance(ms: number): void {
    this.runUntil(() => false, this.clock + ms);
  }

  /** Runs until no event is due before `deadline` remains; the clock stops at the last event. */
  settle(deadline = Number.POSITIVE_INFINITY): void {
    this.runUntil(() => {
      const next = this.nextEventTime();
      return next === undefined || next > deadline;
    }, deadline);
  }

  private step(): void {
    const event = this.queue.pop();
    if (event === undefined || event.cancelled) return;
    this.clock = event.time;
    event.fired = true;
    event.action();
  }

  private dropCancelled(): void {
    while (this.queue.peek()?.cancelled) this.queue.pop();
  }
}

/**
 * A queued event that is its own timer handle: one object per schedule, no closures (a big
 * mesh schedules millions, and every closure and weak-set entry costs the collector).
 */
class ScheduledAction implements QueuedEvent, Timer {
  cancelled = false;
  fired = false;

  constructor(readonly time: number, readonly seq: number, readonly action: () => void) {}

  get due(): number {
    return this.time;
  }

  get pending(): boolean {
    return !this.cancelled && !this.fired;
  }

  cancel(): void {
    this.cancelled = true;
  }
}
