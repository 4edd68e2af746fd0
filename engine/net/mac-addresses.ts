import type { MacAddress } from '../wire/mac-address.ts';

/**
 * Burned-in addresses for the lab's interfaces, derived from names alone: the same topology
 * gives the same MACs on every run and with every seed, and renaming one router changes only
 * its own. Never from the clock or the random stream.
 *
 * A c2600 has a block of consecutive addresses from Cisco's OUI, FastEthernet0/0 first and
 * FastEthernet0/1 next (as `show interfaces` shows them: ...1a20, ...1a21); a block is 16
 * addresses, aligned, so a chassis never runs into the next one. PCs get one address from the
 * OUI of VMware's virtual NICs (the lab's PCs stand for virtual machines); a real peer's end,
 * which stands for this machine's network, gets a locally administered one.
 */

/** 00:03:6b, Cisco Systems, the OUI of c2600 FastEthernet ports such as 0003.6b8f.1a20. */
export const CISCO_OUI = 0x00036b;
/** 00:0c:29, VMware's virtual NICs. */
export const PC_OUI = 0x000c29;
/** 02:00:00, a locally administered prefix (the second-lowest bit of the first octet set). */
export const LOCAL_OUI = 0x020000;

export const MAC_BLOCK_SIZE = 16;
const OUI_SCALE = 2 ** 24;
const LOW_24 = 0xffffff;

/** FNV-1a, 32 bits: a stable, well-spread hash of a name. */
export function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function macFrom(oui: number, low24: number): MacAddress {
  return oui * OUI_SCALE + (low24 & LOW_24);
}

/** The first address of a router's block: its FastEthernet0/0. `skip` moves to a later block (a clash). */
export function routerMacBase(name: string, skip = 0): MacAddress {
  const block = (nameHash(name) + skip * MAC_BLOCK_SIZE) & LOW_24 & ~(MAC_BLOCK_SIZE - 1);
  return macFrom(CISCO_OUI, block);
}

export function pcMac(name: string, skip = 0): MacAddress {
  return macFrom(PC_OUI, nameHash(name) + skip);
}

export function localMac(name: string, skip = 0): MacAddress {
  return macFrom(LOCAL_OUI, nameHash(name) + skip);
}
