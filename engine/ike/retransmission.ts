import type { IkeContext } from './ike-context.ts';
import type { IsakmpSa, PendingRetransmission, QuickModeExchange } from './isakmp-sa.ts';

/**
 * Sending and resending. A message that waits for an answer is sent again every 10 s,
 * at most 5 times (IOS 12.2); the sixth timeout gives the exchange up. Timers go through
 * the CPU queue like everything else, so a busy CPU delays them.
 */

/** Sends a message of the SA's exchange, printing the state the SA is in now. */
export function sendPacket(ctx: IkeContext, sa: IsakmpSa, bytes: Uint8Array): void {
  ctx.emit({ kind: 'packet-sent', connId: sa.connId, peer: sa.peer, role: sa.role, state: sa.state, ...(sa.via ? { via: sa.via } : {}) });
  ctx.transmit(sa.local, sa.peer, bytes);
}

/** A phase-1 message; `awaitAnswer` arms the retransmission timer until the next message arrives. */
export function sendPhase1(ctx: IkeContext, sa: IsakmpSa, bytes: Uint8Array, awaitAnswer: boolean): void {
  stopPhase1Retransmission(sa);
  sa.lastSent = bytes;
  sendPacket(ctx, sa, bytes);
  if (awaitAnswer) sa.retransmission = arm(ctx, bytes, 0, () => phase1Timeout(ctx, sa));
}

export function stopPhase1Retransmission(sa: IsakmpSa): void {
  sa.retransmission?.timer.cancel();
  sa.retransmission = undefined;
}

/** A quick-mode message that waits for an answer (QM1). */
export function sendPhase2(ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange, bytes: Uint8Array, awaitAnswer: boolean): void {
  stopPhase2Retransmission(exchange);
  exchange.lastSent = bytes;
  sendPacket(ctx, sa, bytes);
  if (awaitAnswer) exchange.retransmission = arm(ctx, bytes, 0, () => phase2Timeout(ctx, sa, exchange));
}

export function stopPhase2Retransmission(exchange: QuickModeExchange): void {
  exchange.retransmission?.timer.cancel();
  exchange.retransmission = undefined;
}

function arm(ctx: IkeContext, bytes: Uint8Array, count: number, onTimeout: () => void): PendingRetransmission {
  const timer = ctx.sim.schedule(ctx.timing.retransmitIntervalMs, () => ctx.cpu.submit('timer', () => onTimeout()));
  return { bytes, count, timer };
}

function phase1Timeout(ctx: IkeContext, sa: IsakmpSa): void {
  const pending = sa.retransmission;
  if (pending === undefined || sa.deleted) return;
  ctx.emit({ kind: 'retransmit-due', connId: sa.connId, phase: 1, state: sa.state });
  if (pending.count >= ctx.timing.maxRetransmissions) {
    sa.retransmission = undefined;
    ctx.deleteSa(sa, 'death-by-retransmission-p1');
    return;
  }
  ctx.emit({ kind: 'retransmit-counted', connId: sa.connId, phase: 1 });
  ctx.emit({ kind: 'retransmitting', connId: sa.connId, phase: 1, state: sa.state });
  ctx.counters.retransmitted++;
  sendPacket(ctx, sa, pending.bytes);
  sa.retransmission = arm(ctx, pending.bytes, pending.count + 1, () => phase1Timeout(ctx, sa));
}

function phase2Timeout(ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange): void {
  const pending = exchange.retransmission;
  if (pending === undefined || sa.deleted || exchange.awaiting === 'done') return;
  ctx.emit({ kind: 'retransmit-due', connId: sa.connId, phase: 2, state: sa.state });
  if (pending.count >= ctx.timing.maxRetransmissions) {
    exchange.retransmission = undefined;
    exchange.awaiting = 'done';
    sa.exchanges.delete(exchange.messageId);
    ctx.emit({ kind: 'deleting-node', connId: sa.connId, messageId: exchange.messageId, error: true, reason: 'death-by-retransmission-p2' });
    return;
  }
  ctx.emit({ kind: 'retransmit-counted', connId: sa.connId, phase: 2 });
  ctx.emit({ kind: 'retransmitting', connId: sa.connId, phase: 2, state: sa.state });
  ctx.counters.retransmitted++;
  sendPacket(ctx, sa, pending.bytes);
  exchange.retransmission = arm(ctx, pending.bytes, pending.count + 1, () => phase2Timeout(ctx, sa, exchange));
}

/** A copy of the last message accepted: resend our answer to it, once per copy (IOS does the same). */
export function answerDuplicate(ctx: IkeContext, sa: IsakmpSa, phase: 1 | 2, lastAnswer: Uint8Array | undefined): void {
  ctx.counters.duplicates++;
  ctx.emit({ kind: 'duplicate-packet', connId: sa.connId, phase });
  if (lastAnswer === undefined) return;
  ctx.emit({ kind: 'retransmit-for-duplicate', connId: sa.connId, phase });
  sendPacket(ctx, sa, lastAnswer);
}
