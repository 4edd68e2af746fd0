import type { Ipv4Datagram } from '../wire/ipv4.ts';
import { decodeIcmp, encodeIcmp, type IcmpEcho, type IcmpMessage } from '../wire/icmp.ts';
import { decodeUdp, type UdpDatagram } from '../wire/udp.ts';
import { IpProtocol, UnreachableCode } from '../wire/ip-protocols.ts';
import type { NetInterface } from './net-interface.ts';
import type { DropReason, TrafficCounters } from './node-counters.ts';
import type { IcmpErrorSender } from './icmp-errors.ts';
import type { OutgoingDatagram, SendResult } from './outgoing-datagram.ts';

const LIMITED_BROADCAST = 0xffffffff;

/** A UDP application bound to a port (IKE on 500, for instance). */
export type UdpHandler = (udp: UdpDatagram, datagram: Ipv4Datagram, iface: NetInterface) => void;
/** A handler for a whole IP protocol other than ICMP and UDP. */
export type ProtocolHandler = (datagram: Ipv4Datagram, iface: NetInterface) => void;
/** Sees every ICMP message delivered to the node except echo requests (which the node answers). */
export type IcmpListener = (message: IcmpMessage, datagram: Ipv4Datagram, iface: NetInterface) => void;

export interface LocalDeliveryPort {
  send(outgoing: OutgoingDatagram): SendResult;
  drop(reason: DropReason): void;
  readonly icmpErrors: IcmpErrorSender;
  readonly traffic: TrafficCounters;
}

/** The node's own protocols: answers pings, feeds ICMP listeners, UDP ports and protocol handlers. */
export class LocalDelivery {
  private readonly udpHandlers = new Map<number, UdpHandler>();
  private readonly protocolHandlers = new Map<number, ProtocolHandler>();
  private readonly icmpListeners = new Set<IcmpListener>();

  constructor(private readonly port: LocalDeliveryPort) {}

  /** Binds `port`, replacing any earlier handler; returns the unbinding function. */
  bindUdp(port: number, handler: UdpHandler): () => void {
    this.udpHandlers.set(port, handler);
    return () => {
      if (this.udpHandlers.get(port) === handler) this.udpHandlers.delete(port);
    };
  }

  bindProtocol(protocol: number, handler: ProtocolHandler): () => void {
    this.protocolHandlers.set(protocol, handler);
    return () => {
      if (this.protocolHandlers.get(protocol) === handler) this.protocolHandlers.delete(protocol);
    };
  }

  addIcmpListener(listener: IcmpListener): () => void {
    this.icmpListeners.add(listener);
    return () => this.icmpListeners.delete(listener);
  }

  deliver(iface: NetInterface, datagram: Ipv4Datagram): void {
    switch (datagram.protocol) {
      case IpProtocol.icmp:
        return this.deliverIcmp(iface, datagram);
      case IpProtocol.udp:
        return this.deliverUdp(iface, datagram);
      default:
        return this.deliverOther(iface, datagram);
    }
  }

  private deliverIcmp(iface: NetInterface, datagram: Ipv4Datagram): void {
    const decoded = decodeIcmp(datagram.payload);
    if (!decoded.ok) return this.port.drop('malformed');
    this.port.traffic.delivered++;
    const message = decoded.value;
    if (message.kind === 'echo-request') return this.answerEcho(datagram, message);
    for (const listener of [...this.icmpListeners]) listener(message, datagram, iface);
  }

  private answerEcho(request: Ipv4Datagram, echo: IcmpEcho): void {
    this.port.send({
      protocol: IpProtocol.icmp,
      source: request.destination === LIMITED_BROADCAST ? undefined : request.destination,
      destination: request.source,
      tos: request.tos,
      payload: encodeIcmp({ ...echo, kind: 'echo-reply' }),
    });
  }

  private deliverUdp(iface: NetInterface, datagram: Ipv4Datagram): void {
    const decoded = decodeUdp(datagram.payload, datagram.source, datagram.destination);
    if (!decoded.ok) return this.port.drop('malformed');
    const handler = this.udpHandlers.get(decoded.value.destinationPort);
    if (handler === undefined) {
      this.port.drop('port-unreachable');
      this.port.icmpErrors.unreachable(datagram, UnreachableCode.port, ownSource(datagram));
      return;
    }
    this.port.traffic.delivered++;
    handler(decoded.value, datagram, iface);
  }

  private deliverOther(iface: NetInterface, datagram: Ipv4Datagram): void {
    const handler = this.protocolHandlers.get(datagram.protocol);
    if (handler === undefined) {
      this.port.drop('protocol-unreachable');
      this.port.icmpErrors.unreachable(datagram, UnreachableCode.protocol, ownSource(datagram));
      return;
    }
    this.port.traffic.delivered++;
    handler(datagram, iface);
  }
}

/** A node refusing a datagram sent to one of its addresses answers from that address (not from a broadcast). */
function ownSource(datagram: Ipv4Datagram): number | undefined {
  return datagram.destination === LIMITED_BROADCAST ? undefined : datagram.destination;
}
