import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Link } from '../net/link.ts';
import type { NetInterface } from '../net/net-interface.ts';
import { PcapWriter } from '../wire/pcap.ts';
import type { CapturedFrame } from './exchange/packet-view.ts';

/** The files a saved capture consists of, as Wireshark reads them. */
export interface SavedCapture {
  pcap: string;
  /** `<link>.pcap.cut.txt`, saying what the capture cut, when it cut anything. */
  cutNote?: string;
  espSa: string;
  /** AH SAs in the `esp_sa` row layout: Wireshark has no AH key table, but people and AH checks need the keys. */
  ahSa: string;
  ikeDecryptionTable: string;
}

/** The key rows of every SA a lab ever had, one table each. */
export interface KeyRows {
  espSa: string[];
  ahSa: string[];
  ikeDecryption: string[];
}

/** What a bounded capture dropped: its oldest frames. */
export interface CaptureCut {
  /** Frames and bytes cut, and the virtual time of the newest frame cut. */
  readonly frames: number;
  readonly bytes: number;
  readonly untilMs: number;
  /** The capture's limit in bytes. */
  readonly limitBytes: number;
}

/** A captured frame and its number on the link, by which a loss names it. */
type FrameRecord = { -readonly [K in keyof CapturedFrame]: CapturedFrame[K] } & { readonly sequence: number };

/**
 * Records the frames a link carries from the moment the lab starts (Ethernet, ARP included),
 * so a capture can be saved at any step, with the key tables Wireshark needs to decrypt it. A
 * ring: it keeps the newest frames up to `limitBytes` of them and counts what it cut.
 */
export class LinkCapture {
  readonly link: Link;
  readonly limitBytes: number;
  /** Each frame with who sent it and who it was for; the tap's copy is the only one kept. Kept from `first` on. */
  private records: FrameRecord[] = [];
  private first = 0;
  private keptBytes = 0;
  private cutFrames = 0;
  private cutBytes = 0;
  private cutUntilMs = 0;

  constructor(link: Link, limitBytes: number) {
    this.link = link;
    this.limitBytes = limitBytes;
    link.addFrameTap((timeMs, frame, from) => this.keep({
      sequence: link.counters.transmitted,
      timeMs,
      link: link.name,
      // An Ethernet segment's frames, or a serial cable's Cisco HDLC and PPP frames (told apart per frame).
      linkType: link.medium.pcapLinkType,
      from: from.node.name,
      to: this.receiverOf(frame, from),
      bytes: frame,
    }));
    link.addLossTap((sequence) => {
      // The lost frame is one of the newest (lost when sent, or within a link's delay).
      for (let index = this.records.length - 1; index >= this.first; index--) {
        const record = this.records[index]!;
        if (record.sequence === sequence) record.lost = true;
        if (record.sequence <= sequence) break;
      }
    });
  }

  get packets(): number {
    return this.records.length - this.first;
  }

  /** The frames kept, in the order the link carried them. */
  get frames(): readonly CapturedFrame[] {
    return this.first === 0 ? this.records : this.records.slice(this.first);
  }

  /** What the capture cut to stay within its limit; undefined while it has cut nothing. */
  get cut(): CaptureCut | undefined {
    if (this.cutFrames === 0) return undefined;
    return { frames: this.cutFrames, bytes: this.cutBytes, untilMs: this.cutUntilMs, limitBytes: this.limitBytes };
  }

  private keep(record: FrameRecord): void {
    this.records.push(record);
    this.keptBytes += record.bytes.length;
    while (this.keptBytes > this.limitBytes && this.first < this.records.length - 1) {
      const oldest = this.records[this.first]!;
      this.keptBytes -= oldest.bytes.length;
      this.cutFrames++;
      this.cutBytes += oldest.bytes.length;
      this.cutUntilMs = oldest.timeMs;
      this.first++;
    }
    // Drop the cut records from the array now and then, not on every frame.
    if (this.first > 4096 && this.first * 2 > this.records.length) {
      this.records = this.records.slice(this.first);
      this.first = 0;
    }
  }

  /** The one end a frame is for; undefined for a broadcast or a frame nobody takes. */
  private receiverOf(frame: Uint8Array, from: NetInterface): string | undefined {
    const receivers = this.link.medium.receivers(frame, from, this.link.ends);
    return receivers.length === 1 ? receivers[0]!.node.name : undefined;
  }

  /** The pcap file of what the capture keeps, in memory. */
  pcap(): Uint8Array {
    const writer = new PcapWriter({ linkType: this.link.medium.pcapLinkType });
    for (const record of this.frames) writer.add(record.timeMs, record.bytes);
    return writer.toBytes();
  }

  /**
   * Writes `<dir>/<link>.pcap`, the Wireshark UAT files `esp_sa` and `ikev1_decryption_table`,
   * one row per line as `tshark -o 'uat:NAME:ROW'` takes it, and `ah_sa` with the AH keys.
   */
  save(dir: string, keyRows: KeyRows): SavedCapture {
    mkdirSync(dir, { recursive: true });
    const files = {
      pcap: path.join(dir, `${this.link.name}.pcap`),
      espSa: path.join(dir, 'esp_sa'),
      ahSa: path.join(dir, 'ah_sa'),
      ikeDecryptionTable: path.join(dir, 'ikev1_decryption_table'),
    };
    writeFileSync(files.pcap, this.pcap());
    const note = cutNote(this.link.name, this.cut);
    if (note !== undefined) writeFileSync(path.join(dir, `${this.link.name}.pcap.cut.txt`), note);
    writeFileSync(files.espSa, rowsText(keyRows.espSa));
    writeFileSync(files.ahSa, rowsText(keyRows.ahSa));
    writeFileSync(files.ikeDecryptionTable, rowsText(keyRows.ikeDecryption));
    return note === undefined ? files : { ...files, cutNote: path.join(dir, `${this.link.name}.pcap.cut.txt`) };
  }
}

/** What a saved capture says when it is not the whole of the link's traffic. */
export function cutNote(link: string, cut: CaptureCut | undefined): string | undefined {
  if (cut === undefined) return undefined;
  return `${link}.pcap starts after ${cut.frames} frames (${cut.bytes} bytes, until ${(cut.untilMs / 1000).toFixed(3)} s of virtual time) `
    + `that the capture of link ${link} cut to keep within ${cut.limitBytes} bytes; raise the link's "capture" limit (e.g. capture: 256MB) to keep them.\n`;
}

/** A Wireshark UAT table's file: one row a line. */
export function rowsText(rows: readonly string[]): string {
  return rows.map((row) => `${row}\n`).join('');
}
