/**
 * ISAKMP (RFC 2408), IPsec DOI (RFC 2407) and IKE (RFC 2409) numbers with their RFC names.
 * Each registry is one table of rows; the `key -> value` objects the code switches on and
 * the `value -> name` lookups are derived from it, so a number is written down once.
 */

export interface NamedValue<K extends string = string> {
  readonly key: K;
  readonly value: number;
  readonly name: string;
}

type ValuesByKey<T extends readonly NamedValue[]> = { readonly [R in T[number] as R['key']]: R['value'] };

function valuesByKey<const T extends readonly NamedValue[]>(rows: T): ValuesByKey<T> {
  return Object.fromEntries(rows.map((row) => [row.key, row.value])) as ValuesByKey<T>;
}

/** The RFC name of a value, or undefined for a value the table does not hold. */
export function nameOfValue(rows: readonly NamedValue[], value: number): string | undefined {
  return rows.find((row) => row.value === value)?.name;
}

export const ISAKMP_VERSION = { major: 1, minor: 0 } as const;
export const ISAKMP_HEADER_LENGTH = 28;
export const GENERIC_PAYLOAD_HEADER_LENGTH = 4;
export const COOKIE_LENGTH = 8;
/** RFC 2408 3.1: payload types 128-255 are for private use. */
export const PRIVATE_PAYLOAD_TYPE_FIRST = 128;

export const PAYLOAD_TYPES = [
  { key: 'none', value: 0, name: 'NONE' },
  { key: 'sa', value: 1, name: 'SA' },
  { key: 'proposal', value: 2, name: 'Proposal' },
  { key: 'transform', value: 3, name: 'Transform' },
  { key: 'ke', value: 4, name: 'Key Exchange' },
  { key: 'id', value: 5, name: 'Identification' },
  { key: 'cert', value: 6, name: 'Certificate' },
  { key: 'cr', value: 7, name: 'Certificate Request' },
  { key: 'hash', value: 8, name: 'Hash' },
  { key: 'sig', value: 9, name: 'Signature' },
  { key: 'nonce', value: 10, name: 'Nonce' },
  { key: 'notify', value: 11, name: 'Notification' },
  { key: 'delete', value: 12, name: 'Delete' },
  { key: 'vendorId', value: 13, name: 'Vendor ID' },
  // RFC 3947 (NAT traversal); the drafts Cisco shipped first used 130 and 131.
  { key: 'natD', value: 20, name: 'NAT-D' },
  { key: 'natOa', value: 21, name: 'NAT-OA' },
] as const;
export const PayloadType = valuesByKey(PAYLOAD_TYPES);

export const EXCHANGE_TYPES = [
  { key: 'none', value: 0, name: 'NONE' },
  { key: 'base', value: 1, name: 'Base' },
  { key: 'identityProtection', value: 2, name: 'Identity Protection' },
  { key: 'authenticationOnly', value: 3, name: 'Authentication Only' },
  { key: 'aggressive', value: 4, name: 'Aggressive' },
  { key: 'informational', value: 5, name: 'Informational' },
  { key: 'transaction', value: 6, name: 'Transaction' }, // mode config draft
  { key: 'quick', value: 32, name: 'Quick Mode' },
  { key: 'newGroup', value: 33, name: 'New Group Mode' },
] as const;
export const ExchangeType = valuesByKey(EXCHANGE_TYPES);
/** RFC 2408 3.1: exchange types 240-255 are for private use. */
export const PRIVATE_EXCHANGE_TYPE_FIRST = 240;

export const ISAKMP_FLAGS = [
  { key: 'encryption', value: 0x01, name: 'E' },
  { key: 'commit', value: 0x02, name: 'C' },
  { key: 'authenticationOnly', value: 0x04, name: 'A' },
] as const;
export const IsakmpFlag = valuesByKey(ISAKMP_FLAGS);

export const NOTIFY_TYPES = [
  { key: 'invalidPayloadType', value: 1, name: 'INVALID-PAYLOAD-TYPE' },
  { key: 'doiNotSupported', value: 2, name: 'DOI-NOT-SUPPORTED' },
  { key: 'situationNotSupported', value: 3, name: 'SITUATION-NOT-SUPPORTED' },
  { key: 'invalidCookie', value: 4, name: 'INVALID-COOKIE' },
  { key: 'invalidMajorVersion', value: 5, name: 'INVALID-MAJOR-VERSION' },
  { key: 'invalidMinorVersion', value: 6, name: 'INVALID-MINOR-VERSION' },
  { key: 'invalidExchangeType', value: 7, name: 'INVALID-EXCHANGE-TYPE' },
  { key: 'invalidFlags', value: 8, name: 'INVALID-FLAGS' },
  { key: 'invalidMessageId', value: 9, name: 'INVALID-MESSAGE-ID' },
  { key: 'invalidProtocolId', value: 10, name: 'INVALID-PROTOCOL-ID' },
  { key: 'invalidSpi', value: 11, name: 'INVALID-SPI' },
  { key: 'invalidTransformId', value: 12, name: 'INVALID-TRANSFORM-ID' },
  { key: 'attributesNotSupported', value: 13, name: 'ATTRIBUTES-NOT-SUPPORTED' },
  { key: 'noProposalChosen', value: 14, name: 'NO-PROPOSAL-CHOSEN' },
  { key: 'badProposalSyntax', value: 15, name: 'BAD-PROPOSAL-SYNTAX' },
  { key: 'payloadMalformed', value: 16, name: 'PAYLOAD-MALFORMED' },
  { key: 'invalidKeyInformation', value: 17, name: 'INVALID-KEY-INFORMATION' },
  { key: 'invalidIdInformation', value: 18, name: 'INVALID-ID-INFORMATION' },
  { key: 'invalidCertEncoding', value: 19, name: 'INVALID-CERT-ENCODING' },
  { key: 'invalidCertificate', value: 20, name: 'INVALID-CERTIFICATE' },
  { key: 'certTypeUnsupported', value: 21, name: 'CERT-TYPE-UNSUPPORTED' },
  { key: 'invalidCertAuthority', value: 22, name: 'INVALID-CERT-AUTHORITY' },
  { key: 'invalidHashInformation', value: 23, name: 'INVALID-HASH-INFORMATION' },
  { key: 'authenticationFailed', value: 24, name: 'AUTHENTICATION-FAILED' },
  { key: 'invalidSignature', value: 25, name: 'INVALID-SIGNATURE' },
  { key: 'addressNotification', value: 26, name: 'ADDRESS-NOTIFICATION' },
  { key: 'notifySaLifetime', value: 27, name: 'NOTIFY-SA-LIFETIME' },
  { key: 'certificateUnavailable', value: 28, name: 'CERTIFICATE-UNAVAILABLE' },
  { key: 'unsupportedExchangeType', value: 29, name: 'UNSUPPORTED-EXCHANGE-TYPE' },
  { key: 'unequalPayloadLengths', value: 30, name: 'UNEQUAL-PAYLOAD-LENGTHS' },
  { key: 'connected', value: 16384, name: 'CONNECTED' },
  { key: 'responderLifetime', value: 24576, name: 'RESPONDER-LIFETIME' },
  { key: 'replayStatus', value: 24577, name: 'REPLAY-STATUS' },
  { key: 'initialContact', value: 24578, name: 'INITIAL-CONTACT' },
  // RFC 3706 dead peer detection.
  { key: 'rUThere', value: 36136, name: 'R-U-THERE' },
  { key: 'rUThereAck', value: 36137, name: 'R-U-THERE-ACK' },
] as const;
export const NotifyType = valuesByKey(NOTIFY_TYPES);
/** RFC 2408 3.14.1: types below this are errors, from it on status messages. */
export const NOTIFY_STATUS_FIRST = 16384;

export const DOMAINS_OF_INTERPRETATION = [
  { key: 'isakmp', value: 0, name: 'ISAKMP' },
  { key: 'ipsec', value: 1, name: 'IPSEC' },
] as const;
export const Doi = valuesByKey(DOMAINS_OF_INTERPRETATION);

export const SITUATIONS = [
  { key: 'identityOnly', value: 0x01, name: 'SIT_IDENTITY_ONLY' },
  { key: 'secrecy', value: 0x02, name: 'SIT_SECRECY' },
  { key: 'integrity', value: 0x04, name: 'SIT_INTEGRITY' },
] as const;
export const Situation = valuesByKey(SITUATIONS);

export const PROTOCOL_IDS = [
  { key: 'isakmp', value: 1, name: 'PROTO_ISAKMP' },
  { key: 'ah', value: 2, name: 'PROTO_IPSEC_AH' },
  { key: 'esp', value: 3, name: 'PROTO_IPSEC_ESP' },
  { key: 'ipcomp', value: 4, name: 'PROTO_IPCOMP' },
] as const;
export const ProtocolId = valuesByKey(PROTOCOL_IDS);

export const ISAKMP_TRANSFORM_IDS = [{ key: 'keyIke', value: 1, name: 'KEY_IKE' }] as const;
export const IsakmpTransformId = valuesByKey(ISAKMP_TRANSFORM_IDS);

export const AH_TRANSFORM_IDS = [
  { key: 'md5', value: 2, name: 'AH_MD5' },
  { key: 'sha', value: 3, name: 'AH_SHA' },
  { key: 'des', value: 4, name: 'AH_DES' },
] as const;
export const AhTransformId = valuesByKey(AH_TRANSFORM_IDS);

export const ESP_TRANSFORM_IDS = [
  { key: 'desIv64', value: 1, name: 'ESP_DES_IV64' },
  { key: 'des', value: 2, name: 'ESP_DES' },
  { key: 'tripleDes', value: 3, name: 'ESP_3DES' },
  { key: 'rc5', value: 4, name: 'ESP_RC5' },
  { key: 'idea', value: 5, name: 'ESP_IDEA' },
  { key: 'cast', value: 6, name: 'ESP_CAST' },
  { key: 'blowfish', value: 7, name: 'ESP_BLOWFISH' },
  { key: 'tripleIdea', value: 8, name: 'ESP_3IDEA' },
  { key: 'desIv32', value: 9, name: 'ESP_DES_IV32' },
  { key: 'rc4', value: 10, name: 'ESP_RC4' },
  { key: 'null', value: 11, name: 'ESP_NULL' },
  { key: 'aes', value: 12, name: 'ESP_AES' },
] as const;
export const EspTransformId = valuesByKey(ESP_TRANSFORM_IDS);

export const IPCOMP_TRANSFORM_IDS = [
  { key: 'oui', value: 1, name: 'IPCOMP_OUI' },
  { key: 'deflate', value: 2, name: 'IPCOMP_DEFLATE' },
  { key: 'lzs', value: 3, name: 'IPCOMP_LZS' },
] as const;
export const IpcompTransformId = valuesByKey(IPCOMP_TRANSFORM_IDS);

/** The transform id names of a protocol (transform ids are numbered per protocol). */
export function transformIdName(protocolId: number, transformId: number): string | undefined {
  const tables: Record<number, readonly NamedValue[]> = {
    [ProtocolId.isakmp]: ISAKMP_TRANSFORM_IDS,
    [ProtocolId.ah]: AH_TRANSFORM_IDS,
    [ProtocolId.esp]: ESP_TRANSFORM_IDS,
    [ProtocolId.ipcomp]: IPCOMP_TRANSFORM_IDS,
  };
  const table = tables[protocolId];
  return table === undefined ? undefined : nameOfValue(table, transformId);
}

/** RFC 2409 appendix A: the attribute classes of a phase-1 (KEY_IKE) transform. */
export const PHASE1_ATTRIBUTE_TYPES = [
  { key: 'encryptionAlgorithm', value: 1, name: 'Encryption Algorithm' },
  { key: 'hashAlgorithm', value: 2, name: 'Hash Algorithm' },
  { key: 'authenticationMethod', value: 3, name: 'Authentication Method' },
  { key: 'groupDescription', value: 4, name: 'Group Description' },
  { key: 'groupType', value: 5, name: 'Group Type' },
  { key: 'groupPrime', value: 6, name: 'Group Prime/Irreducible Polynomial' },
  { key: 'groupGeneratorOne', value: 7, name: 'Group Generator One' },
  { key: 'groupGeneratorTwo', value: 8, name: 'Group Generator Two' },
  { key: 'groupCurveA', value: 9, name: 'Group Curve A' },
  { key: 'groupCurveB', value: 10, name: 'Group Curve B' },
  { key: 'lifeType', value: 11, name: 'Life Type' },
  { key: 'lifeDuration', value: 12, name: 'Life Duration' },
  { key: 'prf', value: 13, name: 'PRF' },
  { key: 'keyLength', value: 14, name: 'Key Length' },
  { key: 'fieldSize', value: 15, name: 'Field Size' },
  { key: 'groupOrder', value: 16, name: 'Group Order' },
] as const;
export const Phase1Attribute = valuesByKey(PHASE1_ATTRIBUTE_TYPES);

export const PHASE1_ENCRYPTION_ALGORITHMS = [
  { key: 'desCbc', value: 1, name: 'DES-CBC' },
  { key: 'ideaCbc', value: 2, name: 'IDEA-CBC' },
  { key: 'blowfishCbc', value: 3, name: 'Blowfish-CBC' },
  { key: 'rc5Cbc', value: 4, name: 'RC5-R16-B64-CBC' },
  { key: 'tripleDesCbc', value: 5, name: '3DES-CBC' },
  { key: 'castCbc', value: 6, name: 'CAST-CBC' },
  { key: 'aesCbc', value: 7, name: 'AES-CBC' },
] as const;
export const Phase1Encryption = valuesByKey(PHASE1_ENCRYPTION_ALGORITHMS);

export const PHASE1_HASH_ALGORITHMS = [
  { key: 'md5', value: 1, name: 'MD5' },
  { key: 'sha', value: 2, name: 'SHA' },
  { key: 'tiger', value: 3, name: 'Tiger' },
] as const;
export const Phase1Hash = valuesByKey(PHASE1_HASH_ALGORITHMS);

export const PHASE1_AUTHENTICATION_METHODS = [
  { key: 'preSharedKey', value: 1, name: 'pre-shared key' },
  { key: 'dssSignatures', value: 2, name: 'DSS signatures' },
  { key: 'rsaSignatures', value: 3, name: 'RSA signatures' },
  { key: 'rsaEncryption', value: 4, name: 'Encryption with RSA' },
  { key: 'revisedRsaEncryption', value: 5, name: 'Revised encryption with RSA' },
] as const;
export const Phase1AuthenticationMethod = valuesByKey(PHASE1_AUTHENTICATION_METHODS);

/** Group Description values, shared by phase 1 and the IPsec DOI's PFS attribute. */
export const GROUP_DESCRIPTIONS = [
  { key: 'modp768', value: 1, name: 'default 768-bit MODP group' },
  { key: 'modp1024', value: 2, name: 'alternate 1024-bit MODP group' },
  { key: 'ec2nGf155', value: 3, name: 'EC2N group on GP[2^155]' },
  { key: 'ec2nGf185', value: 4, name: 'EC2N group on GP[2^185]' },
  { key: 'modp1536', value: 5, name: '1536-bit MODP group' },
] as const;
export const GroupDescription = valuesByKey(GROUP_DESCRIPTIONS);

/** Life Type values, shared by phase 1 and the IPsec DOI. */
export const LIFE_TYPES = [
  { key: 'seconds', value: 1, name: 'seconds' },
  { key: 'kilobytes', value: 2, name: 'kilobytes' },
] as const;
export const LifeType = valuesByKey(LIFE_TYPES);

/** RFC 2407 4.5: the attribute classes of an AH/ESP/IPCOMP transform. */
export const IPSEC_ATTRIBUTE_TYPES = [
  { key: 'saLifeType', value: 1, name: 'SA Life Type' },
  { key: 'saLifeDuration', value: 2, name: 'SA Life Duration' },
  { key: 'groupDescription', value: 3, name: 'Group Description' },
  { key: 'encapsulationMode', value: 4, name: 'Encapsulation Mode' },
  { key: 'authenticationAlgorithm', value: 5, name: 'Authentication Algorithm' },
  { key: 'keyLength', value: 6, name: 'Key Length' },
  { key: 'keyRounds', value: 7, name: 'Key Rounds' },
  { key: 'compressDictionarySize', value: 8, name: 'Compress Dictionary Size' },
  { key: 'compressPrivateAlgorithm', value: 9, name: 'Compress Private Algorithm' },
] as const;
export const IpsecAttribute = valuesByKey(IPSEC_ATTRIBUTE_TYPES);

export const ENCAPSULATION_MODES = [
  { key: 'tunnel', value: 1, name: 'Tunnel' },
  { key: 'transport', value: 2, name: 'Transport' },
  { key: 'udpTunnel', value: 3, name: 'UDP-Encapsulated-Tunnel' }, // RFC 3947
  { key: 'udpTransport', value: 4, name: 'UDP-Encapsulated-Transport' },
] as const;
export const EncapsulationMode = valuesByKey(ENCAPSULATION_MODES);

export const IPSEC_AUTHENTICATION_ALGORITHMS = [
  { key: 'hmacMd5', value: 1, name: 'HMAC-MD5' },
  { key: 'hmacSha', value: 2, name: 'HMAC-SHA' },
  { key: 'desMac', value: 3, name: 'DES-MAC' },
  { key: 'kpdk', value: 4, name: 'KPDK' },
] as const;
export const IpsecAuthenticationAlgorithm = valuesByKey(IPSEC_AUTHENTICATION_ALGORITHMS);

/** RFC 2407 4.6.2.1. */
export const ID_TYPES = [
  { key: 'ipv4Addr', value: 1, name: 'ID_IPV4_ADDR' },
  { key: 'fqdn', value: 2, name: 'ID_FQDN' },
  { key: 'userFqdn', value: 3, name: 'ID_USER_FQDN' },
  { key: 'ipv4AddrSubnet', value: 4, name: 'ID_IPV4_ADDR_SUBNET' },
  { key: 'ipv6Addr', value: 5, name: 'ID_IPV6_ADDR' },
  { key: 'ipv6AddrSubnet', value: 6, name: 'ID_IPV6_ADDR_SUBNET' },
  { key: 'ipv4AddrRange', value: 7, name: 'ID_IPV4_ADDR_RANGE' },
  { key: 'ipv6AddrRange', value: 8, name: 'ID_IPV6_ADDR_RANGE' },
  { key: 'derAsn1Dn', value: 9, name: 'ID_DER_ASN1_DN' },
  { key: 'derAsn1Gn', value: 10, name: 'ID_DER_ASN1_GN' },
  { key: 'keyId', value: 11, name: 'ID_KEY_ID' },
] as const;
export const IdType = valuesByKey(ID_TYPES);

/** RFC 2408 3.9: Certificate Encoding, also the Certificate Type of a certificate request. */
export const CERTIFICATE_ENCODINGS = [
  { key: 'pkcs7', value: 1, name: 'PKCS #7 wrapped X.509 certificate' },
  { key: 'pgp', value: 2, name: 'PGP Certificate' },
  { key: 'dnsSignedKey', value: 3, name: 'DNS Signed Key' },
  { key: 'x509Signature', value: 4, name: 'X.509 Certificate - Signature' },
  { key: 'x509KeyExchange', value: 5, name: 'X.509 Certificate - Key Exchange' },
  { key: 'kerberos', value: 6, name: 'Kerberos Tokens' },
  { key: 'crl', value: 7, name: 'Certificate Revocation List (CRL)' },
  { key: 'arl', value: 8, name: 'Authority Revocation List (ARL)' },
  { key: 'spki', value: 9, name: 'SPKI Certificate' },
  { key: 'x509Attribute', value: 10, name: 'X.509 Certificate - Attribute' },
] as const;
export const CertificateEncoding = valuesByKey(CERTIFICATE_ENCODINGS);
