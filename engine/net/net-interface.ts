import { EtherType } from '../wire/ethernet.ts';
import { decodeTaggedEthernet } from '../wire/dot1q.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import { BROADCAST_MAC, isGroupMac, type MacAddress } from '../wire/mac-address.ts';
import type { AccessList } from './acl-types.ts';
import type { ArpResolver } from './arp-resolver.ts';
import { InterfaceActivity, type InterfaceCounters } from './interface-activity.ts';
import type { Link } from './link.ts';
import type { SerialPort } from './serial-port.ts';

export type { InterfaceCounters } from './interface-activity.ts';

/** What a link delivers to: the node that owns the interface. */
export interface InterfaceOwner {
  readonly name: string;
  /** An IPv4 datagram that arrived on `iface` (Ethernet padding may follow it). */
  receive(iface: NetInterface, bytes: Uint8Array): void;
  /** The node's neighbour resolution, which takes the ARP packets that arrive. */
  readonly arp: ArpResolver;
  /** Virtual time, for the interface's last-frame times and rates; without it only the counters move. */
  now?(): number;
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
  /** A WIC serial port: point-to-point, no ARP, its line protocol from both ends' settings. */
  serial?: SerialPort;
  /** The IEEE 802.1Q VLAN it tags what it sends with and takes frames of (a dot1Q subinterface, a host on a VLAN). */
  vlan?: number;
  /** A subinterface's port: it shares the port's link, MAC and state. */
  parentPort?: NetInterface;
  /** A port's subinterfaces; those with a VLAN are ends of the port's link too. */
  readonly subinterfaces: NetInterface[] = [];
  inboundAcl?: AccessList;
  outboundAcl?: AccessList;
  /** What `show interfaces` reports: frames, bytes, broadcasts, last-frame times, 5-minute rates. */
  readonly activity = new InterfaceActivity();

  constructor(node: InterfaceOwner, name: string, mac: MacAddress, address?: Ipv4Address, mask?: Ipv4Address) {
    this.node = node;
    this.name = name;
    this.mac = mac;
    this.address = address;
    this.mask = mask;
  }

  /** The raw frame counters (never cleared: `clear counters` only moves the activity's baseline). */
  get counters(): InterfaceCounters {
    return this.activity.counters;
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
    if (this.serial !== undefined) return this.serial.protocolUp;
    if (this.parentPort !== undefined) return this.adminUp && this.parentPort.lineUp;
    return this.adminUp && (this.virtual || (this.link !== undefined && this.link.up));
  }

  /** Whether a frame to `destination` is for this port: its own MAC or broadcast (multicast: not yet). */
  accepts(destination: MacAddress): boolean {
    return destination === this.mac || destination === BROADCAST_MAC;
  }

  /** A frame from the link: IPv4 to the node's IP stack, ARP to its resolver, anything else ignored. */
  deliverFrame(bytes: Uint8Array): void {
    if (this.serial !== undefined) return this.deliverSerialFrame(this.serial, bytes);
    const frame = decodeTaggedEthernet(bytes);
    if (!frame.ok || frame.value.tag?.vlanId !== this.vlan || !this.accepts(frame.value.destination)) {
      this.counters.framesIgnored++;
      return;
    }
    // A port that is shut (or reloading) counts nothing, as its controller is stopped.
    if (this.adminUp) this.activity.noteInput(bytes.length, isGroupMac(frame.value.destination), this.node.now?.());
    if (frame.value.etherType === EtherType.ipv4) this.node.receive(this, frame.value.payload);
    else if (frame.value.etherType === EtherType.arp) this.node.arp.receive(this, frame.value.payload);
  }

  /** A serial port takes what its cable brings in its own encapsulation; the rest is counted and ignored. */
  private deliverSerialFrame(serial: SerialPort, bytes: Uint8Array): void {
    const datagram = serial.datagramOf(bytes);
    if (datagram === undefined) {
      this.counters.framesIgnored++;
      return;
    }
    this.activity.noteInput(bytes.length, false, this.node.now?.());
    this.node.receive(this, datagram);
  }

  noteTransmitted(bytes: Uint8Array): void {
    this.activity.noteOutput(bytes.length, this.node.now?.());
  }
}
