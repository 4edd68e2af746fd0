/** Totals of a run, read back from its Allure results. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export type ResultStatus = 'passed' | 'failed' | 'broken' | 'skipped' | 'unknown';

export interface ScenarioResult {
  readonly name: string;
  readonly fullName: string;
  readonly historyId: string;
  readonly status: ResultStatus;
  readonly stop: number;
}

export interface ResultsSummary {
  readonly total: number;
  readonly counts: Readonly<Record<ResultStatus, number>>;
  /** Failed and broken scenarios, in the order of their names. */
  readonly notPassed: readonly ScenarioResult[];
}

const STATUSES: readonly ResultStatus[] = ['passed', 'failed', 'broken', 'skipped', 'unknown'];

/** Every `*-result.json` of a results folder; a retried scenario counts once, by its last try. */
export function readScenarioResults(resultsDir: string): ScenarioResult[] {
  if (!existsSync(resultsDir)) return [];
  const latest = new Map<string, ScenarioResult>();
  for (const file of readdirSync(resultsDir).filter((name) => name.endsWith('-result.json'))) {
    const raw = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8')) as Record<string, unknown>;
    const result: ScenarioResult = {
      name: String(raw.name ?? ''),
      fullName: String(raw.fullName ?? ''),
      historyId: String(raw.historyId ?? file),
      status: STATUSES.includes(raw.status as ResultStatus) ? (raw.status as ResultStatus) : 'unknown',
      stop: Number(raw.stop ?? 0),
    };
    const seen = latest.get(result.historyId);
    if (seen === undefined || seen.stop <= result.stop) latest.set(result.historyId, result);
  }
  return [...latest.values()];
}

export function summarise(results: readonly ScenarioResult[]): ResultsSummary {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<ResultStatus, number>;
  for (const result of results) counts[result.status]++;
  const notPassed = results
    .filter((result) => result.status === 'failed' || result.status === 'broken')
    .sort((a, b) => a.name.localeCompare(b.name));
  return { total: results.length, counts, notPassed };
}

/** `21 scenarios: 20 passed, 1 failed, 0 broken, 0 skipped` (unknown only when there are any). */
export function formatTotals(summary: ResultsSummary): string {
  const parts = STATUSES.filter((status) => status !== 'unknown' || summary.counts.unknown > 0)
    .map((status) => `${summary.counts[status]} ${status}`);
  return `${summary.total} scenarios: ${parts.join(', ')}`;
}
