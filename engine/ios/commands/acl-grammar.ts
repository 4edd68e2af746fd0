import type { AclEntry, AddressMatch, PortMatch, PortOperator } from '../../net/acl-types.ts';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import {
  ICMP_MESSAGE_TABLE,
  icmpMessageByName,
  IP_PROTOCOL_TABLE,
  portNumber,
  protocolNumber,
  TCP_PORT_TABLE,
  UDP_PORT_TABLE,
  type NamedNumber,
  type PortProtocol,
} from '../../wire/ip-protocols.ts';
import type { Args, HelpTable, SyntaxSpec } from '../cli/command-types.ts';
import type { AclKind } from '../../net/acl-types.ts';

/**
 * The grammar of one ACL entry (what follows `access-list N` or goes inside a named list),
 * generated from the protocol, port and ICMP tables, and the reading of a match into an
 * AclEntry.
 */

const ACTION = '(deny$action|permit$action)';

function addressSyntax(side: 'src' | 'dst'): string {
  return `(A.B.C.D$${side}Addr A.B.C.D$${side}Wild|any$${side}Any|host$${side}Host A.B.C.D$${side}HostAddr)`;
}

function portValue(side: 's' | 'd', table: readonly NamedNumber[]): string {
  return `(<0-65535>$${side}Port|${table.map((row) => `${row.name}$${side}Port`).join('|')})`;
}

function portSyntax(side: 's' | 'd', table: readonly NamedNumber[]): string {
  const value = portValue(side, table);
  const single = ['eq', 'neq', 'lt', 'gt'].map((op) => `${op}$${side}Op`).join('|');
  return `[(${single}) ${value}|range$${side}Op ${value} ${value}]`;
}

const ICMP_SYNTAX = `[(<0-255>$icmpType [<0-255>$icmpCode]|${ICMP_MESSAGE_TABLE.map((row) => `${row.name}$icmpName`).join('|')})]`;

const OTHER_PROTOCOLS = IP_PROTOCOL_TABLE.filter((row) => !['tcp', 'udp', 'icmp'].includes(row.name));

const PROTOCOL_SYNTAX = `(<0-255>$proto|ip$proto|${OTHER_PROTOCOLS.map((row) => `${row.name}$proto`).join('|')})`;

const SRC = addressSyntax('src');
const DST = addressSyntax('dst');

/** The syntaxes of an extended entry, one per protocol family (ports for tcp/udp, types for icmp). */
export const EXTENDED_ENTRY_SYNTAXES: readonly string[] = [
  `${ACTION} ${PROTOCOL_SYNTAX} ${SRC} ${DST} [log]`,
  `${ACTION} tcp$proto ${SRC} ${portSyntax('s', TCP_PORT_TABLE)} ${DST} ${portSyntax('d', TCP_PORT_TABLE)} {established|log}`,
  `${ACTION} udp$proto ${SRC} ${portSyntax('s', UDP_PORT_TABLE)} ${DST} ${portSyntax('d', UDP_PORT_TABLE)} [log]`,
  `${ACTION} icmp$proto ${SRC} ${DST} ${ICMP_SYNTAX} [log]`,
];

export const STANDARD_ENTRY_SYNTAX = `${ACTION} (A.B.C.D$srcAddr [A.B.C.D$srcWild]|any$srcAny|host$srcHost A.B.C.D$srcHostAddr) [log]`;

function tableHelp(table: readonly NamedNumber[]): Record<string, string> {
  // IOS appends the number: "World Wide Web (HTTP, 80)", "Telnet (23)".
  const entries = table.map((row) => {
    const text = row.help.endsWith(')') ? `${row.help.slice(0, -1)}, ${row.number})` : `${row.help} (${row.number})`;
    return [row.name, text];
  });
  return Object.fromEntries(entries);
}

const COMMON_ENTRY_HELP = {
  deny: 'Specify packets to reject',
  permit: 'Specify packets to forward',
  log: 'Log matches against this entry',
};

export const EXTENDED_ENTRY_HELP: readonly HelpTable[] = [
  { ...Object.fromEntries(OTHER_PROTOCOLS.map((row) => [row.name, row.help])) },
  { ...tableHelp(TCP_PORT_TABLE), tcp: 'Transmission Control Protocol', established: 'Match established connections' },
  { ...tableHelp(UDP_PORT_TABLE), udp: 'User Datagram Protocol' },
  {
    ...Object.fromEntries(ICMP_MESSAGE_TABLE.map((row) => [row.name, row.help])),
    icmp: 'Internet Control Message Protocol',
    $icmpType: 'ICMP message type',
    $icmpCode: 'ICMP message code',
  },
].map((specific) => ({
  ...COMMON_ENTRY_HELP,
  '<0-255>': 'An IP protocol number',
  ip: 'Any Internet Protocol',
  $srcAddr: 'Source address',
  $srcWild: 'Source wildcard bits',
  'any$srcAny': 'Any source host',
  'host$srcHost': 'A single source host',
  $srcHostAddr: 'Source address',
  $dstAddr: 'Destination address',
  $dstWild: 'Destination wildcard bits',
  'any$dstAny': 'Any destination host',
  'host$dstHost': 'A single destination host',
  $dstHostAddr: 'Destination address',
  eq: 'Match only packets on a given port number',
  gt: 'Match only packets with a greater port number',
  lt: 'Match only packets with a lower port number',
  neq: 'Match only packets not on a given port number',
  range: 'Match only packets in the range of port numbers',
  $sPort: 'Port number',
  $dPort: 'Port number',
  ...specific,
}));

export const STANDARD_ENTRY_HELP: HelpTable = {
  ...COMMON_ENTRY_HELP,
  $srcAddr: 'Address to match',
  $srcWild: 'Wildcard bits',
  any: 'Any source host',
  host: 'A single host address',
  $srcHostAddr: 'Host address',
};

/** The entry syntaxes of a list kind with their help, to prefix with `access-list N` or `no`. */
export function entrySyntaxes(kind: AclKind): SyntaxSpec[] {
  if (kind === 'standard') return [{ syntax: STANDARD_ENTRY_SYNTAX, help: STANDARD_ENTRY_HELP }];
  return EXTENDED_ENTRY_SYNTAXES.map((syntax, i) => ({ syntax, help: EXTENDED_ENTRY_HELP[i]! }));
}

function addressOf(args: Args, side: 'src' | 'dst'): AddressMatch {
  if (args.has(`${side}Any`)) return { address: 0, wildcard: 0xffffffff };
  const host = args.get(`${side}HostAddr`);
  if (host !== undefined) return { address: parseIpv4(host)!, wildcard: 0 };
  const wildcard = parseIpv4(args.get(`${side}Wild`) ?? '0.0.0.0')!;
  // IOS stores the address with the don't-care bits cleared.
  return { address: (parseIpv4(args.get(`${side}Addr`)!)! & ~wildcard) >>> 0, wildcard };
}

function portOf(args: Args, side: 's' | 'd', protocol: PortProtocol): PortMatch | undefined {
  const operator = args.get(`${side}Op`) as PortOperator | undefined;
  if (!operator) return undefined;
  const ports = args.all(`${side}Port`).map((value) => portNumber(protocol, value) ?? Number(value));
  return { operator, ports };
}

function protocolOf(args: Args): number | undefined {
  const name = args.get('proto')!;
  if (name === 'ip') return undefined;
  return /^\d+$/.test(name) ? Number(name) : protocolNumber(name);
}

function addIcmp(entry: AclEntry, args: Args): void {
  const name = args.get('icmpName');
  if (name !== undefined) {
    const message = icmpMessageByName(name)!;
    entry.icmpType = message.type;
    if (message.code !== undefined) entry.icmpCode = message.code;
    return;
  }
  const type = args.number('icmpType');
  if (type !== undefined) entry.icmpType = type;
  const code = args.number('icmpCode');
  if (code !== undefined) entry.icmpCode = code;
}

/** The AclEntry a matched entry syntax describes. */
export function entryFromArgs(args: Args, kind: AclKind): AclEntry {
  const entry: AclEntry = { action: args.get('action') as AclEntry['action'], source: addressOf(args, 'src'), matches: 0 };
  if (kind === 'extended') {
    const protocol = protocolOf(args);
    if (protocol !== undefined) entry.protocol = protocol;
    entry.destination = addressOf(args, 'dst');
    const family = args.get('proto');
    if (family === 'tcp' || family === 'udp') {
      const sourcePort = portOf(args, 's', family);
      const destinationPort = portOf(args, 'd', family);
      if (sourcePort) entry.sourcePort = sourcePort;
      if (destinationPort) entry.destinationPort = destinationPort;
    }
    if (family === 'icmp') addIcmp(entry, args);
    if (args.has('established')) entry.established = true;
  }
  if (args.has('log')) entry.log = true;
  return entry;
}
