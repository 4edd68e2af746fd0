/**
 * The numbers that name algorithms on the wire, in one place.
 * Phase 1: RFC 2409 Appendix A attribute values (AES-CBC: RFC 3602 §5.3 / IANA registry;
 * SHA2-256: RFC 4868 / IANA registry). Phase 2: RFC 2407 §4.4 IPsec DOI transform ids
 * and the §4.5 Authentication Algorithm attribute values.
 */

/** Phase 1 attribute class 1, Encryption Algorithm. */
export const IKE_ENCRYPTION_ID = {
  DES_CBC: 1,
  TRIPLE_DES_CBC: 5,
  AES_CBC: 7,
} as const;

/** Phase 1 attribute class 2, Hash Algorithm. */
export const IKE_HASH_ID = {
  MD5: 1,
  SHA: 2,
  SHA2_256: 4,
} as const;

/** Phase 1 attribute class 4, Group Description (the MODP groups). */
export const IKE_GROUP_ID = {
  MODP_768: 1,
  MODP_1024: 2,
  MODP_1536: 5,
  MODP_2048: 14,
} as const;

/** IPsec DOI transform ids for PROTO_IPSEC_ESP (RFC 2407 §4.4.4, RFC 3602 for AES). */
export const ESP_TRANSFORM_ID = {
  ESP_DES: 2,
  ESP_3DES: 3,
  ESP_NULL: 11,
  ESP_AES: 12,
} as const;

/** IPsec DOI transform ids for PROTO_IPSEC_AH (RFC 2407 §4.4.3). */
export const AH_TRANSFORM_ID = {
  AH_MD5: 2,
  AH_SHA: 3,
} as const;

/** IPsec DOI SA attribute class 5, Authentication Algorithm (RFC 2407 §4.5). */
export const AUTH_ALGORITHM_ID = {
  HMAC_MD5: 1,
  HMAC_SHA: 2,
} as const;
