import { LoadAverage, type Rate } from './load-average.ts';

/** Frames and their bytes (Ethernet header and padding included), since the interface exists. */
export interface InterfaceCounters {
  packetsIn: number;
  bytesIn: number;
  /** Frames received for a group address: broadcasts (and multicasts), as IOS's "Received N broadcasts". */
  broadcastsIn: number;
  packetsOut: number;
  bytesOut: number;
  /** Frames for another station's MAC, which a hub brings and the port ignores. */
  framesIgnored: number;
}

/** What `show interfaces` reports of one interface at one moment: counters since they were last cleared. */
export interface InterfaceStatistics {
  packetsIn: number;
  bytesIn: number;
  broadcastsIn: number;
  packetsOut: number;
  bytesOut: number;
  /** Virtual times of the last frame received and sent, and of `clear counters`; undefined: never. */
  lastInputMs: number | undefined;
  lastOutputMs: number | undefined;
  clearedAtMs: number | undefined;
  inputRate: Rate;
  outputRate: Rate;
}

const COUNTED = ['packetsIn', 'bytesIn', 'broadcastsIn', 'packetsOut', 'bytesOut'] as const;

function zeroCounters(): InterfaceCounters {
  return { packetsIn: 0, bytesIn: 0, broadcastsIn: 0, packetsOut: 0, bytesOut: 0, framesIgnored: 0 };
}

/**
 * The traffic of one interface. The raw counters only ever grow; `clear counters` keeps a copy of
 * them and the statistics show the difference, the way IOS keeps its "saved" counters, so code
 * that watches the raw counters is not disturbed by a user clearing them.
 */
export class InterfaceActivity {
  readonly counters: InterfaceCounters = zeroCounters();
  private baseline: InterfaceCounters = zeroCounters();
  private lastInputMs: number | undefined;
  private lastOutputMs: number | undefined;
  private clearedAtMs: number | undefined;
  private inputLoad = new LoadAverage();
  private outputLoad = new LoadAverage();

  noteInput(bytes: number, groupAddressed: boolean, nowMs: number | undefined): void {
    this.counters.packetsIn++;
    this.counters.bytesIn += bytes;
    if (groupAddressed) this.counters.broadcastsIn++;
    if (nowMs === undefined) return;
    this.lastInputMs = nowMs;
    this.inputLoad.note(bytes, nowMs);
  }

  noteOutput(bytes: number, nowMs: number | undefined): void {
    this.counters.packetsOut++;
    this.counters.bytesOut += bytes;
    if (nowMs === undefined) return;
    this.lastOutputMs = nowMs;
    this.outputLoad.note(bytes, nowMs);
  }

  /** `clear counters`: the counters start again from zero; the times of the last frames and the rates stay. */
  clear(nowMs: number): void {
    this.baseline = { ...this.counters };
    this.clearedAtMs = nowMs;
  }

  /** A reload: IOS starts with nothing counted and nothing cleared. */
  reset(): void {
    this.baseline = { ...this.counters };
    this.clearedAtMs = undefined;
    this.lastInputMs = undefined;
    this.lastOutputMs = undefined;
    this.inputLoad = new LoadAverage();
    this.outputLoad = new LoadAverage();
  }

  statistics(nowMs: number): InterfaceStatistics {
    const since = Object.fromEntries(COUNTED.map((name) => [name, this.counters[name] - this.baseline[name]]));
    return {
      ...(since as Record<(typeof COUNTED)[number], number>),
      lastInputMs: this.lastInputMs,
      lastOutputMs: this.lastOutputMs,
      clearedAtMs: this.clearedAtMs,
      inputRate: this.inputLoad.read(nowMs),
      outputRate: this.outputLoad.read(nowMs),
    };
  }
}
