/**
 * The report's Packages tab: Allure splits a scenario's `package` label at every dot. Allure's
 * Cucumber formatter writes `<project name>.<feature path>`, dots and all
 * (`tedlab.features.ted.nat.feature`), which the tab shows as five levels, the last one
 * `feature`. tedlab writes the feature's own folders and file instead (`features` > `ted` >
 * `nat`), with the dots inside a name kept as they are.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface Label {
  name: string;
  value: string;
}

/** Allure's package separator is a dot; a dot inside a folder name becomes one that does not split. */
const ONE_DOT_LEADER = '\u2024';

/** `tedlab:features/ted/nat.feature#Scenario` -> `features.ted.nat`. */
export function packageOf(fullName: string): string | undefined {
  const file = fullName.split('#')[0]!.replace(/^[^:/\\]*:(?![/\\])/, '');
  const segments = file.split(/[\\/]/).filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0) return undefined;
  segments[segments.length - 1] = segments[segments.length - 1]!.replace(/\.feature$/, '');
  return segments.map((segment) => segment.replaceAll('.', ONE_DOT_LEADER)).join('.');
}

/** Rewrites the package label of every scenario result in the folder; returns how many changed. */
export function relabelPackages(resultsDir: string): number {
  let changed = 0;
  for (const file of readdirSync(resultsDir).filter((name) => name.endsWith('-result.json'))) {
    const full = path.join(resultsDir, file);
    const result = JSON.parse(readFileSync(full, 'utf8')) as { fullName?: string; labels?: Label[] };
    const value = result.fullName === undefined ? undefined : packageOf(result.fullName);
    const label = result.labels?.find((candidate) => candidate.name === 'package');
    if (value === undefined || label === undefined || label.value === value) continue;
    label.value = value;
    writeFileSync(full, JSON.stringify(result));
    changed++;
  }
  return changed;
}
