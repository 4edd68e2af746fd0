import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { Ipv4Datagram } from '../wire/ipv4.ts';
import type { DropReason } from './node-counters.ts';

/** A datagram a node originates: what is left out takes the node's defaults. */
export interface OutgoingDatagram {
  protocol: number;
  destination: Ipv4Address;
  payload: Uint8Array;
  /** Defaults to the address of the outgoing interface. */
  source?: Ipv4Address;
  ttl?: number;
  tos?: number;
  identification?: number;
  dontFragment?: boolean;
  moreFragments?: boolean;
  fragmentOffset?: number;
  options?: Uint8Array;
}

export type SendResult = { ok: true; datagram: Ipv4Datagram } | { ok: false; reason: DropReason };

export interface DatagramDefaults {
  source: Ipv4Address;
  ttl: number;
  identification: number;
}

export function completeDatagram(outgoing: OutgoingDatagram, defaults: DatagramDefaults): Ipv4Datagram {
  return {
    tos: outgoing.tos ?? 0,
    identification: outgoing.identification ?? defaults.identification,
    dontFragment: outgoing.dontFragment ?? false,
    moreFragments: outgoing.moreFragments ?? false,
    fragmentOffset: outgoing.fragmentOffset ?? 0,
    ttl: outgoing.ttl ?? defaults.ttl,
    protocol: outgoing.protocol,
    source: outgoing.source ?? defaults.source,
    destination: outgoing.destination,
    options: outgoing.options ?? new Uint8Array(0),
    payload: outgoing.payload,
  };
}
