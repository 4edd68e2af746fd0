import { RateLimit } from '../sim/rate-limit.ts';
import type { IpsecTraceKind } from './ipsec-trace.ts';

/**
 * The %CRYPTO messages of the data plane that IOS throttles: one message per interval and
 * kind; the packets in between are dropped and counted silently (engine/ios/TEXT-SOURCES.md
 * says where each interval comes from).
 */
export const SYSLOG_INTERVALS_MS: Partial<Record<IpsecTraceKind, number>> = {
  'invalid-spi': 60_000,
  'not-ipsec': 60_000,
  'mac-verify-failed': 30_000,
  'replay-check-failed': 30_000,
};

export function ipsecSyslogRateLimit(): RateLimit<IpsecTraceKind> {
  return new RateLimit(SYSLOG_INTERVALS_MS);
}
