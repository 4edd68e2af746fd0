/**
 * A libpcap 2.4 capture writer (microsecond timestamps, little-endian, as tcpdump writes
 * on x86). The lab's links carry Ethernet frames (link type 1); link type 101, raw IPv4
 * with no link-layer header, stays the default for captures of bare datagrams. It only
 * builds bytes; writing the file is the caller's business.
 */

export const PCAP_MAGIC_MICROSECONDS = 0xa1b2c3d4;
export const PCAP_VERSION_MAJOR = 2;
export const PCAP_VERSION_MINOR = 4;
export const LINKTYPE_RAW = 101;
export const LINKTYPE_ETHERNET = 1;
/** PPP in HDLC-like framing or Cisco HDLC, told apart per frame by its first byte: a serial link's captures. */
export const LINKTYPE_PPP_HDLC = 50;
export const PCAP_GLOBAL_HEADER_LENGTH = 24;
export const PCAP_RECORD_HEADER_LENGTH = 16;
export const DEFAULT_SNAP_LENGTH = 65535;

/**
 * IOS starts an unset clock at 00:00 UTC, March 1st 1993, which is why debug lines read
 * `*Mar  1 ...`; captures start there too unless told otherwise.
 */
export const IOS_CLOCK_EPOCH_MS = Date.UTC(1993, 2, 1);

export interface PcapOptions {
  /** The wall-clock instant, in ms since 1970, that virtual time 0 maps to. */
  epochMs?: number;
  snapLength?: number;
  /** LINKTYPE_RAW (default) or LINKTYPE_ETHERNET: what every record starts with. */
  linkType?: number;
}

export interface PcapRecord {
  /** Virtual milliseconds since the lab started (fractions allowed). */
  timeMs: number;
  bytes: Uint8Array;
}

export class PcapWriter {
  private readonly epochMs: number;
  private readonly snapLength: number;
  private readonly linkType: number;
  private readonly records: PcapRecord[] = [];

  constructor(options: PcapOptions = {}) {
    this.epochMs = options.epochMs ?? IOS_CLOCK_EPOCH_MS;
    this.snapLength = options.snapLength ?? DEFAULT_SNAP_LENGTH;
    this.linkType = options.linkType ?? LINKTYPE_RAW;
  }

  get count(): number {
    return this.records.length;
  }

  /** Keeps a copy of the datagram, so later changes to `bytes` do not alter the capture. */
  add(timeMs: number, bytes: Uint8Array): void {
    this.records.push({ timeMs, bytes: bytes.slice() });
  }

  /** The whole capture file. */
  toBytes(): Uint8Array {
    const captured = this.records.map((record) => Math.min(record.bytes.length, this.snapLength));
    const total = PCAP_GLOBAL_HEADER_LENGTH + captured.reduce((sum, n) => sum + PCAP_RECORD_HEADER_LENGTH + n, 0);
    const out = new Uint8Array(total);
    const view = new DataView(out.buffer);
    this.writeGlobalHeader(view);
    let offset = PCAP_GLOBAL_HEADER_LENGTH;
    this.records.forEach((record, i) => {
      const length = captured[i]!;
      this.writeRecordHeader(view, offset, record, length);
      out.set(record.bytes.subarray(0, length), offset + PCAP_RECORD_HEADER_LENGTH);
      offset += PCAP_RECORD_HEADER_LENGTH + length;
    });
    return out;
  }

  private writeGlobalHeader(view: DataView): void {
    view.setUint32(0, PCAP_MAGIC_MICROSECONDS, true);
    view.setUint16(4, PCAP_VERSION_MAJOR, true);
    view.setUint16(6, PCAP_VERSION_MINOR, true);
    view.setInt32(8, 0, true); // thiszone: timestamps are UTC
    view.setUint32(12, 0, true); // sigfigs
    view.setUint32(16, this.snapLength, true);
    view.setUint32(20, this.linkType, true);
  }

  private writeRecordHeader(view: DataView, offset: number, record: PcapRecord, capturedLength: number): void {
    const { seconds, microseconds } = splitTimestamp(this.epochMs + record.timeMs);
    view.setUint32(offset, seconds, true);
    view.setUint32(offset + 4, microseconds, true);
    view.setUint32(offset + 8, capturedLength, true);
    view.setUint32(offset + 12, record.bytes.length, true);
  }
}

/** Seconds and microseconds of an instant in ms, rounded to the microsecond. */
export function splitTimestamp(instantMs: number): { seconds: number; microseconds: number } {
  const totalMicroseconds = Math.round(instantMs * 1000);
  const seconds = Math.floor(totalMicroseconds / 1_000_000);
  return { seconds, microseconds: totalMicroseconds - seconds * 1_000_000 };
}
