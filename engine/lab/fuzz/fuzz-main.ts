import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { formatFailure, formatReport } from './fuzz-report.ts';
import { runFuzz } from './fuzz-run.ts';
import { formatMinimized, minimizeEpisode } from './fuzz-minimize.ts';
import { DEFAULT_INJECTOR_OPTIONS } from './injector.ts';

/**
 * `npm run fuzz -- [--seed N] [--episodes N] [--minutes M] [--episode E]... [--per-point K] [--without M,...] [--json FILE]`:
 * runs the fuzz harness, prints its figures and every failure with its reproduction, and
 * exits with 1 when anything failed (2 on a usage error). `--minimize` shrinks each failure to
 * the injected datagrams that make it fail (slow: use it with `--episode`).
 */

const USAGE = 'usage: npm run fuzz -- [--seed N] [--episodes N] [--minutes M] [--episode E]... [--per-point K] [--without MUTATOR,...] [--minimize] [--json FILE] [--quiet]';

function integer(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} takes a non-negative number, not "${text}"`);
  return value;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      episodes: { type: 'string' },
      minutes: { type: 'string' },
      episode: { type: 'string', multiple: true },
      'per-point': { type: 'string' },
      without: { type: 'string', multiple: true },
      json: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      minimize: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const excluded = (values.without ?? []).flatMap((list) => list.split(',')).filter((name) => name !== '');
  const minutes = values.minutes === undefined ? undefined : integer(values.minutes, 'minutes', 0);
  const perPoint = integer(values['per-point'], 'per-point', DEFAULT_INJECTOR_OPTIONS.perPoint);
  const report = runFuzz({
    seed: integer(values.seed, 'seed', 1),
    // A time budget alone means "as many episodes as fit".
    episodes: integer(values.episodes, 'episodes', minutes === undefined ? 40 : Number.MAX_SAFE_INTEGER),
    ...(minutes === undefined ? {} : { minutes }),
    ...(values.episode === undefined ? {} : { only: values.episode.map((text) => integer(text, 'episode', 0)) }),
    perPoint,
    excluded,
    onEpisode: (result) => {
      if (values.quiet) return;
      const mark = result.failure === undefined ? 'ok' : 'FAIL';
      process.stderr.write(`episode ${result.episode} ${result.caseName} (${result.variant}): ${result.packetsTried} packets, ${mark}\n`);
    },
  });
  console.log(formatReport(report));
  for (const failure of report.failures) console.log(`\n${formatFailure(failure)}`);
  if (values.minimize) {
    for (const failure of report.failures) {
      const minimized = minimizeEpisode(failure.seed, failure.episode, { ...DEFAULT_INJECTOR_OPTIONS, perPoint, excluded });
      if (minimized !== undefined) console.log(`\nminimised: ${formatMinimized(minimized)}`);
    }
  }
  if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
  return report.failures.length === 0 ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(USAGE);
  process.exitCode = 2;
}
