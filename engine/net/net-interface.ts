import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { AccessList } from './acl-types.ts';
import type { Link } from './link.ts';

/** What a link delivers to: the node that owns the interface. */
export interface InterfaceOwner {
  readonly name: string;
  receive(iface: NetInterface, bytes: Uint8Array): void;
}

export interface InterfaceCounters {
  packetsIn: number;
  bytesIn: number;
  packetsOut: number;
  bytesOut: number;
}

/**
 * One interface of a node. Address, state and ACLs are plain mutable fields: the config
 * layer sets them and the forwarding path reads them on every packet, so a change takes
 * effect at once.
 */
export class NetInterface {
  readonly name: string;
  readonly node: InterfaceOwner;
  address?: Ipv4Address;
  mask?: Ipv4Address;
  /** `no shutdown`. */
  adminUp = true;
  link?: Link;
  /**
   * Further addresses the interface answers for on its link without owning them: IOS's automatic
   * aliases for static NAT globals in the interface's subnet (it answers ARP for them).
   */
  aliases: readonly Ipv4Address[] = [];
  /** A software interface (Loopback): its line protocol needs no link. */
  virtual = false;
  inboundAcl?: AccessList;
  outboundAcl?: AccessList;
  readonly counters: InterfaceCounters = { packetsIn: 0, bytesIn: 0, packetsOut: 0, bytesOut: 0 };

  constructor(node: InterfaceOwner, name: string, address?: Ipv4Address, mask?: Ipv4Address) {
    this.node = node;
    this.name = name;
    this.address = address;
    this.mask = mask;
  }

  /** Whether a neighbour on the link sending to `address` reaches this interface. */
  answersFor(address: Ipv4Address): boolean {
    return this.address === address || this.aliases.includes(address);
  }

  /** Line protocol up: administratively up and, for hardware, cabled to a link that is up. */
  get lineUp(): boolean {
    return this.adminUp && (this.virtual || (this.link !== undefined && this.link.up));
  }

  /** The node's receive path, counting what arrives. */
  deliver(bytes: Uint8Array): void {
    this.counters.packetsIn++;
    this.counters.bytesIn += bytes.length;
    this.node.receive(this, bytes);
  }

  noteTransmitted(bytes: Uint8Array): void {
    this.counters.packetsOut++;
    this.counters.bytesOut += bytes.length;
  }
}
