import type { Ipv4Address } from '../wire/ipv4-address.ts';
import type { IpsecProtocol, ProxyIdentity, TransformNumbers, TransformProposal } from './ipsec-port.ts';

/**
 * What the data plane reports as it works. Each event names the `debug` switch it belongs
 * to (`ipsec`: debug crypto ipsec, `engine`: debug crypto engine) or `syslog` for the
 * %CRYPTO messages that IOS always logs. The wording lives in engine/ios; these are facts.
 */
export type IpsecSubsystem = 'ipsec' | 'engine' | 'syslog';

/** The SA manager's message to and from the key engine: IOS prints it as a `(key eng. msg.)` block. */
export interface KeyEngineMessage {
  direction: 'INBOUND' | 'OUTBOUND';
  local: Ipv4Address;
  remote: Ipv4Address;
  localProxy: ProxyIdentity;
  remoteProxy: ProxyIdentity;
  /** The protocol the message is about: `protocol= ESP` (a request or bundle names its outermost: AH when the set has AH). */
  protocol: IpsecProtocol;
  transform: TransformProposal;
  lifetimeSeconds: number;
  lifetimeKilobytes: number;
  spi: number;
  connId: number;
  flags: number;
  /** Where a TED probe leaves: the interface and next hop of the triggering packet. */
  dest?: { interfaceName: string; nextHop: Ipv4Address };
}

/** One SA as `create_sa` and `delete_sa` describe it. */
export interface SaSummary {
  destination: Ipv4Address;
  /** The IP protocol: 50 for ESP, 51 for AH. */
  protocol: number;
  spi: number;
  transform: TransformProposal;
  connId: number;
}

/** The traffic selector an SA or request belongs to, as IOS's `(identity)` block shows it. */
export interface SaIdentity {
  local: Ipv4Address;
  remote: Ipv4Address;
  localProxy: ProxyIdentity;
  remoteProxy: ProxyIdentity;
}

/** SA flags IOS prints in key engine messages. */
export const KEY_ENGINE_FLAGS = {
  /** An SA that IKE negotiated (inbound). */
  inbound: 0x4,
  /** Outbound SAs add the outbound bit. */
  outbound: 0xc,
  /** An SA request (acquire) or TED discovery request. */
  request: 0x4004,
} as const;

export type IpsecTraceEvent =
  | { subsystem: 'ipsec'; kind: 'sa-request'; message: KeyEngineMessage }
  | { subsystem: 'ipsec'; kind: 'tunnel-discover-request'; message: KeyEngineMessage }
  | { subsystem: 'ipsec'; kind: 'request-timer-fired'; count: number; identity: SaIdentity }
  | { subsystem: 'ipsec'; kind: 'key-engine-queue-event' }
  | { subsystem: 'ipsec'; kind: 'spi-response'; spi: number; from: Ipv4Address; to: Ipv4Address; protocol: number }
  | { subsystem: 'ipsec'; kind: 'allocate-flow'; status: number }
  | { subsystem: 'ipsec'; kind: 'validate-proposal-request'; part: number; message: KeyEngineMessage }
  | { subsystem: 'ipsec'; kind: 'proxy-identities-not-supported' }
  | { subsystem: 'ipsec'; kind: 'transform-not-supported'; numbers: TransformNumbers }
  | { subsystem: 'ipsec'; kind: 'initialize-sas'; message: KeyEngineMessage }
  | { subsystem: 'ipsec'; kind: 'create-sa'; sa: SaSummary }
  | { subsystem: 'ipsec'; kind: 'lifetime-expiring'; sa: SaSummary; identity: SaIdentity }
  | { subsystem: 'ipsec'; kind: 'delete-notify-received' }
  | { subsystem: 'ipsec'; kind: 'delete-sa-by-spi'; spi: number; protocol: number; destination: Ipv4Address }
  | { subsystem: 'ipsec'; kind: 'delete-sa'; sa: SaSummary; identity: SaIdentity }
  | { subsystem: 'engine'; kind: 'delete-connection'; connId: number }
  | { subsystem: 'syslog'; kind: 'invalid-spi'; destination: Ipv4Address; protocol: number; spi: number; source: Ipv4Address }
  | { subsystem: 'syslog'; kind: 'mac-verify-failed'; connId: number }
  | { subsystem: 'syslog'; kind: 'replay-check-failed'; connId: number; sequenceNumber: number }
  | { subsystem: 'syslog'; kind: 'not-ipsec'; destination: Ipv4Address; source: Ipv4Address; protocol: number };

export type IpsecTraceKind = IpsecTraceEvent['kind'];

export type IpsecTraceSink = (event: IpsecTraceEvent) => void;
