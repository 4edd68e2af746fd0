import type { Sim } from '../sim/sim.ts';
import { IpNode } from '../net/ip-node.ts';
import { routerMacBase } from '../net/mac-addresses.ts';
import type { PingRequest, PingResult } from '../net/ping-types.ts';
import { TracerouteSession } from '../net/traceroute.ts';
import type { TracerouteRequest, TracerouteResult } from '../net/traceroute-types.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import {
  IOS_BOOT_CLOCK_MS, IosDevice, createDebugFlags, formatTimestamp, parseLogTimestamp,
  type DebugSubsystem, type RouterServices, type TimestampFormat,
} from '../ios/index.ts';
import type { InterfaceActivityReport } from '../ios/router-services.ts';
import { IOS_C2600_CPU_COSTS, type CpuCosts } from '../ike/index.ts';
import { IosText, SHOW_VERSION_HEAD } from '../ios/messages.ts';
import { arpDebugMessage } from '../ios/debug/arp-debug.ts';
import { chassisInterfaces, isPhysical, type WicModel } from '../ios/config/interfaces.ts';
import { SerialPort } from '../net/serial-port.ts';
import { SyslogLog, loggingSettings, severityOf } from '../ios/session/syslog-log.ts';
import { applyConfig } from './apply-config.ts';
import { ArpAnnouncements } from './arp-announcements.ts';
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
  /** How much of the newest text its console transcript and log keep each (default DEFAULT_CONSOLE_LIMIT_CHARS). */
  consoleLimitChars?: number;
  /** The MAC of FastEthernet0/0 (FastEthernet0/1 has the next); default: from the name. */
  macBase?: number;
  /** The WAN interface cards in WIC slots W0 and W1 (undefined: an empty slot). */
  wics?: readonly (WicModel | undefined)[];
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
 * A reload in virtual time (tedlab's figures for a c2621): ROM monitor, POST and decompressing the
 * image from flash until IOS starts (its clock and uptime start again at zero), then IOS until
 * the startup configuration is applied and the console answers.
 */
export const RELOAD_IMAGE_LOAD_MS = 45_000;
export const RELOAD_CONFIG_LOAD_MS = 5_000;
/** More questions than any IOS dialog asks: a dialog that never ends is an engine bug. */
const MAX_DEFAULT_ANSWERS = 100;

type KeyRows = ReturnType<RouterCrypto['wiresharkKeys']>;

/**
 * One Cisco 2600: its IP stack, its IOS console and configuration, wired together. The
 * configuration is the source of truth; every accepted line is applied to the IP stack.
 */
export class Router {
  readonly name: string;
  readonly node: IpNode;
  readonly console: RouterConsole;
  /** The `debug` switches: runtime state, off after every boot. */
  readonly debug = createDebugFlags();
  private readonly sim: Sim;
  /** Its hardware interfaces: the chassis's FastEthernets and its WICs' Serials. */
  private readonly hardware: readonly string[];
  /** Virtual time at which IOS started: the clock runs from `*Mar  1 00:00:00` then. */
  private bootedAtMs: number;
  private interfaceEvents: InterfaceEvents | undefined;
  private arpAnnouncements: ArpAnnouncements | undefined;
  /** Virtual time of the last console message. */
  private lastStampMs = 0;
  private currentDevice: IosDevice;
  private currentCrypto: RouterCrypto;
  private readonly cpuCosts: CpuCosts;
  private syslogLog = new SyslogLog();
  /** Boots since the lab started, and whether the router is down for a reload now. */
  private boots = 0;
  private down = false;
  /** Keys of the SAs of earlier boots: captures outlive a reload. */
  private retiredKeys: KeyRows = { espSa: [], ahSa: [], ikeDecryption: [] };
  /** Traces run so far: each takes its own UDP source port. */
  private traceroutes = 0;

  constructor(sim: Sim, options: RouterOptions) {
    this.sim = sim;
    this.console = new RouterConsole(options.consoleLimitChars);
    this.name = options.name;
    const clock = options.clock === undefined ? undefined : parseLogTimestamp(options.clock);
    this.bootedAtMs = clock === undefined ? 0 : IOS_BOOT_CLOCK_MS - clock;
    this.node = new IpNode(sim, options.name, { forwarding: true, macBase: options.macBase ?? routerMacBase(options.name) });
    this.hardware = chassisInterfaces(options.wics);
    for (const name of this.hardware) {
      const iface = this.node.addInterface(name);
      if (name.startsWith('Serial')) iface.serial = new SerialPort(iface);
    }
    this.currentDevice = new IosDevice({ hostname: options.name, services: this.services(), hardware: this.hardware });
    applyConfig(this.device.config, this.node);
    this.cpuCosts = routerCpuCosts(options.cpu);
    this.currentCrypto = this.startCrypto();
    this.node.arp.onEvent((event) => this.debug.arp && this.debugMessage('arp', arpDebugMessage(event)));
  }

  /** The IOS console and configuration of the running image (a reload starts a new one). */
  get device(): IosDevice {
    return this.currentDevice;
  }

  /** IKE and IPsec of the running image. */
  get crypto(): RouterCrypto {
    return this.currentCrypto;
  }

  /** True from a confirmed `reload` until the console answers again. */
  get reloading(): boolean {
    return this.down;
  }

  /** The question a console dialog waits on, if any (`Save? [yes/no]: `). */
  get pendingQuestion(): string | undefined {
    return this.device.question?.prompt;
  }

  private startCrypto(): RouterCrypto {
    const output = {
      debug: (subsystem: DebugSubsystem, text: string) => this.debugMessage(subsystem, text),
      syslog: (text: string) => this.syslog(text),
      wants: (subsystem: DebugSubsystem) => this.debug[subsystem] && !this.down,
    };
    return new RouterCrypto(this.sim, this.node, this.device.config, output, { cpuCosts: this.cpuCosts, boot: this.boots });
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
    this.interfaceEvents = new InterfaceEvents(this.sim, this.node, (message) => this.syslog(message));
    for (const iface of this.node.interfaces) iface.link?.onStateChange(() => this.interfaceEvents?.check());
    this.arpAnnouncements = new ArpAnnouncements(this.node);
  }

  /**
   * An exec command in privileged mode, as typed at the console; returns IOS's response. A dialog's
   * questions that have a default are answered with Return and shown with the output; a question
   * without one ends the output, and the next line typed answers it.
   */
  exec(command: string): string {
    if (this.device.question === undefined) this.leaveConfigModes();
    const parts: string[] = [];
    const first = this.typeLine(command);
    if (first !== '') parts.push(first);
    for (let count = 0; ; count++) {
      const question = this.device.question;
      if (question?.defaultAnswer === undefined || this.down) break;
      if (count === MAX_DEFAULT_ANSWERS) throw new Error(`${this.name}: the dialog of "${command}" does not end`);
      const response = this.typeLine(question.defaultAnswer);
      parts.push(`${question.prompt}${question.defaultAnswer}`);
      if (response !== '') parts.push(response);
    }
    if (this.device.question !== undefined) parts.push(this.device.question.prompt);
    return parts.join('\n');
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
    // Keys typed after a confirmed reload reach no one: the console is down.
    for (const line of lines) if (!this.down) this.typeLine(line);
    return `${this.console.transcriptSince(mark)}${this.down ? '' : this.device.prompt()}`;
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
    return this.sim.now() - this.bootedAtMs;
  }

  private services(): RouterServices {
    return {
      uptimeMs: () => this.uptimeMs(),
      clockMs: () => IOS_BOOT_CLOCK_MS + this.uptimeMs(),
      interfaceLineUp: (name) => this.node.interface(name)?.lineUp ?? false,
      interfaceStatusUp: (name) => {
        const iface = this.node.interface(name);
        return iface?.serial?.statusUp ?? iface?.lineUp ?? false;
      },
      routes: () => this.node.routingTable().routes(),
      ping: (request) => this.runPing(request),
      onConfigChanged: () => this.configChanged(),
      syslog: (message) => this.syslog(message),
      debugFlags: () => this.debug,
      crypto: () => this.crypto.services(),
      nat: () => this.node.nat,
      arp: () => ({ table: () => this.node.arpTable(), clear: () => this.node.arp.clear() }),
      interfaceActivity: (name) => this.interfaceActivity(name),
      clearCounters: (name) => this.clearCounters(name),
      traceroute: (request) => this.runTraceroute(request),
      cryptoMapInstances: () => this.crypto.dynamicMapInstances(this.device.config),
      logging: () => this.syslogLog,
      reload: () => this.reload(),
    };
  }

  private configChanged(): void {
    applyConfig(this.device.config, this.node);
    // The IOS device applies its startup configuration before the crypto subsystem exists.
    this.crypto?.configure(this.device.config);
    this.interfaceEvents?.check();
    this.arpAnnouncements?.check();
  }

  /** A debug message, printed only while its subsystem's `debug` switch is on. */
  debugMessage(subsystem: DebugSubsystem, message: string): void {
    if (!this.debug[subsystem] || this.down) return;
    this.stamp(this.device.config.timestamps.debug, message);
    // IOS prints debug output from the process that produced it, on the one CPU.
    this.crypto?.ike.consolePrinted();
  }

  /** A syslog message on the console, stamped as `service timestamps log` says. */
  private syslog(message: string): void {
    if (!this.down) this.stamp(this.device.config.timestamps.log, message);
  }

  /**
   * IOS stamps a message when the CPU produces it: a burst of debug output from one step of IKE
   * spreads over the milliseconds that printing it costs, and stamps never go backwards.
   */
  private stamp(format: TimestampFormat | undefined, message: string): void {
    const at = Math.max(this.lastStampMs, this.crypto?.ike.cpuTime() ?? this.sim.now());
    this.lastStampMs = at;
    const uptime = at - this.bootedAtMs;
    const timestamp = formatTimestamp(format, IOS_BOOT_CLOCK_MS + uptime, uptime);
    const settings = loggingSettings(this.device.config);
    // `logging console LEVEL` (or `no logging console`) decides what reaches the console; the rest is counted and buffered.
    if (settings.console !== undefined && severityOf(message) <= settings.console) this.console.recordMessage(timestamp, message);
    this.syslogLog.record(timestamp === '' ? message : `${timestamp}: ${message}`, message, settings);
  }

  /** The Wireshark key rows of every SA this router had, across reloads. */
  wiresharkKeys(): KeyRows {
    const current = this.crypto.wiresharkKeys();
    const merge = (older: string[], newer: string[]) => [...new Set([...older, ...newer])];
    return {
      espSa: merge(this.retiredKeys.espSa, current.espSa),
      ahSa: merge(this.retiredKeys.ahSa, current.ahSa),
      ikeDecryption: merge(this.retiredKeys.ikeDecryption, current.ikeDecryption),
    };
  }

  /**
   * `reload` confirmed. The router falls silent at once: its interfaces stop, IKE and IPsec forget
   * every SA without telling the peers, NAT and ARP forget what they learnt. It boots from the startup
   * configuration in virtual time.
   */
  private reload(): void {
    if (this.down) return;
    this.syslog(IosText.reloadRequested);
    this.down = true;
    this.interfaceEvents = undefined;
    this.retiredKeys = this.wiresharkKeys();
    this.crypto.stop();
    for (const iface of this.node.interfaces) iface.adminUp = false;
    // A Serial's far end loses its carrier with it.
    for (const iface of this.node.interfaces) iface.serial?.announce();
    // The interfaces went down: when they come up after the boot, their addresses are announced again.
    this.arpAnnouncements?.check();
    this.node.nat.clearDynamic();
    this.node.arp.clear();
    // The new image counts from zero and has never seen a frame.
    for (const iface of this.node.interfaces) iface.activity.reset();
    this.sim.schedule(RELOAD_IMAGE_LOAD_MS, () => {
      this.bootedAtMs = this.sim.now();
      this.syslogLog = new SyslogLog();
      this.sim.schedule(RELOAD_CONFIG_LOAD_MS, () => this.boot());
    });
  }

  /** IOS reads its startup configuration: a new console, configuration and crypto; interfaces come up. */
  private boot(): void {
    const startup = this.device.startupConfigText;
    this.boots++;
    for (const subsystem of Object.keys(this.debug) as DebugSubsystem[]) this.debug[subsystem] = false;
    this.currentDevice = new IosDevice({ hostname: this.name, services: this.services(), hardware: this.hardware });
    this.currentCrypto = this.startCrypto();
    this.down = false;
    this.interfaceEvents = new InterfaceEvents(this.sim, this.node, (message) => this.syslog(message));
    if (startup !== undefined) this.device.loadStartupConfig(startup);
    this.device.startPrivileged();
    this.syslog(IosText.configuredFromMemory);
    this.syslog([IosText.systemRestarted, ...SHOW_VERSION_HEAD.slice(0, 4)].join('\n'));
    for (const iface of this.device.config.interfaces) {
      if (iface.shutdown && isPhysical(iface.name)) this.syslog(IosText.linkAdminDown(iface.name));
    }
  }

  private interfaceActivity(name: string): InterfaceActivityReport | undefined {
    const iface = this.node.interface(name);
    if (iface === undefined) return undefined;
    const nowMs = this.sim.now();
    return { mac: iface.mac, statistics: iface.activity.statistics(nowMs), nowMs };
  }

  private clearCounters(name: string | undefined): void {
    const nowMs = this.sim.now();
    for (const iface of this.node.interfaces) if (name === undefined || iface.name === name) iface.activity.clear(nowMs);
  }

  private runTraceroute(request: TracerouteRequest): TracerouteResult {
    const session = new TracerouteSession(this.node, request, this.traceroutes++);
    session.start();
    this.sim.runUntil(() => session.done, this.sim.now() + session.worstCaseMs + PING_SLACK_MS);
    return session.result;
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
