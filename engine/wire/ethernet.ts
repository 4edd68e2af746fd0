import { readUint16, writeUint16 } from './bytes.ts';
import { decodeFailure, decodedOk, type Decoded } from './decoded.ts';
import { MAC_ADDRESS_LENGTH, readMac, writeMac, type MacAddress } from './mac-address.ts';

/**
 * Ethernet II frames (DIX: destination, source, EtherType, payload), as a FastEthernet port
 * puts them on the wire and a capture shows them: without preamble and without the frame check
 * sequence, but padded with zeros to the 60-byte minimum, as the sending MAC pads them.
 */

export interface EthernetFrame {
  destination: MacAddress;
  source: MacAddress;
  etherType: number;
  /** What follows the header; a decoded frame's payload is a view into its bytes, padding included. */
  payload: Uint8Array;
}

export const EtherType = {
  ipv4: 0x0800,
  arp: 0x0806,
} as const;

export const ETHERNET_HEADER_LENGTH = 14;
/** IEEE 802.3 minimum frame of 64 bytes less the 4-byte FCS. */
export const ETHERNET_MIN_FRAME_LENGTH = 60;
/** Type values below 0x0600 are IEEE 802.3 lengths, not EtherTypes. */
export const ETHERTYPE_MINIMUM = 0x0600;

export function encodeEthernet(frame: EthernetFrame): Uint8Array {
  const length = Math.max(ETHERNET_MIN_FRAME_LENGTH, ETHERNET_HEADER_LENGTH + frame.payload.length);
  const bytes = new Uint8Array(length);
  writeMac(bytes, 0, frame.destination);
  writeMac(bytes, MAC_ADDRESS_LENGTH, frame.source);
  writeUint16(bytes, 12, frame.etherType & 0xffff);
  bytes.set(frame.payload, ETHERNET_HEADER_LENGTH);
  return bytes;
}

/** Reads the header; the payload is a view, not a copy. Frames shorter than a header are refused. */
export function decodeEthernet(bytes: Uint8Array): Decoded<EthernetFrame> {
  if (bytes.length < ETHERNET_HEADER_LENGTH) {
    return decodeFailure('truncated', `Ethernet header needs 14 bytes, have ${bytes.length}`);
  }
  return decodedOk({
    destination: readMac(bytes, 0),
    source: readMac(bytes, MAC_ADDRESS_LENGTH),
    etherType: readUint16(bytes, 12),
    payload: bytes.subarray(ETHERNET_HEADER_LENGTH),
  });
}

/**
 * The IPv4 datagram a frame carries, without the padding the sender added: cut at the IPv4
 * total length when the header gives a plausible one, else the whole payload. Undefined for
 * frames of other types.
 */
export function ipv4PayloadOf(frameBytes: Uint8Array): Uint8Array | undefined {
  // An 802.1Q tag (TPID 0x8100) puts the EtherType 4 bytes further on.
  const tagged = frameBytes.length >= ETHERNET_HEADER_LENGTH + 4 && readUint16(frameBytes, 12) === 0x8100;
  const typeAt = tagged ? 16 : 12;
  if (frameBytes.length < typeAt + 2 || readUint16(frameBytes, typeAt) !== EtherType.ipv4) return undefined;
  const payload = frameBytes.subarray(typeAt + 2);
  if (payload.length >= 4 && payload[0]! >> 4 === 4) {
    const totalLength = readUint16(payload, 2);
    if (totalLength >= 20 && totalLength <= payload.length) return payload.slice(0, totalLength);
  }
  return payload.slice();
}
