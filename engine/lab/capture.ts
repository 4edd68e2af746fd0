import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Link } from '../net/link.ts';
import { PcapWriter } from '../wire/pcap.ts';

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
  private readonly writer: PcapWriter;

  constructor(link: Link) {
    this.link = link;
    // An Ethernet segment's frames, or a serial cable's Cisco HDLC and PPP frames (told apart per frame).
    this.writer = new PcapWriter({ linkType: link.medium.pcapLinkType });
    link.addFrameTap((timeMs, frame) => this.writer.add(timeMs, frame));
  }

  get packets(): number {
    return this.writer.count;
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
    writeFileSync(files.pcap, this.writer.toBytes());
    writeFileSync(files.espSa, rowsText(keyRows.espSa));
    writeFileSync(files.ahSa, rowsText(keyRows.ahSa));
    writeFileSync(files.ikeDecryptionTable, rowsText(keyRows.ikeDecryption));
    return files;
  }
}

function rowsText(rows: string[]): string {
  return rows.map((row) => `${row}\n`).join('');
}
