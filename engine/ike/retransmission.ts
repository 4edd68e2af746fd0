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
  ctx.transmit(sa.local, sa.peer, bytes, sa.peerPort);
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
  if (awaitAnswer) sa.retransmission = arm(ctx, bytes, 0, (armed) => phase1Timeout(ctx, sa, armed));
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
  if (awaitAnswer) exchange.retransmission = arm(ctx, bytes, 0, (armed) => phase2Timeout(ctx, sa, exchange, armed));
}

export function stopPhase2Retransmission(exchange: QuickModeExchange): void {
  exchange.retransmission?.timer.cancel();
  exchange.retransmission = undefined;
}

/**
 * Arms a retransmission. The timeout is handed the retransmission it was armed for: a timer
 * whose job was already queued when the retransmission was re-armed or stopped finds itself
 * stale and does nothing.
 */
function arm(ctx: IkeContext, bytes: Uint8Array, count: number, onTimeout: (armed: PendingRetransmission) => void): PendingRetransmission {
  const pending: PendingRetransmission = { bytes, count, onTimeout, timer: undefined! };
  pending.timer = ctx.sim.schedule(ctx.timing.retransmitIntervalMs, () => ctx.cpu.submit('timer', () => onTimeout(pending)));
  return pending;
}

function phase1Timeout(ctx: IkeContext, sa: IsakmpSa, pending: PendingRetransmission): void {
  if (sa.retransmission !== pending || sa.deleted) return;
  timeout(ctx, sa, sa, 1, pending, () => {
    sa.retransmission = undefined;
    ctx.deleteSa(sa, 'death-by-retransmission-p1');
  });
}

function phase2Timeout(ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange, pending: PendingRetransmission): void {
  if (exchange.retransmission !== pending || sa.deleted || exchange.awaiting === 'done') return;
  timeout(ctx, sa, exchange, 2, pending, () => {
    exchange.retransmission = undefined;
    exchange.awaiting = 'done';
    sa.exchanges.delete(exchange.messageId);
    ctx.emit({ kind: 'deleting-node', connId: sa.connId, messageId: exchange.messageId, error: true, reason: 'death-by-retransmission-p2' });
  });
}

/**
 * The timer of a message that waits for its answer: after the last retransmission the exchange
 * is given up; otherwise the retransmission is counted and the message sent again, unless it
 * went a moment ago as the answer to a duplicate (then the count still moves, so a peer that
 * keeps sending duplicates cannot keep the exchange alive forever).
 */
function timeout(
  ctx: IkeContext, sa: IsakmpSa, flow: MessageFlow & { retransmission?: PendingRetransmission }, phase: 1 | 2,
  pending: PendingRetransmission, giveUp: () => void,
): void {
  ctx.emit({ kind: 'retransmit-due', connId: sa.connId, phase, state: sa.state });
  if (pending.count >= ctx.timing.maxRetransmissions) return giveUp();
  ctx.emit({ kind: 'retransmit-counted', connId: sa.connId, phase });
  const sinceMs = flow.lastTransmitAt === undefined ? Infinity : ctx.sim.now() - flow.lastTransmitAt;
  if (sinceMs < ctx.timing.duplicateHoldoffMs) {
    ctx.emit({ kind: 'retransmission-skipped', connId: sa.connId, phase, sinceMs });
  } else {
    ctx.emit({ kind: 'retransmitting', connId: sa.connId, phase, state: sa.state });
    ctx.counters.retransmitted++;
    sendPacket(ctx, sa, pending.bytes, flow);
  }
  flow.retransmission = arm(ctx, pending.bytes, pending.count + 1, pending.onTimeout);
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
