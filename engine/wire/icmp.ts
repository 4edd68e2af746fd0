import { readUint16, writeUint16 } from './bytes.ts';
import { checksumVerifies, internetChecksum } from './checksum.ts';
import { decodeFailure, decodedOk, type Decoded } from './decoded.ts';
import { IcmpType } from './ip-protocols.ts';

/** ICMP messages (RFC 792) the engine sends and understands; anything else decodes as `other`. */
export type IcmpMessage =
  | IcmpEcho
  | { kind: 'destination-unreachable'; code: number; /** RFC 1191, code 4 only; else 0. */ nextHopMtu: number; original: Uint8Array }
  | { kind: 'time-exceeded'; code: number; original: Uint8Array }
  | { kind: 'other'; type: number; code: number; /** The 4 bytes after the checksum and the rest. */ body: Uint8Array };

export interface IcmpEcho {
  kind: 'echo-request' | 'echo-reply';
  identifier: number;
  sequence: number;
  data: Uint8Array;
}

export const ICMP_HEADER_LENGTH = 8;
/** RFC 792: an error quotes the offending header plus the first 64 bits of its data. */
export const ICMP_QUOTED_PAYLOAD_BYTES = 8;

export function icmpTypeOf(message: IcmpMessage): number {
  switch (message.kind) {
    case 'echo-request':
      return IcmpType.echoRequest;
    case 'echo-reply':
      return IcmpType.echoReply;
    case 'destination-unreachable':
      return IcmpType.destinationUnreachable;
    case 'time-exceeded':
      return IcmpType.timeExceeded;
    case 'other':
      return message.type;
  }
}

function codeOf(message: IcmpMessage): number {
  switch (message.kind) {
    case 'echo-request':
    case 'echo-reply':
      return 0;
    default:
      return message.code;
  }
}

/** Bytes 4..7 and what follows them, per message kind. */
function bodyOf(message: IcmpMessage): Uint8Array {
  switch (message.kind) {
    case 'echo-request':
    case 'echo-reply': {
      const body = new Uint8Array(4 + message.data.length);
      writeUint16(body, 0, message.identifier & 0xffff);
      writeUint16(body, 2, message.sequence & 0xffff);
      body.set(message.data, 4);
      return body;
    }
    case 'destination-unreachable': {
      const body = new Uint8Array(4 + message.original.length);
      writeUint16(body, 2, message.nextHopMtu & 0xffff);
      body.set(message.original, 4);
      return body;
    }
    case 'time-exceeded': {
      const body = new Uint8Array(4 + message.original.length);
      body.set(message.original, 4);
      return body;
    }
    case 'other':
      return message.body;
  }
}

/** Encodes a message with its checksum over the whole ICMP message. */
export function encodeIcmp(message: IcmpMessage): Uint8Array {
  const body = bodyOf(message);
  const bytes = new Uint8Array(4 + body.length);
  bytes[0] = icmpTypeOf(message) & 0xff;
  bytes[1] = codeOf(message) & 0xff;
  bytes.set(body, 4);
  writeUint16(bytes, 2, internetChecksum(bytes));
  return bytes;
}

/** Decodes an ICMP message (the IPv4 payload); the checksum must verify. */
export function decodeIcmp(bytes: Uint8Array): Decoded<IcmpMessage> {
  if (bytes.length < ICMP_HEADER_LENGTH) {
    return decodeFailure('truncated', `ICMP header needs 8 bytes, have ${bytes.length}`);
  }
  if (!checksumVerifies(bytes)) {
    return decodeFailure('bad-checksum', `ICMP checksum 0x${readUint16(bytes, 2).toString(16)} is wrong`);
  }
  const type = bytes[0]!;
  const code = bytes[1]!;
  switch (type) {
    case IcmpType.echoRequest:
    case IcmpType.echoReply:
      return decodedOk({
        kind: type === IcmpType.echoRequest ? 'echo-request' : 'echo-reply',
        identifier: readUint16(bytes, 4),
        sequence: readUint16(bytes, 6),
        data: bytes.slice(ICMP_HEADER_LENGTH),
      });
    case IcmpType.destinationUnreachable:
      return decodedOk({
        kind: 'destination-unreachable',
        code,
        nextHopMtu: readUint16(bytes, 6),
        original: bytes.slice(ICMP_HEADER_LENGTH),
      });
    case IcmpType.timeExceeded:
      return decodedOk({ kind: 'time-exceeded', code, original: bytes.slice(ICMP_HEADER_LENGTH) });
    default:
      return decodedOk({ kind: 'other', type, code, body: bytes.slice(4) });
  }
}

/**
 * What an ICMP error carries of the datagram that caused it: its header and the first
 * 8 bytes of its payload (fewer if it had fewer). `datagram` is the encoded datagram.
 */
export function quoteForIcmpError(datagram: Uint8Array): Uint8Array {
  if (datagram.length === 0) return new Uint8Array(0);
  const headerLength = (datagram[0]! & 0x0f) * 4;
  return datagram.slice(0, Math.min(datagram.length, headerLength + ICMP_QUOTED_PAYLOAD_BYTES));
}
