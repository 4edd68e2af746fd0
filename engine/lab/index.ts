export { Lab, type IpsecSpis, type LinkPacket, type LoadOptions, type PingOptions, type PingOutcome, type StartedPing, type TracerouteOutcome } from './lab.ts';
export { LiveLab } from './live-lab.ts';
export { escapeMarkup } from './markup.ts';
export type { ConsoleCut } from '../router/router-console.ts';
export type { NotModelledItem } from './not-modelled-list.ts';
export { LabError, describeError, type LabErrorKind } from './errors.ts';
export { type SavedCapture } from './capture.ts';
export type { ExchangeReport } from './exchange/exchange-report.ts';
export {
  compareTranscript, containsInOrder, containsText, unifiedDiff, diffLines, splitDebugMessages, sanitize,
  describeDifferences, originalLines,
  type TranscriptKind, type DebugMessage, type CompareResult, type ProtocolDifference, type Edit,
} from './transcript/index.ts';
export { loadTopologyFile, parseTopology, formatTopologyError, type TopologySpec } from './topology/index.ts';
