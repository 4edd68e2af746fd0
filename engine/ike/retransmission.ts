import type { IkeContext } from './ike-context.ts';
import type { IsakmpSa, PendingRetransmission, QuickModeExchange, SentAnswer } from './isakmp-sa.ts';

/**
 * Sending and resending. A message that waits for an answer is sent again every 10 s,
 * at most 5 times (IOS 12.2); the sixth timeout gives the exchange up. Timers go through
 * the CPU queue like everything else, so a busy CPU delays them.
 */

/** The messages of one exchange, phase 1 of an SA or one quick mode: what came last and what we answered. */
interface MessageFlow {
  lastReceived?: Uint8Array;
  answer?: SentAnswer;
  lastTransmitAt?: number;
}

/**
 * Sends a message of the SA's exchange, printing the state the SA is in now. `flow` is the
 * exchange it belongs to, which remembers when it last transmitted; informational messages
 * belong to none.
 */
export function sendPacket(ctx: IkeContext, sa: IsakmpSa, bytes: Uint8Array, flow?: MessageFlow): void {
  ctx.emit({ kind: 'packet-sent', connId: sa.connId, peer: sa.peer, role: sa.role, state: sa.state, ...(sa.via ? { via: sa.via } : {}) });
  if (flow !== undefined) flow.lastTransmitAt = ctx.sim.now();
  ctx.transmit(sa.local, sa.peer, bytes);
}

/** A message sent while the flow's last received message is unanswered is its answer. */
function recordAnswer(flow: MessageFlow, bytes: Uint8Array): void {
  flow.answer = flow.lastReceived === undefined ? undefined : { to: flow.lastReceived, bytes };
}

/** A phase-1 message; `awaitAnswer` arms the retransmission timer until the next message arrives. */
export function sendPhase1(ctx: IkeContext, sa: IsakmpSa, bytes: Uint8Array, awaitAnswer: boolean): void {
  stopPhase1Retransmission(sa);
  recordAnswer(sa, bytes);
  sendPacket(ctx, sa, bytes, sa);
  if (awaitAnswer) sa.retransmission = arm(ctx, bytes, 0, () => phase1Timeout(ctx, sa));
}

export function stopPhase1Retransmission(sa: IsakmpSa): void {
  sa.retransmission?.timer.cancel();
  sa.retransmission = undefined;
}

/** A quick-mode message that waits for an answer (QM1). */
export function sendPhase2(ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange, bytes: Uint8Array, awaitAnswer: boolean): void {
  stopPhase2Retransmission(exchange);
  recordAnswer(exchange, bytes);
  sendPacket(ctx, sa, bytes, exchange);
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
  sendPacket(ctx, sa, pending.bytes, sa);
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
  sendPacket(ctx, sa, pending.bytes, exchange);
  exchange.retransmission = arm(ctx, pending.bytes, pending.count + 1, () => phase2Timeout(ctx, sa, exchange));
}

/**
 * A copy of the last message accepted from the peer: our answer to it is lost, so it goes
 * again, unless that message needed no answer (the last of an exchange), or we put a message
 * of this exchange on the wire a moment ago (the peer's copy and ours crossed: a slow link).
 */
export function answerDuplicate(ctx: IkeContext, sa: IsakmpSa, phase: 1 | 2, flow: MessageFlow): void {
  ctx.counters.duplicates++;
  ctx.emit({ kind: 'duplicate-packet', connId: sa.connId, phase });
  const answer = flow.answer;
  if (answer === undefined || answer.to !== flow.lastReceived) return;
  const sinceMs = flow.lastTransmitAt === undefined ? Infinity : ctx.sim.now() - flow.lastTransmitAt;
  if (sinceMs < ctx.timing.duplicateHoldoffMs) {
    ctx.counters.duplicatesNotAnswered++;
    ctx.emit({ kind: 'retransmission-skipped', connId: sa.connId, phase, sinceMs });
    return;
  }
  ctx.emit({ kind: 'retransmit-for-duplicate', connId: sa.connId, phase });
  sendPacket(ctx, sa, answer.bytes, flow);
}
