// The IPsec data plane: policies from crypto maps, SAs from IKE, ESP in and out, lifetimes and counters.
export * from './ipsec-port.ts';
export { IpsecEngine, type DynamicPeer, type IpsecEngineOptions } from './ipsec-engine.ts';
export {
  KEY_ENGINE_FLAGS, type IpsecSubsystem, type IpsecTraceEvent, type IpsecTraceKind, type IpsecTraceSink,
  type KeyEngineMessage, type SaIdentity, type SaSummary,
} from './ipsec-trace.ts';
export {
  ETHERNET_MTU, type EngineConnectionSnapshot, type IdentSnapshot, type InterfaceSnapshot, type SaSnapshot,
} from './ipsec-snapshot.ts';
export { IPSEC_DROP_REASONS, type IpsecDropCounters, type IpsecDropReason } from './data-plane-context.ts';
export type { AccessListLookup } from './security-policy.ts';
export type { IdentCounters } from './sa-database.ts';
export { FIRST_IPSEC_CONN_ID, MIN_SPI } from './sa-database.ts';
export { SA_REQUEST_TIMER_MS } from './acquire-requests.ts';
export { SOFT_LIFETIME_FRACTION, SOFT_LIFETIME_LEAD_MS } from './sa-lifetime.ts';
export { IOS_REPLAY_WINDOW_SIZE, ReplayWindow, type ReplayVerdict } from './replay-window.ts';
export {
  espAlgorithmsFor, espSaCrypto, espSeal, espParse, espIcvValid, espDecrypt, espOpen,
  type EspAlgorithms, type EspSaCrypto, type EspOpenResult,
} from './esp-transform.ts';
export { sameTransform } from './proposal-validation.ts';
export { proxyContains, sameProxy } from './proxy-match.ts';
export { espSaRow } from './wireshark-esp-sa.ts';
export { SYSLOG_INTERVALS_MS } from './syslog-rate-limit.ts';
