import path from 'node:path';

/**
 * Where a run leaves its results and where the report is made, below one folder (`reports/`
 * of the working directory unless `--reports DIR` says otherwise).
 */
export interface ReportLayout {
  readonly root: string;
  /** Allure results of the last run: cleared when a run starts. */
  readonly results: string;
  /** The generated report: one self-contained `index.html`. */
  readonly report: string;
  readonly html: string;
  /** Allure's trend data, carried from each report to the next. */
  readonly history: string;
  /** JUnit XML for CI systems. */
  readonly junit: string;
}

export const DEFAULT_REPORTS_DIR = 'reports';

export function reportLayout(root: string = DEFAULT_REPORTS_DIR): ReportLayout {
  const base = path.resolve(root);
  const report = path.join(base, 'allure-report');
  return {
    root: base,
    results: path.join(base, 'allure-results'),
    report,
    html: path.join(report, 'index.html'),
    history: path.join(base, 'history'),
    junit: path.join(base, 'junit.xml'),
  };
}
