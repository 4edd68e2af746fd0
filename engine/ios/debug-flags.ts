import { IosText } from './messages.ts';

/**
 * Which `debug` switches are on. Runtime state of the router, not configuration: the router
 * owns it, the CLI turns switches on and off, and the debug renderer reads it.
 */
export type DebugSubsystem = 'isakmp' | 'engine' | 'ipsec' | 'arp';

export type DebugFlags = Record<DebugSubsystem, boolean>;

/** The order, names and `show debugging` headings IOS uses. */
export const DEBUG_SUBSYSTEMS: ReadonlyArray<{ id: DebugSubsystem; name: string; heading: string }> = [
  { id: 'arp', name: 'ARP packet', heading: IosText.genericIpHeading },
  { id: 'isakmp', name: 'Crypto ISAKMP', heading: IosText.cryptoSubsystemHeading },
  { id: 'engine', name: 'Crypto Engine', heading: IosText.cryptoSubsystemHeading },
  { id: 'ipsec', name: 'Crypto IPSEC', heading: IosText.cryptoSubsystemHeading },
];

export function createDebugFlags(): DebugFlags {
  return { isakmp: false, engine: false, ipsec: false, arp: false };
}
