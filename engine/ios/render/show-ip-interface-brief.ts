import { formatIpv4 } from '../../wire/ipv4-address.ts';
import { compareForBrief, interfaceType, type InterfaceConfig } from '../config/interfaces.ts';

/** `show ip interface brief`: one row per interface in IOS's fixed-width columns. */

const HEADER = 'Interface                  IP-Address      OK? Method Status                Protocol';

export interface InterfaceState {
  /** Line protocol (asked only for interfaces not shut down). */
  lineUp(name: string): boolean;
  /** The Status column when it can differ from the protocol (a Serial whose far end does not answer); default: lineUp. */
  statusUp?(name: string): boolean;
}

function statusOf(iface: InterfaceConfig, state: InterfaceState): [string, string] {
  if (iface.shutdown) return ['administratively down', 'down'];
  // A loopback is up as soon as it exists; other interfaces follow their link.
  if (interfaceType(iface.name)?.name === 'Loopback') return ['up', 'up'];
  const protocol = state.lineUp(iface.name);
  const status = state.statusUp?.(iface.name) ?? protocol;
  return [status ? 'up' : 'down', protocol ? 'up' : 'down'];
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
