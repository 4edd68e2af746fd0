import { decodeFailure, decodedOk, type Decoded } from './decoded.ts';
import { LINKTYPE_ETHERNET, LINKTYPE_RAW, PCAP_GLOBAL_HEADER_LENGTH, PCAP_RECORD_HEADER_LENGTH } from './pcap.ts';

/**
 * A libpcap capture reader for the IPv4 datagrams in it: either byte order, microsecond or
 * nanosecond timestamps, link types Ethernet (802.1Q/802.1ad tags stripped), raw IP and
 * raw IPv4. Frames that carry no IPv4 (ARP, IPv6) are counted, not returned. Datagrams are
 * copied into plain Uint8Arrays, whatever the input (a Node Buffer from readFileSync).
 */

export const LINKTYPE_IPV4 = 228;

export interface PcapIpv4Record {
  /** Milliseconds since 1970 (fractions kept), minus the reader's `epochMs`. */
  timeMs: number;
  /** From the IPv4 header on; Ethernet padding may follow the datagram. */
  ipv4Bytes: Uint8Array;
}

export interface PcapCapture {
  linkType: number;
  nanosecondTimestamps: boolean;
  records: PcapIpv4Record[];
  /** Frames without an IPv4 datagram. */
  skipped: number;
}

export interface PcapReadOptions {
  /** Subtracted from every timestamp: pass PcapWriter's epoch to get virtual time back. */
  epochMs?: number;
}

const MAGIC_MICROSECONDS = 0xa1b2c3d4;
const MAGIC_NANOSECONDS = 0xa1b23c4d;
const ETHERNET_HEADER_LENGTH = 14;
const ETHERTYPE_IPV4 = 0x0800;
/** 802.1Q, 802.1ad and the older QinQ tag: each adds 4 bytes before the real type. */
const VLAN_TAG_TYPES = new Set([0x8100, 0x88a8, 0x9100]);
const VLAN_TAG_LENGTH = 4;
const LINK_TYPE_MASK = 0xffff; // the upper bits may carry FCS information
export { LINKTYPE_ETHERNET };

const SUPPORTED_LINK_TYPES = new Set([LINKTYPE_ETHERNET, LINKTYPE_RAW, LINKTYPE_IPV4]);

interface FileFormat {
  littleEndian: boolean;
  nanosecondTimestamps: boolean;
}

function fileFormat(view: DataView): FileFormat | undefined {
  for (const littleEndian of [true, false]) {
    const magic = view.getUint32(0, littleEndian);
    if (magic === MAGIC_MICROSECONDS) return { littleEndian, nanosecondTimestamps: false };
    if (magic === MAGIC_NANOSECONDS) return { littleEndian, nanosecondTimestamps: true };
  }
  return undefined;
}

/** The IPv4 datagram in an Ethernet frame, past any VLAN tags; undefined for other frames. */
function ipv4FromEthernet(frame: Uint8Array): Uint8Array | undefined {
  if (frame.length < ETHERNET_HEADER_LENGTH) return undefined;
  let typeOffset = 12;
  let type = (frame[typeOffset]! << 8) | frame[typeOffset + 1]!;
  while (VLAN_TAG_TYPES.has(type) && typeOffset + VLAN_TAG_LENGTH + 2 <= frame.length) {
    typeOffset += VLAN_TAG_LENGTH;
    type = (frame[typeOffset]! << 8) | frame[typeOffset + 1]!;
  }
  return type === ETHERTYPE_IPV4 ? new Uint8Array(frame.subarray(typeOffset + 2)) : undefined;
}

function ipv4FromFrame(linkType: number, frame: Uint8Array): Uint8Array | undefined {
  if (linkType === LINKTYPE_ETHERNET) return ipv4FromEthernet(frame);
  return frame.length > 0 && frame[0]! >> 4 === 4 ? new Uint8Array(frame) : undefined;
}

/** Reads a whole capture; a record cut short by the end of the file is an error. */
export function readPcap(bytes: Uint8Array, options: PcapReadOptions = {}): Decoded<PcapCapture> {
  if (bytes.length < PCAP_GLOBAL_HEADER_LENGTH) {
    return decodeFailure('truncated', `pcap global header needs ${PCAP_GLOBAL_HEADER_LENGTH} bytes, have ${bytes.length}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = fileFormat(view);
  if (format === undefined) return decodeFailure('bad-field', `not a pcap file (magic 0x${view.getUint32(0).toString(16)})`);
  const linkType = view.getUint32(20, format.littleEndian) & LINK_TYPE_MASK;
  if (!SUPPORTED_LINK_TYPES.has(linkType)) return decodeFailure('bad-field', `pcap link type ${linkType} is not supported`);
  const capture: PcapCapture = { linkType, nanosecondTimestamps: format.nanosecondTimestamps, records: [], skipped: 0 };
  const fractionsPerMs = format.nanosecondTimestamps ? 1_000_000 : 1000;
  const epochMs = options.epochMs ?? 0;
  for (let offset = PCAP_GLOBAL_HEADER_LENGTH; offset < bytes.length; ) {
    if (bytes.length - offset < PCAP_RECORD_HEADER_LENGTH) {
      return decodeFailure('truncated', `pcap record header at ${offset} is cut short`);
    }
    const seconds = view.getUint32(offset, format.littleEndian);
    const fraction = view.getUint32(offset + 4, format.littleEndian);
    const capturedLength = view.getUint32(offset + 8, format.littleEndian);
    const start = offset + PCAP_RECORD_HEADER_LENGTH;
    if (capturedLength > bytes.length - start) {
      return decodeFailure('truncated', `pcap record at ${offset} claims ${capturedLength} bytes, ${bytes.length - start} remain`);
    }
    const ipv4Bytes = ipv4FromFrame(linkType, bytes.subarray(start, start + capturedLength));
    if (ipv4Bytes === undefined) capture.skipped++;
    else capture.records.push({ timeMs: seconds * 1000 + fraction / fractionsPerMs - epochMs, ipv4Bytes });
    offset = start + capturedLength;
  }
  return decodedOk(capture);
}
