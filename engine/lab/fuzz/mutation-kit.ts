import type { SeededRandom } from '../../sim/random.ts';
import { readUint32, writeUint16, writeUint32 } from '../../wire/bytes.ts';
import { bodyOf, withBody, type Dissected, type PacketKind } from './packet-layout.ts';

/**
 * What every mutator shares: its shape, its input (the packet, the episode's packets so far
 * and the seeded stream) and a few helpers. Mutators draw every choice from `random`, so a
 * seed fixes the bytes they produce.
 */

export interface MutationInput {
  packet: Dissected;
  /** Packets seen so far in the episode: partners for splicing, SPIs and message IDs to borrow. */
  pool: readonly Dissected[];
  random: SeededRandom;
}

export interface MutationOutput {
  /** What exactly was done, for a reproduction. */
  detail: string;
  /** Usually one datagram; a duplication sends several. */
  datagrams: Uint8Array[];
  /** Sent back to the packet's own sender (addresses swapped) instead of on to its receiver. */
  reflect?: boolean;
}

export interface Mutator {
  readonly name: string;
  /** Relative share among the mutators that apply to a packet. */
  readonly weight: number;
  /** Breaks the outer IPv4/UDP headers on purpose: kept to a few percent of the tries. */
  readonly outer?: boolean;
  applies(packet: Dissected): boolean;
  apply(input: MutationInput): MutationOutput;
}

export function pick<T>(random: SeededRandom, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pick from an empty list');
  return items[random.int(0, items.length - 1)]!;
}

/** Values that sit on boundaries parsers get wrong, with one random value among them. */
export function interestingByte(random: SeededRandom): number {
  return pick(random, [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff, random.int(0, 255)]);
}

export function interestingUint32(random: SeededRandom, current: number): number {
  return pick(random, [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, (current + 1) >>> 0, (current - 1) >>> 0, random.uint32()]);
}

export function hex32(value: number): string {
  return `0x${(value >>> 0).toString(16).padStart(8, '0')}`;
}

export function appliesTo(...kinds: PacketKind[]): (packet: Dissected) => boolean {
  return (packet) => kinds.includes(packet.kind);
}

/** Edits a copy of the body; the outer headers are fixed around the result. */
export function editBody(packet: Dissected, edit: (body: Uint8Array) => string): MutationOutput {
  const body = bodyOf(packet);
  const detail = edit(body);
  return { detail, datagrams: [withBody(packet, body)] };
}

/** Replaces a 32-bit field of the body at `offset`; the detail says from what to what. */
export function edit32(packet: Dissected, offset: number, field: string, choose: (current: number) => number): MutationOutput {
  return editBody(packet, (body) => {
    if (offset + 4 > body.length) return `${field}: no room at ${offset}`;
    const current = readUint32(body, offset);
    const value = choose(current) >>> 0;
    writeUint32(body, offset, value);
    return `${field} ${hex32(current)} -> ${hex32(value)}`;
  });
}

export function edit16(body: Uint8Array, offset: number, value: number): void {
  writeUint16(body, offset, value & 0xffff);
}

/** Another packet of the pool, of the same kind when there is one (most of the time). */
export function partnerOf(input: MutationInput): Dissected {
  const others = input.pool.filter((packet) => packet.bytes !== input.packet.bytes);
  if (others.length === 0) return input.packet;
  const sameKind = others.filter((packet) => packet.kind === input.packet.kind);
  const candidates = sameKind.length > 0 && input.random.float() < 0.7 ? sameKind : others;
  return pick(input.random, candidates);
}
