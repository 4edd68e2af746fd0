import type { Sim } from '../sim/sim.ts';

/**
 * The router's one CPU, as IKE sees it. IOS runs IKE as one process: a packet or a timer is
 * handled to the end before the next one starts, and a timer that falls due during a
 * Diffie-Hellman computation waits for it. Every piece of IKE work therefore runs as a job
 * here, and a job that does an expensive operation continues after that operation's cost in
 * virtual time, still holding the CPU. Costs are a table, so timing the crypto engine is one
 * change in one place.
 */

export type CpuOperation =
  | 'packet'
  | 'timer'
  | 'dh-keygen'
  | 'dh-shared'
  | 'skeyid'
  | 'hmac'
  | 'keymat'
  /** One debug message printed on the console. */
  | 'console';

export type CpuCosts = Readonly<Record<CpuOperation, number>>;

/** No operation takes time yet; work still runs through the clock, never inline. */
export const ZERO_CPU_COSTS: CpuCosts = {
  packet: 0,
  timer: 0,
  'dh-keygen': 0,
  'dh-shared': 0,
  skeyid: 0,
  hmac: 0,
  keymat: 0,
  console: 0,
};

/**
 * A Cisco 2600 as the TED document's Daphne measured it: a Diffie-Hellman key pair in 165 ms
 * (`generate alg parameter` to `Dh phase 1 status`), the shared secret in 205 ms, and a few
 * milliseconds for each packet, SKEYID, HMAC and console message (the debug transcripts' timestamps
 * move by about 4 ms a line). Routers take these unless told otherwise.
 */
export const IOS_C2600_CPU_COSTS: CpuCosts = {
  packet: 4,
  timer: 0,
  'dh-keygen': 165,
  'dh-shared': 205,
  skeyid: 4,
  hmac: 4,
  keymat: 4,
  console: 4,
};

export interface CpuJob {
  /**
   * Continues this job with `step` once `operation` has taken its time. Steps added while a
   * step runs come before the job's older steps, so a chain of `then`s runs depth first.
   */
  then(operation: CpuOperation, step: () => void): void;
}

interface Step {
  operation: CpuOperation;
  run: () => void;
}

export class CpuQueue {
  private readonly waiting: Array<{ operation: CpuOperation; task: (job: CpuJob) => void }> = [];
  private running = false;
  private readonly costs: CpuCosts;
  /** Time the CPU owes for work done outside the cost table (printing on the console). */
  private debt = 0;

  constructor(private readonly sim: Sim, costs: Partial<CpuCosts> = {}) {
    this.costs = { ...ZERO_CPU_COSTS, ...costs };
  }

  /** Queues a new job; it starts when every job before it has finished. */
  submit(operation: CpuOperation, task: (job: CpuJob) => void): void {
    this.waiting.push({ operation, task });
    this.startNext();
  }

  get busy(): boolean {
    return this.running;
  }

  /** CPU time the work in hand has used beyond the current instant (what it printed so far). */
  get owed(): number {
    return this.debt;
  }

  /**
   * Adds an operation's cost to the work in hand, as printing a debug message does on IOS: the
   * running job's next step (or, when it has none, the next job) starts that much later.
   */
  charge(operation: CpuOperation): void {
    this.debt += this.cost(operation);
  }

  private startNext(): void {
    if (this.running) return;
    const next = this.waiting.shift();
    if (next === undefined) return;
    this.running = true;
    const job = new RunningJob(this, next.task);
    this.sim.schedule(this.cost(next.operation) + this.takeDebt(), job.runCurrent);
  }

  /** After a job's step: schedules the job's next step, or frees the CPU when there is none. */
  continueWith(job: RunningJob, following: Step | undefined): void {
    if (following === undefined) this.finish();
    else this.sim.schedule(this.cost(following.operation) + this.takeDebt(), job.runCurrent);
  }

  /** The job is done; the CPU is free once it has also paid for what the job printed. */
  private finish(): void {
    const debt = this.takeDebt();
    if (debt === 0) this.release();
    else this.sim.schedule(debt, this.releaseLater);
  }

  private release(): void {
    this.running = false;
    this.startNext();
  }

  /** Bound once: every job ends here, and a closure per job costs a big mesh time and garbage. */
  private readonly releaseLater: () => void = this.release.bind(this);

  private takeDebt(): number {
    const debt = this.debt;
    this.debt = 0;
    return debt;
  }

  private cost(operation: CpuOperation): number {
    return Math.max(0, this.costs[operation]);
  }
}

/**
 * A job on the CPU: its steps still to run, depth first. It is scheduled through one bound
 * callback rather than a closure per step (a big mesh runs millions of steps).
 */
class RunningJob implements CpuJob {
  private readonly pending: Step[] = [];
  private added: Step[] = [];
  /** The step that is due; undefined while the job's own task is. */
  private current: Step | undefined;
  /** Bound once per job: `bind` makes no closure for the transpiler to name, as an arrow would. */
  readonly runCurrent: () => void = this.run.bind(this);

  constructor(private readonly cpu: CpuQueue, private readonly task: (job: CpuJob) => void) {}

  then(operation: CpuOperation, run: () => void): void {
    this.added.push({ operation, run });
  }

  /** Runs the step that is due, then hands the CPU the one after it. */
  private run(): void {
    this.added = [];
    try {
      if (this.current === undefined) this.task(this);
      else this.current.run();
    } finally {
      this.pending.unshift(...this.added);
      const following = this.pending.shift();
      if (following !== undefined) this.current = following;
      this.cpu.continueWith(this, following);
    }
  }
}
