import { decodeIsakmp } from '../../wire/isakmp/index.ts';
import { decodeIpv4 } from '../../wire/ipv4.ts';
import { IpProtocol } from '../../wire/ip-protocols.ts';
import { decodeUdp } from '../../wire/udp.ts';
import type { Lab, LinkPacket } from '../lab.ts';

/**
 * What tests and the fuzz harness see of a link: every datagram with its sender, classified
 * as ISAKMP (with its exchange type) or IPsec, and a way to put copies back on the link
 * without seeing them again as the lab's own traffic.
 */

export interface SeenPacket extends LinkPacket {
  /** The end it was sent to (the other end of a two-ended link). */
  to: string;
  kind: 'isakmp' | 'esp' | 'ah' | 'other';
  /** ISAKMP only: the exchange type (2 main, 4 aggressive, 5 informational, 32 quick, 240 TED). */
  exchangeType?: number;
}

export function classify(bytes: Uint8Array): Pick<SeenPacket, 'kind' | 'exchangeType'> {
  const datagram = decodeIpv4(bytes);
  if (!datagram.ok) return { kind: 'other' };
  const { protocol, payload, source, destination } = datagram.value;
  if (protocol === IpProtocol.esp) return { kind: 'esp' };
  if (protocol === IpProtocol.ah) return { kind: 'ah' };
  if (protocol !== IpProtocol.udp) return { kind: 'other' };
  const udp = decodeUdp(payload, source, destination);
  if (!udp.ok || udp.value.destinationPort !== 500) return { kind: 'other' };
  const isakmp = decodeIsakmp(udp.value.payload);
  return { kind: 'isakmp', ...(isakmp.ok ? { exchangeType: isakmp.value.header.exchangeType } : {}) };
}

export class LinkTraffic {
  readonly seen: SeenPacket[] = [];
  private injecting = false;
  private readonly stop: () => void;

  constructor(private readonly lab: Lab, readonly link: string, private readonly ends: [string, string],
    private readonly onPacket: (packet: SeenPacket) => void = () => {}) {
    this.stop = lab.watch(link, (packet) => {
      if (this.injecting) return;
      const to = packet.from === ends[0] ? ends[1] : ends[0];
      const seen = { ...packet, to, ...classify(packet.bytes) };
      this.seen.push(seen);
      this.onPacket(seen);
    });
  }

  /** Sends bytes as `from` sent them to the other end; they are not recorded as the lab's own. */
  inject(bytes: Uint8Array, from: string): void {
    const to = from === this.ends[0] ? this.ends[1] : this.ends[0];
    this.injecting = true;
    try {
      this.lab.transmit(this.link, bytes, { from, to });
    } finally {
      this.injecting = false;
    }
  }

  /** ISAKMP datagrams the lab sent since `fromMs` (virtual ms). */
  isakmpSince(fromMs: number): SeenPacket[] {
    return this.seen.filter((packet) => packet.kind === 'isakmp' && packet.timeMs >= fromMs);
  }

  close(): void {
    this.stop();
  }
}
