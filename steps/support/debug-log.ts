/**
 * The debug log a check reads. A router's log keeps its newest text only (the topology's
 * `console` limit): a check over a log that lost its start could pass or fail for the wrong
 * reason, so it does neither and says why.
 */
import type { Lab } from '../../engine/lab/index.ts';
import { ScenarioUsageError } from './failures.ts';

export function wholeDebugLog(lab: Lab, router: string): string {
  const cut = lab.debugLogCut(router);
  if (cut !== undefined) {
    throw new ScenarioUsageError(
      `the debug log of ${router} lost its oldest ${cut.parts} messages (${cut.chars} characters) to keep within `
      + `${cut.limitChars} characters, so a check of it cannot be trusted: raise the router's console limit in the `
      + 'topology (e.g. console: 64MB), turn off the debugs the scenario does not need, or check the log earlier',
    );
  }
  return lab.debugLog(router);
}
