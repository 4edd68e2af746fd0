import { readUint16, writeUint16 } from '../../wire/bytes.ts';
import { IpProtocol } from '../../wire/ip-protocols.ts';
import { fixIpChecksum, fixOuterHeaders, type Dissected } from './packet-layout.ts';
import { appliesTo, pick, type MutationOutput, type Mutator } from './mutation-kit.ts';

/**
 * Mutations that break the outer IPv4 or UDP header on purpose, each in one field with the
 * rest kept right (the IPv4 checksum is recomputed unless it is the field under test): the
 * forwarding path and the UDP demultiplexer must drop or route these without a stumble.
 * Their weights keep them to a few percent of the tries.
 */

const OUTER_WEIGHT = 0.3;

function outer(name: string, applies: (packet: Dissected) => boolean,
  edit: (bytes: Uint8Array, packet: Dissected, random: Parameters<Mutator['apply']>[0]['random']) => string): Mutator {
  return {
    name,
    weight: OUTER_WEIGHT,
    outer: true,
    applies,
    apply: ({ packet, random }): MutationOutput => {
      const bytes = packet.bytes.slice();
      const detail = edit(bytes, packet, random);
      return { detail, datagrams: [bytes] };
    },
  };
}

const any = appliesTo('isakmp', 'esp', 'ah');
const udp = appliesTo('isakmp');

const ipChecksum = outer('ip-checksum', any, (bytes, _packet, random) => {
  const before = readUint16(bytes, 10);
  const value = before ^ random.int(1, 0xffff);
  writeUint16(bytes, 10, value);
  return `IPv4 checksum 0x${before.toString(16)} -> 0x${value.toString(16)}`;
});

const ipTotalLength = outer('ip-total-length', any, (bytes, packet, random) => {
  const value = pick(random, [0, 19, packet.ipHeaderLength - 1, packet.ipHeaderLength, bytes.length - 1, bytes.length + 1, 0xffff]);
  writeUint16(bytes, 2, Math.max(0, value));
  fixIpChecksum(bytes);
  return `IPv4 total length ${bytes.length} -> ${Math.max(0, value)}`;
});

const ipHeader = outer('ip-header', any, (bytes, _packet, random) => {
  const [what, value] = pick(random, [['version 6', 0x65], ['IHL 4', 0x44], ['IHL 6', 0x46], ['IHL 15', 0x4f], ['version 0', 0x05]] as const);
  bytes[0] = value;
  fixIpChecksum(bytes);
  return `IPv4 ${what}`;
});

const ipFragment = outer('ip-fragment', any, (bytes, _packet, random) => {
  const [what, value] = pick(random, [['more fragments', 0x2000], ['offset 8 bytes', 0x0001], ['last fragment at 1480', 0x00b9], ['MF with DF', 0x6000]] as const);
  writeUint16(bytes, 6, value);
  fixIpChecksum(bytes);
  return `IPv4 fragment: ${what}`;
});

const ipProtocol = outer('ip-protocol', any, (bytes, _packet, random) => {
  const before = bytes[9]!;
  bytes[9] = pick(random, [IpProtocol.icmp, IpProtocol.tcp, IpProtocol.udp, IpProtocol.esp, IpProtocol.ah, 4, random.int(0, 255)].filter((p) => p !== before));
  fixIpChecksum(bytes);
  return `IPv4 protocol ${before} -> ${bytes[9]}`;
});

const udpChecksum = outer('udp-checksum', udp, (bytes, packet, random) => {
  const at = packet.ipHeaderLength + 6;
  const before = readUint16(bytes, at);
  // Zero is legal (no checksum, RFC 768); any other change is a wrong checksum.
  const value = random.float() < 0.3 ? 0 : before ^ random.int(1, 0xffff);
  writeUint16(bytes, at, value);
  return `UDP checksum 0x${before.toString(16)} -> 0x${value.toString(16)}`;
});

const udpLength = outer('udp-length', udp, (bytes, packet, random) => {
  const at = packet.ipHeaderLength + 4;
  const before = readUint16(bytes, at);
  const value = pick(random, [0, 7, 8, before - 1, before + 1, 0xffff]);
  writeUint16(bytes, at, value);
  return `UDP length ${before} -> ${value}`;
});

const udpPort = outer('udp-port', udp, (bytes, packet, random) => {
  const source = random.float() < 0.5;
  const at = packet.ipHeaderLength + (source ? 0 : 2);
  const value = pick(random, [0, 499, 501, 4500, 1024 + random.int(0, 60000)]);
  writeUint16(bytes, at, value);
  fixOuterHeaders(bytes, true);
  return `UDP ${source ? 'source' : 'destination'} port 500 -> ${value}`;
});

export const OUTER_MUTATORS: readonly Mutator[] = [
  ipChecksum, ipTotalLength, ipHeader, ipFragment, ipProtocol, udpChecksum, udpLength, udpPort,
];
