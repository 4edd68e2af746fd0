/**
 * The report's labels for where a scenario belongs. Behaviours: the epic is the folder of
 * features it belongs to (`features/ted-doc/...` -> `ted-doc`), the feature is the Feature's
 * title (Allure's Cucumber formatter adds that one), the story is the Rule the scenario sits in,
 * else the scenario's own title (an outline's title, so that all its examples share one story).
 * Suites: the same folder, then the Feature.
 */
import type { ITestCaseHookParameter } from '@cucumber/cucumber';

type GherkinDocument = ITestCaseHookParameter['gherkinDocument'];
type Pickle = ITestCaseHookParameter['pickle'];

export interface ScenarioLabel {
  readonly name: 'epic' | 'story' | 'parentSuite' | 'suite';
  readonly value: string;
}

/** The first folder below the last `features` folder; a file right in `features/` has no epic. */
export function epicOf(uri: string): string | undefined {
  const segments = uri.split(/[\\/]/).filter((segment) => segment !== '' && segment !== '.');
  const root = segments.lastIndexOf('features');
  if (root >= 0) return segments.length - root > 2 ? segments[root + 1] : undefined;
  return segments.length >= 2 ? segments[segments.length - 2] : undefined;
}

/** The Rule's title if the scenario sits in one, else the scenario's (or outline's) title. */
export function storyOf(document: GherkinDocument, pickle: Pickle): string {
  const scenarioId = pickle.astNodeIds[0];
  for (const child of document.feature?.children ?? []) {
    if (child.scenario?.id === scenarioId) return child.scenario.name || pickle.name;
    const inRule = child.rule?.children.find((ruleChild) => ruleChild.scenario?.id === scenarioId);
    if (inRule !== undefined) return child.rule?.name || inRule.scenario?.name || pickle.name;
  }
  return pickle.name;
}

export function scenarioLabels(document: GherkinDocument, pickle: Pickle): ScenarioLabel[] {
  const labels: ScenarioLabel[] = [];
  const epic = epicOf(pickle.uri);
  if (epic !== undefined) labels.push({ name: 'epic', value: epic }, { name: 'parentSuite', value: epic });
  labels.push({ name: 'suite', value: document.feature?.name || pickle.uri });
  labels.push({ name: 'story', value: storyOf(document, pickle) });
  return labels;
}
