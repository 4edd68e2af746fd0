import { readUint16, writeUint16 } from './bytes.ts';
import { decodeFailure, decodedOk, type Decoded } from './decoded.ts';

/**
 * Frames on a synchronous serial line, as a capture shows them (no flags, no FCS):
 *
 * - Cisco HDLC (RFC 1547 section 4.3.1; Linux `drivers/net/wan/hdlc_cisco.c`): address 0x0F
 *   (unicast) or 0x8F (broadcast), control 0x00, then a 2-byte EtherType (0x0800 IPv4, 0x8035
 *   SLARP keepalives).
 * - PPP in HDLC-like framing (RFC 1662): address 0xFF, control 0x03, then the 2-byte PPP
 *   protocol number (0x0021 IPv4, 0xC021 LCP, 0x8021 IPCP), uncompressed as IOS sends it.
 *
 * The first byte tells the two apart, which is what LINKTYPE_PPP_HDLC (50) relies on: one capture
 * of a serial link decodes whichever encapsulation each end speaks.
 */

export type SerialEncapsulation = 'hdlc' | 'ppp';

export const CISCO_HDLC_UNICAST = 0x0f;
export const CISCO_HDLC_BROADCAST = 0x8f;
export const CISCO_HDLC_CONTROL = 0x00;
export const PPP_ADDRESS = 0xff;
export const PPP_CONTROL = 0x03;
export const SERIAL_HEADER_LENGTH = 4;

/** Cisco HDLC's protocol field: EtherTypes. */
export const CiscoHdlcProtocol = { ipv4: 0x0800, slarp: 0x8035 } as const;
/** RFC 1700 / IANA PPP DLL protocol numbers. */
export const PppProtocol = { ipv4: 0x0021, ipcp: 0x8021, lcp: 0xc021 } as const;

export interface SerialFrame {
  encapsulation: SerialEncapsulation;
  /** Cisco HDLC only: 0x0F or 0x8F. */
  address: number;
  /** The EtherType (Cisco HDLC) or PPP protocol number. */
  protocol: number;
  /** A view into the frame's bytes. */
  payload: Uint8Array;
}

/** The protocol number that carries an IPv4 datagram in each encapsulation. */
export function ipv4ProtocolOf(encapsulation: SerialEncapsulation): number {
  return encapsulation === 'hdlc' ? CiscoHdlcProtocol.ipv4 : PppProtocol.ipv4;
}

export function encodeSerialFrame(frame: Omit<SerialFrame, 'address'> & { address?: number }): Uint8Array {
  const bytes = new Uint8Array(SERIAL_HEADER_LENGTH + frame.payload.length);
  if (frame.encapsulation === 'hdlc') {
    bytes[0] = frame.address ?? CISCO_HDLC_UNICAST;
    bytes[1] = CISCO_HDLC_CONTROL;
  } else {
    bytes[0] = PPP_ADDRESS;
    bytes[1] = PPP_CONTROL;
  }
  writeUint16(bytes, 2, frame.protocol & 0xffff);
  bytes.set(frame.payload, SERIAL_HEADER_LENGTH);
  return bytes;
}

/** An IPv4 datagram framed for a serial line speaking `encapsulation`. */
export function encodeSerialIpv4(encapsulation: SerialEncapsulation, datagram: Uint8Array): Uint8Array {
  return encodeSerialFrame({ encapsulation, protocol: ipv4ProtocolOf(encapsulation), payload: datagram });
}

/** Reads the header; the payload is a view. Unknown address/control pairs are refused. */
export function decodeSerialFrame(bytes: Uint8Array): Decoded<SerialFrame> {
  if (bytes.length < SERIAL_HEADER_LENGTH) {
    return decodeFailure('truncated', `a serial frame header needs 4 bytes, have ${bytes.length}`);
  }
  const [address, control] = [bytes[0]!, bytes[1]!];
  const protocol = readUint16(bytes, 2);
  const payload = bytes.subarray(SERIAL_HEADER_LENGTH);
  if ((address === CISCO_HDLC_UNICAST || address === CISCO_HDLC_BROADCAST) && control === CISCO_HDLC_CONTROL) {
    return decodedOk({ encapsulation: 'hdlc', address, protocol, payload });
  }
  if (address === PPP_ADDRESS && control === PPP_CONTROL) return decodedOk({ encapsulation: 'ppp', address, protocol, payload });
  return decodeFailure('bad-field', `address 0x${address.toString(16)} control 0x${control.toString(16)} is neither Cisco HDLC nor PPP`);
}

/** The IPv4 datagram a serial frame carries (a copy), or undefined for other frames. */
export function serialIpv4PayloadOf(bytes: Uint8Array): Uint8Array | undefined {
  const frame = decodeSerialFrame(bytes);
  if (!frame.ok || frame.value.protocol !== ipv4ProtocolOf(frame.value.encapsulation)) return undefined;
  return frame.value.payload.slice();
}
