import type { ProxyIdentity } from '../ipsec/ipsec-port.ts';
import { startAggressiveMode } from './aggressive-mode.ts';
import type { CpuJob } from './cpu-queue.ts';
import { usesAggressiveMode } from './ike-config.ts';
import type { IkeContext } from './ike-context.ts';
import { IsakmpSa, type QuickModeRequest } from './isakmp-sa.ts';
import { startMainMode } from './main-mode.ts';
import { startQuickMode } from './quick-mode-initiator.ts';
import { memoryAddress } from './receive.ts';

/**
 * Where a negotiation starts, whoever asked for it (an acquire, a rekey, an answered TED
 * probe): quick mode under an ISAKMP SA already up with the peer, a wait behind a phase 1
 * already under way, or a new phase 1 in main or aggressive mode.
 */

const COOKIE_LENGTH = 8;

export interface OpenPhase1Options {
  /** Print `beginning Main Mode exchange`; IOS does not after a TED probe. */
  announce: boolean;
  /** Called when a new ISAKMP SA is about to be created, before its first message. */
  beforeNewSa?: () => void;
}

function sameProxy(a: ProxyIdentity, b: ProxyIdentity): boolean {
  return a.address === b.address && a.mask === b.mask && a.protocol === b.protocol && a.port === b.port;
}

/** The same selector already waits for phase 1 or is in quick mode: one negotiation is enough. */
export function negotiationInFlight(ctx: IkeContext, request: QuickModeRequest): boolean {
  const same = (other: QuickModeRequest) => other.peer === request.peer && other.policy.seq === request.policy.seq
    && other.policy.mapName === request.policy.mapName && sameProxy(other.localProxy, request.localProxy)
    && sameProxy(other.remoteProxy, request.remoteProxy);
  return ctx.table.all().some((sa) => !sa.deleted && (sa.waiting.some(same) || awaitsQm2For(sa, same)));
}

/** Loops over the exchanges in place: every acquire asks this of every SA the router holds. */
function awaitsQm2For(sa: IsakmpSa, same: (request: QuickModeRequest) => boolean): boolean {
  for (const exchange of sa.exchanges.values()) {
    if (exchange.role === 'I' && exchange.awaiting === 'QM2' && same(exchange.request)) return true;
  }
  return false;
}

export function openPhase1(ctx: IkeContext, request: QuickModeRequest, job: CpuJob, options: OpenPhase1Options): void {
  const established = ctx.table.usableWith(request.peer);
  if (established !== undefined) return startQuickMode(ctx, established, request);
  const pending = ctx.table.negotiatingWith(request.peer);
  if (pending !== undefined) {
    pending.waiting.push(request);
    return;
  }
  ctx.emit({ kind: 'local-port', localPort: 500, remotePort: 500 });
  options.beforeNewSa?.();
  const aggressive = usesAggressiveMode(ctx.config(), request.peer);
  const sa = new IsakmpSa(ctx.table.allocateConnId(), 'I', aggressive ? 'aggressive' : 'main', request.localAddress,
    request.peer, ctx.random.bytes(COOKIE_LENGTH), new Uint8Array(COOKIE_LENGTH), memoryAddress(ctx));
  ctx.table.add(sa);
  sa.waiting.push(request);
  if (aggressive) startAggressiveMode(ctx, sa, job);
  else startMainMode(ctx, sa, options.announce);
}
