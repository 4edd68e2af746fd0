/** The IOS 12.2 command line and configuration model of the emulated c2600. */

export { IosDevice, type IosDeviceOptions, type LineResult } from './session/ios-device.ts';
export type { RejectedLine, StartupLoadResult } from './session/startup-loader.ts';
export type { RouterServices } from './router-services.ts';
export type { CommandContext, CommandSpec, ModeId, ModeState, SessionControl } from './commands/command-context.ts';
export type { CommandExtensions } from './commands/mode-table.ts';
export type { Args, HelpTable } from './cli/command-types.ts';
export { IFNAME, interfaceNameOf, withHelp } from './commands/shared-grammar.ts';
export * from './config/config-model.ts';
export {
  HARDWARE_INTERFACES,
  INTERFACE_TYPES,
  isPhysical,
  normalizeInterfaceName,
  type AddressMethod,
  type InterfaceConfig,
} from './config/interfaces.ts';
export { aggressiveModePasswords, aggressiveModePeerAddresses, initiatesAggressiveMode } from './config/aggressive-mode.ts';
export { aclEntryConfigText, aclEntryShowText, kindOfNumber } from './config/acl-text.ts';
export {
  IOS_BOOT_CLOCK_MS,
  formatLogTimestamp,
  formatShowClock,
  formatTimestamp,
  formatUptimeStamp,
  formatUptimeWords,
  parseLogTimestamp,
} from './render/clock-format.ts';
export { renderRunningConfig, runningConfigBody } from './render/running-config.ts';
export { renderPing } from './render/ping-output.ts';
export { renderShowIpRoute } from './render/show-ip-route.ts';
export { IosText } from './messages.ts';
export { createDebugFlags, DEBUG_SUBSYSTEMS, type DebugFlags, type DebugSubsystem } from './debug-flags.ts';
export { renderShowCryptoMap, type DynamicMapInstance } from './render/show-crypto-map.ts';
export type { CryptoServices } from './crypto-services.ts';
export { renderIpsecDebugMessage } from './debug/ipsec-debug-messages.ts';
export { renderIkeTrace } from './debug/isakmp-debug.ts';
export { engineConnectionRow, type EngineConnectionRow } from './debug/ipsec-show.ts';
export { isakmpEngineAlgorithm } from './debug/isakmp-show.ts';
