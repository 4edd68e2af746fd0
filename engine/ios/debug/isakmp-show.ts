import type { IsakmpEngineConnection, IsakmpSaRow } from '../../ike/index.ts';
import { formatIpv4 } from '../../wire/ipv4-address.ts';
import { engineAesName, engineAlgorithm } from './ipsec-format.ts';

/**
 * `show crypto isakmp sa` in IOS 12.2's layout, and the algorithm names `show crypto engine
 * connections active` gives ISAKMP connections. Pure functions of the rows IKE reports.
 */

const HEADER = 'dst             src             state          conn-id slot';

export function renderShowCryptoIsakmpSa(rows: readonly IsakmpSaRow[]): string[] {
  return [
    HEADER,
    ...rows.map((row) => [
      formatIpv4(row.destination).padEnd(16),
      formatIpv4(row.source).padEnd(16),
      row.state.padEnd(15),
      String(row.connId).padStart(7),
      String(row.slot).padStart(5),
    ].join('')),
  ];
}

const HASH_NAMES: Record<IsakmpEngineConnection['hash'], string> = { md5: 'HMAC_MD5', sha: 'HMAC_SHA', sha256: 'HMAC_SHA256' };

/** The crypto engine's cipher names, which the column cuts: 3DES famously reads `3DES_56_C`. */
function cipherName(connection: IsakmpEngineConnection): string {
  if (connection.encryption === 'des') return 'DES_56_CBC';
  if (connection.encryption === '3des') return '3DES_56_CBC';
  return engineAesName(connection.keyBits);
}

/** `HMAC_SHA+DES_56_CB`: the Algorithm column of an ISAKMP connection, cut as IPsec rows are. */
export function isakmpEngineAlgorithm(connection: IsakmpEngineConnection): string {
  return engineAlgorithm(HASH_NAMES[connection.hash], cipherName(connection));
}
