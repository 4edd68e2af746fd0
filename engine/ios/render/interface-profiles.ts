import type { InterfaceStatistics } from '../../net/interface-activity.ts';
import { formatMacIos, type MacAddress } from '../../wire/mac-address.ts';
import type { InterfaceConfig } from '../config/interfaces.ts';
import { indentCounters, nonEthernetCounters } from './counter-lines.ts';
import { SERIAL_PROFILE } from './serial-profile.ts';

/**
 * What `show interfaces` and `show ip interface` print that depends on the kind of interface: its
 * hardware line, MTU, bandwidth and delay, encapsulation, keepalive, media, queues and the driver's
 * own counter lines. One profile per interface type (FastEthernet, its subinterfaces, a WIC's
 * Serial, Loopback); a new kind of interface is a new entry in `INTERFACE_PROFILES`, and the
 * renderers need no change.
 * Sources of every line: TEXT-SOURCES.md, "Interfaces".
 */

/** What the block shows of the interface's state. */
export interface PortState {
  shutdown: boolean;
  /** `is up`: carrier (the port's own, or its port's for a subinterface). */
  statusUp: boolean;
  /** `line protocol is up`. */
  protocolUp: boolean;
}

export interface InterfaceProfile {
  /** IOS's abbreviation in `show interfaces description` (`Fa0/0`). */
  shortName: string;
  /** The text after `Hardware is `; `mac` is the port's address when it has one. */
  hardware(mac: MacAddress | undefined): string;
  mtuBytes: number;
  /** The default; `bandwidth N` in the interface's configuration replaces it. */
  bandwidthKbit: number;
  delayUsec: number;
  /** The lines from `Encapsulation ...` to the ARP line: keepalive, PPP's control protocols, media. */
  encapsulationLines(config: InterfaceConfig, state: PortState): string[];
  /**
   * `full`: times, queues, rates and counters follow; `clearing-only`: only the `Last clearing` line
   * (a subinterface, whose traffic its port counts).
   */
  traffic: 'full' | 'clearing-only';
  /** From `Queueing strategy` (or the input queue line before it) to the last output queue line. */
  queueLines(figures: QueueFigures): string[];
  /** `interface resets` of an interface that is not shut: a port's controller is reset once when brought up. */
  resetsWhenUp: number;
  /** The counter lines after `5 minute output rate`, already indented, from the statistics. */
  counterLines(stats: CounterFigures, state: PortState): string[];
}

/** The figures the counter lines print. */
export type CounterFigures = Pick<InterfaceStatistics, 'packetsIn' | 'bytesIn' | 'broadcastsIn' | 'packetsOut' | 'bytesOut'> & {
  /** How often the controller was reset: once when it was brought up. */
  interfaceResets: number;
};

/** What the queue lines depend on. */
export interface QueueFigures {
  bandwidthKbit: number;
  packetsOut: number;
}

/** `bandwidth N` from the interface's configuration, else the profile's default. */
export function bandwidthOf(config: InterfaceConfig, profile: InterfaceProfile): number {
  const kept = config.kept.find((line) => /^bandwidth \d+$/.test(line));
  return kept === undefined ? profile.bandwidthKbit : Number(kept.slice('bandwidth '.length));
}

/** The AmdFE driver's counters, as a 2600's FastEthernet prints them. */
function fastEthernetCounters(s: CounterFigures): string[] {
  return indentCounters([
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
  return indentCounters(nonEthernetCounters(s));
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

function amdFe(mac: MacAddress | undefined): string {
  const address = formatMacIos(mac ?? NO_MAC);
  return `AmdFE, address is ${address} (bia ${address})`;
}

function fifoQueueLines(outputQueueMax: number): () => string[] {
  return () => ['  Queueing strategy: fifo', `  Output queue 0/${outputQueueMax}, 0 drops; input queue 0/75, 0 drops`];
}

const ARP_LINE = '  ARP type: ARPA, ARP Timeout 04:00:00';

function fastEthernetEncapsulation(config: InterfaceConfig, state: PortState): string[] {
  const media = fastEthernetMedia(config, state.protocolUp);
  return ['  Encapsulation ARPA, loopback not set', '  Keepalive set (10 sec)', `  ${media}`, ARP_LINE];
}

/** A subinterface off its VLAN still shows the port's own encapsulation. */
function subinterfaceEncapsulation(config: InterfaceConfig): string[] {
  const encapsulation = config.dot1q === undefined ? 'ARPA, loopback not set' : `802.1Q Virtual LAN, Vlan ID  ${config.dot1q}.`;
  return [`  Encapsulation ${encapsulation}`, ARP_LINE];
}

const FAST_ETHERNET: InterfaceProfile = {
  shortName: 'Fa',
  hardware: amdFe,
  mtuBytes: 1500,
  bandwidthKbit: 100_000,
  delayUsec: 100,
  encapsulationLines: fastEthernetEncapsulation,
  traffic: 'full',
  queueLines: fifoQueueLines(40),
  resetsWhenUp: 1,
  counterLines: fastEthernetCounters,
};

export const INTERFACE_PROFILES: Readonly<Record<string, InterfaceProfile>> = {
  FastEthernet: FAST_ETHERNET,
  'FastEthernet.subinterface': {
    ...FAST_ETHERNET,
    encapsulationLines: subinterfaceEncapsulation,
    traffic: 'clearing-only',
  },
  Serial: SERIAL_PROFILE,
  Loopback: {
    shortName: 'Lo',
    hardware: () => 'Loopback',
    mtuBytes: 1514,
    bandwidthKbit: 8_000_000,
    delayUsec: 5000,
    encapsulationLines: () => ['  Encapsulation LOOPBACK, loopback not set'],
    traffic: 'full',
    queueLines: fifoQueueLines(0),
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
