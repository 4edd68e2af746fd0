import { ETHERNET_HEADER_LENGTH, ipv4PayloadOf } from '../wire/ethernet.ts';
import { isGroupMac, readMac, type MacAddress } from '../wire/mac-address.ts';
import { vlanOf } from '../wire/dot1q.ts';
import { LINKTYPE_ETHERNET, LINKTYPE_PPP_HDLC } from '../wire/pcap.ts';
import { serialIpv4PayloadOf } from '../wire/serial-frames.ts';
import type { NetInterface } from './net-interface.ts';

/**
 * What a link is made of decides who hears a frame, how a capture reads it, and whether its ends
 * resolve each other with ARP. A link asks its medium instead of knowing about Ethernet or serial
 * lines itself.
 */
export interface LinkMedium {
  readonly kind: 'ethernet' | 'serial';
  /** The pcap link type of a capture of this link. */
  readonly pcapLinkType: number;
  /** At most this many ends (a hub takes any number; a serial cable has two). */
  readonly maxEnds: number;
  /** Whether ends cabled together learn each other's addresses (ARP caches of a running network). */
  readonly resolvesNeighbours: boolean;
  /** The ends that take a frame `from` sends. */
  receivers(frame: Uint8Array, from: NetInterface, ends: readonly NetInterface[]): NetInterface[];
  /**
   * The frame's destination when only ends with that MAC can take it (unicast), so a link may
   * offer `receivers` just those ends; undefined when any end may (broadcast, multicast, serial).
   */
  unicastDestination?(frame: Uint8Array): MacAddress | undefined;
  /** The IPv4 datagram the frame carries, without link header or padding; undefined for other frames. */
  ipv4Of(frame: Uint8Array): Uint8Array | undefined;
}

/** An Ethernet segment: every frame reaches every other end, and each keeps those for its MAC and broadcasts. */
export const ETHERNET_MEDIUM: LinkMedium = {
  kind: 'ethernet',
  pcapLinkType: LINKTYPE_ETHERNET,
  maxEnds: Infinity,
  resolvesNeighbours: true,
  receivers(frame, from, ends) {
    if (frame.length < ETHERNET_HEADER_LENGTH) return [];
    const destination = readMac(frame, 0);
    // A tagged frame is for the ends on its VLAN (dot1Q subinterfaces, hosts on that VLAN), an untagged one for the rest.
    const vlan = vlanOf(frame);
    return ends.filter((end) => end !== from && end.vlan === vlan && end.accepts(destination));
  },
  unicastDestination(frame) {
    if (frame.length < ETHERNET_HEADER_LENGTH) return undefined;
    const destination = readMac(frame, 0);
    return isGroupMac(destination) ? undefined : destination;
  },
  ipv4Of: ipv4PayloadOf,
};

/**
 * A back-to-back serial cable between two WIC ports: whatever one end sends, the other receives,
 * in whichever encapsulation it was sent (the receiver decides what it makes of it). No ARP.
 */
export const SERIAL_MEDIUM: LinkMedium = {
  kind: 'serial',
  pcapLinkType: LINKTYPE_PPP_HDLC,
  maxEnds: 2,
  resolvesNeighbours: false,
  receivers: (_frame, from, ends) => ends.filter((end) => end !== from),
  ipv4Of: serialIpv4PayloadOf,
};

export type LinkMediumKind = LinkMedium['kind'];

export function linkMedium(kind: LinkMediumKind): LinkMedium {
  return kind === 'serial' ? SERIAL_MEDIUM : ETHERNET_MEDIUM;
}
