import { authAlgorithmByKeyword } from '../crypto/algorithm-registry.ts';
import { cryptoFailure, cryptoOk, type CryptoResult } from '../crypto/crypto-result.ts';
import type { IntegrityAlgorithm, KeyedIntegrity } from '../crypto/integrity-algorithm.ts';
import { ahIcvInput, buildAhDatagram, decodeAh, type AhOuterFields, type ReceivedAh } from '../wire/ah.ts';
import { decodeFailure, decodedOk, type Decoded } from '../wire/decoded.ts';
import type { Ipv4Datagram } from '../wire/ipv4.ts';
import type { SaKeys, TransformProposal } from './ipsec-port.ts';

/**
 * AH's cryptography for one SA (RFC 2402 with RFC 2403/2404 HMAC-96): sealing a payload
 * into an AH datagram and checking one that arrived. Pure functions over datagrams; the SA
 * database owns sequence numbers and the replay window, as it does for ESP.
 */

export interface AhSaCrypto {
  spi: number;
  integrity: IntegrityAlgorithm;
  integrityKey: Uint8Array;
  /** The HMAC keyed once when the SA is installed. */
  keyedIntegrity: KeyedIntegrity;
}

/** The HMAC-96 of a transform set's AH part (`ah-md5-hmac`, `ah-sha-hmac`); a set without AH is refused. */
export function ahIntegrityFor(transform: TransformProposal): CryptoResult<IntegrityAlgorithm> {
  if (transform.ah === undefined) return cryptoFailure('unknown-algorithm', `transform set ${transform.name} has no AH transform`);
  const auth = authAlgorithmByKeyword(transform.ah);
  return auth.ok ? cryptoOk(auth.value.integrity) : auth;
}

/**
 * The SA's crypto state, once the key is checked against the algorithm's key length. AH has
 * no cipher, so only the SPI and the integrity key of `keys` are used.
 */
export function ahSaCrypto(transform: TransformProposal, keys: Pick<SaKeys, 'spi' | 'integrityKey'>): CryptoResult<AhSaCrypto> {
  const integrity = ahIntegrityFor(transform);
  if (!integrity.ok) return integrity;
  const { keyLength } = integrity.value;
  if (keys.integrityKey.length !== keyLength) {
    return cryptoFailure('bad-key-length', `integrity key of ${keys.integrityKey.length} bytes, expected ${keyLength}`);
  }
  return cryptoOk({
    spi: keys.spi, integrity: integrity.value, integrityKey: keys.integrityKey, keyedIntegrity: integrity.value.keyed(keys.integrityKey),
  });
}

/**
 * The datagram that carries `payload` under AH: in tunnel mode `outer` is the new header and
 * `payload` the whole inner datagram (next header 4); in transport mode `outer` is the
 * original header and `payload` its payload. Precondition: `ahEncodingProblem(outer,
 * payload.length, sa.integrity.icvLength)` is undefined; otherwise a RangeError.
 */
export function ahSeal(
  sa: AhSaCrypto, sequenceNumber: number, outer: AhOuterFields, payload: Uint8Array, nextHeader: number,
): Ipv4Datagram {
  const header = { nextHeader, spi: sa.spi, sequenceNumber };
  const computeIcv = (input: Uint8Array): Uint8Array => sa.keyedIntegrity.icv(input);
  return buildAhDatagram(outer, header, payload, sa.integrity.icvLength, computeIcv);
}

/** A received AH datagram split by the SA's ICV length, with the bytes its ICV must cover. */
export interface AhParsed {
  packet: ReceivedAh;
  icvInput: Uint8Array;
}

/**
 * Splits a received datagram (protocol 51) by the SA's framing. A fragment is malformed:
 * AH sees only reassembled datagrams, and RFC 2402 3.4.1 has the receiver discard anything
 * that still looks like a fragment.
 */
export function ahParse(sa: Pick<AhSaCrypto, 'integrity'>, datagram: Ipv4Datagram): Decoded<AhParsed> {
  if (datagram.moreFragments || datagram.fragmentOffset !== 0) {
    const where = `offset ${datagram.fragmentOffset}, more fragments ${datagram.moreFragments}`;
    return decodeFailure('bad-field', `AH datagram is a fragment (${where})`);
  }
  const { icvLength } = sa.integrity;
  const packet = decodeAh(datagram.payload, icvLength);
  if (!packet.ok) return packet;
  const icvInput = ahIcvInput(datagram, icvLength);
  if (!icvInput.ok) return icvInput;
  return decodedOk({ packet: packet.value, icvInput: icvInput.value });
}

/** True when the ICV the packet carries is the one its key gives. */
export function ahIcvValid(sa: AhSaCrypto, parsed: AhParsed): boolean {
  return sa.keyedIntegrity.verify(parsed.icvInput, parsed.packet.icv);
}

export type AhOpenResult =
  | { ok: true; packet: ReceivedAh }
  | { ok: false; failure: 'malformed' | 'icv-mismatch'; detail: string };

/** Parse and verify in one step, for receivers that keep no replay window. */
export function ahOpen(sa: AhSaCrypto, datagram: Ipv4Datagram): AhOpenResult {
  const parsed = ahParse(sa, datagram);
  if (!parsed.ok) return { ok: false, failure: 'malformed', detail: parsed.error.message };
  if (!ahIcvValid(sa, parsed.value)) return { ok: false, failure: 'icv-mismatch', detail: 'ICV does not verify' };
  return { ok: true, packet: parsed.value.packet };
}
