/**
 * The "5 minute input rate" of an interface: IOS's exponentially decayed average, as Cisco's tech
 * note "What is the definition of bits/sec in the output of the show interfaces command?" (12816)
 * gives it: every 5 seconds, new average = (average - sample) * exp(-5/300) + sample, where the
 * sample is the rate of those 5 seconds (all frame bytes counted). IOS samples on its own 5-second
 * tick; tedlab's periods start at the lab's time zero, so the figures may differ from a real box by
 * where the 5-second boundaries fall.
 *
 * Everything is computed lazily from virtual time when traffic is counted or the rate is read, so
 * an interface schedules no timers of its own.
 */

export const LOAD_SAMPLE_MS = 5_000;
export const LOAD_TIME_CONSTANT_MS = 300_000;

const DECAY_PER_SAMPLE = Math.exp(-LOAD_SAMPLE_MS / LOAD_TIME_CONSTANT_MS);

export interface Rate {
  bitsPerSec: number;
  packetsPerSec: number;
}

export class LoadAverage {
  private bitsPerSec = 0;
  private packetsPerSec = 0;
  /** The index of the 5-second period being counted, and what it has seen so far. */
  private period = 0;
  private periodBytes = 0;
  private periodPackets = 0;

  note(bytes: number, nowMs: number): void {
    this.catchUp(nowMs);
    this.periodBytes += bytes;
    this.periodPackets++;
  }

  /** The average as of the last closed period (IOS shows the figure its last calculation left). */
  read(nowMs: number): Rate {
    this.catchUp(nowMs);
    return { bitsPerSec: this.bitsPerSec, packetsPerSec: this.packetsPerSec };
  }

  private catchUp(nowMs: number): void {
    const period = Math.floor(nowMs / LOAD_SAMPLE_MS);
    if (period <= this.period) return;
    const seconds = LOAD_SAMPLE_MS / 1000;
    this.bitsPerSec = mix(this.bitsPerSec, (this.periodBytes * 8) / seconds);
    this.packetsPerSec = mix(this.packetsPerSec, this.periodPackets / seconds);
    // The periods after it, up to now, saw nothing: the average only decays through them.
    const quiet = DECAY_PER_SAMPLE ** (period - this.period - 1);
    this.bitsPerSec *= quiet;
    this.packetsPerSec *= quiet;
    this.period = period;
    this.periodBytes = 0;
    this.periodPackets = 0;
  }
}

function mix(average: number, sample: number): number {
  return average * DECAY_PER_SAMPLE + sample * (1 - DECAY_PER_SAMPLE);
}
