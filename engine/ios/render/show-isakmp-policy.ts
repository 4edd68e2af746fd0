import { defaultIsakmpPolicy, type IsakmpPolicy } from '../config/config-model.ts';

/** `show crypto isakmp policy`: each configured protection suite, then IOS's default suite. */

const HASH = { sha: 'Secure Hash Standard', md5: 'Message Digest 5' } as const;
const AUTHENTICATION = {
  'pre-share': 'Pre-Shared Key',
  'rsa-sig': 'Rivest-Shamir-Adleman Signature',
  'rsa-encr': 'Rivest-Shamir-Adleman Encryption',
} as const;
const GROUP = { 1: '#1 (768 bit)', 2: '#2 (1024 bit)', 5: '#5 (1536 bit)' } as const;

function encryptionText(policy: IsakmpPolicy): string {
  if (policy.encryption === 'des') return 'DES - Data Encryption Standard (56 bit keys).';
  if (policy.encryption === '3des') return 'Three key triple DES';
  return `AES - Advanced Encryption Standard (${policy.keyBits ?? 128} bit keys).`;
}

function suiteLines(title: string, policy: IsakmpPolicy): string[] {
  return [
    title,
    `\tencryption algorithm:\t${encryptionText(policy)}`,
    `\thash algorithm:\t\t${HASH[policy.hash]}`,
    `\tauthentication method:\t${AUTHENTICATION[policy.authentication]}`,
    `\tDiffie-Hellman group:\t${GROUP[policy.group]}`,
    `\tlifetime:\t\t${policy.lifetimeSeconds} seconds, no volume limit`,
  ];
}

export function renderShowIsakmpPolicy(policies: readonly IsakmpPolicy[]): string[] {
  const sorted = [...policies].sort((a, b) => a.priority - b.priority);
  return [
    ...sorted.flatMap((policy) => suiteLines(`Protection suite of priority ${policy.priority}`, policy)),
    ...suiteLines('Default protection suite', defaultIsakmpPolicy(65535)),
  ];
}
