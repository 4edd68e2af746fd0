import type { IpNode } from '../net/ip-node.ts';
import type { Sim } from '../sim/sim.ts';
import { IosText } from '../ios/index.ts';

/** IOS reports the line protocol about a second after the link itself. */
export const LINE_PROTOCOL_DELAY_MS = 1000;

interface InterfaceState {
  adminUp: boolean;
  /** The link itself: a cable that is up (for a Serial, with the far end not shut down). */
  carrier: boolean;
  /** The line protocol (a Serial's also needs clocking and the same encapsulation at both ends). */
  protocol: boolean;
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
      // A subinterface follows its port and logs nothing of its own (unconfirmed for 12.2).
      if (iface.parentPort !== undefined) continue;
      const now = this.stateOf(iface.name);
      const before = this.known.get(iface.name) ?? { adminUp: false, carrier: now.carrier, protocol: false };
      this.known.set(iface.name, now);
      this.report(iface.name, before, now);
    }
  }

  private report(name: string, before: InterfaceState, now: InterfaceState): void {
    const wasUp = before.adminUp && before.carrier;
    const isUp = now.adminUp && now.carrier;
    if (before.adminUp && !now.adminUp) this.log(IosText.linkAdminDown(name));
    else if (wasUp !== isUp && now.adminUp) this.log(IosText.linkUpDown(name, isUp ? 'up' : 'down'));
    if (before.protocol !== now.protocol) this.lineProtocolLater(name, now.protocol ? 'up' : 'down');
  }

  private lineProtocolLater(name: string, state: 'up' | 'down'): void {
    this.sim.schedule(LINE_PROTOCOL_DELAY_MS, () => this.log(IosText.lineProtocolUpDown(name, state)));
  }

  private stateOf(name: string): InterfaceState {
    const iface = this.node.interface(name)!;
    const cabled = iface.link?.up ?? false;
    const carrier = iface.virtual || (iface.serial === undefined ? cabled : cabled && (iface.serial.peer?.adminUp ?? false));
    return { adminUp: iface.adminUp, carrier, protocol: iface.lineUp };
  }

  private remember(): void {
    for (const iface of this.node.interfaces) this.known.set(iface.name, this.stateOf(iface.name));
  }
}
