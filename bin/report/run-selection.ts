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
  /** One part of the selection (`--shard I/N`); results merged from every part have none. */
  readonly shard?: Shard;
}

/** `--shard 2/4`: the second of four parts, 1-based as Cucumber counts them. */
export interface Shard {
  readonly index: number;
  readonly total: number;
}

/** `I/N` with 1 <= I <= N, or what is wrong with it. */
export function parseShard(text: string): Shard | string {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [index, total] = match === null ? [NaN, NaN] : [Number(match[1]), Number(match[2])];
  if (!(index >= 1 && total >= 1 && index <= total)) return `--shard ${JSON.stringify(text)}: give I/N, the I-th of N parts, 1 <= I <= N (e.g. --shard 2/4)`;
  return { index, total };
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
    ...(selection.shard === undefined ? {} : { shard: selection.shard }),
  };
}

export function isWholeSuite(selection: RunSelection): boolean {
  return selection.paths.length === 0 && selection.tags === undefined && selection.names.length === 0 && selection.shard === undefined;
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
    ...(selection.shard === undefined ? [] : [`--shard ${selection.shard.index}/${selection.shard.total}`]),
  ].join(' ');
}

/**
 * The selection of results merged from several runs: the runs' common selection when they are
 * the shards 1/N to N/N of it (the whole of it ran), else undefined (the caller says what is wrong).
 */
export function mergedSelection(parts: readonly RunSelection[]): RunSelection | string {
  const base = parts.map(({ shard: _shard, ...rest }) => JSON.stringify(rest));
  if (new Set(base).size !== 1) return 'the results come from runs of different selections (paths, --tags, --name)';
  const shards = parts.map((part) => part.shard);
  if (parts.length === 1 && shards[0] === undefined) return parts[0]!;
  const total = shards[0]?.total;
  const indexes = shards.map((shard) => (shard === undefined || shard.total !== total ? NaN : shard.index)).sort((a, b) => a - b);
  const complete = total !== undefined && indexes.length === total && indexes.every((index, at) => index === at + 1);
  if (!complete) {
    const seen = shards.map((shard) => (shard === undefined ? 'no --shard' : `${shard.index}/${shard.total}`)).join(', ');
    return `the results are not the shards 1/N to N/N of one run (they are: ${seen})`;
  }
  const { shard: _shard, ...whole } = parts[0]!;
  return whole;
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
    const shard = raw.shard === undefined ? undefined : parseShard(`${raw.shard.index}/${raw.shard.total}`);
    return {
      paths: Array.isArray(raw.paths) ? raw.paths.map(String) : [],
      ...(typeof raw.tags === 'string' ? { tags: raw.tags } : {}),
      names: Array.isArray(raw.names) ? raw.names.map(String) : [],
      ...(shard === undefined || typeof shard === 'string' ? {} : { shard }),
    };
  } catch {
    return { paths: [], names: [] };
  }
}
