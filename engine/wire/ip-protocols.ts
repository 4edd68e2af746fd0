/**
 * Protocol numbers, well-known ports and ICMP message types with the names IOS 12.2 uses
 * for them in access lists (and the help text its `?` shows). One table each; the maps
 * below are derived from them.
 */

export interface NamedNumber {
  name: string;
  number: number;
  help: string;
}

/** The IOS keyword for "any IP protocol" in extended access lists. */
export const ANY_PROTOCOL_KEYWORD = 'ip';

export const IP_PROTOCOL_TABLE: readonly NamedNumber[] = [
  { name: 'icmp', number: 1, help: 'Internet Control Message Protocol' },
  { name: 'igmp', number: 2, help: 'Internet Gateway Message Protocol' },
  { name: 'ipinip', number: 4, help: 'IP in IP tunneling' },
  { name: 'tcp', number: 6, help: 'Transmission Control Protocol' },
  { name: 'igrp', number: 9, help: "Cisco's IGRP routing protocol" },
  { name: 'udp', number: 17, help: 'User Datagram Protocol' },
  { name: 'gre', number: 47, help: "Cisco's GRE tunneling" },
  { name: 'esp', number: 50, help: 'Encapsulation Security Payload' },
  { name: 'ahp', number: 51, help: 'Authentication Header Protocol' },
  { name: 'eigrp', number: 88, help: "Cisco's EIGRP routing protocol" },
  { name: 'ospf', number: 89, help: 'OSPF routing protocol' },
  { name: 'nos', number: 94, help: 'KA9Q NOS compatible IP over IP tunneling' },
  { name: 'pim', number: 103, help: 'Protocol Independent Multicast' },
  { name: 'pcp', number: 108, help: 'Payload Compression Protocol' },
];

/** Protocol numbers the engine itself switches on. */
export const IpProtocol = { icmp: 1, tcp: 6, udp: 17, esp: 50, ah: 51 } as const;

export const TCP_PORT_TABLE: readonly NamedNumber[] = [
  { name: 'bgp', number: 179, help: 'Border Gateway Protocol' },
  { name: 'chargen', number: 19, help: 'Character generator' },
  { name: 'cmd', number: 514, help: 'Remote commands (rcmd)' },
  { name: 'daytime', number: 13, help: 'Daytime' },
  { name: 'discard', number: 9, help: 'Discard' },
  { name: 'domain', number: 53, help: 'Domain Name Service' },
  { name: 'echo', number: 7, help: 'Echo' },
  { name: 'exec', number: 512, help: 'Exec (rsh)' },
  { name: 'finger', number: 79, help: 'Finger' },
  { name: 'ftp', number: 21, help: 'File Transfer Protocol' },
  { name: 'ftp-data', number: 20, help: 'FTP data connections (used infrequently)' },
  { name: 'gopher', number: 70, help: 'Gopher' },
  { name: 'hostname', number: 101, help: 'NIC hostname server' },
  { name: 'ident', number: 113, help: 'Ident Protocol' },
  { name: 'irc', number: 194, help: 'Internet Relay Chat' },
  { name: 'klogin', number: 543, help: 'Kerberos login' },
  { name: 'kshell', number: 544, help: 'Kerberos shell' },
  { name: 'login', number: 513, help: 'Login (rlogin)' },
  { name: 'lpd', number: 515, help: 'Printer service' },
  { name: 'nntp', number: 119, help: 'Network News Transport Protocol' },
  { name: 'pim-auto-rp', number: 496, help: 'PIM Auto-RP' },
  { name: 'pop2', number: 109, help: 'Post Office Protocol v2' },
  { name: 'pop3', number: 110, help: 'Post Office Protocol v3' },
  { name: 'smtp', number: 25, help: 'Simple Mail Transport Protocol' },
  { name: 'sunrpc', number: 111, help: 'Sun Remote Procedure Call' },
  { name: 'tacacs', number: 49, help: 'TAC Access Control System' },
  { name: 'talk', number: 517, help: 'Talk' },
  { name: 'telnet', number: 23, help: 'Telnet' },
  { name: 'time', number: 37, help: 'Time' },
  { name: 'uucp', number: 540, help: 'Unix-to-Unix Copy Program' },
  { name: 'whois', number: 43, help: 'Nicname' },
  { name: 'www', number: 80, help: 'World Wide Web (HTTP)' },
];

export const UDP_PORT_TABLE: readonly NamedNumber[] = [
  { name: 'biff', number: 512, help: 'Biff (mail notification, comsat)' },
  { name: 'bootpc', number: 68, help: 'Bootstrap Protocol (BOOTP) client' },
  { name: 'bootps', number: 67, help: 'Bootstrap Protocol (BOOTP) server' },
  { name: 'discard', number: 9, help: 'Discard' },
  { name: 'dnsix', number: 195, help: 'DNSIX security protocol auditing' },
  { name: 'domain', number: 53, help: 'Domain Name Service (DNS)' },
  { name: 'echo', number: 7, help: 'Echo' },
  { name: 'isakmp', number: 500, help: 'Internet Security Association and Key Management Protocol' },
  { name: 'mobile-ip', number: 434, help: 'Mobile IP registration' },
  { name: 'nameserver', number: 42, help: 'IEN116 name service (obsolete)' },
  { name: 'netbios-dgm', number: 138, help: 'NetBios datagram service' },
  { name: 'netbios-ns', number: 137, help: 'NetBios name service' },
  { name: 'netbios-ss', number: 139, help: 'NetBios session service' },
  { name: 'ntp', number: 123, help: 'Network Time Protocol' },
  { name: 'pim-auto-rp', number: 496, help: 'PIM Auto-RP' },
  { name: 'rip', number: 520, help: 'Routing Information Protocol (router, in.routed)' },
  { name: 'snmp', number: 161, help: 'Simple Network Management Protocol' },
  { name: 'snmptrap', number: 162, help: 'SNMP Traps' },
  { name: 'sunrpc', number: 111, help: 'Sun Remote Procedure Call' },
  { name: 'syslog', number: 514, help: 'System Logger' },
  { name: 'tacacs', number: 49, help: 'TAC Access Control System' },
  { name: 'talk', number: 517, help: 'Talk' },
  { name: 'tftp', number: 69, help: 'Trivial File Transfer Protocol' },
  { name: 'time', number: 37, help: 'Time' },
  { name: 'who', number: 513, help: 'Who service (rwho)' },
  { name: 'xdmcp', number: 177, help: 'X Display Manager Control Protocol' },
];

export const IcmpType = {
  echoReply: 0,
  destinationUnreachable: 3,
  sourceQuench: 4,
  redirect: 5,
  echoRequest: 8,
  timeExceeded: 11,
  parameterProblem: 12,
} as const;

export const UnreachableCode = {
  network: 0,
  host: 1,
  protocol: 2,
  port: 3,
  fragmentationNeeded: 4,
  administrativelyProhibited: 13,
} as const;

export interface IcmpMessageName {
  name: string;
  type: number;
  /** Absent when the keyword stands for every code of the type. */
  code?: number;
  help: string;
}

export const ICMP_MESSAGE_TABLE: readonly IcmpMessageName[] = [
  { name: 'administratively-prohibited', type: 3, code: 13, help: 'Administratively prohibited' },
  { name: 'alternate-address', type: 6, help: 'Alternate address' },
  { name: 'conversion-error', type: 31, help: 'Datagram conversion' },
  { name: 'dod-host-prohibited', type: 3, code: 10, help: 'Host prohibited' },
  { name: 'dod-net-prohibited', type: 3, code: 9, help: 'Net prohibited' },
  { name: 'echo', type: 8, help: 'Echo (ping)' },
  { name: 'echo-reply', type: 0, help: 'Echo reply' },
  { name: 'general-parameter-problem', type: 12, code: 0, help: 'Parameter problem' },
  { name: 'host-isolated', type: 3, code: 8, help: 'Host isolated' },
  { name: 'host-precedence-unreachable', type: 3, code: 14, help: 'Host unreachable for precedence' },
  { name: 'host-redirect', type: 5, code: 1, help: 'Host redirect' },
  { name: 'host-tos-redirect', type: 5, code: 3, help: 'Host redirect for TOS' },
  { name: 'host-tos-unreachable', type: 3, code: 12, help: 'Host unreachable for TOS' },
  { name: 'host-unknown', type: 3, code: 7, help: 'Host unknown' },
  { name: 'host-unreachable', type: 3, code: 1, help: 'Host unreachable' },
  { name: 'information-reply', type: 16, help: 'Information replies' },
  { name: 'information-request', type: 15, help: 'Information requests' },
  { name: 'mask-reply', type: 18, help: 'Mask replies' },
  { name: 'mask-request', type: 17, help: 'Mask requests' },
  { name: 'mobile-redirect', type: 32, help: 'Mobile host redirect' },
  { name: 'net-redirect', type: 5, code: 0, help: 'Network redirect' },
  { name: 'net-tos-redirect', type: 5, code: 2, help: 'Net redirect for TOS' },
  { name: 'net-tos-unreachable', type: 3, code: 11, help: 'Network unreachable for TOS' },
  { name: 'net-unreachable', type: 3, code: 0, help: 'Net unreachable' },
  { name: 'network-unknown', type: 3, code: 6, help: 'Network unknown' },
  { name: 'no-room-for-option', type: 12, code: 2, help: 'Parameter required but no room' },
  { name: 'option-missing', type: 12, code: 1, help: 'Parameter required but not present' },
  { name: 'packet-too-big', type: 3, code: 4, help: 'Fragmentation needed and DF set' },
  { name: 'parameter-problem', type: 12, help: 'All parameter problems' },
  { name: 'port-unreachable', type: 3, code: 3, help: 'Port unreachable' },
  { name: 'precedence-unreachable', type: 3, code: 15, help: 'Precedence cutoff' },
  { name: 'protocol-unreachable', type: 3, code: 2, help: 'Protocol unreachable' },
  { name: 'reassembly-timeout', type: 11, code: 1, help: 'Reassembly timeout' },
  { name: 'redirect', type: 5, help: 'All redirects' },
  { name: 'router-advertisement', type: 9, help: 'Router discovery advertisements' },
  { name: 'router-solicitation', type: 10, help: 'Router discovery solicitations' },
  { name: 'source-quench', type: 4, help: 'Source quenches' },
  { name: 'source-route-failed', type: 3, code: 5, help: 'Source route failed' },
  { name: 'time-exceeded', type: 11, help: 'All time exceededs' },
  { name: 'timestamp-reply', type: 14, help: 'Timestamp replies' },
  { name: 'timestamp-request', type: 13, help: 'Timestamp requests' },
  { name: 'traceroute', type: 30, help: 'Traceroute' },
  { name: 'ttl-exceeded', type: 11, code: 0, help: 'TTL exceeded' },
  { name: 'unreachable', type: 3, help: 'All unreachables' },
];

function byName<T extends { name: string }>(table: readonly T[]): ReadonlyMap<string, T> {
  return new Map(table.map((row) => [row.name, row]));
}

const protocolsByName = byName(IP_PROTOCOL_TABLE);
const tcpPortsByName = byName(TCP_PORT_TABLE);
const udpPortsByName = byName(UDP_PORT_TABLE);
const icmpByName = byName(ICMP_MESSAGE_TABLE);

/** The protocol number of an IOS keyword (`ip`, meaning any, is not in the table). */
export function protocolNumber(name: string): number | undefined {
  return protocolsByName.get(name)?.number;
}

/** The IOS keyword for a protocol number, or undefined when IOS would print the number. */
export function protocolName(protocol: number): string | undefined {
  return IP_PROTOCOL_TABLE.find((row) => row.number === protocol)?.name;
}

export type PortProtocol = 'tcp' | 'udp';

export function portNumber(protocol: PortProtocol, name: string): number | undefined {
  return (protocol === 'tcp' ? tcpPortsByName : udpPortsByName).get(name)?.number;
}

/** The name IOS prints for a port in `show access-lists`, or undefined (it prints the number). */
export function portName(protocol: PortProtocol, port: number): string | undefined {
  return (protocol === 'tcp' ? TCP_PORT_TABLE : UDP_PORT_TABLE).find((row) => row.number === port)?.name;
}

export function icmpMessageByName(name: string): IcmpMessageName | undefined {
  return icmpByName.get(name);
}

/** The keyword IOS prints for an ICMP type (and code), or undefined when it prints numbers. */
export function icmpMessageName(type: number, code?: number): string | undefined {
  return ICMP_MESSAGE_TABLE.find((row) => row.type === type && row.code === code)?.name;
}
