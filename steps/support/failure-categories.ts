/**
 * The report's failure categories, one per failure class (failures.ts). Allure classifies each
 * failed or broken scenario by matching its stack trace against `traceRegex` (Java regex,
 * whole-string match); the stack of a classified failure starts with its class name.
 */
import {
  EngineError, LabSetupError, OutcomeAssertionError, ScenarioUsageError, TranscriptAssertionError,
  UnsupportedFeatureError, type FailureKind, type ScenarioFailure,
} from './failures.ts';

type AllureStatus = 'failed' | 'broken';

export interface FailureCategory {
  readonly kind: FailureKind;
  readonly failureClass: abstract new (...args: never[]) => ScenarioFailure;
  /** The category's title in the report. */
  readonly name: string;
  readonly description: string;
  /** What Allure makes of the class: assertion classes fail a scenario, the others break it. */
  readonly status: AllureStatus;
}

export const FAILURE_CATEGORIES: readonly FailureCategory[] = [
  {
    kind: 'transcript',
    failureClass: TranscriptAssertionError,
    name: 'Transcript differs in text only (minor)',
    description: 'An output, debug log or error message is worded differently from the reference or the expected text.',
    status: 'failed',
  },
  {
    kind: 'outcome',
    failureClass: OutcomeAssertionError,
    name: 'Protocol outcome differs (major)',
    description: 'The network behaved differently: a ping result, an SA count or state, a configuration or load that should have failed.',
    status: 'failed',
  },
  {
    kind: 'setup',
    failureClass: LabSetupError,
    name: 'Topology or configuration error',
    description: 'The topology file or a router configuration is wrong: the lab could not be built or configured.',
    status: 'broken',
  },
  {
    kind: 'scenario',
    failureClass: ScenarioUsageError,
    name: 'Scenario error',
    description: 'A step names a router, host or link the lab does not have, or runs before what it needs.',
    status: 'broken',
  },
  {
    kind: 'unsupported',
    failureClass: UnsupportedFeatureError,
    name: 'Not modelled by tedlab',
    description: 'The scenario uses something the emulated routers do not model yet.',
    status: 'broken',
  },
  {
    kind: 'engine',
    failureClass: EngineError,
    name: 'Engine error (a bug in tedlab)',
    description: 'An exception inside tedlab itself: please report it with the trace.',
    status: 'broken',
  },
];

/** One entry of Allure's categories.json. */
export interface AllureCategory {
  name: string;
  description: string;
  matchedStatuses: AllureStatus[];
  traceRegex: string;
}

/** The categories as Allure reads them. `[\s\S]` rather than `.`: the trace spans lines. */
export function allureCategories(): AllureCategory[] {
  return FAILURE_CATEGORIES.map((category) => ({
    name: category.name,
    description: category.description,
    matchedStatuses: [category.status],
    traceRegex: `${category.failureClass.name}:[\\s\\S]*`,
  }));
}
