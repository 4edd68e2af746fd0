import type { IpNode } from '../net/ip-node.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';

/**
 * Gratuitous ARP as IOS sends it: when an interface comes up with an address, gets a new one,
 * or gets an alias (a static NAT global of its subnet), the router announces the address on
 * the link, so neighbours that knew another MAC for it, or none, learn the router's at once.
 * Only changes after the lab is cabled are announced: the lab starts settled.
 */
export class ArpAnnouncements {
  /** Per interface, the addresses announced while its line was up. */
  private readonly announced = new Map<string, Set<Ipv4Address>>();

  constructor(private readonly node: IpNode) {
    for (const iface of node.interfaces) {
      this.announced.set(iface.name, this.current(iface.name));
      iface.link?.onStateChange(() => this.check());
    }
  }

  /** Announces what is new since the last look. */
  check(): void {
    for (const iface of this.node.interfaces) {
      const now = this.current(iface.name);
      const before = this.announced.get(iface.name) ?? new Set();
      this.announced.set(iface.name, now);
      for (const address of now) if (!before.has(address)) this.node.arp.announce(iface, address);
    }
  }

  private current(name: string): Set<Ipv4Address> {
    const iface = this.node.interface(name)!;
    return new Set(iface.lineUp && !iface.virtual && iface.serial === undefined ? iface.addresses() : []);
  }
}
