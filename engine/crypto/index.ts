// The crypto layer: ciphers, hashes, HMAC/PRF, MODP Diffie-Hellman and the algorithm registry.
export * from './crypto-result.ts';
export * from './block-cipher.ts';
export * from './des-ciphers.ts';
export * from './aes-cipher.ts';
export * from './hash.ts';
export * from './integrity-algorithm.ts';
export * from './modp-groups.ts';
export * from './diffie-hellman.ts';
export * from './algorithm-ids.ts';
export * from './algorithm-registry.ts';
