import type { ArpTableRow } from '../../net/arp-cache.ts';
import { formatIpv4 } from '../../wire/ipv4-address.ts';
import { formatMacIos } from '../../wire/mac-address.ts';

/**
 * `show arp` and `show ip arp` in IOS 12.2's layout: fixed columns (Protocol 10, Address 16,
 * Age right-aligned in 9, three blanks, Hardware Addr 14, two blanks, Type 6 and a blank,
 * Interface), as captures of the command print them:
 *
 *   Protocol  Address          Age (min)  Hardware Addr   Type   Interface
 *   Internet  10.100.88.1             -   c4f7.d564.b716  ARPA   Vlan10
 *   Internet  10.100.88.197           0   Incomplete      ARPA
 *
 * The router's own addresses have no age (`-`); an entry still waiting for its reply shows
 * `Incomplete` and no interface.
 */

export const SHOW_ARP_HEADER = 'Protocol  Address          Age (min)  Hardware Addr   Type   Interface';

const INCOMPLETE = 'Incomplete';

export function showArpLine(row: ArpTableRow): string {
  const age = row.ageMinutes === undefined ? '-' : String(row.ageMinutes);
  const hardware = row.mac === undefined ? INCOMPLETE : formatMacIos(row.mac);
  const line = `Internet  ${formatIpv4(row.address).padEnd(16)}${age.padStart(9)}   ${hardware.padEnd(14)}  ${'ARPA'.padEnd(6)} ${row.interfaceName ?? ''}`;
  return line.trimEnd();
}

/** The heading is printed even when the table is empty (a router always has its own entries). */
export function renderShowArp(rows: readonly ArpTableRow[]): string[] {
  return [SHOW_ARP_HEADER, ...rows.map(showArpLine)];
}
