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

/** What one row says, kept as facts: a lab installs thousands of SAs and rarely asks for the rows. */
export interface SaRowFacts {
  readonly source: number;
  readonly destination: number;
  readonly spi: number;
  /** Wireshark's name of the encryption, or NULL. */
  readonly encryption: string;
  readonly encryptionKey: Uint8Array;
  readonly integrity: IntegrityAlgorithm | undefined;
  readonly integrityKey: Uint8Array;
}

export function formatSaRow(facts: SaRowFacts): string {
  const { integrity } = facts;
  const authentication = integrity === undefined ? NULL_ALGORITHM : (AUTHENTICATION_NAMES[integrity.name] ?? NULL_ALGORITHM);
  return quoted([
    'IPv4', formatIpv4(facts.source), formatIpv4(facts.destination), `0x${(facts.spi >>> 0).toString(16).padStart(8, '0')}`,
    facts.encryption, hexKey(facts.encryptionKey), authentication, hexKey(facts.integrityKey),
  ]);
}

function espFacts(sa: InboundSa<EspSaCrypto> | OutboundSa<EspSaCrypto>): SaRowFacts {
  const { crypto } = sa;
  const encryption = crypto.cipher === null ? NULL_ALGORITHM : (ENCRYPTION_NAMES[crypto.cipher.name] ?? NULL_ALGORITHM);
  return {
    source: sa.source, destination: sa.destination, spi: crypto.spi, encryption,
    encryptionKey: crypto.encryptionKey, integrity: crypto.integrity, integrityKey: crypto.integrityKey,
  };
}

export function espSaRow(sa: InboundSa<EspSaCrypto> | OutboundSa<EspSaCrypto>): string {
  return formatSaRow(espFacts(sa));
}

/** Both ESP SAs of every bundle, outbound first as the bundle's owner sends it. */
export function espSaFacts(pairs: readonly SaPair[]): SaRowFacts[] {
  return pairs.flatMap((pair) => (pair.esp === undefined ? [] : [espFacts(pair.esp.outbound), espFacts(pair.esp.inbound)]));
}

const NO_KEY = new Uint8Array(0);

/**
 * AH SAs in the same row layout, encryption NULL. Wireshark keeps no AH key table (AH is not
 * encrypted, and its dissector does not check ICVs), so these rows are for people and for
 * tests that check AH ICVs themselves; `esp_sa` alone lets Wireshark decrypt ESP inside AH.
 */
export function ahSaFacts(pairs: readonly SaPair[]): SaRowFacts[] {
  return pairs.flatMap((pair) => (pair.ah === undefined ? [] : [pair.ah.outbound, pair.ah.inbound].map((sa) => ({
    source: sa.source, destination: sa.destination, spi: sa.crypto.spi, encryption: NULL_ALGORITHM,
    encryptionKey: NO_KEY, integrity: sa.crypto.integrity, integrityKey: sa.crypto.integrityKey,
  }))));
}

