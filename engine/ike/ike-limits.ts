import type { IkeEventKind } from './ike-events.ts';

/**
 * What bounds the work a peer, or anyone who can reach UDP/500, can make this router do. Each
 * limit is one number here; engine/ios/TEXT-SOURCES.md says what is known of IOS's own.
 */
export interface IkeLimits {
  /** ISAKMP datagrams waiting for the IKE process; more are dropped on arrival and counted. */
  inputQueue: number;
  /** Responder SAs not yet authenticated (MM_NO_STATE to MM_KEY_EXCH, AG_INIT_EXCH); new first messages beyond are refused. */
  halfOpenSas: number;
}

export const IOS_IKE_LIMITS: IkeLimits = {
  inputQueue: 75,
  halfOpenSas: 40,
};

/**
 * IKE's messages that a stream of bad packets would repeat, and how often each is let through
 * (the first always is). IOS's own intervals for these are unconfirmed (TEXT-SOURCES.md); 30 s
 * is what Cisco documents for the data plane's RECVD_PKT_MAC_ERR.
 */
export const IKE_MESSAGE_INTERVALS_MS: Partial<Record<IkeEventKind, number>> = {
  'bad-message': 30_000,
  'no-sa': 30_000,
  'input-queue-full': 30_000,
  'half-open-limit': 30_000,
};
