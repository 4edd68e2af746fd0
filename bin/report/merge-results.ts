/**
 * Results of several runs in one folder: the shards of one run, made on as many machines. Allure
 * names each result and attachment file by a UUID, so the files of all shards sit side by side;
 * the files every run writes alike (categories, environment) are taken once.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { SELECTION_FILE, mergedSelection, readSelection, writeSelection } from './run-selection.ts';

/**
 * A results folder, or a reports folder holding one (`reports/` -> `reports/allure-results`): one
 * with scenario results, or a shard's that had no scenario (its selection file says which shard).
 */
export function resultsFolderOf(given: string): string | undefined {
  const candidates = [given, path.join(given, 'allure-results')];
  return candidates.find((dir) => existsSync(dir) && statSync(dir).isDirectory()
    && readdirSync(dir).some((file) => file.endsWith('-result.json') || file === SELECTION_FILE));
}

/**
 * Merges the results folders `given` into `target` (which may be one of them); returns what is
 * wrong instead, leaving `target` as it was.
 */
export function mergeResults(given: readonly string[], target: string): string | undefined {
  const folders = given.map((dir) => ({ dir, results: resultsFolderOf(dir) }));
  const missing = folders.find((folder) => folder.results === undefined);
  if (missing !== undefined) return `${missing.dir}: no scenario results there (a results folder, or a reports folder holding allure-results)`;
  const sources = folders.map((folder) => path.resolve(folder.results!));
  const selection = mergedSelection(sources.map(readSelection));
  if (typeof selection === 'string') return `cannot merge ${given.join(' ')}: ${selection}`;
  const parent = path.dirname(path.resolve(target));
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(path.join(parent, '.tedlab-merge-'));
  try {
    for (const source of sources) {
      for (const file of readdirSync(source).filter((name) => name !== SELECTION_FILE && name !== 'history')) {
        cpSync(path.join(source, file), path.join(staging, file), { force: true });
      }
    }
    writeSelection(staging, selection);
    rmSync(target, { recursive: true, force: true });
    cpSync(staging, target, { recursive: true });
    return undefined;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
