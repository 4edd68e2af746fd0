import { chacha20 } from '@noble/ciphers/chacha.js';

/**
 * A deterministic random stream: the ChaCha20 keystream keyed by the lab's seed.
 * Every random choice in a lab draws from one of these, so a seed fixes the run.
 */
export class SeededRandom {
  private readonly key: Uint8Array;
  private readonly nonce = new Uint8Array(12);
  private buffer = new Uint8Array(0);
  private offset = 0;
  private counter = 0;

  constructor(seed: number | string, stream = 'main') {
    this.key = deriveKey(`${seed}/${stream}`);
  }

  /** A child stream that does not disturb this one: one per router keeps routers independent. */
  fork(name: string): SeededRandom {
    return new SeededRandom(hex(this.key), name);
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.nextByte();
    return out;
  }

  /** A uniform integer in [0, 2^32). */
  uint32(): number {
    const b = this.bytes(4);
    return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  }

  /** A uniform float in [0, 1). */
  float(): number {
    return this.uint32() / 0x1_0000_0000;
  }

  /** A uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  private nextByte(): number {
    if (this.offset >= this.buffer.length) this.refill();
    return this.buffer[this.offset++]!;
  }

  private refill(): void {
    const block = new Uint8Array(256);
    this.buffer = chacha20(this.key, this.nonce, block, undefined, this.counter);
    this.counter += block.length / 64;
    this.offset = 0;
  }
}

/** Stretches any seed text to a 32-byte key; FNV-1a lanes are enough: this is no secret. */
function deriveKey(text: string): Uint8Array {
  const key = new Uint8Array(32);
  for (let lane = 0; lane < 8; lane++) {
    let h = (0x811c9dc5 ^ lane) >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    for (let round = 0; round < 4; round++) {
      h ^= h >>> 15;
      h = Math.imul(h, 0x2c1b3c6d) >>> 0;
      key[lane * 4 + round] = h & 0xff;
    }
  }
  return key;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
