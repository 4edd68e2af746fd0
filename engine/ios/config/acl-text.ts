import type { AccessList, AclEntry, AclKind, AddressMatch, PortMatch } from '../../net/acl-types.ts';
import { formatIpv4 } from '../../wire/ipv4-address.ts';
import { icmpMessageName, IpProtocol, portName, protocolName, type PortProtocol } from '../../wire/ip-protocols.ts';

/**
 * ACL entries as IOS writes them: the config form (`permit tcp any host 1.1.1.1 eq www`)
 * and the `show access-lists` form, which differs for standard lists
 * (`permit 10.1.1.0, wildcard bits 0.0.0.255`).
 */

export const ANY: AddressMatch = { address: 0, wildcard: 0xffffffff };

function isAny(match: AddressMatch): boolean {
  return match.wildcard >>> 0 === 0xffffffff;
}

function extendedAddress(match: AddressMatch): string {
  if (isAny(match)) return 'any';
  if (match.wildcard === 0) return `host ${formatIpv4(match.address)}`;
  return `${formatIpv4(match.address)} ${formatIpv4(match.wildcard)}`;
}

function portProtocolOf(entry: AclEntry): PortProtocol | undefined {
  if (entry.protocol === IpProtocol.tcp) return 'tcp';
  if (entry.protocol === IpProtocol.udp) return 'udp';
  return undefined;
}

function portText(match: PortMatch | undefined, protocol: PortProtocol | undefined): string {
  if (!match || !protocol) return '';
  const ports = match.ports.map((port) => portName(protocol, port) ?? String(port));
  return ` ${match.operator} ${ports.join(' ')}`;
}

function icmpText(entry: AclEntry): string {
  if (entry.protocol !== IpProtocol.icmp || entry.icmpType === undefined) return '';
  const name = icmpMessageName(entry.icmpType, entry.icmpCode);
  if (name) return ` ${name}`;
  return entry.icmpCode === undefined ? ` ${entry.icmpType}` : ` ${entry.icmpType} ${entry.icmpCode}`;
}

export function protocolText(protocol: number | undefined): string {
  if (protocol === undefined) return 'ip';
  return protocolName(protocol) ?? String(protocol);
}

function extendedEntryText(entry: AclEntry): string {
  const ports = portProtocolOf(entry);
  return [
    `${entry.action} ${protocolText(entry.protocol)} ${extendedAddress(entry.source)}`,
    portText(entry.sourcePort, ports),
    ` ${extendedAddress(entry.destination ?? ANY)}`,
    portText(entry.destinationPort, ports),
    icmpText(entry),
    entry.established ? ' established' : '',
    entry.log ? ' log' : '',
  ].join('');
}

function standardAddress(match: AddressMatch, style: 'config' | 'show'): string {
  if (isAny(match)) return 'any';
  if (match.wildcard === 0) return formatIpv4(match.address);
  const separator = style === 'show' ? ', wildcard bits ' : ' ';
  return `${formatIpv4(match.address)}${separator}${formatIpv4(match.wildcard)}`;
}

/** An entry as a configuration line writes it (after `access-list N ` or inside a named list). */
export function aclEntryConfigText(entry: AclEntry, kind: AclKind): string {
  if (kind === 'extended') return extendedEntryText(entry);
  return `${entry.action} ${standardAddress(entry.source, 'config')}${entry.log ? ' log' : ''}`;
}

/** An entry as `show access-lists` prints it, without the match count. */
export function aclEntryShowText(entry: AclEntry, kind: AclKind): string {
  if (kind === 'extended') return extendedEntryText(entry);
  // Standard lists pad the action so addresses line up under `permit`.
  return `${entry.action.padEnd(6)} ${standardAddress(entry.source, 'show')}${entry.log ? ' log' : ''}`;
}

export function aclHeading(list: AccessList): string {
  return `${list.kind === 'standard' ? 'Standard' : 'Extended'} IP access list ${list.name}`;
}

/** Whether two entries say the same thing (counters aside): `no permit ...` removes by this. */
export function sameAclEntry(a: AclEntry, b: AclEntry, kind: AclKind): boolean {
  return aclEntryConfigText(a, kind) === aclEntryConfigText(b, kind);
}

export type AclNumberKind = AclKind | undefined;

/** The kind a numbered list has by its number (1-99 and 1300-1999 standard, 100-199 and 2000-2699 extended). */
export function kindOfNumber(name: string): AclNumberKind {
  if (!/^\d+$/.test(name)) return undefined;
  const n = Number(name);
  if ((n >= 1 && n <= 99) || (n >= 1300 && n <= 1999)) return 'standard';
  if ((n >= 100 && n <= 199) || (n >= 2000 && n <= 2699)) return 'extended';
  return undefined;
}
