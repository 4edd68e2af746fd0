import path from 'node:path';
import { generateSingleFileReport } from '../report/allure-cli.ts';
import { parseCommand } from './command-line.ts';
import { keepHistory, nextBuildOrder, restoreHistory, selectionHistory, writeExecutor } from '../report/history.ts';
import { relabelPackages } from '../report/package-labels.ts';
import { describeSelection, isWholeSuite, readSelection } from '../report/run-selection.ts';
import { mergeResults } from '../report/merge-results.ts';
import { reportLayout, type ReportLayout } from '../report/report-layout.ts';
import { formatTotals, readScenarioResults, summarise, type ResultsSummary } from '../report/results-summary.ts';

const REPORT_NAME = 'tedlab';

export const REPORT_USAGE = `usage: tedlab report [--reports DIR] [RESULTS...]

Makes the HTML report of the last run (reports/allure-report/index.html), carrying the trend
history over from the report before. Runs of different parts of the suite (other paths, --tags
or --name) keep separate trends. Exit code 0 when the report was made.

RESULTS are the results of several runs to merge into one report: the shards 1/N to N/N of one
run (tedlab run --shard I/N), each a results folder (allure-results) or the reports folder
that holds one. Their merge replaces the results below --reports; the report and its history
are the whole run's.

  --reports DIR      the run's results and the report are below DIR instead of reports/
  -h, --help         this text
`;

/** `tedlab report`: makes the HTML report of the last run. Exit code 0 when the report was made. */
export async function reportCommand(args: string[]): Promise<number> {
  const parsed = parseCommand('report', args, { reports: { type: 'string' } }, REPORT_USAGE);
  if (typeof parsed === 'number') return parsed;
  const layout = reportLayout(parsed.values.reports);
  if (parsed.positionals.length > 0) {
    const merged = mergeResults(parsed.positionals, layout.results);
    if (merged !== undefined) {
      process.stderr.write(`tedlab report: ${merged}\n`);
      return 2;
    }
  }
  return (await makeReport(layout)) ? 0 : 2;
}

/**
 * Generates the single-file report from the layout's results, carrying the trend history over
 * from the previous report, and prints the totals and where the report is.
 */
export async function makeReport(layout: ReportLayout): Promise<boolean> {
  const summary = summarise(readScenarioResults(layout.results));
  if (summary.total === 0) {
    process.stderr.write(`tedlab report: no scenario results in ${layout.results}: run "tedlab run" first\n`);
    return false;
  }
  relabelPackages(layout.results);
  const selection = readSelection(layout.results);
  const history = selectionHistory(layout.history, selection);
  const reportName = isWholeSuite(selection) ? REPORT_NAME : `${REPORT_NAME}: ${describeSelection(selection)}`;
  restoreHistory(history, layout.results);
  writeExecutor(layout.results, nextBuildOrder(history), reportName);
  const allure = await generateSingleFileReport(layout.results, layout.report, reportName);
  if (!allure.ok) {
    process.stderr.write(`tedlab report: Allure could not generate the report:\n${allure.output}\n`);
    return false;
  }
  if (keepHistory(layout.html, history) === 0) {
    process.stderr.write('tedlab report: warning: the report holds no history, the next one will show no trend\n');
  }
  process.stdout.write(describeReport(summary, layout.html));
  return true;
}

function describeReport(summary: ResultsSummary, html: string): string {
  const lines = [`report: ${formatTotals(summary)}`];
  for (const result of summary.notPassed) lines.push(`  ${result.status}: ${result.name} (${result.fullName.split('#')[0]})`);
  lines.push(`report: ${displayPath(html)}`);
  return `${lines.join('\n')}\n`;
}

/** Relative to the working directory when it lies below it, so that it can be pasted. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
