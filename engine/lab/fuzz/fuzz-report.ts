import type { FuzzFailure, FuzzReport } from './fuzz-run.ts';

/**
 * The figures of a fuzz run as a short text table, and each failure with what it takes to
 * reproduce it: the seed, the episode and the last mutations injected with their states.
 */

export function formatReport(report: FuzzReport): string {
  const hit = Object.keys(report.states).length;
  const unused = Object.entries(report.mutations).filter(([, count]) => count === 0).map(([name]) => name);
  const lines = [
    `fuzz seed ${report.seed}: ${report.episodes} episodes in ${(report.wallMs / 1000).toFixed(1)} s`,
    table([
      ['packets tried', String(report.packetsTried)],
      ['datagrams injected', String(report.datagramsInjected)],
      ['mutation kinds used', `${Object.keys(report.mutations).length - unused.length} of ${Object.keys(report.mutations).length}`],
      ['states hit', String(hit)],
      ['failures', String(report.failures.length)],
    ]),
    '',
    'episodes per case:   ' + inline(report.cases),
    'episodes per variant: ' + inline(report.variants),
    '',
    'mutations:',
    columns(report.mutations),
    '',
    'states hit (injection points):',
    columns(report.states),
  ];
  if (unused.length > 0) lines.push('', `never used: ${unused.join(', ')}`);
  if (report.failures.length > 0) lines.push('', 'failures by kind:', columns(failureKinds(report.failures)));
  return lines.join('\n');
}

export function formatFailure(failure: FuzzFailure): string {
  const lines = [
    `FAIL seed ${failure.seed} episode ${failure.episode} (${failure.caseName}, ${failure.variant}; lab seed ${failure.labSeed})`,
    ...failure.problems.map((problem) => `  ${problem.split('\n').slice(0, 8).join('\n    ')}`),
    '  last injections (oldest first):',
    ...failure.lastInjections.map((i) => `    ${i.timeMs} ms  ${i.state}: ${i.mutation} (${i.detail}) of ${i.source}`),
    `  reproduce: npm run fuzz -- --seed ${failure.seed} --episode ${failure.episode}`,
  ];
  return lines.join('\n');
}

/** How many failures had each problem, named by its words before the first colon. */
function failureKinds(failures: readonly FuzzFailure[]): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const failure of failures) {
    for (const problem of failure.problems) {
      const kind = `${problem.split(':')[0]} (${failure.caseName})`;
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
  }
  return kinds;
}

function table(rows: Array<[string, string]>): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value.padStart(8)}`).join('\n');
}

function inline(record: Record<string, number>): string {
  return Object.entries(record).map(([name, count]) => `${name} ${count}`).join(', ');
}

/** "name ...... count" cells in two columns, to keep the table short. */
function columns(record: Record<string, number>): string {
  const width = Math.max(0, ...Object.keys(record).map((name) => name.length)) + 2;
  const cells = Object.entries(record).map(([name, count]) => `${`${name} `.padEnd(width, '.')}${` ${count}`.padStart(7, '.')}`);
  const half = Math.ceil(cells.length / 2);
  const rows: string[] = [];
  for (let i = 0; i < half; i++) rows.push(`  ${cells[i]!}    ${cells[i + half] ?? ''}`.trimEnd());
  return rows.join('\n');
}
