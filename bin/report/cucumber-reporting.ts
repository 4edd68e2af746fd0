/**
 * The formatters `tedlab run` adds to Cucumber's progress output: Allure results (with the failure
 * categories, severity from `@severity:...` tags and the run's environment) and JUnit XML.
 */
import os from 'node:os';
import type { IConfiguration } from '@cucumber/cucumber/api';
import { tedlabVersion } from '../../engine/package-files.ts';
import { allureCategories } from '../../steps/support/failure-categories.ts';
import type { ReportLayout } from './report-layout.ts';
import type { ResultsWriter } from './results-writer.ts';

export interface RunEnvironment {
  /** The seed every lab runs with, when the command line overrides the topologies' seeds. */
  readonly seed?: string;
  readonly workers: number;
}


/** Shown on the report's overview page. */
export function environmentInfo(environment: RunEnvironment): Record<string, string> {
  return {
    tedlab: tedlabVersion(),
    'Node.js': process.version,
    seed: environment.seed ?? 'each topology\'s own',
    workers: String(environment.workers),
  };
}

/**
 * The part of Cucumber's configuration that writes the reports of `layout`. Cucumber types
 * formatOptions as JSON, but hands them to formatters as they are: Allure's label patterns are RegExps.
 */
export function reportingConfiguration(layout: ReportLayout, environment: RunEnvironment, writer: ResultsWriter): Partial<IConfiguration> {
  return {
    format: [
      // Allure writes its files itself; its formatter stream has nothing to say (only one may own stdout).
      ['allure-cucumberjs/reporter', os.devNull] as [string, string],
      ['junit', layout.junit] as [string, string],
    ],
    formatOptions: {
      resultsDir: layout.results,
      // Allure's formatter takes a writer among its options (it spreads them over its defaults).
      writer,
      labels: [{ name: 'severity', pattern: [/^@severity:/] }],
      categories: allureCategories(),
      environmentInfo: environmentInfo(environment),
      junit: { suiteName: 'tedlab' },
    } as unknown as IConfiguration['formatOptions'],
  };
}
