import type { IpNode } from '../net/ip-node.ts';
import type { Sim } from '../sim/sim.ts';
import { IosText } from '../ios/index.ts';

/** IOS reports the line protocol about a second after the link itself. */
export const LINE_PROTOCOL_DELAY_MS = 1000;

interface InterfaceState {
  adminUp: boolean;
  carrier: boolean;
}

/**
 * Watches a router's interfaces and logs what IOS logs when one changes state: a shutdown,
 * a `no shutdown`, a cable (link) that goes down or comes back.
 */
export class InterfaceEvents {
  private readonly known = new Map<string, InterfaceState>();

  constructor(
    private readonly sim: Sim,
    private readonly node: IpNode,
    private readonly log: (message: string) => void,
  ) {
    this.remember();
  }

  /** Compares every interface with what was known and logs the differences. */
  check(): void {
    for (const iface of this.node.interfaces) {
      const now = this.stateOf(iface.name);
      const before = this.known.get(iface.name) ?? { adminUp: false, carrier: now.carrier };
      this.known.set(iface.name, now);
      this.report(iface.name, before, now);
    }
  }

  private report(name: string, before: InterfaceState, now: InterfaceState): void {
    const wasUp = before.adminUp && before.carrier;
    const isUp = now.adminUp && now.carrier;
    if (before.adminUp && !now.adminUp) {
      this.log(IosText.linkAdminDown(name));
      if (wasUp) this.lineProtocolLater(name, 'down');
    } else if (wasUp !== isUp && now.adminUp) {
      const state = isUp ? 'up' : 'down';
      this.log(IosText.linkUpDown(name, state));
      this.lineProtocolLater(name, state);
    }
  }

  private lineProtocolLater(name: string, state: 'up' | 'down'): void {
    this.sim.schedule(LINE_PROTOCOL_DELAY_MS, () => this.log(IosText.lineProtocolUpDown(name, state)));
  }

  private stateOf(name: string): InterfaceState {
    const iface = this.node.interface(name)!;
    return { adminUp: iface.adminUp, carrier: iface.virtual || (iface.link?.up ?? false) };
  }

  private remember(): void {
    for (const iface of this.node.interfaces) this.known.set(iface.name, this.stateOf(iface.name));
  }
}
