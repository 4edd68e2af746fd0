import { readUint16, readUint32, writeUint16, writeUint32 } from './bytes.ts';
import { decodeFailure, decodedOk, type Decoded } from './decoded.ts';
import type { Ipv4Address } from './ipv4-address.ts';
import { readMac, writeMac, type MacAddress } from './mac-address.ts';

/**
 * ARP (RFC 826) for IPv4 over Ethernet: hardware type 1, protocol type 0x0800, address
 * lengths 6 and 4. Field names follow the RFC (ar$sha, ar$spa, ar$tha, ar$tpa).
 */

export const ArpOperation = {
  request: 1,
  reply: 2,
} as const;

export type ArpOperationCode = (typeof ArpOperation)[keyof typeof ArpOperation];

export interface ArpPacket {
  operation: ArpOperationCode;
  /** ar$sha, ar$spa: who sends, and the address it sends from. */
  senderMac: MacAddress;
  senderAddress: Ipv4Address;
  /** ar$tha, ar$tpa: in a request the hardware address is not known yet (zero). */
  targetMac: MacAddress;
  targetAddress: Ipv4Address;
}

export const ARP_HARDWARE_ETHERNET = 1;
export const ARP_PROTOCOL_IPV4 = 0x0800;
export const ARP_PACKET_LENGTH = 28;

export function encodeArp(packet: ArpPacket): Uint8Array {
  const bytes = new Uint8Array(ARP_PACKET_LENGTH);
  writeUint16(bytes, 0, ARP_HARDWARE_ETHERNET);
  writeUint16(bytes, 2, ARP_PROTOCOL_IPV4);
  bytes[4] = 6;
  bytes[5] = 4;
  writeUint16(bytes, 6, packet.operation);
  writeMac(bytes, 8, packet.senderMac);
  writeUint32(bytes, 14, packet.senderAddress);
  writeMac(bytes, 18, packet.targetMac);
  writeUint32(bytes, 24, packet.targetAddress);
  return bytes;
}

/**
 * Decodes an Ethernet/IPv4 ARP packet; bytes past the 28 (frame padding) are ignored. Other
 * hardware or protocol types, and operations other than request and reply (RARP's 3 and 4),
 * are refused: IOS's ARP for IP does not take them either.
 */
export function decodeArp(bytes: Uint8Array): Decoded<ArpPacket> {
  if (bytes.length < ARP_PACKET_LENGTH) return decodeFailure('truncated', `ARP needs 28 bytes, have ${bytes.length}`);
  const hardware = readUint16(bytes, 0);
  const protocol = readUint16(bytes, 2);
  if (hardware !== ARP_HARDWARE_ETHERNET || protocol !== ARP_PROTOCOL_IPV4 || bytes[4] !== 6 || bytes[5] !== 4) {
    return decodeFailure('bad-field', `ARP for hardware ${hardware}/${bytes[4]} and protocol 0x${protocol.toString(16)}/${bytes[5]}, not Ethernet/IPv4`);
  }
  const operation = readUint16(bytes, 6);
  if (operation !== ArpOperation.request && operation !== ArpOperation.reply) {
    return decodeFailure('bad-field', `ARP operation ${operation} is neither request (1) nor reply (2)`);
  }
  return decodedOk({
    operation,
    senderMac: readMac(bytes, 8),
    senderAddress: readUint32(bytes, 14),
    targetMac: readMac(bytes, 18),
    targetAddress: readUint32(bytes, 24),
  });
}
