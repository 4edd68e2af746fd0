import type { Sim } from '../sim/sim.ts';

/**
 * Lets a lab's virtual clock follow the wall clock, for labs that talk to the real world: each
 * tick (and each real packet, before it enters) runs the simulator up to the milliseconds that
 * have passed since the start. Virtual time never waits for the wall clock to go backwards: if
 * a step ran virtual time ahead, the wall clock catches up before anything more happens.
 */

export const TICK_MS = 5;

export class WallClock {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly startWall: number;
  private readonly startVirtual: number;

  constructor(private readonly sim: Sim, private readonly wallNow: () => number = () => performance.now()) {
    this.startWall = wallNow();
    this.startVirtual = sim.now();
  }

  start(): void {
    this.timer ??= setInterval(() => this.catchUp(), TICK_MS);
  }

  /** Runs virtual time up to now on the wall clock (once stopped, virtual time is the caller's again). */
  catchUp(): void {
    if (this.stopped) return;
    const target = this.startVirtual + (this.wallNow() - this.startWall);
    const behind = target - this.sim.now();
    if (behind > 0) this.sim.advance(behind);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
