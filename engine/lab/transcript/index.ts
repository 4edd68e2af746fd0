export {
  TIMESTAMP_SOURCE, collapseBlanks, formatDebugMessages, isCommandEcho, normalise, normaliseLines, originalLines,
  splitDebugMessages, splitLines,
  type DebugMessage, type NormaliseOptions, type TranscriptKind,
} from './normalise.ts';
export {
  MASK_RULES, SANITIZER_NAMES, sanitize, sanitizeLine, type MaskRule, type SanitizerName,
} from './sanitizers.ts';
export {
  MAX_EDIT_DISTANCE, diffLines, unifiedDiff, type Edit, type EditKind, type UnifiedDiffOptions,
} from './unified-diff.ts';
export {
  compareTranscript, containsInOrder, containsText, type CompareOptions, type CompareResult,
} from './compare.ts';
export {
  FACT_LAYOUT_NAMES, describeDifferences, protocolDifferences, type ProtocolDifference,
} from './protocol-facts.ts';
