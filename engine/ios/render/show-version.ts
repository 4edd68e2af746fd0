import type { IosConfig } from '../config/config-model.ts';
import { interfaceType, isPhysical } from '../config/interfaces.ts';
import { PLATFORM, SHOW_VERSION_HARDWARE, SHOW_VERSION_HEAD } from '../messages.ts';
import { formatUptimeWords } from './clock-format.ts';

/** `show version` of the emulated c2621 running 12.2(27). */

/** IOS carves I/O memory out of DRAM in whole megabytes. */
function memoryFigures(iomemPercent: number): string {
  const ioKilobytes = Math.floor((PLATFORM.dramKilobytes * iomemPercent) / 100 / 1024) * 1024;
  return `${PLATFORM.dramKilobytes - ioKilobytes}K/${ioKilobytes}K`;
}

function imageFile(config: IosConfig): string {
  const flash = config.bootSystem.find((entry) => /^flash \S+/.test(entry));
  return `flash:${flash ? flash.split(' ')[1] : PLATFORM.imageFile}`;
}

export function renderShowVersion(config: IosConfig, uptimeMs: number): string[] {
  const iomem = config.iomemPercent ?? PLATFORM.defaultIomemPercent;
  return [
    ...SHOW_VERSION_HEAD,
    `${config.hostname} uptime is ${formatUptimeWords(uptimeMs)}`,
    'System returned to ROM by power-on',
    `System image file is "${imageFile(config)}"`,
    '',
    `cisco 2621 (MPC860) processor (revision 0x102) with ${memoryFigures(iomem)} bytes of memory.`,
    ...withSerialPorts(config),
  ];
}

/** The WICs' synchronous serial ports are counted after the FastEthernets (layout unconfirmed for 12.2). */
function withSerialPorts(config: IosConfig): string[] {
  const serials = config.interfaces.filter((iface) => isPhysical(iface.name) && interfaceType(iface.name)?.name === 'Serial').length;
  if (serials === 0) return [...SHOW_VERSION_HARDWARE];
  const at = SHOW_VERSION_HARDWARE.findIndex((line) => line.includes('FastEthernet')) + 1;
  return [...SHOW_VERSION_HARDWARE.slice(0, at), `${serials} Serial network interface(s)`, ...SHOW_VERSION_HARDWARE.slice(at)];
}
