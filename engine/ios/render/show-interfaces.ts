import type { InterfaceStatistics } from '../../net/interface-activity.ts';
import { formatIpv4, prefixLengthOfMask } from '../../wire/ipv4-address.ts';
import type { MacAddress } from '../../wire/mac-address.ts';
import { compareForBrief, interfaceType, type InterfaceConfig } from '../config/interfaces.ts';
import { formatUptimeStamp } from './clock-format.ts';
import { bandwidthOf, profileOf, shortInterfaceName, type InterfaceProfile, type PortState } from './interface-profiles.ts';

/**
 * `show interfaces [IF]` and `show interfaces description` in IOS 12.2's layout, from the
 * configuration and what the port counted (`engine/net/interface-activity.ts`). The layout of
 * each kind of interface comes from its profile (interface-profiles.ts).
 */

/** One interface as the show commands see it: its configuration and its running state. */
export interface InterfaceReport {
  config: InterfaceConfig;
  /** The line protocol, for an interface that is not shut down. */
  lineUp: boolean;
  /** The status (carrier) when it differs from the line protocol (a Serial line up with its protocol down); undefined: as `lineUp`. */
  statusUp?: boolean;
  /** The port's MAC (hardware interfaces). */
  mac?: MacAddress;
  /** The port's counters and times, and the virtual time they are read at. */
  traffic?: { statistics: InterfaceStatistics; nowMs: number };
}

const ZERO_RATE = { bitsPerSec: 0, packetsPerSec: 0 };

/** `FastEthernet0/0 is up, line protocol is up`, the first line of both `show interfaces` and `show ip interface`. */
export function interfaceStatusLine(report: InterfaceReport): string {
  const [status, protocol] = interfaceStates(report);
  return `${report.config.name} is ${status}, line protocol is ${protocol}`;
}

export function interfaceStates(report: InterfaceReport): [string, string] {
  if (report.config.shutdown) return ['administratively down', 'down'];
  return [(report.statusUp ?? report.lineUp) ? 'up' : 'down', report.lineUp ? 'up' : 'down'];
}

function portState(report: InterfaceReport): PortState {
  const { shutdown } = report.config;
  return { shutdown, statusUp: !shutdown && (report.statusUp ?? report.lineUp), protocolUp: !shutdown && report.lineUp };
}

/** `10.1.1.1/24`; undefined when the interface has no address. */
export function addressWithPrefix(config: InterfaceConfig): string | undefined {
  if (config.address === undefined) return undefined;
  return `${formatIpv4(config.address.address)}/${prefixLengthOfMask(config.address.mask) ?? 0}`;
}

/** IOS's "never" or the time since, `00:00:04` within a day, `1d02h` after. */
function since(eventMs: number | undefined, nowMs: number): string {
  return eventMs === undefined ? 'never' : formatUptimeStamp(Math.max(0, nowMs - eventMs));
}

/** txload and rxload: the share of the bandwidth the 5-minute rate uses, in 255ths, at least 1. */
function load(bitsPerSec: number, bandwidthKbit: number): number {
  return Math.min(255, Math.max(1, Math.round((255 * bitsPerSec) / (bandwidthKbit * 1000))));
}

/** IOS shows the 5-minute bit rate in thousands and the packet rate as a whole number. */
function rateLine(direction: 'input' | 'output', rate: { bitsPerSec: number; packetsPerSec: number }): string {
  const bits = Math.round(rate.bitsPerSec / 1000) * 1000;
  return `  5 minute ${direction} rate ${bits} bits/sec, ${Math.round(rate.packetsPerSec)} packets/sec`;
}

function headLines(report: InterfaceReport, profile: InterfaceProfile, stats: InterfaceStatistics | undefined): string[] {
  const { config } = report;
  const address = addressWithPrefix(config);
  const bandwidthKbit = bandwidthOf(config, profile);
  const tx = load(stats?.outputRate.bitsPerSec ?? 0, bandwidthKbit);
  const rx = load(stats?.inputRate.bitsPerSec ?? 0, bandwidthKbit);
  return [
    interfaceStatusLine(report),
    `  Hardware is ${profile.hardware(report.mac)}`,
    ...(config.description === undefined ? [] : [`  Description: ${config.description}`]),
    ...(address === undefined ? [] : [`  Internet address is ${address}`]),
    `  MTU ${profile.mtuBytes} bytes, BW ${bandwidthKbit} Kbit, DLY ${profile.delayUsec} usec,`,
    `     reliability 255/255, txload ${tx}/255, rxload ${rx}/255`,
    ...profile.encapsulationLines(config, portState(report)),
  ];
}

function clearingLine(stats: InterfaceStatistics | undefined, nowMs: number): string {
  return `  Last clearing of "show interface" counters ${since(stats?.clearedAtMs, nowMs)}`;
}

function trafficLines(report: InterfaceReport, profile: InterfaceProfile): string[] {
  const stats = report.traffic?.statistics;
  const nowMs = report.traffic?.nowMs ?? 0;
  if (profile.traffic === 'clearing-only') return [clearingLine(stats, nowMs)];
  const figures = {
    packetsIn: stats?.packetsIn ?? 0,
    bytesIn: stats?.bytesIn ?? 0,
    broadcastsIn: stats?.broadcastsIn ?? 0,
    packetsOut: stats?.packetsOut ?? 0,
    bytesOut: stats?.bytesOut ?? 0,
    interfaceResets: report.config.shutdown ? 0 : profile.resetsWhenUp,
  };
  return [
    `  Last input ${since(stats?.lastInputMs, nowMs)}, output ${since(stats?.lastOutputMs, nowMs)}, output hang never`,
    clearingLine(stats, nowMs),
    ...profile.queueLines({ bandwidthKbit: bandwidthOf(report.config, profile), packetsOut: figures.packetsOut }),
    rateLine('input', stats?.inputRate ?? ZERO_RATE),
    rateLine('output', stats?.outputRate ?? ZERO_RATE),
    ...profile.counterLines(figures, portState(report)),
  ];
}

/** One interface's block; undefined for an interface type without a profile. */
export function renderInterface(report: InterfaceReport): string[] | undefined {
  const profile = profileOf(report.config.name);
  if (profile === undefined) return undefined;
  return [...headLines(report, profile, report.traffic?.statistics), ...trafficLines(report, profile)];
}

/**
 * Interfaces in IOS's order (hardware first): for `show interfaces` those with a profile (a layout)
 * only; for `show ip interface` every one but Null, whose lines need no layout.
 */
export function listedInterfaces(reports: readonly InterfaceReport[], needsProfile = true): InterfaceReport[] {
  const listed = (name: string) => (needsProfile ? profileOf(name) !== undefined : interfaceType(name)?.name !== 'Null');
  return reports.filter((report) => listed(report.config.name)).sort((a, b) => compareForBrief(a.config.name, b.config.name));
}

export function renderShowInterfaces(reports: readonly InterfaceReport[]): string[] {
  return listedInterfaces(reports).flatMap((report) => renderInterface(report) ?? []);
}

const DESCRIPTION_HEADER = 'Interface                      Status         Protocol Description';

/** `show interfaces description`: status `admin down` for a shut interface, as the column is narrow. */
export function renderShowInterfacesDescription(reports: readonly InterfaceReport[]): string[] {
  const rows = listedInterfaces(reports).map((report) => {
    const [status, protocol] = interfaceStates(report);
    const shownStatus = status === 'administratively down' ? 'admin down' : status;
    const row = `${shortInterfaceName(report.config.name).padEnd(31)}${shownStatus.padEnd(15)}${protocol.padEnd(9)}${report.config.description ?? ''}`;
    return row.trimEnd();
  });
  return [DESCRIPTION_HEADER, ...rows];
}
