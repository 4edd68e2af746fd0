import { formatIpv4 } from '../../wire/ipv4-address.ts';
import { DEFAULT_SA_LIFETIME, type IosConfig } from '../config/config-model.ts';

/**
 * Two short crypto shows of 12.2: `show crypto isakmp key` (the pre-shared keys, before 12.3T
 * added keyrings and the Keyring column) and `show crypto ipsec security-association lifetime`.
 */

const ADDRESS_COLUMN = 24;

export function renderShowCryptoIsakmpKey(config: IosConfig): string[] {
  const rows = config.crypto.isakmpKeys.map((entry) => `${formatIpv4(entry.address).padEnd(ADDRESS_COLUMN)}${entry.key}`);
  return [`${'Hostname/Address'.padEnd(ADDRESS_COLUMN)}Preshared Key`, '', ...rows];
}

export function renderShowSaLifetime(config: IosConfig): string[] {
  const kilobytes = config.crypto.saLifetime.kilobytes ?? DEFAULT_SA_LIFETIME.kilobytes;
  const seconds = config.crypto.saLifetime.seconds ?? DEFAULT_SA_LIFETIME.seconds;
  return [`Security association lifetime: ${kilobytes} kilobytes/${seconds} seconds`];
}
