/**
 * Which part of the suite a run ran: its feature paths, `--tags` and `--name`. Trends are kept
 * per selection (history.ts), so that a run of five tagged scenarios does not draw a dip in the
 * whole suite's trend: the run leaves its selection beside its results, the report reads it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface RunSelection {
  /** Feature files or folders as given (a file may end in `:LINE`); [] for the default, ./features. */
  readonly paths: readonly string[];
  readonly tags?: string;
  readonly names: readonly string[];
}

/** Beside the results, where Allure reads nothing. */
export const SELECTION_FILE = 'tedlab-selection.json';

export const WHOLE_SUITE_KEY = 'whole-suite';

/** Paths as the project names them (`features/ted`), whatever the spelling (`./features/ted/`). */
function normalisedPaths(paths: readonly string[], cwd: string): string[] {
  const relative = paths.map((given) => {
    const [file, ...lines] = given.split(':');
    const name = path.relative(cwd, path.resolve(cwd, file!)).split(path.sep).join('/') || '.';
    return [name, ...lines].join(':');
  });
  const sorted = [...new Set(relative)].sort();
  return sorted.length === 1 && sorted[0] === 'features' ? [] : sorted;
}

export function normaliseSelection(selection: RunSelection, cwd = process.cwd()): RunSelection {
  return {
    paths: normalisedPaths(selection.paths, cwd),
    ...(selection.tags === undefined ? {} : { tags: selection.tags.trim().replace(/\s+/g, ' ') }),
    names: [...selection.names].sort(),
  };
}

export function isWholeSuite(selection: RunSelection): boolean {
  return selection.paths.length === 0 && selection.tags === undefined && selection.names.length === 0;
}

/** The folder name of a selection's history: `whole-suite`, or `subset-` and a digest of the selection. */
export function selectionKey(selection: RunSelection): string {
  if (isWholeSuite(selection)) return WHOLE_SUITE_KEY;
  const digest = createHash('sha256').update(JSON.stringify(selection)).digest('hex').slice(0, 12);
  return `subset-${digest}`;
}

/** As a user would type it: `features/ted --tags "@smoke"`; `the whole suite` for the default. */
export function describeSelection(selection: RunSelection): string {
  if (isWholeSuite(selection)) return 'the whole suite';
  return [
    ...selection.paths,
    ...(selection.tags === undefined ? [] : [`--tags ${JSON.stringify(selection.tags)}`]),
    ...selection.names.map((name) => `--name ${JSON.stringify(name)}`),
  ].join(' ');
}

export function writeSelection(resultsDir: string, selection: RunSelection): void {
  writeFileSync(path.join(resultsDir, SELECTION_FILE), `${JSON.stringify(normaliseSelection(selection), null, 2)}\n`);
}

/** The selection a run left; results from before tedlab kept it count as the whole suite. */
export function readSelection(resultsDir: string): RunSelection {
  const file = path.join(resultsDir, SELECTION_FILE);
  if (!existsSync(file)) return { paths: [], names: [] };
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<RunSelection>;
    return {
      paths: Array.isArray(raw.paths) ? raw.paths.map(String) : [],
      ...(typeof raw.tags === 'string' ? { tags: raw.tags } : {}),
      names: Array.isArray(raw.names) ? raw.names.map(String) : [],
    };
  } catch {
    return { paths: [], names: [] };
  }
}
