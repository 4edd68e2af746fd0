import { readUint16 } from '../../wire/bytes.ts';
import { IpProtocol } from '../../wire/ip-protocols.ts';
import type { Lab } from '../lab.ts';
import { classify } from '../testing/link-traffic.ts';
import type { FuzzCase } from './fuzz-cases.ts';

/**
 * What must hold once the fuzzer stops, whatever it sent: the WAN goes quiet, the tunnel
 * still carries pings, and after both routers clear their SAs a fresh negotiation brings it
 * back. Each check returns what failed (nothing when it held); the checks run in that order on
 * the same lab, each after the one before, and a failure does not stop the next.
 */

/** Time for retransmissions and half-open exchanges provoked by the fuzz to give up. */
export const SETTLE_MS = 3 * 60_000;
/** A window in which an idle pair of routers sends no ISAKMP at all. */
export const QUIET_WINDOW_MS = 30 * 60_000;
const CLEAR_WAIT_MS = 2_000;
const IKE_PORTS: ReadonlySet<number> = new Set([500, 4500]);

/**
 * IKE by either port: a router that learnt a wrong peer port from a forged datagram sends its
 * ISAKMP from 500 to that port, and the quiet WAN must not miss it.
 */
function isIke(bytes: Uint8Array): boolean {
  if (bytes.length < 20 || bytes[9] !== IpProtocol.udp) return false;
  const udp = (bytes[0]! & 0x0f) * 4;
  return bytes.length >= udp + 4 && (IKE_PORTS.has(readUint16(bytes, udp)) || IKE_PORTS.has(readUint16(bytes, udp + 2)));
}

export function checkOracle(lab: Lab, fuzzCase: FuzzCase): string[] {
  return [checkQuiet(lab), checkTunnel(lab, fuzzCase), checkFreshNegotiation(lab, fuzzCase)]
    .filter((problem): problem is string => problem !== undefined);
}

/** (b) After SETTLE_MS, a QUIET_WINDOW_MS window carries no ISAKMP datagram. */
export function checkQuiet(lab: Lab): string | undefined {
  lab.advance(SETTLE_MS);
  const heard: string[] = [];
  const stop = lab.watch('wan', (packet) => {
    if (!isIke(packet.bytes)) return;
    const { exchangeType } = classify(packet.bytes);
    heard.push(`${packet.from} exchange ${exchangeType ?? '?'} at ${packet.timeMs} ms`);
  });
  try {
    lab.advance(QUIET_WINDOW_MS);
  } finally {
    stop();
  }
  if (heard.length === 0) return undefined;
  return `the WAN is not quiet: ${heard.length} ISAKMP datagrams in the ${QUIET_WINDOW_MS / 60_000}-minute window (${heard.slice(0, 3).join('; ')})`;
}

/** (c) Two pings: the first ends in "!!!!", the second is "!!!!!", and they crossed the WAN protected. */
export function checkTunnel(lab: Lab, { hosts }: FuzzCase): string | undefined {
  const first = lab.ping(hosts[0], hosts[1]).marks;
  const kinds = new Map<string, number>();
  const stop = lab.watch('wan', (packet) => {
    const { kind } = classify(packet.bytes);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  });
  let second: string;
  try {
    second = lab.ping(hosts[0], hosts[1]).marks;
  } finally {
    stop();
  }
  const protectedCount = (kinds.get('esp') ?? 0) + (kinds.get('ah') ?? 0);
  const clear = kinds.get('other') ?? 0;
  if (first.endsWith('!!!!') && second === '!!!!!' && protectedCount > 0 && clear === 0) return undefined;
  return `the tunnel does not carry pings: "${first}" then "${second}" (${protectedCount} ESP/AH and ${clear} other datagrams on the WAN in the second)`;
}

/** (d) `clear crypto sa` and `clear crypto isakmp` on both, then a ping renegotiates: "...!!!" and QM_IDLE on both. */
export function checkFreshNegotiation(lab: Lab, { routers, hosts }: FuzzCase): string | undefined {
  for (const router of routers) {
    lab.run(router, 'clear crypto sa');
    lab.run(router, 'clear crypto isakmp');
  }
  lab.advance(CLEAR_WAIT_MS);
  const marks = lab.ping(hosts[0], hosts[1]).marks;
  const notIdle = routers.filter((router) => !lab.run(router, 'show crypto isakmp sa').includes('QM_IDLE'));
  if (marks.endsWith('!!!') && notIdle.length === 0) return undefined;
  const idle = notIdle.length === 0 ? '' : `; no QM_IDLE on ${notIdle.join(' and ')}`;
  return `a fresh negotiation fails: the ping after clearing both routers shows "${marks}"${idle}`;
}
