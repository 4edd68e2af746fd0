import path from 'node:path';
import { generateSingleFileReport } from '../report/allure-cli.ts';
import { keepHistory, nextBuildOrder, restoreHistory, writeExecutor } from '../report/history.ts';
import { reportLayout, type ReportLayout } from '../report/report-layout.ts';
import { formatTotals, readScenarioResults, summarise, type ResultsSummary } from '../report/results-summary.ts';

const REPORT_NAME = 'tedlab';

function parseReportArguments(args: readonly string[]): { reportsDir?: string } | string {
  if (args.length === 0) return {};
  if (args[0] === '--reports' && args[1] !== undefined && args.length === 2) return { reportsDir: args[1] };
  return `unexpected arguments: ${args.join(' ')} (usage: tedlab report [--reports DIR])`;
}

/** `tedlab report`: makes the HTML report of the last run. Exit code 0 when the report was made. */
export async function reportCommand(args: string[]): Promise<number> {
  const options = parseReportArguments(args);
  if (typeof options === 'string') {
    process.stderr.write(`tedlab report: ${options}\n`);
    return 2;
  }
  return (await makeReport(reportLayout(options.reportsDir))) ? 0 : 2;
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
  restoreHistory(layout.history, layout.results);
  writeExecutor(layout.results, nextBuildOrder(layout.history), REPORT_NAME);
  const allure = await generateSingleFileReport(layout.results, layout.report, REPORT_NAME);
  if (!allure.ok) {
    process.stderr.write(`tedlab report: Allure could not generate the report:\n${allure.output}\n`);
    return false;
  }
  if (keepHistory(layout.html, layout.history) === 0) {
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
