import type { InterfaceStatistics } from '../../net/interface-activity.ts';
import { formatMacIos, type MacAddress } from '../../wire/mac-address.ts';
import type { InterfaceConfig } from '../config/interfaces.ts';

/**
 * What `show interfaces` and `show ip interface` print that depends on the kind of interface: its
 * hardware line, MTU, bandwidth and delay, encapsulation, keepalive, media, queues and the driver's
 * own counter lines. One profile per interface type; a new kind of interface (a Serial WIC, a
 * subinterface) is a new entry in `INTERFACE_PROFILES`, and the renderers need no change.
 * Sources of every line: TEXT-SOURCES.md, "Interfaces".
 */

export interface InterfaceProfile {
  /** IOS's abbreviation in `show interfaces description` (`Fa0/0`). */
  shortName: string;
  /** The text after `Hardware is `; `mac` is the port's address when it has one. */
  hardware(mac: MacAddress | undefined): string;
  mtuBytes: number;
  bandwidthKbit: number;
  delayUsec: number;
  /** `Encapsulation X, loopback not set`. */
  encapsulation: string;
  /** `Keepalive set (N sec)`; undefined: no keepalive line. */
  keepaliveSec?: number;
  /** The duplex and speed line of an Ethernet port; undefined: none. */
  media?(config: InterfaceConfig, lineUp: boolean): string;
  /** Whether the interface resolves with ARP (`ARP type: ARPA, ARP Timeout 04:00:00`). */
  arp: boolean;
  outputQueueMax: number;
  /** `interface resets` of an interface that is not shut: a port's controller is reset once when brought up. */
  resetsWhenUp: number;
  /** The counter lines after `5 minute output rate`, already indented, from the statistics. */
  counterLines(stats: CounterFigures): string[];
}

/** The figures the counter lines print. */
export type CounterFigures = Pick<InterfaceStatistics, 'packetsIn' | 'bytesIn' | 'broadcastsIn' | 'packetsOut' | 'bytesOut'> & {
  /** How often the controller was reset: once when it was brought up. */
  interfaceResets: number;
};

const COUNTER_INDENT = '     ';

function indent(lines: string[]): string[] {
  return lines.map((line) => `${COUNTER_INDENT}${line}`);
}

/** The AmdFE driver's counters, as a 2600's FastEthernet prints them. */
function fastEthernetCounters(s: CounterFigures): string[] {
  return indent([
    `${s.packetsIn} packets input, ${s.bytesIn} bytes`,
    `Received ${s.broadcastsIn} broadcasts, 0 runts, 0 giants, 0 throttles`,
    '0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored',
    '0 watchdog, 0 multicast',
    '0 input packets with dribble condition detected',
    `${s.packetsOut} packets output, ${s.bytesOut} bytes, 0 underruns`,
    `0 output errors, 0 collisions, ${s.interfaceResets} interface resets`,
    '0 babbles, 0 late collision, 0 deferred',
    '0 lost carrier, 0 no carrier',
    '0 output buffer failures, 0 output buffers swapped out',
  ]);
}

function loopbackCounters(s: CounterFigures): string[] {
  return indent([
    `${s.packetsIn} packets input, ${s.bytesIn} bytes, 0 no buffer`,
    `Received ${s.broadcastsIn} broadcasts, 0 runts, 0 giants, 0 throttles`,
    '0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored, 0 abort',
    `${s.packetsOut} packets output, ${s.bytesOut} bytes, 0 underruns`,
    `0 output errors, 0 collisions, ${s.interfaceResets} interface resets`,
    '0 output buffer failures, 0 output buffers swapped out',
  ]);
}

/**
 * An auto-negotiating port shows what it agreed with its link partner once the line is up (the
 * lab's partners are all 100 Mb/s full-duplex); a fixed setting shows as set.
 */
function fastEthernetMedia(config: InterfaceConfig, lineUp: boolean): string {
  const duplex = config.duplex ?? 'auto';
  const speed = config.speed ?? 'auto';
  const duplexText = duplex === 'auto' ? (lineUp ? 'Full-duplex' : 'Auto-duplex') : duplex === 'full' ? 'Full-duplex' : 'Half-duplex';
  const speedText = speed === 'auto' ? (lineUp ? '100Mb/s' : 'Auto Speed') : `${speed}Mb/s`;
  return `${duplexText}, ${speedText}, 100BaseTX/FX`;
}

const NO_MAC = 0;

export const INTERFACE_PROFILES: Readonly<Record<string, InterfaceProfile>> = {
  FastEthernet: {
    shortName: 'Fa',
    hardware: (mac) => {
      const address = formatMacIos(mac ?? NO_MAC);
      return `AmdFE, address is ${address} (bia ${address})`;
    },
    mtuBytes: 1500,
    bandwidthKbit: 100_000,
    delayUsec: 100,
    encapsulation: 'ARPA',
    keepaliveSec: 10,
    media: fastEthernetMedia,
    arp: true,
    outputQueueMax: 40,
    resetsWhenUp: 1,
    counterLines: fastEthernetCounters,
  },
  Loopback: {
    shortName: 'Lo',
    hardware: () => 'Loopback',
    mtuBytes: 1514,
    bandwidthKbit: 8_000_000,
    delayUsec: 5000,
    encapsulation: 'LOOPBACK',
    arp: false,
    outputQueueMax: 0,
    resetsWhenUp: 0,
    counterLines: loopbackCounters,
  },
};

/**
 * The profile of an interface by its canonical name (`FastEthernet0/1`); undefined for a type
 * without one. A subinterface (`FastEthernet0/0.10`) has a profile of its own, keyed
 * `FastEthernet.subinterface`: IOS prints a shorter block for it than for its port.
 */
export function profileOf(name: string): InterfaceProfile | undefined {
  const type = /^[A-Za-z-]+/.exec(name)?.[0];
  if (type === undefined) return undefined;
  return INTERFACE_PROFILES[name.includes('.') ? `${type}.subinterface` : type];
}

/** `Fa0/1`, `Lo0`: the short form `show interfaces description` lists. */
export function shortInterfaceName(name: string): string {
  const type = /^[A-Za-z-]+/.exec(name)?.[0] ?? '';
  const profile = INTERFACE_PROFILES[type];
  return profile === undefined ? name : `${profile.shortName}${name.slice(type.length)}`;
}
