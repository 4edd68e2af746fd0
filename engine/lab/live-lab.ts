import { openSocketTransport, type SocketTransport } from '../bridge/socket-transport.ts';
import { WallClock } from '../bridge/wall-clock.ts';
import type { RealPeerEnd } from '../bridge/real-peer-end.ts';
import type { Lab, PingOptions, PingOutcome } from './lab.ts';

/**
 * A lab connected to the real world: its real peers' link ends hold sockets on this machine,
 * and its virtual clock follows the wall clock, so the routers' timers and the real peers'
 * agree. Everything else about the lab is unchanged: commands, captures and debug logs work as
 * in a virtual run, and the engine under it is the same pure function of what comes in.
 */
export class LiveLab {
  private stopped = false;

  private constructor(
    readonly lab: Lab,
    private readonly clock: WallClock,
    private readonly transports: ReadonlyMap<string, SocketTransport>,
    private readonly peers: readonly RealPeerEnd[],
  ) {}

  static async start(lab: Lab, peers: readonly RealPeerEnd[]): Promise<LiveLab> {
    const clock = new WallClock(lab.sim);
    const transports = new Map<string, SocketTransport>();
    try {
      for (const peer of peers) {
        const transport = await openSocketTransport(peer, () => clock.catchUp());
        transports.set(peer.name, transport);
        peer.attachTransport(transport);
      }
    } catch (error) {
      for (const transport of transports.values()) await transport.close();
      throw error;
    }
    clock.start();
    return new LiveLab(lab, clock, transports, peers);
  }

  /** Why ESP and AH cannot cross to a peer, per peer, when they cannot. */
  rawIpProblems(): Record<string, string> {
    const problems: Record<string, string> = {};
    for (const [name, transport] of this.transports) if (transport.rawIpProblem !== undefined) problems[name] = transport.rawIpProblem;
    return problems;
  }

  /** Lets `ms` of wall-clock time pass (and as much virtual time). */
  async wait(ms: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    this.clock.catchUp();
  }

  /** Waits until `condition` holds (checked as time passes), at most `timeoutMs`; whether it came true. */
  async until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (!condition()) {
      if (this.stopped || performance.now() >= deadline) return false;
      await this.wait(20);
    }
    return true;
  }

  /** A ping whose echoes and timeouts run on the wall clock. */
  async ping(from: string, to: string, options: PingOptions = {}): Promise<PingOutcome> {
    this.clock.catchUp();
    const ping = this.lab.startPing(from, to, options);
    await this.until(() => ping.done(), ping.longestMs);
    return ping.outcome();
  }

  /** Closes the sockets and stops the clock; the lab stays as it was, for show commands and captures. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.clock.stop();
    // What the routers send from now on stays in the lab, dropped and counted at the peers' ends.
    for (const peer of this.peers) peer.attachTransport(undefined);
    for (const transport of this.transports.values()) await transport.close();
  }
}
