import { bytesToHex } from '../wire/bytes.ts';
import { formatIpv4 } from '../wire/ipv4-address.ts';
import type { IntegrityAlgorithm } from '../crypto/integrity-algorithm.ts';
import type { EspSaCrypto } from './esp-transform.ts';
import type { InboundSa, OutboundSa, SaPair } from './sa-database.ts';

/**
 * Wireshark's ESP SA table (`esp_sa` UAT): one row per SA, exactly as
 * `tshark -o 'uat:esp_sa:ROW'` takes it, so a capture of the lab decrypts and checks ICVs.
 */

const ENCRYPTION_NAMES: Record<string, string> = {
  'des-cbc': 'DES-CBC [RFC2405]',
  '3des-cbc': 'TripleDES-CBC [RFC2451]',
  'aes-128-cbc': 'AES-CBC [RFC3602]',
  'aes-192-cbc': 'AES-CBC [RFC3602]',
  'aes-256-cbc': 'AES-CBC [RFC3602]',
};

const AUTHENTICATION_NAMES: Record<string, string> = {
  'hmac-md5-96': 'HMAC-MD5-96 [RFC2403]',
  'hmac-sha1-96': 'HMAC-SHA-1-96 [RFC2404]',
};

const NULL_ALGORITHM = 'NULL';

function quoted(fields: string[]): string {
  return fields.map((field) => `"${field}"`).join(',');
}

function hexKey(key: Uint8Array): string {
  return key.length === 0 ? '' : `0x${bytesToHex(key)}`;
}

function row(source: number, destination: number, spi: number, encryption: string, encryptionKey: Uint8Array, integrity: IntegrityAlgorithm | undefined, integrityKey: Uint8Array): string {
  const authentication = integrity === undefined ? NULL_ALGORITHM : (AUTHENTICATION_NAMES[integrity.name] ?? NULL_ALGORITHM);
  return quoted([
    'IPv4', formatIpv4(source), formatIpv4(destination), `0x${(spi >>> 0).toString(16).padStart(8, '0')}`,
    encryption, hexKey(encryptionKey), authentication, hexKey(integrityKey),
  ]);
}

export function espSaRow(sa: InboundSa<EspSaCrypto> | OutboundSa<EspSaCrypto>): string {
  const { crypto } = sa;
  const encryption = crypto.cipher === null ? NULL_ALGORITHM : (ENCRYPTION_NAMES[crypto.cipher.name] ?? NULL_ALGORITHM);
  return row(sa.source, sa.destination, crypto.spi, encryption, crypto.encryptionKey, crypto.integrity, crypto.integrityKey);
}

/** Both ESP SAs of every bundle, outbound first as the bundle's owner sends it. */
export function espSaRows(pairs: readonly SaPair[]): string[] {
  return pairs.flatMap((pair) => (pair.esp === undefined ? [] : [espSaRow(pair.esp.outbound), espSaRow(pair.esp.inbound)]));
}

/**
 * AH SAs in the same row layout, encryption NULL. Wireshark keeps no AH key table (AH is not
 * encrypted, and its dissector does not check ICVs), so these rows are for people and for
 * tests that check AH ICVs themselves; `esp_sa` alone lets Wireshark decrypt ESP inside AH.
 */
export function ahSaRows(pairs: readonly SaPair[]): string[] {
  return pairs.flatMap((pair) => (pair.ah === undefined ? [] : [pair.ah.outbound, pair.ah.inbound].map((sa) =>
    row(sa.source, sa.destination, sa.crypto.spi, NULL_ALGORITHM, new Uint8Array(0), sa.crypto.integrity, sa.crypto.integrityKey))));
}
