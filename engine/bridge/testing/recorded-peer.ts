import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PeerTransport, RealPeerEnd } from '../real-peer-end.ts';
import { bytesToHex } from '../../wire/bytes.ts';
import { decodeIpv4 } from '../../wire/ipv4.ts';
import { formatIpv4 } from '../../wire/ipv4-address.ts';
import { IpProtocol } from '../../wire/ip-protocols.ts';
import { readPcap } from '../../wire/pcap-reader.ts';
import { decodeUdp } from '../../wire/udp.ts';

/**
 * A real peer played back from a capture: each time the router sends what it sent in the
 * recorded run, the peer's datagrams that followed it in the capture come back, byte for byte.
 * Because a lab is a pure function of its topology, seed and steps, the router of a replay
 * sends exactly what it sent live; anything else is a mismatch, and the replay stops there.
 */

export interface RecordedDatagram {
  fromPeer: boolean;
  /** The UDP payload and ports, or undefined for raw IP (ESP, AH). */
  udp?: { payload: Uint8Array; sourcePort: number; destinationPort: number };
  /** The whole IPv4 datagram. */
  bytes: Uint8Array;
}

export function readRecordedDatagrams(pcapFile: string, peerAddress: string): RecordedDatagram[] {
  const capture = readPcap(readFileSync(pcapFile));
  if (!capture.ok) throw new Error(`${path.basename(pcapFile)}: ${capture.error.message}`);
  return capture.value.records.flatMap((record): RecordedDatagram[] => {
    const datagram = decodeIpv4(record.ipv4Bytes);
    if (!datagram.ok) return [];
    const { source, destination, protocol, payload } = datagram.value;
    const fromPeer = formatIpv4(source) === peerAddress;
    if (protocol !== IpProtocol.udp) return [{ fromPeer, bytes: record.ipv4Bytes }];
    const udp = decodeUdp(payload, source, destination);
    return udp.ok ? [{ fromPeer, bytes: record.ipv4Bytes, udp: udp.value }] : [];
  });
}

export class RecordedPeer implements PeerTransport {
  readonly mismatches: string[] = [];
  private next = 0;
  private end: RealPeerEnd | undefined;

  constructor(private readonly recorded: readonly RecordedDatagram[]) {}

  /** The lab's end of the peer; what the peer sent first (it started) goes in at once. */
  start(end: RealPeerEnd): void {
    this.end = end;
    this.playPeer();
  }

  /** Datagrams of the recording not yet played or matched. */
  get remaining(): number {
    return this.recorded.length - this.next;
  }

  sendUdp(payload: Uint8Array, localPort: number, peerPort: number): void {
    this.routerSent(payload, (expected) => expected.udp !== undefined && expected.udp.sourcePort === localPort
      && expected.udp.destinationPort === peerPort && same(expected.udp.payload, payload));
  }

  sendIp(datagram: Uint8Array): boolean {
    this.routerSent(datagram, (expected) => expected.udp === undefined && same(expected.bytes, datagram));
    return true;
  }

  private routerSent(bytes: Uint8Array, matches: (expected: RecordedDatagram) => boolean): void {
    const expected = this.recorded[this.next];
    if (expected === undefined || expected.fromPeer || !matches(expected)) {
      this.mismatches.push(`datagram ${this.next}: the router sent ${bytesToHex(bytes).slice(0, 64)}...`);
      this.next = this.recorded.length;
      return;
    }
    this.next++;
    this.playPeer();
  }

  /** The peer's datagrams up to the router's next one. */
  private playPeer(): void {
    while (this.recorded[this.next]?.fromPeer === true) {
      const datagram = this.recorded[this.next++]!;
      if (datagram.udp === undefined) this.end?.fromIp(datagram.bytes);
      else this.end?.fromUdp(datagram.udp.payload, datagram.udp.sourcePort, datagram.udp.destinationPort);
    }
  }
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
