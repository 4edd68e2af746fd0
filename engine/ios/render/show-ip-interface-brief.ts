import { formatIpv4 } from '../../wire/ipv4-address.ts';
import { compareForBrief, interfaceType, type InterfaceConfig } from '../config/interfaces.ts';

/** `show ip interface brief`: one row per interface in IOS's fixed-width columns. */

const HEADER = 'Interface                  IP-Address      OK? Method Status                Protocol';

export interface InterfaceState {
  /** Line status and line protocol (asked only for interfaces not shut down). */
  lineUp(name: string): boolean;
}

function statusOf(iface: InterfaceConfig, state: InterfaceState): [string, string] {
  if (iface.shutdown) return ['administratively down', 'down'];
  // A loopback is up as soon as it exists; other interfaces follow their link.
  const up = interfaceType(iface.name)?.name === 'Loopback' || state.lineUp(iface.name);
  return up ? ['up', 'up'] : ['down', 'down'];
}

function row(iface: InterfaceConfig, state: InterfaceState): string {
  const address = iface.address ? formatIpv4(iface.address.address) : 'unassigned';
  const [status, protocol] = statusOf(iface, state);
  return [
    iface.name.padEnd(26),
    address.padEnd(15),
    'YES',
    iface.addressMethod.padEnd(6),
    status.padEnd(21),
    protocol.padEnd(8),
  ].join(' ');
}

export function renderShowIpInterfaceBrief(interfaces: readonly InterfaceConfig[], state: InterfaceState): string[] {
  const listed = interfaces.filter((iface) => interfaceType(iface.name)?.name !== 'Null');
  const sorted = [...listed].sort((a, b) => compareForBrief(a.name, b.name));
  return [HEADER, ...sorted.map((iface) => row(iface, state))];
}
