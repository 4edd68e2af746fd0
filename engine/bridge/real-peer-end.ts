import { PC_ARP_POLICY } from '../net/arp-policy.ts';
import { ArpResolver } from '../net/arp-resolver.ts';
import { localMac } from '../net/mac-addresses.ts';
import { NetInterface, type InterfaceOwner } from '../net/net-interface.ts';
import type { Sim } from '../sim/sim.ts';
import { IpProtocol } from '../wire/ip-protocols.ts';
import { decodeIpv4, encodeIpv4 } from '../wire/ipv4.ts';
import type { Ipv4Address } from '../wire/ipv4-address.ts';
import { decodeUdp, encodeUdp } from '../wire/udp.ts';

/**
 * A link end that is a real machine: what the lab sends to it leaves through this machine's
 * network (UDP through a socket, ESP and AH as raw IP), and what the real peer sends comes into
 * the lab as the IPv4 datagram it was, through the link's clock and capture like any other.
 * On the link the end speaks Ethernet and ARP for the peer's address, as the real peer's NIC
 * would: the router resolves the peer as any neighbour, and the end resolves the router's `bind`
 * address before it sends (its MAC is locally administered, made from the peer's name). Only
 * IPv4 crosses to the real network: ARP stays in the lab. The sockets are a transport handed in,
 * so this part stays a pure function of its inputs.
 */

export interface PeerTransport {
  /** A UDP payload from our port to the peer's. */
  sendUdp(payload: Uint8Array, localPort: number, peerPort: number): void;
  /** A whole IPv4 datagram (ESP or AH) to the peer; false when this machine cannot send raw IP. */
  sendIp(datagram: Uint8Array): boolean;
}

export interface RealPeerSpec {
  name: string;
  /** The real peer's address: the lab reaches it as the next hop on the link. */
  address: Ipv4Address;
  /** This machine's address the peer talks to: a router on the link owns it in the lab. */
  bind: Ipv4Address;
}

export interface RealPeerCounters {
  udpOut: number;
  ipOut: number;
  udpIn: number;
  ipIn: number;
  /** Datagrams the bridge does not carry (anything but UDP, ESP and AH), or raw IP the machine cannot send. */
  dropped: number;
}

const TTL = 64;
const HOST_MASK = 0xffffffff;

export class RealPeerEnd implements InterfaceOwner {
  readonly name: string;
  readonly eth: NetInterface;
  /** A PC's ARP: it answers for the peer's address and queues what waits for the router's MAC. */
  readonly arp: ArpResolver;
  readonly counters: RealPeerCounters = { udpOut: 0, ipOut: 0, udpIn: 0, ipIn: 0, dropped: 0 };
  private identification = 0;
  private transport: PeerTransport | undefined;

  constructor(readonly spec: RealPeerSpec, sim: Sim) {
    this.name = spec.name;
    this.arp = new ArpResolver({ sim, onLinkBeyondSubnet: (address) => address === spec.bind }, PC_ARP_POLICY);
    this.eth = new NetInterface(this, 'real', localMac(spec.name), spec.address, HOST_MASK);
  }

  /** Connects the real network's side; until then what the lab sends to the peer is dropped and counted. */
  attachTransport(transport: PeerTransport | undefined): void {
    this.transport = transport;
  }

  /** A datagram the lab sent to the peer: out to the real network, if the bridge carries it. */
  receive(_iface: NetInterface, bytes: Uint8Array): void {
    const datagram = decodeIpv4(bytes);
    if (!datagram.ok || this.transport === undefined) {
      this.counters.dropped++;
      return;
    }
    const { protocol, payload, source, destination } = datagram.value;
    if (protocol === IpProtocol.udp) {
      const udp = decodeUdp(payload, source, destination);
      if (!udp.ok) {
        this.counters.dropped++;
        return;
      }
      this.counters.udpOut++;
      this.transport.sendUdp(udp.value.payload, udp.value.sourcePort, udp.value.destinationPort);
      return;
    }
    if ((protocol === IpProtocol.esp || protocol === IpProtocol.ah) && this.transport.sendIp(bytes)) {
      this.counters.ipOut++;
      return;
    }
    this.counters.dropped++;
  }

  /** A UDP datagram the real peer sent from `peerPort` to our `localPort`: into the lab as IPv4. */
  fromUdp(payload: Uint8Array, peerPort: number, localPort: number): void {
    const udp = encodeUdp({ sourcePort: peerPort, destinationPort: localPort, payload }, this.spec.address, this.spec.bind);
    const bytes = encodeIpv4({
      tos: 0, identification: this.nextIdentification(), dontFragment: false, moreFragments: false, fragmentOffset: 0,
      ttl: TTL, protocol: IpProtocol.udp, source: this.spec.address, destination: this.spec.bind, options: new Uint8Array(0),
      payload: udp,
    });
    this.counters.udpIn++;
    this.toLab(bytes);
  }

  /** A raw IPv4 datagram (ESP or AH) from the real peer to our address: into the lab as it came. */
  fromIp(bytes: Uint8Array): void {
    const datagram = decodeIpv4(bytes);
    if (!datagram.ok || datagram.value.source !== this.spec.address || datagram.value.destination !== this.spec.bind) {
      this.counters.dropped++;
      return;
    }
    this.counters.ipIn++;
    this.toLab(bytes);
  }

  /** Onto the link, to the router that owns `bind`; nowhere until the end is cabled. */
  private toLab(datagram: Uint8Array): void {
    if (this.eth.link !== undefined) this.arp.sendDatagram(this.eth, this.spec.bind, datagram);
  }

  private nextIdentification(): number {
    this.identification = (this.identification + 1) & 0xffff;
    return this.identification;
  }
}
