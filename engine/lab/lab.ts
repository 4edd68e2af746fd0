import { Sim } from '../sim/sim.ts';
import { EtherType } from '../wire/ethernet.ts';
import { encodeTaggedEthernet } from '../wire/dot1q.ts';
import { encodeSerialIpv4 } from '../wire/serial-frames.ts';
import type { PeerTransport, RealPeerEnd } from '../bridge/real-peer-end.ts';
import { LiveLab } from './live-lab.ts';
import { renderPing } from '../ios/index.ts';
import { renderTraceroute } from '../ios/render/traceroute-output.ts';
import { TracerouteSession } from '../net/traceroute.ts';
import type { TracerouteResult } from '../net/traceroute-types.ts';
import { RELOAD_CONFIG_LOAD_MS, RELOAD_IMAGE_LOAD_MS, type Router } from '../router/router.ts';
import type { ConsoleCut } from '../router/router-console.ts';
import { LabError } from './errors.ts';
import { cutNote, type CaptureContents, type KeyRows, type SavedCapture } from './capture.ts';
import { exchangeReport, type ExchangeReport } from './exchange/exchange-report.ts';
import { checkAdvance, checkValueRanges, pingOptionsProblem, topologyOrThrow } from './lab-checks.ts';
import { LabNetwork } from './lab-network.ts';
import type { IpsecSpis, LinkPacket, LoadOptions, PingOptions, PingOutcome, StartedPing } from './lab-types.ts';
import { NotModelledList, refusedAsNotModelled, type NotModelledItem } from './not-modelled-list.ts';
import { loadTopologyFile, parseTopology, type TopologySpec } from './topology/index.ts';

export type { IpsecSpis, LinkPacket, LoadOptions, PingOptions, PingOutcome, StartedPing } from './lab-types.ts';

/** A traceroute's hops with the IOS-style text it printed. */
export interface TracerouteOutcome extends TracerouteResult {
  output: string;
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
  private readonly net: LabNetwork;
  private readonly notModelledList = new NotModelledList();
  /** Traces started through the API: each takes its own UDP source port. */
  private traces = 0;

  private constructor(topology: TopologySpec, options: LoadOptions) {
    this.topology = topology;
    checkValueRanges(topology, options);
    this.sim = new Sim(options.seed ?? topology.seed);
    this.net = new LabNetwork(this.sim, topology);
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
    return { routers: this.net.routers.size, hosts: this.net.hosts.size, links: this.net.links.size };
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
    for (const router of this.net.routers.values()) this.notModelledList.collect(router.name, router.device.config);
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

  /**
   * Traces the route from a host (or a router) to a name or address as IOS's `traceroute` does (UDP
   * probes, three a hop, 3 s each); runs virtual time until it ends. `output` is IOS's text of it.
   */
  traceroute(from: string, to: string): TracerouteOutcome {
    const session = new TracerouteSession(this.net.node(from), { destination: this.net.address(to) }, this.traces++);
    session.start();
    if (!this.sim.runUntil(() => session.done, this.sim.now() + session.worstCaseMs + PING_SLACK_MS)) {
      throw new Error(`the traceroute from ${from} to ${to} did not finish`);
    }
    return { ...session.result, output: renderTraceroute(session.result).join('\n') };
  }

  /** Starts a ping and leaves time to the caller (a live lab lets the wall clock run it). */
  startPing(from: string, to: string, options: PingOptions = {}): StartedPing {
    const problem = pingOptionsProblem(options);
    if (problem !== undefined) throw new LabError('usage', problem);
    const session = this.net.node(from).ping({ destination: this.net.address(to), count: options.count, size: options.size, timeoutMs: options.timeoutMs });
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
    const peer = this.net.peer(name);
    peer.attachTransport(transport);
    return peer;
  }

  /**
   * Connects the lab's real peers (topology `peers:`) to the real network and lets virtual time
   * follow the wall clock. Binding UDP 500 and sending raw ESP need root.
   */
  goLive(): Promise<LiveLab> {
    return LiveLab.start(this, [...this.net.peers.values()]);
  }

  /**
   * Sends one UDP datagram from a host or router, e.g. a malformed ISAKMP message to see how a
   * router copes with it; the datagram is delivered as time passes.
   */
  sendUdp(from: string, to: string, datagram: { sourcePort: number; destinationPort: number; payload: Uint8Array }): void {
    const result = this.net.node(from).sendUdp({ destination: this.net.address(to), ...datagram });
    if (!result.ok) throw new LabError('usage', `${from} could not send the datagram to ${to}: ${result.reason}`);
  }

  /** Lets virtual time pass. */
  advance(ms: number): void {
    checkAdvance(ms);
    this.sim.advance(ms);
  }

  /** The router's console log as far as it keeps it: debug and syslog messages with their timestamps. */
  debugLog(router: string): string {
    return this.router(router).console.log();
  }

  /**
   * What the router's log (or console transcript) cut to stay within its limit (the topology's
   * `console`), or undefined: a check over a cut log could pass on what is left, so it says so.
   */
  debugLogCut(router: string): ConsoleCut | undefined {
    return this.router(router).console.logCut();
  }

  consoleTranscriptCut(router: string): ConsoleCut | undefined {
    return this.router(router).console.transcriptCut();
  }

  /**
   * Positions in the log and the transcript counted from the router's start (cut text included),
   * and the text from such a position on: how a reader follows a console that may cut.
   */
  debugLogEnd(router: string): number {
    return this.router(router).console.logEnd();
  }

  debugLogFrom(router: string, position: number): string {
    return this.router(router).console.logFrom(position);
  }

  consoleTranscriptEnd(router: string): number {
    return this.router(router).console.transcriptEnd();
  }

  consoleTranscriptFrom(router: string, position: number): string {
    return this.router(router).console.transcriptFrom(position);
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
    const link = this.net.link(name);
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
    const carrier = this.net.link(link);
    const from = this.net.endOf(carrier, ends.from);
    const to = this.net.endOf(carrier, ends.to);
    // Framed as the sending end frames a datagram: in its serial encapsulation, or Ethernet (tagged on a VLAN).
    const frame = from.serial !== undefined
      ? encodeSerialIpv4(from.serial.settings.encapsulation, bytes)
      : encodeTaggedEthernet({ destination: to.mac, source: from.mac, etherType: EtherType.ipv4, payload: bytes }, from.vlan);
    carrier.send(from, frame);
  }

  /**
   * Calls `listener` with every IPv4 datagram the link carries from now on, as transmitted and
   * without its Ethernet frame (ARP is not reported); returns what stops it.
   */
  watch(link: string, listener: (packet: LinkPacket) => void): () => void {
    return this.net.link(link).addTap((timeMs, bytes, from) => listener({ timeMs, bytes, from: from.node.name }));
  }

  /** Calls `listener` with every Ethernet frame the link carries from now on, ARP included; returns what stops it. */
  watchFrames(link: string, listener: (packet: LinkPacket) => void): () => void {
    return this.net.link(link).addFrameTap((timeMs, bytes, from) => listener({ timeMs, bytes, from: from.node.name }));
  }

  /**
   * The link's capture in memory, as `saveCapture` would write it: the pcap, the Wireshark key
   * tables (one row a line) and the note of what a bounded capture cut, if it cut anything.
   */
  captureContents(link: string): CaptureContents {
    return this.net.capture(link).contents(this.wiresharkKeys());
  }

  /** Writes the link's pcap and the Wireshark key files into `dir`. */
  saveCapture(link: string, dir: string): SavedCapture {
    return this.net.capture(link).save(dir, this.wiresharkKeys());
  }

  /**
   * What the captured links show of the exchanges, decoded and decrypted from their frames: a
   * packet list per link, and the IKE ladder with the moment a step failed, if one did.
   */
  exchangeReport(failure?: { timeMs: number; step: string }): ExchangeReport {
    const links = [...this.net.captures.values()].map((capture) => {
      const note = cutNote(capture.link.name, capture.cut);
      return { link: capture.link.name, frames: capture.frames, ...(note === undefined ? {} : { note }) };
    });
    return exchangeReport(links, this.wiresharkKeys().ikeDecryption, failure);
  }

  /** The virtual clock: milliseconds since the lab started. */
  nowMs(): number {
    return this.sim.now();
  }

  /** The key rows of every SA any router ever had: both ends know them, so each row appears once. */
  private wiresharkKeys(): KeyRows {
    const rows = { espSa: new Set<string>(), ahSa: new Set<string>(), ikeDecryption: new Set<string>() };
    for (const router of this.net.routers.values()) {
      const keys = router.wiresharkKeys();
      for (const table of ['espSa', 'ahSa', 'ikeDecryption'] as const) keys[table].forEach((row) => rows[table].add(row));
    }
    return { espSa: [...rows.espSa], ahSa: [...rows.ahSa], ikeDecryption: [...rows.ikeDecryption] };
  }

  routerNames(): string[] {
    return [...this.net.routers.keys()];
  }

  private router(name: string): Router {
    return this.net.router(name);
  }

  /**
   * The router itself, for `LabConsole` (lab-console.ts), which needs the running image's mode,
   * pager and dialogs. Not for scenarios: they go through the methods above.
   */
  routerForConsole(name: string): Router {
    return this.router(name);
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
}
