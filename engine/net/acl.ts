import { matchesWildcard } from '../wire/ipv4-address.ts';
import { readUint16 } from '../wire/bytes.ts';
import { IpProtocol } from '../wire/ip-protocols.ts';
import type { Ipv4Datagram } from '../wire/ipv4.ts';
import { isAclEntry, type AccessList, type AclAction, type AclEntry, type PacketFields, type PortMatch } from './acl-types.ts';

export interface AclVerdict {
  action: AclAction;
  /** The entry that decided; absent for the implicit deny at the end. */
  entry?: AclEntry;
}

const TCP_FLAG_RST = 0x04;
const TCP_FLAG_ACK = 0x10;
const TCP_FLAGS_OFFSET = 13;

/**
 * Evaluates an access list the IOS way: entries in order, the first match decides and
 * counts; nothing matched means the implicit `deny any`, which counts nowhere.
 */
export function evaluateAcl(acl: AccessList, fields: PacketFields): AclVerdict {
  for (const line of acl.lines) {
    if (!isAclEntry(line)) continue;
    const matched = acl.kind === 'standard' ? matchesStandard(line, fields) : matchesExtended(line, fields);
    if (matched) {
      line.matches++;
      return { action: line.action, entry: line };
    }
  }
  return { action: 'deny' };
}

function matchesStandard(entry: AclEntry, fields: PacketFields): boolean {
  return matchesWildcard(fields.source, entry.source.address, entry.source.wildcard);
}

function matchesExtended(entry: AclEntry, fields: PacketFields): boolean {
  if (entry.protocol !== undefined && entry.protocol !== fields.protocol) return false;
  if (!matchesWildcard(fields.source, entry.source.address, entry.source.wildcard)) return false;
  const destination = entry.destination;
  if (destination && !matchesWildcard(fields.destination, destination.address, destination.wildcard)) return false;
  if (!matchesPort(entry.sourcePort, fields.sourcePort)) return false;
  if (!matchesPort(entry.destinationPort, fields.destinationPort)) return false;
  if (entry.icmpType !== undefined && entry.icmpType !== fields.icmpType) return false;
  if (entry.icmpCode !== undefined && entry.icmpCode !== fields.icmpCode) return false;
  if (entry.established && !isEstablished(fields)) return false;
  return true;
}

/** A port condition needs a port to look at: a packet without one (a later fragment) fails it. */
function matchesPort(match: PortMatch | undefined, port: number | undefined): boolean {
  if (match === undefined) return true;
  if (port === undefined) return false;
  const [first = -1, second = -1] = match.ports;
  switch (match.operator) {
    case 'eq':
      return port === first;
    case 'neq':
      return port !== first;
    case 'lt':
      return port < first;
    case 'gt':
      return port > first;
    case 'range':
      return port >= first && port <= second;
  }
}

function isEstablished(fields: PacketFields): boolean {
  if (fields.protocol !== IpProtocol.tcp || fields.tcpFlags === undefined) return false;
  return (fields.tcpFlags & (TCP_FLAG_ACK | TCP_FLAG_RST)) !== 0;
}

/**
 * What an ACL looks at in a datagram. Transport fields come only from a first fragment
 * (offset 0) that is long enough to hold them.
 */
export function packetFieldsOf(datagram: Ipv4Datagram): PacketFields {
  const fields: PacketFields = { protocol: datagram.protocol, source: datagram.source, destination: datagram.destination };
  if (datagram.fragmentOffset !== 0) return fields;
  const payload = datagram.payload;
  switch (datagram.protocol) {
    case IpProtocol.tcp:
    case IpProtocol.udp:
      if (payload.length >= 4) {
        fields.sourcePort = readUint16(payload, 0);
        fields.destinationPort = readUint16(payload, 2);
      }
      if (datagram.protocol === IpProtocol.tcp && payload.length > TCP_FLAGS_OFFSET) {
        fields.tcpFlags = payload[TCP_FLAGS_OFFSET]!;
      }
      break;
    case IpProtocol.icmp:
      if (payload.length >= 2) {
        fields.icmpType = payload[0]!;
        fields.icmpCode = payload[1]!;
      }
      break;
  }
  return fields;
}
