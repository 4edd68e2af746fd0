/**
 * The MODP Diffie-Hellman groups IKEv1 negotiates, generator 2. The primes are copied
 * from the RFC texts, in their layout, so they can be compared with the documents by eye:
 * each is 2^n - 2^(n-64) - 1 + 2^64 * (floor(2^(n-130) * pi) + k).
 */
export type ModpGroupId = 1 | 2 | 5 | 14;

export interface ModpGroup {
  readonly id: ModpGroupId;
  readonly bits: number;
  /** Prime length in bytes: public values and shared secrets are this long. */
  readonly primeLength: number;
  readonly generator: 2;
  /** The prime as the RFC prints it, in 32-bit groups. */
  readonly primeHex: string;
  readonly source: string;
}

const MODP_768 = `
  FFFFFFFF FFFFFFFF C90FDAA2 2168C234 C4C6628B 80DC1CD1
  29024E08 8A67CC74 020BBEA6 3B139B22 514A0879 8E3404DD
  EF9519B3 CD3A431B 302B0A6D F25F1437 4FE1356D 6D51C245
  E485B576 625E7EC6 F44C42E9 A63A3620 FFFFFFFF FFFFFFFF`;

const MODP_1024 = `
  FFFFFFFF FFFFFFFF C90FDAA2 2168C234 C4C6628B 80DC1CD1
  29024E08 8A67CC74 020BBEA6 3B139B22 514A0879 8E3404DD
  EF9519B3 CD3A431B 302B0A6D F25F1437 4FE1356D 6D51C245
  E485B576 625E7EC6 F44C42E9 A637ED6B 0BFF5CB6 F406B7ED
  EE386BFB 5A899FA5 AE9F2411 7C4B1FE6 49286651 ECE65381
  FFFFFFFF FFFFFFFF`;

const MODP_1536 = `
  FFFFFFFF FFFFFFFF C90FDAA2 2168C234 C4C6628B 80DC1CD1
  29024E08 8A67CC74 020BBEA6 3B139B22 514A0879 8E3404DD
  EF9519B3 CD3A431B 302B0A6D F25F1437 4FE1356D 6D51C245
  E485B576 625E7EC6 F44C42E9 A637ED6B 0BFF5CB6 F406B7ED
  EE386BFB 5A899FA5 AE9F2411 7C4B1FE6 49286651 ECE45B3D
  C2007CB8 A163BF05 98DA4836 1C55D39A 69163FA8 FD24CF5F
  83655D23 DCA3AD96 1C62F356 208552BB 9ED52907 7096966D
  670C354E 4ABC9804 F1746C08 CA237327 FFFFFFFF FFFFFFFF`;

const MODP_2048 = `
  FFFFFFFF FFFFFFFF C90FDAA2 2168C234 C4C6628B 80DC1CD1
  29024E08 8A67CC74 020BBEA6 3B139B22 514A0879 8E3404DD
  EF9519B3 CD3A431B 302B0A6D F25F1437 4FE1356D 6D51C245
  E485B576 625E7EC6 F44C42E9 A637ED6B 0BFF5CB6 F406B7ED
  EE386BFB 5A899FA5 AE9F2411 7C4B1FE6 49286651 ECE45B3D
  C2007CB8 A163BF05 98DA4836 1C55D39A 69163FA8 FD24CF5F
  83655D23 DCA3AD96 1C62F356 208552BB 9ED52907 7096966D
  670C354E 4ABC9804 F1746C08 CA18217C 32905E46 2E36CE3B
  E39E772C 180E8603 9B2783A2 EC07A28F B5C55DF0 6F4C52C9
  DE2BCBF6 95581718 3995497C EA956AE5 15D22618 98FA0510
  15728E5A 8AACAA68 FFFFFFFF FFFFFFFF`;

function group(id: ModpGroupId, bits: number, primeHex: string, source: string): ModpGroup {
  return { id, bits, primeLength: bits / 8, generator: 2, primeHex: primeHex.trim(), source };
}

export const MODP_GROUPS: readonly ModpGroup[] = [
  group(1, 768, MODP_768, 'RFC 2409 §6.1 (First Oakley Group)'),
  group(2, 1024, MODP_1024, 'RFC 2409 §6.2 (Second Oakley Group)'),
  group(5, 1536, MODP_1536, 'RFC 3526 §2 (1536-bit MODP Group)'),
  group(14, 2048, MODP_2048, 'RFC 3526 §3 (2048-bit MODP Group)'),
];

export function modpGroup(id: number): ModpGroup | undefined {
  return MODP_GROUPS.find((candidate) => candidate.id === id);
}

/** The prime as an unsigned big-endian byte string of `primeLength` bytes. */
export function modpPrimeBytes(group: ModpGroup): Uint8Array {
  const hex = group.primeHex.replace(/\s+/g, '');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
