import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Link } from '../net/link.ts';
import type { NetInterface } from '../net/net-interface.ts';
import { PcapWriter } from '../wire/pcap.ts';
import type { CapturedFrame } from './exchange/packet-view.ts';
import { NewestWithin } from '../sim/newest-within.ts';

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
  /** Each frame with who sent it and who it was for; the tap's copy is the only one kept. */
  private readonly records: NewestWithin<FrameRecord>;

  constructor(link: Link, limitBytes: number) {
    this.link = link;
    this.records = new NewestWithin(limitBytes, (record) => record.bytes.length);
    link.addFrameTap((timeMs, frame, from) => this.records.push({
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
      for (const record of this.records.newestFirst()) {
        if (record.sequence === sequence) record.lost = true;
        if (record.sequence <= sequence) break;
      }
    });
  }

  get limitBytes(): number {
    return this.records.limit;
  }

  get packets(): number {
    return this.records.keptCount;
  }

  /** The frames kept, in the order the link carried them. */
  get frames(): readonly CapturedFrame[] {
    return this.records.kept();
  }

  /** What the capture cut to stay within its limit; undefined while it has cut nothing. */
  get cut(): CaptureCut | undefined {
    const cut = this.records.cut;
    if (cut === undefined) return undefined;
    return { frames: cut.count, bytes: cut.size, untilMs: cut.newest.timeMs, limitBytes: this.records.limit };
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
    const contents = this.contents(keyRows);
    mkdirSync(dir, { recursive: true });
    const files = {
      pcap: path.join(dir, `${this.link.name}.pcap`),
      espSa: path.join(dir, 'esp_sa'),
      ahSa: path.join(dir, 'ah_sa'),
      ikeDecryptionTable: path.join(dir, 'ikev1_decryption_table'),
    };
    for (const name of ['pcap', 'espSa', 'ahSa', 'ikeDecryptionTable'] as const) writeFileSync(files[name], contents[name]);
    if (contents.cutNote === undefined) return files;
    const cutNoteFile = path.join(dir, `${this.link.name}.pcap.cut.txt`);
    writeFileSync(cutNoteFile, contents.cutNote);
    return { ...files, cutNote: cutNoteFile };
  }

  /** The files `save` writes, in memory: the pcap, the key tables, the note of what was cut. */
  contents(keyRows: KeyRows): CaptureContents {
    const note = cutNote(this.link.name, this.cut);
    return {
      pcap: this.pcap(),
      espSa: rowsText(keyRows.espSa),
      ahSa: rowsText(keyRows.ahSa),
      ikeDecryptionTable: rowsText(keyRows.ikeDecryption),
      ...(note === undefined ? {} : { cutNote: note }),
    };
  }
}

/** A saved capture's files, in memory. */
export interface CaptureContents {
  pcap: Uint8Array;
  espSa: string;
  ahSa: string;
  ikeDecryptionTable: string;
  cutNote?: string;
}

/** What a saved capture says when it is not the whole of the link's traffic. */
export function cutNote(link: string, cut: CaptureCut | undefined): string | undefined {
  if (cut === undefined) return undefined;
  return `${link}.pcap starts after ${cut.frames} frames (${cut.bytes} bytes, until ${(cut.untilMs / 1000).toFixed(3)} s of virtual time) `
    + `that the capture of link ${link} cut to keep within ${cut.limitBytes} bytes; raise the link's "capture" limit (e.g. capture: 256MB) to keep them.\n`;
}

/** A Wireshark UAT table's file: one row a line. */
function rowsText(rows: readonly string[]): string {
  return rows.map((row) => `${row}\n`).join('');
}
