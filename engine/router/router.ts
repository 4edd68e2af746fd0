import type { Sim } from '../sim/sim.ts';
import { IpNode } from '../net/ip-node.ts';
import type { PingRequest, PingResult } from '../net/ping-types.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import {
  HARDWARE_INTERFACES, IOS_BOOT_CLOCK_MS, IosDevice, createDebugFlags, formatTimestamp, parseLogTimestamp,
  type DebugSubsystem, type RouterServices, type TimestampFormat,
} from '../ios/index.ts';
import { IOS_C2600_CPU_COSTS, type CpuCosts } from '../ike/index.ts';
import { applyConfig } from './apply-config.ts';
import { InterfaceEvents } from './interface-events.ts';
import { RouterCrypto } from './router-crypto.ts';
import { RouterConsole } from './router-console.ts';

export interface RouterOptions {
  /** The name in the topology; the hostname until the configuration sets one. */
  name: string;
  /** The console clock when the lab starts (`*Mar  1 02:07:30.000`); the router booted at `*Mar  1 00:00:00`. */
  clock?: string;
  /** How fast its CPU does crypto: milliseconds per Diffie-Hellman computation (default: a c2600's). */
  cpu?: { dhMs?: number };
}

/** A configuration line IOS refused while loading, with its column and the console text IOS printed. */
export interface StartupRejection {
  lineNumber: number;
  /** 0-based column of the first bad character in the line as written. */
  column: number;
  transcript: string;
}

export interface ConfigureResult {
  output: string;
  rejected?: { index: number; transcript: string };
}

/** Room for every echo of a router ping to time out: a ping that runs longer is an engine bug. */
const PING_SLACK_MS = 10_000;

/**
 * One Cisco 2600: its IP stack, its IOS console and configuration, wired together. The
 * configuration is the source of truth; every accepted line is applied to the IP stack.
 */
export class Router {
  readonly name: string;
  readonly node: IpNode;
  readonly device: IosDevice;
  readonly console = new RouterConsole();
  /** The `debug` switches: runtime state, off after every boot. */
  readonly debug = createDebugFlags();
  private readonly sim: Sim;
  /** Uptime when the lab started: the clock runs from boot at `*Mar  1 00:00:00`. */
  private readonly uptimeAtStartMs: number;
  private interfaceEvents: InterfaceEvents | undefined;
  /** Virtual time of the last console message. */
  private lastStampMs = 0;
  readonly crypto: RouterCrypto;

  constructor(sim: Sim, options: RouterOptions) {
    this.sim = sim;
    this.name = options.name;
    const clock = options.clock === undefined ? undefined : parseLogTimestamp(options.clock);
    this.uptimeAtStartMs = clock === undefined ? 0 : clock - IOS_BOOT_CLOCK_MS;
    this.node = new IpNode(sim, options.name, { forwarding: true });
    for (const name of HARDWARE_INTERFACES) this.node.addInterface(name);
    this.device = new IosDevice({ hostname: options.name, services: this.services() });
    applyConfig(this.device.config, this.node);
    this.crypto = new RouterCrypto(sim, this.node, this.device.config, {
      debug: (subsystem, text) => this.debugMessage(subsystem, text),
      syslog: (text) => this.syslog(text),
    }, { cpuCosts: routerCpuCosts(options.cpu) });
  }

  /** Loads the configuration the router boots with, then leaves the console in privileged mode. */
  loadStartupConfig(text: string): StartupRejection[] {
    const result = this.device.loadStartupConfig(text);
    this.device.startPrivileged();
    return result.rejected.map((rejected) => ({
      lineNumber: rejected.lineNumber,
      column: caretColumn(rejected.error) ?? rejected.line.length - rejected.line.trimStart().length,
      transcript: `${rejected.line}\n${rejected.error}`,
    }));
  }

  /** The lab is cabled: from now on interface state changes are logged as IOS logs them. */
  startLoggingInterfaceEvents(): void {
    const events = new InterfaceEvents(this.sim, this.node, (message) => this.syslog(message));
    this.interfaceEvents = events;
    for (const iface of this.node.interfaces) iface.link?.onStateChange(() => events.check());
  }

  /** An exec command in privileged mode, as typed at the console; returns IOS's response. */
  exec(command: string): string {
    this.leaveConfigModes();
    return this.typeLine(command);
  }

  /** `configure terminal`, the lines, `end`; stops at the first line IOS refuses. */
  configure(lines: string[]): ConfigureResult {
    this.leaveConfigModes();
    const output: string[] = [];
    this.typeLine('configure terminal');
    const meaningful = lines.filter((line) => line.trim() !== '');
    for (let index = 0; index < meaningful.length; index++) {
      const prompt = this.device.prompt();
      const line = meaningful[index]!.trim();
      this.console.recordInput(prompt, line);
      const result = this.device.enter(line);
      this.console.recordResponse(result.output);
      this.sim.runDue();
      if (!result.accepted) {
        this.typeLine('end');
        return { output: output.join('\n'), rejected: { index, transcript: `${prompt}${line}\n${result.output}` } };
      }
      if (result.output !== '') output.push(result.output);
    }
    this.typeLine('end');
    return { output: output.join('\n') };
  }

  /** Raw console lines in whatever mode the console is in; returns what the console showed, ending with the prompt. */
  typeLines(lines: string[]): string {
    const mark = this.console.mark();
    for (const line of lines) this.typeLine(line);
    return `${this.console.transcriptSince(mark)}${this.device.prompt()}`;
  }

  ownsAddress(address: Ipv4Address | undefined): boolean {
    return address !== undefined && this.node.isLocalAddress(address);
  }

  private typeLine(line: string): string {
    const prompt = this.device.prompt();
    this.console.recordInput(prompt, this.device.awaitingPassword ? '' : line);
    const output = this.device.type(line);
    this.console.recordResponse(output);
    // What the command set in motion at this instant (a DELETE to send, an SA to drop) is done before the next line.
    this.sim.runDue();
    return output;
  }

  private leaveConfigModes(): void {
    if (this.device.mode !== 'exec' && this.device.mode !== 'user') this.typeLine('end');
  }

  private uptimeMs(): number {
    return this.uptimeAtStartMs + this.sim.now();
  }

  private services(): RouterServices {
    return {
      uptimeMs: () => this.uptimeMs(),
      clockMs: () => IOS_BOOT_CLOCK_MS + this.uptimeMs(),
      interfaceLineUp: (name) => this.node.interface(name)?.lineUp ?? false,
      routes: () => this.node.routingTable().routes(),
      ping: (request) => this.runPing(request),
      onConfigChanged: () => this.configChanged(),
      syslog: (message) => this.syslog(message),
      debugFlags: () => this.debug,
      crypto: () => this.crypto.services(),
      nat: () => this.node.nat,
      cryptoMapInstances: () => this.crypto.dynamicMapInstances(this.device.config),
    };
  }

  private configChanged(): void {
    applyConfig(this.device.config, this.node);
    // The IOS device applies its startup configuration before the crypto subsystem exists.
    this.crypto?.configure(this.device.config);
    this.interfaceEvents?.check();
  }

  /** A debug message, printed only while its subsystem's `debug` switch is on. */
  debugMessage(subsystem: DebugSubsystem, message: string): void {
    if (!this.debug[subsystem]) return;
    this.stamp(this.device.config.timestamps.debug, message);
    // IOS prints debug output from the process that produced it, on the one CPU.
    this.crypto?.ike.consolePrinted();
  }

  /** A syslog message on the console, stamped as `service timestamps log` says. */
  private syslog(message: string): void {
    this.stamp(this.device.config.timestamps.log, message);
  }

  /**
   * IOS stamps a message when the CPU produces it: a burst of debug output from one step of IKE
   * spreads over the milliseconds that printing it costs, and stamps never go backwards.
   */
  private stamp(format: TimestampFormat | undefined, message: string): void {
    const at = Math.max(this.lastStampMs, this.crypto?.ike.cpuTime() ?? this.sim.now());
    this.lastStampMs = at;
    const uptime = this.uptimeAtStartMs + at;
    this.console.recordMessage(formatTimestamp(format, IOS_BOOT_CLOCK_MS + uptime, uptime), message);
  }

  private runPing(request: PingRequest): PingResult {
    const session = this.node.ping(request);
    const deadline = this.sim.now() + session.count * (session.timeoutMs + 1) + PING_SLACK_MS;
    this.sim.runUntil(() => session.done, deadline);
    return session.result;
  }
}

/** A c2600's crypto timing, with the topology's Diffie-Hellman time for both halves of a DH when it gives one. */
function routerCpuCosts(cpu: RouterOptions['cpu']): CpuCosts {
  const dhMs = cpu?.dhMs;
  return dhMs === undefined ? IOS_C2600_CPU_COSTS : { ...IOS_C2600_CPU_COSTS, 'dh-keygen': dhMs, 'dh-shared': dhMs };
}

/** The caret line IOS prints under a refused line gives the column of the first bad character. */
function caretColumn(error: string): number | undefined {
  const caret = error.split('\n').find((line) => /^\s*\^$/.test(line));
  return caret === undefined ? undefined : caret.indexOf('^');
}
