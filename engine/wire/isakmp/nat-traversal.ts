import { readUint32 } from '../bytes.ts';
import { decodeFailure, decodedOk, type Decoded } from '../decoded.ts';

/**
 * UDP encapsulation of IKE and ESP on port 4500 (RFC 3947, RFC 3948 2): IKE messages
 * follow a 4-byte zero "non-ESP marker", ESP packets start with their (non-zero) SPI, and
 * a single 0xff byte is a NAT keepalive.
 */

export const ISAKMP_UDP_PORT = 500;
export const NAT_TRAVERSAL_UDP_PORT = 4500;
export const NON_ESP_MARKER_LENGTH = 4;
const NAT_KEEPALIVE_BYTE = 0xff;

export type NatTraversalPayload =
  | { kind: 'ike'; message: Uint8Array }
  | { kind: 'esp'; packet: Uint8Array }
  | { kind: 'keepalive' };

/** Tells apart what a UDP 4500 datagram carries; the marker is removed from an IKE message. */
export function classifyNatTraversalPayload(payload: Uint8Array): Decoded<NatTraversalPayload> {
  if (payload.length === 1 && payload[0] === NAT_KEEPALIVE_BYTE) return decodedOk({ kind: 'keepalive' });
  if (payload.length < NON_ESP_MARKER_LENGTH) {
    return decodeFailure('truncated', `UDP-encapsulated payload of ${payload.length} bytes is neither IKE nor ESP`);
  }
  if (readUint32(payload, 0) === 0) return decodedOk({ kind: 'ike', message: new Uint8Array(payload.subarray(NON_ESP_MARKER_LENGTH)) });
  return decodedOk({ kind: 'esp', packet: new Uint8Array(payload) });
}

/** An IKE message as sent on port 4500: behind the non-ESP marker. */
export function withNonEspMarker(message: Uint8Array): Uint8Array {
  const out = new Uint8Array(NON_ESP_MARKER_LENGTH + message.length);
  out.set(message, NON_ESP_MARKER_LENGTH);
  return out;
}
