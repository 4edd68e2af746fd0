import { decodeSerialFrame, encodeSerialIpv4, ipv4ProtocolOf, type SerialEncapsulation } from '../wire/serial-frames.ts';
import type { NetInterface } from './net-interface.ts';

/** What a serial port's line protocol depends on: its interface configuration. */
export interface SerialSettings {
  /** `encapsulation hdlc` (IOS's default) or `encapsulation ppp`. */
  encapsulation: SerialEncapsulation;
  /** HDLC keepalives (`no keepalive` turns them off). */
  keepalive: boolean;
  /** `clock rate` in bit/s; only the DCE end's counts. */
  clockRateBps?: number;
}

export const DEFAULT_SERIAL_SETTINGS: SerialSettings = { encapsulation: 'hdlc', keepalive: true };

/**
 * The WIC serial side of an interface. The line protocol is worked out from both ends' settings
 * rather than from keepalives and LCP exchanged on the wire (tedlab's simplification, README
 * "What is not confirmed"):
 * - status up: both ends administratively up on a cable that is up (each sees the other's DCD);
 * - the DCE end of the cable (the first end in the topology) must have a `clock rate`;
 * - HDLC with keepalives needs the other end to send HDLC keepalives; with `no keepalive` the
 *   line protocol follows the status alone;
 * - PPP needs PPP at the other end (LCP and IPCP open).
 */
export class SerialPort {
  settings: SerialSettings = { ...DEFAULT_SERIAL_SETTINGS };

  constructor(private readonly iface: NetInterface) {}

  /** The other end of the cable, if cabled. */
  get peer(): NetInterface | undefined {
    return this.iface.link?.ends.find((end) => end !== this.iface);
  }

  /** The DCE end of a back-to-back cable: the first end the topology names. */
  get dce(): boolean {
    return this.iface.link?.ends[0] === this.iface;
  }

  /** `Serial0/0 is up`: the cable is up and the other end is not shut down. */
  get statusUp(): boolean {
    const peer = this.peer;
    return this.iface.adminUp && this.iface.link !== undefined && this.iface.link.up && peer !== undefined && peer.adminUp;
  }

  /** `line protocol is up`. */
  get protocolUp(): boolean {
    if (!this.statusUp) return false;
    const { encapsulation, keepalive } = this.settings;
    if (encapsulation === 'hdlc' && !keepalive) return true;
    const peer = this.peer?.serial;
    if (peer === undefined || !this.clocked(peer)) return false;
    if (encapsulation === 'ppp') return peer.settings.encapsulation === 'ppp';
    return peer.settings.encapsulation === 'hdlc' && peer.settings.keepalive;
  }

  /** Applies new settings; the other end is told when its line protocol may change with them. */
  configure(settings: SerialSettings): void {
    const before = this.settings;
    this.settings = { ...settings };
    const changed = before.encapsulation !== settings.encapsulation || before.keepalive !== settings.keepalive
      || before.clockRateBps !== settings.clockRateBps;
    if (changed) this.announce();
  }

  /** Tells both ends' owners to look again: this end changed something the far end's state depends on. */
  announce(): void {
    this.iface.link?.endSettingsChanged();
  }

  /** Frames an IPv4 datagram in the port's encapsulation and puts it on the cable. */
  sendDatagram(datagram: Uint8Array): void {
    this.iface.link?.send(this.iface, encodeSerialIpv4(this.settings.encapsulation, datagram));
  }

  /**
   * A frame from the cable: the IPv4 datagram it carries, when it came in this port's encapsulation
   * and the line protocol is up; undefined for anything else (keepalives, the other encapsulation).
   */
  datagramOf(bytes: Uint8Array): Uint8Array | undefined {
    const frame = decodeSerialFrame(bytes);
    if (!frame.ok || !this.protocolUp) return undefined;
    const { encapsulation, protocol, payload } = frame.value;
    return encapsulation === this.settings.encapsulation && protocol === ipv4ProtocolOf(encapsulation) ? payload : undefined;
  }

  private clocked(peer: SerialPort): boolean {
    const dce = this.dce ? this : peer;
    return dce.settings.clockRateBps !== undefined;
  }
}
