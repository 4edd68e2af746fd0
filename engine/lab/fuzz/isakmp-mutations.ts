import { readUint16, readUint32, writeUint32 } from '../../wire/bytes.ts';
import { bodyOf, ISAKMP_HEADER, isakmpPayloadHeaders, type Dissected } from './packet-layout.ts';
import { edit16, edit32, editBody, interestingByte, interestingUint32, pick, type Mutator } from './mutation-kit.ts';

/**
 * Field edits of an ISAKMP message (RFC 2408 3.1 and 3.2): the header is never encrypted, so
 * these reach the routers' header checks and exchange lookup in every state; the payload
 * header edits reach the payload parser in the messages sent in the clear.
 */

const isakmp = (packet: Dissected): boolean => packet.kind === 'isakmp' && packet.bytes.length - packet.bodyOffset >= ISAKMP_HEADER;

const cookieSwap: Mutator = {
  name: 'isakmp-cookie-swap',
  weight: 4,
  applies: isakmp,
  apply: ({ packet }) => editBody(packet, (body) => {
    const initiator = body.slice(0, 8);
    body.copyWithin(0, 8, 16);
    body.set(initiator, 8);
    return 'initiator and responder cookies swapped';
  }),
};

const cookieZero: Mutator = {
  name: 'isakmp-cookie-zero',
  weight: 4,
  applies: isakmp,
  apply: ({ packet, random }) => editBody(packet, (body) => {
    const which = pick(random, ['initiator', 'responder', 'both'] as const);
    if (which !== 'responder') body.fill(0, 0, 8);
    if (which !== 'initiator') body.fill(0, 8, 16);
    return `${which} cookie zeroed`;
  }),
};

const EXCHANGE_TYPES = [0, 1, 2, 3, 4, 5, 6, 32, 33, 240, 241, 255];

const exchangeType: Mutator = {
  name: 'isakmp-exchange-type',
  weight: 4,
  applies: isakmp,
  apply: ({ packet, random }) => editBody(packet, (body) => {
    const before = body[18]!;
    const choices = [...EXCHANGE_TYPES, random.int(0, 255)].filter((value) => value !== before);
    body[18] = pick(random, choices);
    return `exchange type ${before} -> ${body[18]}`;
  }),
};

const flags: Mutator = {
  name: 'isakmp-flags',
  weight: 4,
  applies: isakmp,
  apply: ({ packet, random }) => editBody(packet, (body) => {
    const before = body[19]!;
    const edits: Array<[string, number]> = [
      ['encryption bit toggled', before ^ 0x01], ['commit bit toggled', before ^ 0x02],
      ['authentication-only bit toggled', before ^ 0x04], ['all cleared', 0], ['all set', 0xff],
      ['random', random.int(0, 255)],
    ];
    const [what, value] = pick(random, edits);
    body[19] = value;
    return `flags ${what}: 0x${before.toString(16)} -> 0x${value.toString(16)}`;
  }),
};

const messageId: Mutator = {
  name: 'isakmp-message-id',
  weight: 4,
  applies: isakmp,
  apply: ({ packet, pool, random }) => {
    const seen = pool.filter(isakmp).map((other) => readUint32(bodyOf(other), 20));
    return edit32(packet, 20, 'message ID', (current) =>
      random.float() < 0.4 && seen.length > 0 ? pick(random, seen) : interestingUint32(random, current));
  },
};

const PAYLOAD_TYPES = [0, 1, 2, 3, 4, 5, 8, 10, 11, 12, 13, 20, 21, 128, 130, 239, 255];

const nextPayload: Mutator = {
  name: 'isakmp-next-payload',
  weight: 4,
  applies: isakmp,
  apply: ({ packet, random }) => editBody(packet, (body) => {
    const headers = isakmpPayloadHeaders(body);
    // The ISAKMP header's own next payload, or the one of a payload sent in the clear.
    const useHeader = headers.length === 0 || random.float() < 0.4;
    const offset = useHeader ? 16 : pick(random, headers).offset;
    const before = body[offset]!;
    body[offset] = random.float() < 0.8 ? pick(random, PAYLOAD_TYPES.filter((type) => type !== before)) : random.int(0, 255);
    return `${useHeader ? 'header' : `payload at ${offset}`} next payload ${before} -> ${body[offset]}`;
  }),
};

const payloadLength: Mutator = {
  name: 'isakmp-payload-length',
  weight: 4,
  applies: (packet) => isakmp(packet) && isakmpPayloadHeaders(bodyOf(packet)).length > 0,
  apply: ({ packet, random }) => editBody(packet, (body) => {
    const target = pick(random, isakmpPayloadHeaders(body));
    const before = readUint16(body, target.offset + 2);
    const left = body.length - target.offset;
    const value = pick(random, [0, 1, 3, 4, before - 1, before + 1, left + 1, before + 4, 0xffff, random.int(0, 0xffff)]);
    edit16(body, target.offset + 2, value);
    return `payload type ${target.type} at ${target.offset}: length ${before} -> ${value & 0xffff}`;
  }),
};

const messageLength: Mutator = {
  name: 'isakmp-length',
  weight: 4,
  applies: isakmp,
  apply: ({ packet, random }) => editBody(packet, (body) => {
    const before = readUint32(body, 24);
    const value = pick(random, [0, 1, 27, 28, before - 1, before + 1, before + 8, before + 4096, 0x7fffffff, 0xffffffff, random.uint32()]) >>> 0;
    writeUint32(body, 24, value);
    return `message length ${before} -> ${value}`;
  }),
};

const version: Mutator = {
  name: 'isakmp-version',
  weight: 2,
  applies: isakmp,
  apply: ({ packet, random }) => editBody(packet, (body) => {
    const before = body[17]!;
    body[17] = pick(random, [0x00, 0x11, 0x20, 0x01, interestingByte(random)].filter((value) => value !== before));
    return `version 0x${before.toString(16)} -> 0x${body[17]!.toString(16)}`;
  }),
};

export const ISAKMP_MUTATORS: readonly Mutator[] = [
  cookieSwap, cookieZero, exchangeType, flags, messageId, nextPayload, payloadLength, messageLength, version,
];
