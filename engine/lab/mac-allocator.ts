import { MAC_BLOCK_SIZE, pcMac, routerMacBase } from '../net/mac-addresses.ts';
import type { MacAddress } from '../wire/mac-address.ts';

/**
 * Hands out the lab's MAC addresses from the names (see engine/net/mac-addresses.ts). Two names
 * whose hashes meet would share addresses, and a hub cannot tell such twins apart: the second
 * one moves on to the next free block. The order is the topology's, so the result is fixed.
 */
export class MacAllocator {
  private readonly used = new Set<MacAddress>();

  /** The first MAC of a router's block; the block's 16 addresses are the router's. */
  router(name: string): MacAddress {
    for (let skip = 0; ; skip++) {
      const base = routerMacBase(name, skip);
      const block = Array.from({ length: MAC_BLOCK_SIZE }, (_, index) => base + index);
      if (block.some((mac) => this.used.has(mac))) continue;
      for (const mac of block) this.used.add(mac);
      return base;
    }
  }

  pc(name: string): MacAddress {
    for (let skip = 0; ; skip++) {
      const mac = pcMac(name, skip);
      if (this.used.has(mac)) continue;
      this.used.add(mac);
      return mac;
    }
  }
}
