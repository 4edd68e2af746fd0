import { readUint16, writeUint16 } from './bytes.ts';
import { decodeFailure, decodedOk, type Decoded } from './decoded.ts';
import { ETHERNET_HEADER_LENGTH, ETHERNET_MIN_FRAME_LENGTH, encodeEthernet, type EthernetFrame } from './ethernet.ts';
import { MAC_ADDRESS_LENGTH, readMac } from './mac-address.ts';

/**
 * IEEE 802.1Q VLAN tags: after the source MAC, the TPID 0x8100 and a 2-byte TCI (priority 3 bits,
 * drop eligible 1 bit, VLAN ID 12 bits), then the frame's own EtherType. A router's dot1Q
 * subinterface tags what it sends with priority 0, as IOS does, and the frame is padded to the
 * same 60 bytes (64 with FCS) as an untagged one.
 */

export const TPID_DOT1Q = 0x8100;
export const DOT1Q_TAG_LENGTH = 4;
/** VLAN IDs 0 and 4095 are reserved (IEEE 802.1Q 9.6); IOS's `encapsulation dot1Q` takes 1-4094. */
export const VLAN_ID_MIN = 1;
export const VLAN_ID_MAX = 4094;

export interface Dot1qTag {
  priority: number;
  dropEligible: boolean;
  vlanId: number;
}

/** A frame with its tag read: `etherType` and `payload` are the tagged frame's own. */
export interface TaggedFrame extends EthernetFrame {
  tag?: Dot1qTag;
}

/** An Ethernet II frame, with an 802.1Q tag for `vlanId` when given. */
export function encodeTaggedEthernet(frame: EthernetFrame, vlanId: number | undefined, priority = 0): Uint8Array {
  if (vlanId === undefined) return encodeEthernet(frame);
  const length = Math.max(ETHERNET_MIN_FRAME_LENGTH, ETHERNET_HEADER_LENGTH + DOT1Q_TAG_LENGTH + frame.payload.length);
  const bytes = new Uint8Array(length);
  bytes.set(encodeEthernet({ ...frame, payload: new Uint8Array(0) }).subarray(0, 2 * MAC_ADDRESS_LENGTH));
  writeUint16(bytes, 12, TPID_DOT1Q);
  writeUint16(bytes, 14, ((priority & 0x7) << 13) | (vlanId & 0x0fff));
  writeUint16(bytes, 16, frame.etherType & 0xffff);
  bytes.set(frame.payload, ETHERNET_HEADER_LENGTH + DOT1Q_TAG_LENGTH);
  return bytes;
}

/** The VLAN ID of a tagged frame; undefined for an untagged (or too short) one. */
export function vlanOf(bytes: Uint8Array): number | undefined {
  if (bytes.length < ETHERNET_HEADER_LENGTH + DOT1Q_TAG_LENGTH || readUint16(bytes, 12) !== TPID_DOT1Q) return undefined;
  return readUint16(bytes, 14) & 0x0fff;
}

/** Reads the header and, when there is one, the tag; the payload is a view. */
export function decodeTaggedEthernet(bytes: Uint8Array): Decoded<TaggedFrame> {
  if (bytes.length < ETHERNET_HEADER_LENGTH) {
    return decodeFailure('truncated', `Ethernet header needs 14 bytes, have ${bytes.length}`);
  }
  // Every frame a port takes comes through here: the objects are built in one go, without spreads.
  const destination = readMac(bytes, 0);
  const source = readMac(bytes, MAC_ADDRESS_LENGTH);
  if (readUint16(bytes, 12) !== TPID_DOT1Q) {
    return decodedOk({ destination, source, etherType: readUint16(bytes, 12), payload: bytes.subarray(ETHERNET_HEADER_LENGTH) });
  }
  if (bytes.length < ETHERNET_HEADER_LENGTH + DOT1Q_TAG_LENGTH) {
    return decodeFailure('truncated', `an 802.1Q tagged header needs 18 bytes, have ${bytes.length}`);
  }
  const tci = readUint16(bytes, 14);
  const tag = { priority: tci >> 13, dropEligible: (tci & 0x1000) !== 0, vlanId: tci & 0x0fff };
  const payload = bytes.subarray(ETHERNET_HEADER_LENGTH + DOT1Q_TAG_LENGTH);
  return decodedOk({ destination, source, etherType: readUint16(bytes, 16), payload, tag });
}
