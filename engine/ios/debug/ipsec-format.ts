import type { ProxyIdentity, TransformProposal } from '../../ipsec/ipsec-port.ts';
import { formatIpv4 } from '../../wire/ipv4-address.ts';

/**
 * How IOS 12.2 spells IPsec values in `show crypto ipsec ...`, `show crypto engine ...`
 * and `debug crypto ipsec`: SPIs, proxies, transforms, modes and engine algorithm names.
 */

/** `0xF800D61F(4160804383)`; no SA is `0x0(0)`. */
export function spiHexDecimal(spi: number): string {
  const unsigned = spi >>> 0;
  return `0x${unsigned.toString(16).toUpperCase()}(${unsigned})`;
}

/** `current outbound spi: B326CBE6`: bare upper-case hex. */
export function spiBareHex(spi: number): string {
  return (spi >>> 0).toString(16).toUpperCase();
}

/** ID payload types (RFC 2407 4.6.2.1) as IOS names a proxy's kind. */
const ID_IPV4_ADDR = 1;
const ID_IPV4_ADDR_SUBNET = 4;

/** `13.13.13.0/255.255.255.0/0/0`. */
export function proxyText(proxy: ProxyIdentity): string {
  return `${formatIpv4(proxy.address)}/${formatIpv4(proxy.mask)}/${proxy.protocol}/${proxy.port}`;
}

/** `13.13.13.0/255.255.255.0/0/0 (type=4)`: a single host is type 1. */
export function proxyWithType(proxy: ProxyIdentity): string {
  const type = proxy.mask === 0xffffffff ? ID_IPV4_ADDR : ID_IPV4_ADDR_SUBNET;
  return `${proxyText(proxy)} (type=${type})`;
}

/** A transform keyword as show and debug print it: IOS names AES keys past 128 bits in it (`esp-256-aes`). */
export function displayKeyword(keyword: string, keyBits?: number): string {
  return keyword === 'esp-aes' && keyBits !== undefined && keyBits !== 128 ? `esp-${keyBits}-aes` : keyword;
}

function cipherKeyword(transform: TransformProposal): string | undefined {
  const cipher = transform.espCipher;
  return cipher === undefined ? undefined : displayKeyword(cipher.transform, cipher.keyBits);
}

/** The keywords of a transform (set or one protocol's part), AH first, then the cipher: `['esp-des', 'esp-md5-hmac']`. */
export function transformKeywords(transform: TransformProposal): string[] {
  return [transform.ah, cipherKeyword(transform), transform.espAuth].filter((word): word is string => word !== undefined);
}

/** `esp-des esp-md5-hmac ` as debug and show print it, each keyword followed by a blank. */
export function transformText(transform: TransformProposal): string {
  return transformKeywords(transform).map((word) => `${word} `).join('');
}

/** `Tunnel` / `Transport`. */
export function modeText(mode: TransformProposal['mode']): string {
  return mode === 'tunnel' ? 'Tunnel' : 'Transport';
}

/** AES key size in bits for `keysize=`; IOS prints 0 for fixed-key ciphers. */
export function keySizeBits(transform: TransformProposal): number {
  const cipher = transform.espCipher;
  return cipher?.transform === 'esp-aes' ? (cipher.keyBits ?? 128) : 0;
}

/**
 * The crypto engine's algorithm names, as `show crypto engine connections active` cuts them
 * (IOS 12.2 calls 3DES `3DES_56_CBC`, so its rows read `HMAC_SHA+3DES_56_C`).
 */
const ENGINE_CIPHER_NAMES: Record<string, string> = {
  'esp-des': 'DES_56_CBC',
  'esp-3des': '3DES_56_CBC',
  'esp-aes': 'AES_128_CBC',
  'esp-null': 'NULL',
};
const ENGINE_AUTH_NAMES: Record<string, string> = {
  'esp-md5-hmac': 'HMAC_MD5', 'esp-sha-hmac': 'HMAC_SHA', 'ah-md5-hmac': 'HMAC_MD5', 'ah-sha-hmac': 'HMAC_SHA',
};
export const ENGINE_ALGORITHM_WIDTH = 18;

/** The engine's name of an AES cipher: `AES_256_CBC`. */
export function engineAesName(keyBits: number): string {
  return `AES_${keyBits}_CBC`;
}

/** `HMAC_MD5+DES_56_CB`: authentication + cipher, cut to the column's 18 characters (ISAKMP and IPsec rows alike). */
export function engineAlgorithm(authName: string | undefined, cipherName: string | undefined): string {
  const name = [authName, cipherName].filter((part) => part !== undefined).join('+');
  return name.slice(0, ENGINE_ALGORITHM_WIDTH);
}

export function engineAlgorithmName(transform: TransformProposal): string {
  const cipher = transform.espCipher;
  let cipherName = cipher === undefined ? undefined : ENGINE_CIPHER_NAMES[cipher.transform];
  if (cipher?.transform === 'esp-aes') cipherName = engineAesName(cipher.keyBits ?? 128);
  const authKeyword = transform.espAuth ?? transform.ah;
  const authName = authKeyword === undefined ? undefined : ENGINE_AUTH_NAMES[authKeyword];
  return engineAlgorithm(authName, cipherName);
}

/** IP protocol to the ISAKMP protocol id IOS prints in `for prot 3` (RFC 2407 4.4.1). */
const ISAKMP_PROTOCOL_OF_IP: Record<number, number> = { 50: 3, 51: 2 };

export function isakmpProtocolId(protocol: number): number {
  return ISAKMP_PROTOCOL_OF_IP[protocol] ?? protocol;
}

/** Pads an address to IOS's 15-character column. */
export function addressColumn(address: number): string {
  return formatIpv4(address).padEnd(15);
}
