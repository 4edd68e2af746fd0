import type { IosConfig } from '../config/config-model.ts';

/**
 * IOS's logging process as `show logging` reports it: how many messages each destination took
 * (console, monitor, buffer, syslog trap and hosts) and the buffer's messages. The router feeds
 * every console message through `record`; the levels and the buffer come from the `logging`
 * lines of the running configuration, read at the moment each message is logged.
 */

export const SEVERITY_NAMES = [
  'emergencies', 'alerts', 'critical', 'errors', 'warnings', 'notifications', 'informational', 'debugging',
] as const;

/** The buffer a 2600 allocates for `logging buffered` without a size. */
export const DEFAULT_LOG_BUFFER_BYTES = 4096;
const DEBUGGING = 7;
const INFORMATIONAL = 6;

export interface LoggingSettings {
  /** Severity levels 0-7; undefined when the destination is off. */
  console: number | undefined;
  monitor: number | undefined;
  buffered: { level: number; bytes: number } | undefined;
  trap: number;
  hosts: string[];
}

function levelOf(words: readonly string[]): number | undefined {
  for (const word of words) {
    if (/^[0-7]$/.test(word)) return Number(word);
    const named = SEVERITY_NAMES.indexOf(word as (typeof SEVERITY_NAMES)[number]);
    if (named >= 0) return named;
  }
  return undefined;
}

/** What the kept `logging ...` lines of a configuration say, with IOS's defaults for the rest. */
export function loggingSettings(config: IosConfig): LoggingSettings {
  const settings: LoggingSettings = { console: DEBUGGING, monitor: DEBUGGING, buffered: undefined, trap: INFORMATIONAL, hosts: [] };
  for (const { text } of config.kept) {
    const words = text.split(' ');
    if (words[0] === 'no' && words[1] === 'logging' && words[2] === 'console') settings.console = undefined;
    if (words[0] !== 'logging') continue;
    const rest = words.slice(2);
    if (words[1] === 'console') settings.console = levelOf(rest) ?? DEBUGGING;
    else if (words[1] === 'trap') settings.trap = levelOf(rest) ?? INFORMATIONAL;
    else if (words[1] === 'buffered') {
      const size = rest.find((word) => /^\d{4,}$/.test(word));
      settings.buffered = { level: levelOf(rest.filter((word) => word !== size)) ?? DEBUGGING, bytes: size ? Number(size) : DEFAULT_LOG_BUFFER_BYTES };
    } else if (/^\d+\.\d+\.\d+\.\d+$/.test(words[1]!)) settings.hosts.push(words[1]!);
  }
  return settings;
}

/** A message's severity: the digit of `%FACILITY-N-MNEMONIC:`; debug output is level 7. */
export function severityOf(message: string): number {
  const match = /^%[A-Z0-9_]+-([0-7])-[A-Z0-9_]+:/.exec(message);
  return match === null ? DEBUGGING : Number(match[1]);
}

export class SyslogLog {
  consoleLogged = 0;
  monitorLogged = 0;
  bufferLogged = 0;
  trapLogged = 0;
  private readonly hostLogged = new Map<string, number>();
  private buffer: string[] = [];
  private bufferBytes = 0;
  private bufferSize: number | undefined;

  /** `line` is the message as the console printed it, timestamp included. */
  record(line: string, message: string, settings: LoggingSettings): void {
    const severity = severityOf(message);
    if (settings.console !== undefined && severity <= settings.console) this.consoleLogged++;
    if (settings.monitor !== undefined && severity <= settings.monitor) this.monitorLogged++;
    if (severity <= settings.trap) {
      this.trapLogged++;
      for (const host of settings.hosts) this.hostLogged.set(host, (this.hostLogged.get(host) ?? 0) + 1);
    }
    this.keepInBuffer(line, severity, settings);
  }

  /** The buffered messages, oldest first; empty when buffering is off. */
  bufferedLines(settings: LoggingSettings): string[] {
    this.resizeFor(settings);
    return [...this.buffer];
  }

  hostLines(host: string): number {
    return this.hostLogged.get(host) ?? 0;
  }

  private keepInBuffer(line: string, severity: number, settings: LoggingSettings): void {
    this.resizeFor(settings);
    const buffered = settings.buffered;
    if (buffered === undefined || severity > buffered.level) return;
    this.bufferLogged++;
    // The buffer is circular: the oldest messages make room for the new one.
    const bytes = line.length + 1;
    this.buffer.push(line);
    this.bufferBytes += bytes;
    while (this.bufferBytes > buffered.bytes && this.buffer.length > 0) this.bufferBytes -= this.buffer.shift()!.length + 1;
  }

  /** A new size (or buffering turned off) allocates a new, empty buffer, as IOS does. */
  private resizeFor(settings: LoggingSettings): void {
    const size = settings.buffered?.bytes;
    if (size === this.bufferSize) return;
    this.bufferSize = size;
    this.buffer = [];
    this.bufferBytes = 0;
    this.bufferLogged = 0;
  }
}
