import { ExchangeType, type IsakmpPayload } from '../wire/isakmp/index.ts';
import { initiatorAm2, responderAm1, responderAm3 } from './aggressive-mode.ts';
import type { CpuJob } from './cpu-queue.ts';
import type { IkeContext, Phase1Handler } from './ike-context.ts';
import type { IkeRole, IsakmpState } from './ike-events.ts';
import type { IsakmpSa, QuickModeExchange } from './isakmp-sa.ts';
import { initiatorMm2, initiatorMm4, initiatorMm6, responderMm1, responderMm3, responderMm5 } from './main-mode.ts';
import { initiatorQm2 } from './quick-mode-initiator.ts';
import { responderQm3 } from './quick-mode-responder.ts';

/**
 * The IKE state machine as data, in the manner of libreswan's ikev1_states.c: which message,
 * in which exchange, is taken by whom in which state, whether it must come encrypted, and the
 * handler that moves the SA on. A message no row matches is not for us now and is dropped.
 */

export type Encryption = 'never' | 'required' | 'optional';

export interface Phase1Transition {
  exchangeType: number;
  role: IkeRole;
  state: IsakmpState;
  /** The message, for people and tests: MM2, AM3... */
  message: string;
  encryption: Encryption;
  handle: Phase1Handler;
}

const MAIN = ExchangeType.identityProtection;
const AGGRESSIVE = ExchangeType.aggressive;

/** Messages that open a new SA at the responder. */
export const NEW_SA_TRANSITIONS: readonly Omit<Phase1Transition, 'role' | 'state'>[] = [
  { exchangeType: MAIN, message: 'MM1', encryption: 'never', handle: responderMm1 },
  { exchangeType: AGGRESSIVE, message: 'AM1', encryption: 'never', handle: responderAm1 },
];

export const PHASE1_TRANSITIONS: readonly Phase1Transition[] = [
  { exchangeType: MAIN, role: 'I', state: 'MM_NO_STATE', message: 'MM2', encryption: 'never', handle: initiatorMm2 },
  { exchangeType: MAIN, role: 'R', state: 'MM_SA_SETUP', message: 'MM3', encryption: 'never', handle: responderMm3 },
  { exchangeType: MAIN, role: 'I', state: 'MM_SA_SETUP', message: 'MM4', encryption: 'never', handle: initiatorMm4 },
  { exchangeType: MAIN, role: 'R', state: 'MM_KEY_EXCH', message: 'MM5', encryption: 'required', handle: responderMm5 },
  { exchangeType: MAIN, role: 'I', state: 'MM_KEY_EXCH', message: 'MM6', encryption: 'required', handle: initiatorMm6 },
  { exchangeType: AGGRESSIVE, role: 'I', state: 'AG_NO_STATE', message: 'AM2', encryption: 'never', handle: initiatorAm2 },
  { exchangeType: AGGRESSIVE, role: 'R', state: 'AG_INIT_EXCH', message: 'AM3', encryption: 'optional', handle: responderAm3 },
];

export function newSaTransition(exchangeType: number): (typeof NEW_SA_TRANSITIONS)[number] | undefined {
  return NEW_SA_TRANSITIONS.find((row) => row.exchangeType === exchangeType);
}

export function phase1Transition(exchangeType: number, role: IkeRole, state: IsakmpState): Phase1Transition | undefined {
  return PHASE1_TRANSITIONS.find((row) => row.exchangeType === exchangeType && row.role === role && row.state === state);
}

export type QuickModeHandler = (ctx: IkeContext, sa: IsakmpSa, exchange: QuickModeExchange, payloads: IsakmpPayload[], job: CpuJob) => void;

/** Quick mode under QM_IDLE, per message ID. QM1 at the responder has no exchange yet (quick-mode-responder.ts). */
export const QUICK_MODE_TRANSITIONS: readonly { role: IkeRole; awaiting: QuickModeExchange['awaiting']; message: string; handle: QuickModeHandler }[] = [
  { role: 'I', awaiting: 'QM2', message: 'QM2', handle: initiatorQm2 },
  { role: 'R', awaiting: 'QM3', message: 'QM3', handle: responderQm3 },
];

export function quickModeTransition(exchange: QuickModeExchange): (typeof QUICK_MODE_TRANSITIONS)[number] | undefined {
  return QUICK_MODE_TRANSITIONS.find((row) => row.role === exchange.role && row.awaiting === exchange.awaiting);
}
