// IKEv1 as IOS 12.2 runs it: the daemon, its configuration, its trace events and the key derivation.
export {
  IkeDaemon, IKE_UDP_PORT,
  type IkeDaemonOptions, type IsakmpSaRow, type IsakmpEngineConnection, type IsakmpKeys,
} from './ike-daemon.ts';
export {
  DEFAULT_ISAKMP_LIFETIME_SECONDS, DEFAULT_ISAKMP_POLICY, DEFAULT_POLICY_PRIORITY, emptyIkeConfig, findPresharedKey, phase1Key,
  policiesToCheck, policiesToOffer, usesAggressiveMode,
  type IkeAuthentication, type IkeConfig, type IkeEncryption, type IkeGroup, type IkeHash, type IkePolicy, type IkePresharedKey,
} from './ike-config.ts';
export {
  ISAKMP_STATES, subsystemOf,
  type DeleteReason, type DurationView, type IkeEvent, type IkeEventKind, type IkeRole, type IkeSubsystem, type IkeTraceEvent,
  type IkeTraceSink, type IsakmpState, type Phase1AttributeView, type Phase1Mismatch, type Phase2AttributeView, type ProcessedPayload,
} from './ike-events.ts';
export { CpuQueue, IOS_C2600_CPU_COSTS, ZERO_CPU_COSTS, type CpuCosts, type CpuJob, type CpuOperation } from './cpu-queue.ts';
export { decideTedResponse, negotiatedProxies, takesUnknownPeers, type TedDecision, type TedRefusal } from './ted/ted-decisions.ts';
export type { ProbeProxyView, TedEvent, TedEventKind } from './ted/ted-events.ts';
export { IOS_TIMING, type IkeCounters, type IkeTiming } from './ike-context.ts';
export { CISCO_IOS_VENDOR_ID } from './phase1-steps.ts';
export type { QuickModeRequest } from './isakmp-sa.ts';
export * from './keymat.ts';
