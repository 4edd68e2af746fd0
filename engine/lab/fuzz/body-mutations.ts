import { concatBytes, writeUint32 } from '../../wire/bytes.ts';
import { bodyOf, destinationOf, dissect, fixOuterHeaders, regionsOf, sourceOf, withBody } from './packet-layout.ts';
import { appliesTo, editBody, interestingByte, partnerOf, pick, type Mutator } from './mutation-kit.ts';

/**
 * Mutations that apply to any captured packet: they know where the body's regions lie but not
 * what the fields mean. The outer headers are fixed after each, so the protocol code sees them.
 */

const crypto = appliesTo('isakmp', 'esp', 'ah');

const replay: Mutator = {
  name: 'replay',
  weight: 6,
  applies: crypto,
  apply: ({ packet }) => ({ detail: 'unchanged', datagrams: [packet.bytes.slice()] }),
};

const duplicate: Mutator = {
  name: 'duplicate',
  weight: 3,
  applies: crypto,
  apply: ({ packet, random }) => {
    const copies = random.int(2, 4);
    return { detail: `${copies} copies at once`, datagrams: Array.from({ length: copies }, () => packet.bytes.slice()) };
  },
};

const bitFlip: Mutator = {
  name: 'bit-flip',
  weight: 10,
  applies: crypto,
  apply: ({ packet, random }) => editBody(packet, (body) => {
    const region = pick(random, regionsOf(packet, body));
    const flips = random.int(1, 3);
    const at: string[] = [];
    for (let i = 0; i < flips; i++) {
      const offset = random.int(region.start, region.end - 1);
      const bit = random.int(0, 7);
      body[offset]! ^= 1 << bit;
      at.push(`${offset}.${bit}`);
    }
    return `${region.name}: bits ${at.join(', ')}`;
  }),
};

const byteSubstitute: Mutator = {
  name: 'byte-substitute',
  weight: 8,
  applies: crypto,
  apply: ({ packet, random }) => editBody(packet, (body) => {
    const region = pick(random, regionsOf(packet, body));
    const count = random.int(1, 4);
    const at: string[] = [];
    for (let i = 0; i < count; i++) {
      const offset = random.int(region.start, region.end - 1);
      body[offset] = interestingByte(random);
      at.push(`${offset}=${body[offset]!.toString(16)}`);
    }
    return `${region.name}: ${at.join(', ')}`;
  }),
};

const truncate: Mutator = {
  name: 'truncate',
  weight: 6,
  applies: crypto,
  apply: ({ packet, random }) => {
    const body = bodyOf(packet);
    // A third of the cuts fall inside the fixed header, where length checks matter most.
    const header = packet.kind === 'isakmp' ? 28 : 12;
    const cut = random.float() < 0.33 ? random.int(0, Math.min(header, body.length - 1)) : random.int(0, body.length - 1);
    return { detail: `body cut to ${cut} of ${body.length} bytes`, datagrams: [withBody(packet, body.subarray(0, cut))] };
  },
};

const extend: Mutator = {
  name: 'extend',
  weight: 5,
  applies: crypto,
  apply: ({ packet, random }) => {
    const extra = random.float() < 0.5 ? random.int(1, 7) : random.int(8, 256);
    const body = concatBytes(bodyOf(packet), random.bytes(extra));
    return { detail: `${extra} random bytes appended`, datagrams: [withBody(packet, body)] };
  },
};

const splice: Mutator = {
  name: 'splice',
  weight: 5,
  applies: crypto,
  apply: (input) => {
    const partner = partnerOf(input);
    const head = bodyOf(input.packet);
    const tail = bodyOf(partner);
    const cut = input.random.int(1, head.length);
    const from = input.random.int(0, Math.max(0, tail.length - 1));
    const body = concatBytes(head.subarray(0, cut), tail.subarray(from));
    return {
      detail: `first ${cut} bytes, then a ${partner.kind} packet's body from byte ${from}`,
      datagrams: [withBody(input.packet, body)],
    };
  },
};

/** The packet goes back to its own sender as if the receiver had sent it: a reflection. */
const reflect: Mutator = {
  name: 'reflect',
  weight: 3,
  applies: crypto,
  apply: ({ packet }) => {
    const bytes = packet.bytes.slice();
    writeUint32(bytes, 12, destinationOf(packet));
    writeUint32(bytes, 16, sourceOf(packet));
    const fixed = fixOuterHeaders(bytes, dissect(bytes).kind === 'isakmp');
    return { detail: 'addresses swapped, sent back to its sender', datagrams: [fixed], reflect: true };
  },
};

export const BODY_MUTATORS: readonly Mutator[] = [replay, duplicate, bitFlip, byteSubstitute, truncate, extend, splice, reflect];
