/** What the `show interfaces` renderers' tests build their reports from. */
import type { InterfaceStatistics } from '../../../net/interface-activity.ts';
import { newInterface, type InterfaceConfig } from '../../config/interfaces.ts';

/** An interface as configured: IOS's defaults for `name`, not shut down, then `settings`. */
export function configuredInterface(name: string, settings: Partial<InterfaceConfig> = {}): InterfaceConfig {
  return { ...newInterface(name), shutdown: false, ...settings };
}

/** Statistics with nothing counted and no rate, then `settings`. */
export function statistics(settings: Partial<InterfaceStatistics> = {}): InterfaceStatistics {
  const zero = { bitsPerSec: 0, packetsPerSec: 0 };
  return {
    packetsIn: 0, bytesIn: 0, broadcastsIn: 0, packetsOut: 0, bytesOut: 0,
    lastInputMs: undefined, lastOutputMs: undefined, clearedAtMs: undefined, inputRate: zero, outputRate: zero,
    ...settings,
  };
}
