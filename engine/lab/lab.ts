import path from 'node:path';
import { Sim } from '../sim/sim.ts';
import { Host } from '../net/host.ts';
import { Link } from '../net/link.ts';
import type { NetInterface } from '../net/net-interface.ts';
import type { IpNode } from '../net/ip-node.ts';
import type { PingResult } from '../net/ping-types.ts';
import { PING_LIMITS } from '../net/ping.ts';
import { formatIpv4, parseIpv4, type Ipv4Address } from '../wire/ipv4-address.ts';
import { encodeEthernet, EtherType } from '../wire/ethernet.ts';
import { RealPeerEnd, type PeerTransport } from '../bridge/real-peer-end.ts';
import { LiveLab } from './live-lab.ts';
import { renderPing } from '../ios/index.ts';
import { RELOAD_CONFIG_LOAD_MS, RELOAD_IMAGE_LOAD_MS, Router } from '../router/router.ts';
import { LabError } from './errors.ts';
import { LinkCapture, type KeyRows, type SavedCapture } from './capture.ts';
import { MacAllocator } from './mac-allocator.ts';
import { NotModelledList, refusedAsNotModelled, type NotModelledItem } from './not-modelled-list.ts';
import {
  configLineLocation,
  formatTopologyError,
  loadTopologyFile,
  outOfRangeValues,
  parseTopology,
  seedRangeProblem,
} from './topology/index.ts';
import type { TopologySpec, RouterSpec, EndSpec, SourceLocation, TopologyResult } from './topology/index.ts';

export interface LoadOptions {
  /** Overrides the topology's seed. */
  seed?: number;
}

export interface PingOptions {
  count?: number;
  size?: number;
  timeoutMs?: number;
}

/** A ping under way: when it is done, and its outcome then. */
export interface StartedPing {
  /** How long it can take at most, every echo timed out (ms). */
  longestMs: number;
  done(): boolean;
  outcome(): PingOutcome;
}

/** A ping's result with the IOS-style text it printed. */
export interface PingOutcome extends PingResult {
  output: string;
}

/** The SPIs of a router's live IPsec SAs: its own (inbound) and its peers' (outbound), as `show crypto ipsec sa` lists them. */
export interface IpsecSpis {
  inbound: number[];
  outbound: number[];
}

/** A datagram (or, for `watchFrames`, a frame) a link carried: when (virtual ms), its bytes, and the end that sent it. */
export interface LinkPacket {
  timeMs: number;
  bytes: Uint8Array;
  from: string;
}

/** Room for every echo to time out, and then some: a ping that runs longer is an engine bug. */
const PING_SLACK_MS = 10_000;

/**
 * A running lab: the routers, hosts and links of one topology on one simulator.
 * This is the library API the steps use; names may be routers, hosts or addresses.
 */
export class Lab {
  readonly topology: TopologySpec;
  readonly sim: Sim;
  private readonly routers = new Map<string, Router>();
  private readonly hosts = new Map<string, Host>();
  private readonly links = new Map<string, Link>();
  private readonly captures = new Map<string, LinkCapture>();
  private readonly peers = new Map<string, RealPeerEnd>();
  private readonly macs = new MacAllocator();
  private readonly notModelledList = new NotModelledList();

  private constructor(topology: TopologySpec, options: LoadOptions) {
    this.topology = topology;
    checkValueRanges(topology, options);
    this.sim = new Sim(options.seed ?? topology.seed);
    for (const spec of topology.routers) this.addRouter(spec);
    for (const spec of topology.hosts) {
      this.hosts.set(spec.name, new Host(this.sim, spec.name, { ...spec, mac: this.macs.pc(spec.name) }));
    }
    for (const spec of topology.peers) this.peers.set(spec.name, new RealPeerEnd(spec, this.sim));
    for (const spec of topology.links) {
      const link = new Link(this.sim, spec.name, spec.ends.map((end) => this.endInterface(end)), {
        delayMs: spec.delayMs,
        lossRate: spec.lossRate,
        up: spec.up,
      });
      if (spec.capture) this.captures.set(spec.name, new LinkCapture(link));
      this.links.set(spec.name, link);
      this.attachPeers(spec.name, link);
    }
    for (const router of this.routers.values()) router.startLoggingInterfaceEvents();
  }

  /** Loads a topology file; throws a LabError whose message gives file:line:col for every problem. */
  static load(file: string, options: LoadOptions = {}): Lab {
    return new Lab(topologyOrThrow(loadTopologyFile(file)), options);
  }

  /** Builds a lab from YAML text; relative config files are looked up in `baseDir`. */
  static fromYaml(text: string, options: LoadOptions & { baseDir?: string; file?: string } = {}): Lab {
    const baseDir = options.baseDir ?? process.cwd();
    const file = options.file ?? '<inline topology>';
    return new Lab(topologyOrThrow(parseTopology(text, file, baseDir)), options);
  }

  summary(): { routers: number; hosts: number; links: number } {
    return { routers: this.routers.size, hosts: this.hosts.size, links: this.links.size };
  }

  /**
   * Runs an exec command on a router's console, in privileged mode; returns its output. A dialog
   * (`copy running-config startup-config`, `reload`, `ping` alone) has each question with a default
   * answered with Return, prompts included in the output; at a question without a default the output
   * ends and the console waits: the next `run` or `type` line is the answer.
   */
  run(router: string, command: string): string {
    return this.console(router).exec(command);
  }

  /** Types configuration lines after `configure terminal`; throws a LabError if IOS rejects one. */
  configure(router: string, lines: string[]): string {
    const target = this.console(router);
    const question = target.pendingQuestion;
    if (question !== undefined) {
      throw new LabError('usage', `${target.name}'s console waits for an answer to "${question.trim()}": answer it with a run or type step first`);
    }
    const result = target.configure(lines);
    if (result.rejected !== undefined) {
      const kind = refusedAsNotModelled(result.rejected.transcript) ? 'unsupported' : 'config';
      throw new LabError(kind, `${target.name} rejected configuration line ${result.rejected.index + 1}:\n${result.rejected.transcript}`);
    }
    return result.output;
  }

  /**
   * What the routers were given that the lab does not model, once per router and topic, in the
   * order it came: configuration lines kept but not carried out (startup or console), and exec
   * commands the lab knows only by name. Each item says what the missing model can change
   * (`impact`): see engine/ios/COMMANDS.md.
   */
  notModelled(): NotModelledItem[] {
    for (const router of this.routers.values()) this.notModelledList.collect(router.name, router.device.config);
    return this.notModelledList.all();
  }

  /** Types raw console lines in whatever mode the console is in; returns the console transcript. */
  type(router: string, lines: string[]): string {
    return this.console(router).typeLines(lines);
  }

  /** Pings from a host (or a router) to a name or address; runs virtual time until it ends. */
  ping(from: string, to: string, options: PingOptions = {}): PingOutcome {
    const ping = this.startPing(from, to, options);
    if (!this.sim.runUntil(() => ping.done(), this.sim.now() + ping.longestMs)) {
      throw new Error(`the ping from ${from} to ${to} did not finish`);
    }
    return ping.outcome();
  }

  /** Starts a ping and leaves time to the caller (a live lab lets the wall clock run it). */
  startPing(from: string, to: string, options: PingOptions = {}): StartedPing {
    const problem = pingOptionsProblem(options);
    if (problem !== undefined) throw new LabError('usage', problem);
    const session = this.node(from).ping({ destination: this.address(to), count: options.count, size: options.size, timeoutMs: options.timeoutMs });
    return {
      longestMs: session.count * (session.timeoutMs + 1) + PING_SLACK_MS,
      done: () => session.done,
      outcome: () => ({ ...session.result, output: renderPing(session.result).join('\n') }),
    };
  }

  /**
   * Connects a peer of the topology to a transport of the caller's (a recording, a scripted peer)
   * instead of this machine's network; the end it returns delivers what that peer sends into the lab.
   */
  connectPeer(name: string, transport: PeerTransport): RealPeerEnd {
    const peer = this.peers.get(name);
    if (peer === undefined) throw new LabError('usage', this.unknown('peer', name, this.peers));
    peer.attachTransport(transport);
    return peer;
  }

  /**
   * Connects the lab's real peers (topology `peers:`) to the real network and lets virtual time
   * follow the wall clock. Binding UDP 500 and sending raw ESP need root.
   */
  goLive(): Promise<LiveLab> {
    return LiveLab.start(this, [...this.peers.values()]);
  }

  /**
   * Sends one UDP datagram from a host or router, e.g. a malformed ISAKMP message to see how a
   * router copes with it; the datagram is delivered as time passes.
   */
  sendUdp(from: string, to: string, datagram: { sourcePort: number; destinationPort: number; payload: Uint8Array }): void {
    const result = this.node(from).sendUdp({ destination: this.address(to), ...datagram });
    if (!result.ok) throw new LabError('usage', `${from} could not send the datagram to ${to}: ${result.reason}`);
  }

  /** Lets virtual time pass. */
  advance(ms: number): void {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new LabError('usage', `time passes by a finite number of milliseconds, 0 or more, not ${ms}`);
    this.sim.advance(ms);
  }

  /** The router's console log so far: debug and syslog messages with their timestamps. */
  debugLog(router: string): string {
    return this.router(router).console.log();
  }

  /** The SPIs of the router's live IPsec SAs, in `show crypto ipsec sa` order. */
  ipsecSpis(router: string): IpsecSpis {
    const idents = this.router(router).crypto.ipsec.snapshot().flatMap((iface) => iface.idents);
    return {
      inbound: idents.flatMap((ident) => ident.inbound.map((sa) => sa.spi)),
      outbound: idents.flatMap((ident) => ident.outbound.map((sa) => sa.spi)),
    };
  }

  /** The message IDs of the quick modes that created SA pairs on the router, oldest first. */
  quickModeMessageIds(router: string): number[] {
    return this.router(router).crypto.ike.quickModeMessageIds();
  }

  /** Everything the router's console showed so far. */
  consoleTranscript(router: string): string {
    return this.router(router).console.transcript();
  }

  setLinkUp(name: string, up: boolean): void {
    const link = this.link(name);
    if (up) link.comeUp();
    else link.goDown();
  }

  /**
   * Puts raw bytes (an IPv4 datagram, or anything else) on a link as if the end `from` sent
   * them, to the end `to` (both named as the topology names routers and hosts): in an Ethernet
   * frame from `from`'s MAC to `to`'s, whatever their ARP tables say. They travel as any frame
   * does: through the clock, with the link's delay and loss, and into its capture.
   */
  transmit(link: string, bytes: Uint8Array, ends: { from: string; to: string }): void {
    const carrier = this.link(link);
    const from = this.endOf(carrier, ends.from);
    const to = this.endOf(carrier, ends.to);
    carrier.send(from, encodeEthernet({ destination: to.mac, source: from.mac, etherType: EtherType.ipv4, payload: bytes }));
  }

  /**
   * Calls `listener` with every IPv4 datagram the link carries from now on, as transmitted and
   * without its Ethernet frame (ARP is not reported); returns what stops it.
   */
  watch(link: string, listener: (packet: LinkPacket) => void): () => void {
    return this.link(link).addTap((timeMs, bytes, from) => listener({ timeMs, bytes, from: from.node.name }));
  }

  /** Calls `listener` with every Ethernet frame the link carries from now on, ARP included; returns what stops it. */
  watchFrames(link: string, listener: (packet: LinkPacket) => void): () => void {
    return this.link(link).addFrameTap((timeMs, bytes, from) => listener({ timeMs, bytes, from: from.node.name }));
  }

  private endOf(carrier: Link, name: string): NetInterface {
    const found = carrier.ends.find((iface) => iface.node.name === name);
    if (found !== undefined) return found;
    throw new LabError('usage', `"${name}" is not an end of link "${carrier.name}" (its ends: ${carrier.ends.map((i) => i.node.name).join(', ')})`);
  }

  /** Writes the link's pcap and the Wireshark key files into `dir`. */
  saveCapture(link: string, dir: string): SavedCapture {
    const capture = this.captures.get(link);
    if (capture === undefined) {
      throw new LabError('usage', this.links.has(link) ? `link "${link}" is not captured (capture: false)` : this.unknown('link', link, this.links));
    }
    return capture.save(dir, this.wiresharkKeys());
  }

  /** The key rows of every SA any router ever had: both ends know them, so each row appears once. */
  private wiresharkKeys(): KeyRows {
    const rows = { espSa: new Set<string>(), ahSa: new Set<string>(), ikeDecryption: new Set<string>() };
    for (const router of this.routers.values()) {
      const keys = router.wiresharkKeys();
      for (const table of ['espSa', 'ahSa', 'ikeDecryption'] as const) keys[table].forEach((row) => rows[table].add(row));
    }
    return { espSa: [...rows.espSa], ahSa: [...rows.ahSa], ikeDecryption: [...rows.ikeDecryption] };
  }

  routerNames(): string[] {
    return [...this.routers.keys()];
  }

  private addRouter(spec: RouterSpec): void {
    const router = new Router(this.sim, {
      name: spec.name, clock: spec.clock, macBase: this.macs.router(spec.name), ...(spec.cpu === undefined ? {} : { cpu: spec.cpu }),
    });
    const rejected = router.loadStartupConfig(spec.config.text);
    if (rejected.length > 0) {
      const problems = rejected.map((line) => {
        const at = configLineLocation(spec, line.lineNumber);
        return `${at.file}:${at.line}:${at.column + line.column}: router "${spec.name}" rejects configuration line ${line.lineNumber}:\n${line.transcript}`;
      });
      // A line refused only because the lab does not model it is the lab's limit, not a mistake in the file.
      const kind = rejected.some((line) => refusedAsNotModelled(line.transcript)) ? 'unsupported' : 'config';
      throw new LabError(kind, problems.join('\n'));
    }
    this.routers.set(spec.name, router);
  }

  private endInterface(end: EndSpec): NetInterface {
    if (end.kind === 'host') return this.hosts.get(end.host)!.eth0;
    if (end.kind === 'peer') return this.peers.get(end.peer)!.eth;
    const iface = this.routers.get(end.router)!.node.interface(end.interface);
    if (iface === undefined) throw new LabError('topology', `router "${end.router}" has no interface ${end.interface}`);
    return iface;
  }

  /** A real peer's end sends onto its link; a router there must own the address the peer talks to. */
  private attachPeers(linkName: string, link: Link): void {
    for (const iface of link.ends) {
      const peer = this.peers.get(iface.node.name);
      if (peer === undefined || iface !== peer.eth) continue;
      if (!link.ends.some((end) => end !== iface && end.address === peer.spec.bind)) {
        const bindAt = this.topology.peers.find((spec) => spec.name === peer.name)?.bindAt;
        const at = bindAt === undefined ? this.topology.file : formatLocation(bindAt);
        const problem = `peer "${peer.name}" talks to ${formatIpv4(peer.spec.bind)}, but no router interface on link "${linkName}" has that address`;
        throw new LabError('topology', `${at}: ${problem} (at peers.${peer.name}.bind)`);
      }
    }
  }

  private router(name: string): Router {
    const router = this.routers.get(name) ?? [...this.routers.values()].find((r) => r.ownsAddress(parseIpv4(name)));
    if (router === undefined) throw new LabError('usage', this.unknown('router', name, this.routers));
    return router;
  }

  /** A router whose console answers: not in the middle of a reload. */
  private console(name: string): Router {
    const router = this.router(name);
    this.notModelledList.collect(router.name, router.device.config);
    if (router.reloading) {
      throw new LabError('usage', `${router.name} is reloading and its console does not answer yet: let time pass first (a reload takes ${(RELOAD_IMAGE_LOAD_MS + RELOAD_CONFIG_LOAD_MS) / 1000} s)`);
    }
    return router;
  }

  private link(name: string): Link {
    const link = this.links.get(name);
    if (link === undefined) throw new LabError('usage', this.unknown('link', name, this.links));
    return link;
  }

  /** A host or router by name, or whichever owns the address. */
  private node(name: string): IpNode {
    const named = this.hosts.get(name) ?? this.routers.get(name)?.node;
    if (named !== undefined) return named;
    const address = parseIpv4(name);
    const owner = address === undefined ? undefined : this.allNodes().find((node) => node.isLocalAddress(address));
    if (owner === undefined) throw new LabError('usage', `no host or router is named or addressed "${name}"`);
    return owner;
  }

  /** An address literal, or the address of a named host (a router: its first addressed interface). */
  private address(name: string): Ipv4Address {
    const literal = parseIpv4(name);
    if (literal !== undefined) return literal;
    const host = this.hosts.get(name);
    if (host !== undefined) return host.address;
    const routerAddress = this.routers.get(name)?.node.interfaces.find((i) => i.address !== undefined)?.address;
    if (routerAddress !== undefined) return routerAddress;
    throw new LabError('usage', `"${name}" is neither an address nor a host or router with an address`);
  }

  private allNodes(): IpNode[] {
    return [...this.hosts.values(), ...[...this.routers.values()].map((r) => r.node)];
  }

  private unknown(kind: string, name: string, known: Map<string, unknown>): string {
    return `no ${kind} "${name}" in this lab (it has: ${[...known.keys()].join(', ') || 'none'})`;
  }
}

/**
 * The loader keeps every value in range; this second check guards the simulator against a spec
 * built some other way and against a seed from the command line, so that a bad value is a
 * LabError naming it rather than a RangeError from deep inside the engine.
 */
function checkValueRanges(topology: TopologySpec, options: LoadOptions): void {
  const problems = outOfRangeValues(topology);
  if (problems.length > 0) throw new LabError('topology', problems.map((problem) => `${topology.file}: ${problem}`).join('\n'));
  const seedProblem = options.seed === undefined ? undefined : seedRangeProblem(options.seed);
  if (seedProblem !== undefined) throw new LabError('usage', seedProblem);
}

/** Why a ping cannot be made with these options (IOS's own limits), or undefined. */
function pingOptionsProblem(options: PingOptions): string | undefined {
  for (const name of ['count', 'size', 'timeoutMs'] as const) {
    const value = options[name];
    const { min, max } = PING_LIMITS[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= max)) {
      return `ping ${name} ${value} is out of range: a whole number from ${min} to ${max}`;
    }
  }
  return undefined;
}

function formatLocation(at: SourceLocation): string {
  return `${at.file}:${at.line}:${at.column}`;
}

function topologyOrThrow(result: TopologyResult): TopologySpec {
  if (result.ok) return result.topology;
  throw new LabError('topology', result.errors.map(formatTopologyError).join('\n'));
}

