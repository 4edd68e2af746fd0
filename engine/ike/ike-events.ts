import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { TedEvent } from './ted/ted-events.ts';

/**
 * The typed trace events of IKE: one per line IOS prints under `debug crypto isakmp`,
 * `debug crypto engine`, or as a syslog message. They carry data only; the IOS wording lives
 * in engine/ios/debug/isakmp-debug.ts.
 */

/** Which switch shows an event: `debug crypto isakmp`, `debug crypto engine`, or always (syslog). */
export type IkeSubsystem = 'isakmp' | 'engine' | 'syslog';

/** (I) initiator, (R) responder; (N) is a packet that starts a new SA. */
export type IkeRole = 'I' | 'R';

/** IOS's state names, in the order an exchange goes through them. */
export const ISAKMP_STATES = [
  'MM_NO_STATE', 'MM_SA_SETUP', 'MM_KEY_EXCH', 'MM_KEY_AUTH',
  'AG_NO_STATE', 'AG_INIT_EXCH', 'AG_AUTH',
  'QM_IDLE',
  // Tunnel endpoint discovery: the probe's SA on both routers, until it is thrown away.
  'PEER_DISCOVERY',
] as const;
export type IsakmpState = (typeof ISAKMP_STATES)[number];

/** A phase-1 transform attribute as it arrived, for the attribute lines of the policy check. */
export type Phase1AttributeView =
  | { attribute: 'encryption'; id: number }
  | { attribute: 'key-length'; bits: number }
  | { attribute: 'hash'; id: number }
  | { attribute: 'group'; id: number }
  | { attribute: 'auth'; id: number }
  | { attribute: 'life-type'; id: number }
  | { attribute: 'life-duration'; duration: DurationView }
  | { attribute: 'other'; type: number };

/** IOS prints a two-byte (TV) value in decimal and a variable one (VPI) as its bytes in hex. */
export type DurationView = { form: 'basic'; value: number } | { form: 'vpi'; bytes: number[] };

/** An IPsec transform attribute as it arrived. */
export type Phase2AttributeView =
  | { attribute: 'group'; id: number }
  | { attribute: 'encaps'; mode: number }
  | { attribute: 'life-type'; id: number }
  | { attribute: 'life-duration'; duration: DurationView }
  | { attribute: 'authenticator'; id: number }
  | { attribute: 'key-length'; bits: number }
  | { attribute: 'other'; type: number };

export type Phase1Mismatch = 'encryption' | 'hash' | 'group' | 'auth' | 'preshared' | 'lifetime' | 'no-certificates';

export type ProcessedPayload = 'SA' | 'KE' | 'NONCE' | 'ID' | 'HASH';

/** Why an SA or an exchange (node) is deleted; the renderer holds IOS's words for each. */
export type DeleteReason =
  | 'death-by-retransmission-p1'
  | 'death-by-retransmission-p2'
  | 'phase1-proposal-not-accepted'
  | 'p1-delete-notify-in'
  | 'manual-clear'
  | 'lifetime-expired'
  | 'initiator-quick-mode-done'
  | 'responder-quick-mode-done'
  | 'quick-mode-rejected'
  | 'informational-in'
  | 'proposal-rejected-by-peer'
  | 'initial-contact'
  /** A TED probe's SA, once the probe was answered (or the answer sent): IOS throws it away. */
  | 'delete-me';

export type IkeEvent =
  // ---- debug crypto isakmp -------------------------------------------------------------
  | { kind: 'ke-message'; index: number; total: number }
  | { kind: 'local-port'; localPort: number; remotePort: number }
  | { kind: 'beginning-exchange'; connId: number; exchange: 'main' | 'aggressive' }
  /** `via` names the interface and next hop of a packet not sent to a peer (a TED probe). */
  | { kind: 'packet-sent'; connId: number; peer: Ipv4Address; role: IkeRole; state: IsakmpState; via?: OutboundRoute }
  | { kind: 'packet-received'; connId: number; peer: Ipv4Address; role: IkeRole; state: IsakmpState }
  | { kind: 'packet-received-new-sa'; peer: Ipv4Address }
  | { kind: 'processing-payload'; connId: number; payload: ProcessedPayload; messageId: number }
  | { kind: 'vendor-id'; connId: number }
  | { kind: 'ios-peer'; connId: number }
  | { kind: 'preshared-key-found'; connId: number; peer: Ipv4Address }
  | { kind: 'preshared-key-missing'; connId: number; peer: Ipv4Address }
  | { kind: 'checking-isakmp-transform'; connId: number; transform: number; priority: number }
  | { kind: 'isakmp-attribute'; view: Phase1AttributeView }
  | { kind: 'isakmp-mismatch'; connId: number; mismatch: Phase1Mismatch }
  | { kind: 'isakmp-atts-verdict'; connId: number; acceptable: boolean; nextPayload: number }
  | { kind: 'no-offers-accepted'; connId: number }
  | { kind: 'phase1-not-acceptable'; connId: number }
  | { kind: 'psk-authentication'; connId: number }
  | { kind: 'skeyid-generated'; connId: number }
  | { kind: 'id-payload'; connId: number; nextPayload: number; idType: number; protocol: number; port: number; length: number }
  | { kind: 'total-payload-length'; connId: number; length: number }
  | { kind: 'authenticated'; connId: number; peer: Ipv4Address }
  | { kind: 'beginning-quick-mode'; connId: number; messageId: number }
  | { kind: 'asking-for-spis'; connId: number; count: number }
  | { kind: 'had-to-get-spis'; connId: number }
  | { kind: 'checking-ipsec-proposal'; connId: number; proposal: number }
  | { kind: 'ipsec-transform'; transform: number; protocolId: number; transformId: number }
  | { kind: 'transform-attributes' }
  | { kind: 'ipsec-attribute'; view: Phase2AttributeView }
  | { kind: 'validate-proposal'; result: number }
  | { kind: 'ipsec-atts-verdict'; connId: number; acceptable: boolean; nextPayload: number }
  | { kind: 'validate-proposal-request'; result: number }
  | { kind: 'phase2-not-acceptable'; connId: number }
  | { kind: 'creating-ipsec-sas'; connId: number }
  | { kind: 'ipsec-sa-endpoints'; direction: 'inbound' | 'outbound'; source: Ipv4Address; destination: Ipv4Address; sourceProxy: Ipv4Address; destinationProxy: Ipv4Address }
  | { kind: 'ipsec-sa-spi'; direction: 'inbound' | 'outbound'; spi: number; connId: number; flags: number }
  | { kind: 'ipsec-sa-lifetime'; value: number; unit: 'seconds' | 'kilobytes' }
  | { kind: 'deleting-node'; connId: number; messageId: number; error: boolean; reason: DeleteReason }
  | { kind: 'purging-node'; connId: number; messageId: number }
  | { kind: 'no-paranoid-keepalives'; connId: number }
  | { kind: 'deleting-sa'; connId: number; reason: DeleteReason; role: IkeRole; state: IsakmpState; peer: Ipv4Address }
  | { kind: 'purging-sa'; connId: number; address: number }
  | { kind: 'retransmit-due'; connId: number; phase: 1 | 2; state: IsakmpState }
  | { kind: 'retransmit-counted'; connId: number; phase: 1 | 2 }
  | { kind: 'retransmitting'; connId: number; phase: 1 | 2; state: IsakmpState }
  | { kind: 'duplicate-packet'; connId: number; phase: 1 | 2 }
  | { kind: 'retransmit-for-duplicate'; connId: number; phase: 1 | 2 }
  | { kind: 'retransmission-skipped'; connId: number; phase: 1 | 2; sinceMs: number }
  | { kind: 'notify-processing'; connId: number; notifyType: number; protocolId: number; spi: number; messageId: number }
  | { kind: 'notify-without-hash'; connId: number }
  | { kind: 'responder-lifetime-processing'; connId: number }
  | { kind: 'initial-contact'; connId: number }
  | { kind: 'responder-lifetime'; connId: number; value: number; unit: 'seconds' | 'kilobytes' }
  | { kind: 'delete-processing'; connId: number; messageId: number; spiSize: number }
  | { kind: 'deleting-spi'; connId: number; spi: number; messageId: number }
  | { kind: 'reserved-not-zero'; payloadType: number }
  /** tedlab's bounds on hostile work (ike-limits.ts): IOS 12.2 documents none, so these lines are tedlab's own. */
  | { kind: 'input-queue-full'; peer: Ipv4Address; waiting: number }
  | { kind: 'half-open-limit'; peer: Ipv4Address; limit: number }
  // ---- debug crypto engine -------------------------------------------------------------
  | { kind: 'engine-generate-alg-parameter' }
  | { kind: 'engine-dh-status'; status: number }
  | { kind: 'engine-create-skeyid'; connId: number }
  | { kind: 'engine-hmac-context'; connId: number }
  | { kind: 'engine-clear-dh'; dhSlot: number }
  | { kind: 'engine-delete-connection'; connId: number }
  // ---- syslog ---------------------------------------------------------------------------
  | { kind: 'bad-message'; peer: Ipv4Address }
  | { kind: 'no-sa'; peer: Ipv4Address }
  | { kind: 'aggressive-mode-refused'; peer: Ipv4Address }
  | { kind: 'mode-failure'; mode: 'Main' | 'Aggressive' | 'Quick'; peer: Ipv4Address }
  // ---- debug crypto isakmp: tunnel endpoint discovery ----------------------------------------
  | TedEvent;

/** Where a datagram leaves the router: its interface and next hop. */
export interface OutboundRoute {
  interfaceName: string;
  nextHop: Ipv4Address;
}

export type IkeEventKind = IkeEvent['kind'];

const ENGINE_EVENTS: ReadonlySet<IkeEventKind> = new Set<IkeEventKind>([
  'engine-generate-alg-parameter', 'engine-dh-status', 'engine-create-skeyid', 'engine-hmac-context',
  'engine-clear-dh', 'engine-delete-connection',
]);
const SYSLOG_EVENTS: ReadonlySet<IkeEventKind> = new Set<IkeEventKind>(['bad-message', 'no-sa', 'mode-failure']);

export function subsystemOf(kind: IkeEventKind): IkeSubsystem {
  if (ENGINE_EVENTS.has(kind)) return 'engine';
  return SYSLOG_EVENTS.has(kind) ? 'syslog' : 'isakmp';
}

/** An event as the trace sink receives it: stamped with its subsystem and virtual time. */
export type IkeTraceEvent = IkeEvent & { subsystem: IkeSubsystem; timeMs: number };

export type IkeTraceSink = (event: IkeTraceEvent) => void;
