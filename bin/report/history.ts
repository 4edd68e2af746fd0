/**
 * Trends across runs. Allure draws them from a `history/` folder in the results; a single-file
 * report keeps that folder only inside its HTML. After each report its history is copied out to
 * the layout's history folder, and before the next report it is put back into the results, with
 * a build number for the trend's x axis. Each selection of the suite (its paths, tags and
 * names) has a trend of its own.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeSelection, isWholeSuite, selectionKey, type RunSelection } from './run-selection.ts';
import { embeddedFiles } from './single-file-report.ts';

/** Copies the history out of a generated report; returns how many files it held. */
export function keepHistory(reportHtml: string, historyDir: string): number {
  const files = embeddedFiles(readFileSync(reportHtml, 'utf8'), 'history');
  mkdirSync(historyDir, { recursive: true });
  for (const [name, content] of files) writeFileSync(path.join(historyDir, name), content);
  return files.size;
}

/** Puts the kept history into the results, where Allure looks for it. */
export function restoreHistory(historyDir: string, resultsDir: string): void {
  if (!existsSync(historyDir)) return;
  const target = path.join(resultsDir, 'history');
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(historyDir).filter((file) => file.endsWith('.json'))) {
    copyFileSync(path.join(historyDir, name), path.join(target, name));
  }
}

interface TrendEntry {
  buildOrder?: number;
}

/** One more than the last report's build number (1 for the first report). */
export function nextBuildOrder(historyDir: string): number {
  const file = path.join(historyDir, 'history-trend.json');
  if (!existsSync(file)) return 1;
  try {
    const trend = JSON.parse(readFileSync(file, 'utf8')) as TrendEntry[];
    const orders = trend.map((entry, index) => entry.buildOrder ?? trend.length - index);
    return Math.max(0, ...orders) + 1;
  } catch {
    return 1;
  }
}

/** Allure's executor file: it numbers the run in the trend charts. */
export function writeExecutor(resultsDir: string, buildOrder: number, reportName: string): void {
  const executor = {
    name: 'tedlab',
    type: 'tedlab',
    buildOrder,
    buildName: `${reportName} #${buildOrder}`,
    reportName,
  };
  writeFileSync(path.join(resultsDir, 'executor.json'), `${JSON.stringify(executor, null, 2)}\n`);
}

/**
 * The history folder of one selection of the suite, below the layout's history folder. History
 * kept before trends were split by selection (files right in the folder) was the whole suite's:
 * it moves into the whole suite's folder.
 */
export function selectionHistory(historyRoot: string, selection: RunSelection): string {
  const folder = path.join(historyRoot, selectionKey(selection));
  mkdirSync(folder, { recursive: true });
  if (isWholeSuite(selection)) adoptFlatHistory(historyRoot, folder);
  writeFileSync(path.join(historyRoot, `${selectionKey(selection)}.txt`), `${describeSelection(selection)}\n`);
  return folder;
}

function adoptFlatHistory(historyRoot: string, folder: string): void {
  for (const name of readdirSync(historyRoot).filter((file) => file.endsWith('.json'))) {
    const target = path.join(folder, name);
    if (!existsSync(target)) renameSync(path.join(historyRoot, name), target);
  }
}
