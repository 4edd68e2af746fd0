import type { Ipv4Address } from '../../wire/ipv4-address.ts';

/**
 * The interfaces of a c2621: two FastEthernets in the chassis, plus the virtual ones
 * (Loopback, Null) that exist once configured. Names are kept in IOS's canonical spelling.
 */

export interface InterfaceType {
  /** IOS spelling, also the grammar keyword. */
  name: string;
  help: string;
  /** The number syntax of the grammar (`<0-0>/<0-1>` for slot/port). */
  numberSyntax: string;
  numberHelp: string;
  physical: boolean;
  /** Position in `show running-config` (virtual interfaces come first in IOS). */
  configOrder: number;
  /** Position in `show ip interface brief` (hardware first). */
  briefOrder: number;
  /** Whether it appears in `show ip interface brief` even when not configured. */
  alwaysListed: boolean;
}

export const INTERFACE_TYPES: readonly InterfaceType[] = [
  {
    name: 'FastEthernet',
    help: 'FastEthernet IEEE 802.3',
    numberSyntax: '<0-0>/<0-1>',
    numberHelp: 'FastEthernet interface number',
    physical: true,
    configOrder: 2,
    briefOrder: 0,
    alwaysListed: true,
  },
  {
    name: 'Loopback',
    help: 'Loopback interface',
    numberSyntax: '<0-2147483647>',
    numberHelp: 'Loopback interface number',
    physical: false,
    configOrder: 0,
    briefOrder: 1,
    alwaysListed: false,
  },
  {
    name: 'Null',
    help: 'Null interface',
    numberSyntax: '<0-0>',
    numberHelp: 'Null interface number',
    physical: false,
    configOrder: 3,
    briefOrder: 2,
    alwaysListed: false,
  },
];

/** The chassis's hardware interfaces. */
export const HARDWARE_INTERFACES = ['FastEthernet0/0', 'FastEthernet0/1'] as const;

export type AddressMethod = 'NVRAM' | 'manual' | 'unset';

export interface InterfaceConfig {
  name: string;
  description?: string;
  address?: { address: Ipv4Address; mask: Ipv4Address };
  /** How the address was set, as `show ip interface brief` reports it. */
  addressMethod: AddressMethod;
  shutdown: boolean;
  duplex?: 'auto' | 'full' | 'half';
  speed?: 'auto' | '10' | '100';
  accessGroupIn?: string;
  accessGroupOut?: string;
  cryptoMap?: string;
  /** `ip nat inside` or `ip nat outside`: an interface is one or the other. */
  nat?: 'inside' | 'outside';
  /** Accepted interface lines the lab does not model (`no ip route-cache` ...). */
  kept: string[];
}

export function interfaceType(name: string): InterfaceType | undefined {
  return INTERFACE_TYPES.find((type) => name.startsWith(type.name) && /^\d/.test(name.slice(type.name.length)));
}

export function isPhysical(name: string): boolean {
  return interfaceType(name)?.physical ?? false;
}

export function newInterface(name: string): InterfaceConfig {
  const physical = isPhysical(name);
  return {
    name,
    addressMethod: 'unset',
    // A chassis port with no configuration is shut; a virtual interface comes up when created.
    shutdown: physical,
    ...(physical ? { duplex: 'auto' as const, speed: 'auto' as const } : {}),
    kept: [],
  };
}

export function defaultInterfaces(): InterfaceConfig[] {
  return HARDWARE_INTERFACES.map(newInterface);
}

/**
 * The canonical name of an interface written any way IOS accepts: `fa0/0`, `f0/1`,
 * `FastEthernet 0/0`, `lo0`, `Loopback 1`. Undefined when it names no interface type.
 */
export function normalizeInterfaceName(text: string): string | undefined {
  const match = /^([A-Za-z][A-Za-z-]*)\s*(\d[\d/]*)$/.exec(text.trim());
  if (!match) return undefined;
  const typed = match[1]!.toLowerCase();
  const candidates = INTERFACE_TYPES.filter((type) => type.name.toLowerCase().startsWith(typed));
  if (candidates.length !== 1) return undefined;
  return `${candidates[0]!.name}${match[2]}`;
}

function numberParts(name: string): number[] {
  return (/\d[\d/]*$/.exec(name)?.[0] ?? '').split('/').map(Number);
}

function compareBy(order: (type: InterfaceType | undefined) => number) {
  return (a: string, b: string): number => {
    const byType = order(interfaceType(a)) - order(interfaceType(b));
    if (byType !== 0) return byType;
    const [na, nb] = [numberParts(a), numberParts(b)];
    for (let i = 0; i < Math.max(na.length, nb.length); i++) {
      const diff = (na[i] ?? 0) - (nb[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return 0;
  };
}

export const compareForRunningConfig = compareBy((type) => type?.configOrder ?? 99);
export const compareForBrief = compareBy((type) => type?.briefOrder ?? 99);
