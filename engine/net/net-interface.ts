import { decodeEthernet, EtherType } from '../wire/ethernet.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import { BROADCAST_MAC, type MacAddress } from '../wire/mac-address.ts';
import type { AccessList } from './acl-types.ts';
import type { ArpResolver } from './arp-resolver.ts';
import type { Link } from './link.ts';

/** What a link delivers to: the node that owns the interface. */
export interface InterfaceOwner {
  readonly name: string;
  /** An IPv4 datagram that arrived on `iface` (Ethernet padding may follow it). */
  receive(iface: NetInterface, bytes: Uint8Array): void;
  /** The node's neighbour resolution, which takes the ARP packets that arrive. */
  readonly arp: ArpResolver;
}

/** Frames and their bytes (Ethernet header and padding included), as `show interfaces` counts them. */
export interface InterfaceCounters {
  packetsIn: number;
  bytesIn: number;
  packetsOut: number;
  bytesOut: number;
  /** Frames for another station's MAC, which a hub brings and the port ignores. */
  framesIgnored: number;
}

/**
 * One interface of a node. Address, state and ACLs are plain mutable fields: the config
 * layer sets them and the forwarding path reads them on every packet, so a change takes
 * effect at once.
 */
export class NetInterface {
  readonly name: string;
  readonly node: InterfaceOwner;
  /** The burned-in address: frames to it, and broadcasts, are this port's. */
  readonly mac: MacAddress;
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
  /** `ip proxy-arp` (IOS's default): answer ARP for addresses routed out of another interface. */
  proxyArp = true;
  /** A software interface (Loopback): its line protocol needs no link. */
  virtual = false;
  inboundAcl?: AccessList;
  outboundAcl?: AccessList;
  readonly counters: InterfaceCounters = { packetsIn: 0, bytesIn: 0, packetsOut: 0, bytesOut: 0, framesIgnored: 0 };

  constructor(node: InterfaceOwner, name: string, mac: MacAddress, address?: Ipv4Address, mask?: Ipv4Address) {
    this.node = node;
    this.name = name;
    this.mac = mac;
    this.address = address;
    this.mask = mask;
  }

  /** Whether the interface answers ARP for `address`: its own, or one of its aliases. */
  answersFor(address: Ipv4Address): boolean {
    return this.address === address || this.aliases.includes(address);
  }

  /** The addresses a neighbour reaches through this interface: its own, then its aliases. */
  addresses(): Ipv4Address[] {
    return this.address === undefined ? [] : [this.address, ...this.aliases];
  }

  /** Line protocol up: administratively up and, for hardware, cabled to a link that is up. */
  get lineUp(): boolean {
    return this.adminUp && (this.virtual || (this.link !== undefined && this.link.up));
  }

  /** Whether a frame to `destination` is for this port: its own MAC or broadcast (multicast: not yet). */
  accepts(destination: MacAddress): boolean {
    return destination === this.mac || destination === BROADCAST_MAC;
  }

  /** A frame from the link: IPv4 to the node's IP stack, ARP to its resolver, anything else ignored. */
  deliverFrame(bytes: Uint8Array): void {
    const frame = decodeEthernet(bytes);
    if (!frame.ok || !this.accepts(frame.value.destination)) {
      this.counters.framesIgnored++;
      return;
    }
    this.counters.packetsIn++;
    this.counters.bytesIn += bytes.length;
    if (frame.value.etherType === EtherType.ipv4) this.node.receive(this, frame.value.payload);
    else if (frame.value.etherType === EtherType.arp) this.node.arp.receive(this, frame.value.payload);
  }

  noteTransmitted(bytes: Uint8Array): void {
    this.counters.packetsOut++;
    this.counters.bytesOut += bytes.length;
  }
}
