import { readUint32 } from '../../wire/bytes.ts';
import { bodyOf, espOffset, AH_FIXED, type Dissected } from './packet-layout.ts';
import { edit32, editBody, interestingByte, interestingUint32, pick, type MutationInput, type Mutator } from './mutation-kit.ts';

/**
 * Field edits of ESP (RFC 2406 2) and AH (RFC 2402 2) headers: the SPI finds the SA and the
 * sequence number meets the replay window before any ICV is checked, so these are the fields
 * an attacker reaches without keys. An SPI is often borrowed from another packet of the
 * episode, so that a wrong but live SA is hit too.
 */

const hasEsp = (packet: Dissected): boolean => espOffset(packet, bodyOf(packet)) !== undefined;
const hasAh = (packet: Dissected): boolean => packet.kind === 'ah' && packet.bytes.length - packet.bodyOffset >= AH_FIXED;

/** SPIs of the episode's ESP and AH packets: live, expired, or the other direction's. */
function seenSpis(pool: readonly Dissected[]): number[] {
  const spis = new Set<number>();
  for (const packet of pool) {
    const body = bodyOf(packet);
    const esp = espOffset(packet, body);
    if (esp !== undefined) spis.add(readUint32(body, esp));
    if (hasAh(packet)) spis.add(readUint32(body, 4));
  }
  return [...spis];
}

function spiChoice({ pool, random }: MutationInput): (current: number) => number {
  return (current) => {
    const seen = seenSpis(pool).filter((spi) => spi !== current);
    if (seen.length > 0 && random.float() < 0.4) return pick(random, seen);
    // 1-255 are reserved by IANA (RFC 2406 2.1); 0 means "no SA".
    return random.float() < 0.2 ? random.int(0, 255) : interestingUint32(random, current);
  };
}

function sequenceChoice({ random }: MutationInput): (current: number) => number {
  return (current) => pick(random, [
    0, 1, current - 1, current + 1, current + 63, current + 64, current + 1000, 0x80000000, 0xffffffff, random.uint32(),
  ]) >>> 0;
}

const espSpi: Mutator = {
  name: 'esp-spi',
  weight: 8,
  applies: hasEsp,
  apply: (input) => edit32(input.packet, espOffset(input.packet, bodyOf(input.packet))!, 'ESP SPI', spiChoice(input)),
};

const espSequence: Mutator = {
  name: 'esp-sequence',
  weight: 8,
  applies: hasEsp,
  apply: (input) => edit32(input.packet, espOffset(input.packet, bodyOf(input.packet))! + 4, 'ESP sequence', sequenceChoice(input)),
};

const ahSpi: Mutator = {
  name: 'ah-spi',
  weight: 8,
  applies: hasAh,
  apply: (input) => edit32(input.packet, 4, 'AH SPI', spiChoice(input)),
};

const ahSequence: Mutator = {
  name: 'ah-sequence',
  weight: 8,
  applies: hasAh,
  apply: (input) => edit32(input.packet, 8, 'AH sequence', sequenceChoice(input)),
};

/** The AH's next header or payload length: the fields that say where the AH ends. */
const ahLength: Mutator = {
  name: 'ah-length',
  weight: 5,
  applies: hasAh,
  apply: ({ packet, random }) => editBody(packet, (body) => {
    const field = random.float() < 0.6 ? 1 : 0;
    const before = body[field]!;
    body[field] = pick(random, [0, 1, 2, 3, 4, 5, 6, 50, 51, interestingByte(random)].filter((value) => value !== before));
    return `AH ${field === 1 ? 'payload length' : 'next header'} ${before} -> ${body[field]}`;
  }),
};

export const IPSEC_MUTATORS: readonly Mutator[] = [espSpi, espSequence, ahSpi, ahSequence, ahLength];
