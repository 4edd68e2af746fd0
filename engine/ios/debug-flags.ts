/**
 * Which `debug` switches are on. Runtime state of the router, not configuration: the router
 * owns it, the CLI turns switches on and off, and the debug renderer reads it.
 */
export type DebugSubsystem = 'isakmp' | 'engine' | 'ipsec';

export type DebugFlags = Record<DebugSubsystem, boolean>;

/** The order and names `show debug` uses. */
export const DEBUG_SUBSYSTEMS: ReadonlyArray<{ id: DebugSubsystem; name: string }> = [
  { id: 'isakmp', name: 'Crypto ISAKMP' },
  { id: 'engine', name: 'Crypto Engine' },
  { id: 'ipsec', name: 'Crypto IPSEC' },
];

export function createDebugFlags(): DebugFlags {
  return { isakmp: false, engine: false, ipsec: false };
}
