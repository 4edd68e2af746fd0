import { bytesToHex } from '../wire/bytes.ts';
import { formatIpv4 } from '../wire/ipv4-address.ts';
import type { SaPair, SecurityAssociation } from './sa-database.ts';

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

export function espSaRow(sa: SecurityAssociation): string {
  const { crypto } = sa;
  const encryption = crypto.cipher === null ? NULL_ALGORITHM : (ENCRYPTION_NAMES[crypto.cipher.name] ?? NULL_ALGORITHM);
  const authentication =
    crypto.integrity === undefined ? NULL_ALGORITHM : (AUTHENTICATION_NAMES[crypto.integrity.name] ?? NULL_ALGORITHM);
  return quoted([
    'IPv4',
    formatIpv4(sa.source),
    formatIpv4(sa.destination),
    `0x${(crypto.spi >>> 0).toString(16).padStart(8, '0')}`,
    encryption,
    hexKey(crypto.encryptionKey),
    authentication,
    hexKey(crypto.integrityKey),
  ]);
}

/** Both SAs of every pair, outbound first as the pair's owner sends it. */
export function espSaRows(pairs: readonly SaPair[]): string[] {
  return pairs.flatMap((pair) => [espSaRow(pair.outbound), espSaRow(pair.inbound)]);
}
