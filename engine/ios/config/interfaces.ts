import type { Ipv4Address } from '../../wire/ipv4-address.ts';

/**
 * The interfaces of a c2621: two FastEthernets in the chassis, the Serial ports of the WAN
 * interface cards in its two WIC slots, plus the virtual ones (Loopback, Null) that exist once
 * configured. Names are kept in IOS's canonical spelling.
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
    // `FastEthernet0/0.10`: a subinterface (IEEE 802.1Q VLAN) of the port.
    numberSyntax: '<0-0>/<0-1>.<0-4294967295>',
    numberHelp: 'FastEthernet interface number',
    physical: true,
    configOrder: 2,
    briefOrder: 0,
    alwaysListed: true,
  },
  {
    name: 'Serial',
    help: 'Serial',
    numberSyntax: '<0-0>/<0-3>',
    numberHelp: 'Serial interface number',
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

/** The serial WAN interface cards a c2600's WIC slots take, and their ports. */
export const WIC_PORTS = { 'WIC-1T': 1, 'WIC-2T': 2 } as const;
export type WicModel = keyof typeof WIC_PORTS;
export const WIC_SLOTS = 2;

/**
 * The Serial interfaces of the WICs in slots W0, W1: numbered 0/0 upwards across the slots,
 * W0's ports first, whatever slot is empty (Cisco, Software Configuration Guide for the 2600,
 * 3600 and 3700 Series, "Understanding Interface Numbering").
 */
export function wicInterfaces(wics: readonly (WicModel | undefined)[]): string[] {
  const ports = wics.reduce((count, wic) => count + (wic === undefined ? 0 : WIC_PORTS[wic]), 0);
  return Array.from({ length: ports }, (_, port) => `Serial0/${port}`);
}

/** Every hardware interface of a c2600 with these WICs. */
export function chassisInterfaces(wics: readonly (WicModel | undefined)[] = []): string[] {
  return [...HARDWARE_INTERFACES, ...wicInterfaces(wics)];
}

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
  /** Serial: `encapsulation ppp`; absent is IOS's default, Cisco HDLC. */
  encapsulation?: 'ppp';
  /** Serial: `clock rate N` in bit/s (it clocks the line only at the cable's DCE end). */
  clockRate?: number;
  /** A FastEthernet subinterface's `encapsulation dot1Q N`: the VLAN it tags and takes. */
  dot1q?: number;
  /** `ip nat inside` or `ip nat outside`: an interface is one or the other. */
  nat?: 'inside' | 'outside';
  /** Accepted interface lines the lab does not model (`no ip route-cache` ...). */
  kept: string[];
}

export function interfaceType(name: string): InterfaceType | undefined {
  return INTERFACE_TYPES.find((type) => name.startsWith(type.name) && /^\d/.test(name.slice(type.name.length)));
}

export function isPhysical(name: string): boolean {
  return !isSubinterface(name) && (interfaceType(name)?.physical ?? false);
}

/** `FastEthernet0/0.10`: a subinterface of a port. */
export function isSubinterface(name: string): boolean {
  return name.includes('.');
}

/** The port a subinterface belongs to (`FastEthernet0/0` of `FastEthernet0/0.10`). */
export function parentOf(name: string): string | undefined {
  const dot = name.indexOf('.');
  return dot < 0 ? undefined : name.slice(0, dot);
}

export function newInterface(name: string): InterfaceConfig {
  const physical = isPhysical(name);
  return {
    name,
    addressMethod: 'unset',
    // A chassis port with no configuration is shut; a virtual interface or a subinterface comes up when created.
    shutdown: physical,
    ...(physical && interfaceType(name)?.name === 'FastEthernet' ? { duplex: 'auto' as const, speed: 'auto' as const } : {}),
    kept: [],
  };
}

export function defaultInterfaces(hardware: readonly string[] = HARDWARE_INTERFACES): InterfaceConfig[] {
  return hardware.map(newInterface);
}

/**
 * The canonical name of an interface written any way IOS accepts: `fa0/0`, `f0/1`,
 * `FastEthernet 0/0`, `lo0`, `Loopback 1`. Undefined when it names no interface type.
 */
export function normalizeInterfaceName(text: string): string | undefined {
  const match = /^([A-Za-z][A-Za-z-]*)\s*(\d[\d/]*(?:\.\d+)?)$/.exec(text.trim());
  if (!match) return undefined;
  const typed = match[1]!.toLowerCase();
  const candidates = INTERFACE_TYPES.filter((type) => type.name.toLowerCase().startsWith(typed));
  if (candidates.length !== 1) return undefined;
  return `${candidates[0]!.name}${match[2]}`;
}

/** Slot and port (`0/1`), and the subinterface number apart (0 for the port itself). */
function numberParts(name: string): { main: number[]; sub: number } {
  const [main = '', sub = '0'] = (/\d[\d/.]*$/.exec(name)?.[0] ?? '').split('.');
  return { main: main.split('/').map(Number), sub: Number(sub) };
}

/**
 * Types of one rank (the chassis's FastEthernets and WIC Serials) interleave by number, then go in
 * table order, subinterfaces after their port: FastEthernet0/0, FastEthernet0/0.10, Serial0/0,
 * FastEthernet0/1, Serial0/1, Serial0/2.
 */
function compareBy(order: (type: InterfaceType | undefined) => number) {
  return (a: string, b: string): number => {
    const [typeA, typeB] = [interfaceType(a), interfaceType(b)];
    const byType = order(typeA) - order(typeB);
    if (byType !== 0) return byType;
    const [na, nb] = [numberParts(a), numberParts(b)];
    for (let i = 0; i < Math.max(na.main.length, nb.main.length); i++) {
      const diff = (na.main[i] ?? 0) - (nb.main[i] ?? 0);
      if (diff !== 0) return diff;
    }
    // A port's subinterfaces follow it, before the next type's port of that number.
    return INTERFACE_TYPES.indexOf(typeA!) - INTERFACE_TYPES.indexOf(typeB!) || na.sub - nb.sub;
  };
}

export const compareForRunningConfig = compareBy((type) => type?.configOrder ?? 99);
export const compareForBrief = compareBy((type) => type?.briefOrder ?? 99);
