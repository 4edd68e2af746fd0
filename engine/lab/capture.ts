import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Link } from '../net/link.ts';
import type { NetInterface } from '../net/net-interface.ts';
import { PcapWriter } from '../wire/pcap.ts';
import type { CapturedFrame } from './exchange/packet-view.ts';

/** The files a saved capture consists of, as Wireshark reads them. */
export interface SavedCapture {
  pcap: string;
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

/**
 * Records every frame a link carries from the moment the lab starts (Ethernet, ARP included),
 * so a capture can be saved at any step, with the key tables Wireshark needs to decrypt it.
 */
export class LinkCapture {
  readonly link: Link;
  /** Each frame with who sent it and who it was for; the tap's copy is the only one kept. */
  private readonly records: { -readonly [K in keyof CapturedFrame]: CapturedFrame[K] }[] = [];

  constructor(link: Link) {
    this.link = link;
    link.addFrameTap((timeMs, frame, from) => this.records.push({
      timeMs,
      link: link.name,
      // An Ethernet segment's frames, or a serial cable's Cisco HDLC and PPP frames (told apart per frame).
      linkType: link.medium.pcapLinkType,
      from: from.node.name,
      to: this.receiverOf(frame, from),
      bytes: frame,
    }));
    link.addLossTap(() => {
      const last = this.records[this.records.length - 1];
      if (last !== undefined) last.lost = true;
    });
  }

  get packets(): number {
    return this.records.length;
  }

  /** Every frame so far, in the order the link carried them. */
  get frames(): readonly CapturedFrame[] {
    return this.records;
  }

  /** The one end a frame is for; undefined for a broadcast or a frame nobody takes. */
  private receiverOf(frame: Uint8Array, from: NetInterface): string | undefined {
    const receivers = this.link.medium.receivers(frame, from, this.link.ends);
    return receivers.length === 1 ? receivers[0]!.node.name : undefined;
  }

  private pcap(): Uint8Array {
    const writer = new PcapWriter({ linkType: this.link.medium.pcapLinkType });
    for (const record of this.records) writer.add(record.timeMs, record.bytes);
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
    writeFileSync(files.espSa, rowsText(keyRows.espSa));
    writeFileSync(files.ahSa, rowsText(keyRows.ahSa));
    writeFileSync(files.ikeDecryptionTable, rowsText(keyRows.ikeDecryption));
    return files;
  }
}

function rowsText(rows: string[]): string {
  return rows.map((row) => `${row}\n`).join('');
}
