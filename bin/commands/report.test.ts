/**
 * End to end: a small suite with failing scenarios runs in a temporary folder through `tedlab run`
 * and `tedlab report`; the Allure results, the JUnit XML, the report's own data and its trend
 * history are checked, and the report is opened in headless Chromium.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { allureCategories } from '../../steps/support/failure-categories.ts';
import { AllureResults, attachmentNamed, attachmentsOf, labelValues, stepNamed, type AllureStep } from '../report/allure-results.ts';
import { tedlabVersion } from '../../engine/package-files.ts';
import { FAILING_SCENARIO, WRONG_REFERENCE, runDemoSuite, tedlab, type DemoRun } from '../testing/demo-suite.ts';
import { chromiumExecutable, openReport } from '../report/report-browser.ts';
import { reportLayout } from '../report/report-layout.ts';
import { embeddedJson } from '../report/single-file-report.ts';

let demo: DemoRun;
let results: AllureResults;

before(() => {
  demo = runDemoSuite();
  results = new AllureResults(reportLayout(demo.reportsDir).results);
});

after(() => rmSync(demo.dir, { recursive: true, force: true }));

test('run fails when a scenario fails; report makes the HTML file and prints the totals and its path', () => {
  assert.equal(demo.runStatus, 1, demo.runOutput);
  assert.match(demo.runOutput, /scenarios: 2 passed, 3 failed/);
  assert.equal(demo.reportStatus, 0, demo.reportOutput);
  assert.match(demo.reportOutput, /^report: 5 scenarios: 2 passed, 2 failed, 1 broken, 0 skipped$/m);
  assert.match(demo.reportOutput, new RegExp(`failed: ${FAILING_SCENARIO} \\(features/demo/failing.feature\\)`));
  assert.match(demo.reportOutput, /^report: reports\/allure-report\/index.html$/m);
  const html = readFileSync(reportLayout(demo.reportsDir).html, 'utf8');
  assert.deepEqual((embeddedJson(html, 'widgets/summary.json') as { statistic: unknown }).statistic, {
    failed: 2, broken: 1, skipped: 0, passed: 2, unknown: 0, total: 5,
  });
});

test('each failure is classified: text differences, protocol outcomes, configuration errors', () => {
  const expected = [
    [FAILING_SCENARIO, 'failed', 'TranscriptAssertionError: the output differs from the reference'],
    ['A host that does not exist answers a ping', 'failed', 'OutcomeAssertionError: the ping marks: expected "!!!!!", got "....."'],
    ['A misspelt configuration line stops the lab', 'broken', 'LabSetupError: <inline topology>:6:13: router "R9" rejects'],
  ];
  for (const [name, status, trace] of expected) {
    const result = results.scenario(name!);
    assert.equal(result.status, status, name);
    assert.ok(result.statusDetails?.trace?.startsWith(trace!), result.statusDetails?.trace);
  }
  assert.deepEqual(JSON.parse(readFileSync(path.join(results.dir, 'categories.json'), 'utf8')), allureCategories());
});

test('Allure sorts the failures into the categories by their traces', () => {
  const html = readFileSync(reportLayout(demo.reportsDir).html, 'utf8');
  type Node = { name: string; children?: Node[] };
  const tree = embeddedJson(html, 'data/categories.json') as Node;
  const scenariosOf = (node: Node): string[] => (node.children ? node.children.flatMap(scenariosOf) : [node.name]);
  const byCategory = Object.fromEntries(tree.children!.map((category) => [category.name, scenariosOf(category)]));
  assert.deepEqual(byCategory, {
    'Transcript differs in text only (minor)': [FAILING_SCENARIO],
    'Protocol outcome differs (major)': ['A host that does not exist answers a ping'],
    'Topology or configuration error': ['A misspelt configuration line stops the lab'],
  });
});

test('the failed comparison shows the lines side by side, the diffs normalised and as printed, both originals', () => {
  const step = stepNamed(results.scenario(FAILING_SCENARIO), 'Then the output matches the reference');
  assert.equal(step.status, 'failed');
  assert.deepEqual(attachmentsOf(step).map((attachment) => attachment.name),
    ['diff (side by side)', 'diff (normalised)', 'diff (as printed)', 'reference', 'actual']);
  const diff = results.text(attachmentNamed(step, 'diff (normalised)'));
  assert.match(diff, /^--- reference\n\+\+\+ actual\n@@ /);
  assert.match(diff, /^-FastEthernet0\/0 10\.0\.0\.1 YES manual up up$/m);
  assert.match(diff, /^\+FastEthernet0\/0 10\.0\.0\.1 YES NVRAM up up$/m);
  assert.match(results.text(attachmentNamed(step, 'diff (as printed)')), /^\+FastEthernet0\/0            10\.0\.0\.1        YES NVRAM  up                    up$/m);
  const page = attachmentNamed(step, 'diff (side by side)');
  assert.equal(page.type, 'text/html');
  assert.match(results.text(page), /<td class="inserted">FastEthernet0\/0            10\.0\.0\.1        YES <mark>NVRAM <\/mark>/);
  assert.equal(results.text(attachmentNamed(step, 'reference')), WRONG_REFERENCE);
  assert.match(results.text(attachmentNamed(step, 'actual')), /^FastEthernet0\/0\s+10\.0\.0\.1\s+YES NVRAM\s+up\s+up\s*$/m);
});

test('a step with a DocString shows it on the step', () => {
  const step = stepNamed(results.scenario('A misspelt configuration line stops the lab'), 'Given the lab:');
  assert.match(results.text(attachmentNamed(step, 'DocString')), /^ {7}ip adress 10\.9\.9\.9 255\.255\.255\.0$/m);
});

test('Packages lists the features\' own folders and files', () => {
  assert.deepEqual(labelValues(results.scenario(FAILING_SCENARIO), 'package'), ['features.demo.failing']);
});

test('a step that runs a command carries its output', () => {
  const step = stepNamed(results.scenario('R1 lists its interfaces'), 'And I run "show ip interface brief" on "R1"');
  assert.match(results.text(attachmentNamed(step, 'output')), /^Interface\s+IP-Address\s+OK\? Method Status\s+Protocol$/m);
  const ping = stepNamed(results.scenario('R1 answers a ping from its LAN'), 'When host "pc1" pings "10.0.0.1"');
  assert.match(results.text(attachmentNamed(ping, 'output')), /^!!!!!$/m);
});

test('each scenario carries its topology, each router\'s console and debug log, and each link\'s capture', () => {
  const groupsOf = (name: string) => results.teardown(results.scenario(name)).flatMap((hook) => hook.steps);
  const listing = groupsOf('R1 lists its interfaces');
  assert.deepEqual(listing.map((group) => group.name), ['topology', 'router R1', 'link lan']);
  const [topology, router] = listing as [AllureStep, AllureStep];
  assert.match(results.text(attachmentNamed(topology, 'topology.yaml')), /lan: \[R1 FastEthernet0\/0, pc1\]/);
  assert.match(results.text(attachmentNamed(router, 'console transcript')), /^R1#show ip interface brief\nInterface/m);
  assert.match(results.text(attachmentNamed(router, 'debug log')), /%SYS-5-CONFIG_I: Configured from console by console/);
  assert.match(results.text(attachmentNamed(router, 'startup-config')), /^ ip address 10\.0\.0\.1 255\.255\.255\.0$/m);

  const link = stepNamed({ name: 'teardown', steps: groupsOf('R1 answers a ping from its LAN'), attachments: [] }, 'link lan');
  const pcap = attachmentNamed(link, 'lan.pcap');
  assert.equal(pcap.type, 'application/vnd.tcpdump.pcap');
  const bytes = results.content(pcap);
  assert.equal(bytes.readUInt32LE(0), 0xa1b2c3d4, 'pcap magic');
  // A 24-byte file header, then 5 echo requests and 5 replies: 100-byte datagrams in 14-byte Ethernet headers, 16-byte record headers.
  assert.equal(bytes.length, 24 + 10 * (16 + 14 + 100));
  for (const keys of ['esp_sa', 'ikev1_decryption_table']) assert.doesNotThrow(() => results.text(attachmentNamed(link, keys)));
});

test('a lab that does not load still shows its YAML', () => {
  const teardown = results.teardown(results.scenario('A misspelt configuration line stops the lab'));
  const yaml = attachmentNamed(teardown[0]!, 'topology.yaml');
  assert.match(results.text(yaml), /ip adress 10\.9\.9\.9/);
});

test('labels: epic, feature, story and suites from the folders and names; tags; severity; the seed', () => {
  const scenario = results.scenario('R1 answers a ping from its LAN');
  assert.deepEqual(labelValues(scenario, 'epic'), ['demo']);
  assert.deepEqual(labelValues(scenario, 'feature'), ['Report demo passes']);
  assert.deepEqual(labelValues(scenario, 'story'), ['R1 answers a ping from its LAN']);
  assert.deepEqual(labelValues(scenario, 'parentSuite'), ['demo']);
  assert.deepEqual(labelValues(scenario, 'suite'), ['Report demo passes']);
  assert.deepEqual(labelValues(scenario, 'severity'), ['critical']);
  assert.deepEqual(labelValues(scenario, 'tag'), ['@smoke']);
  assert.deepEqual(scenario.parameters, [{ name: 'lab', value: 'seed 7', excluded: true }]);
  const environment = readFileSync(path.join(results.dir, 'environment.properties'), 'utf8');
  assert.match(environment, new RegExp(`^tedlab=${tedlabVersion().replaceAll('.', '\\.')}$`, 'm'));
});

test('JUnit XML for CI systems', () => {
  const junit = readFileSync(reportLayout(demo.reportsDir).junit, 'utf8');
  assert.match(junit, /<testsuite name="tedlab" [^>]*tests="5"/);
  assert.match(junit, /<testsuite [^>]*failures="3"/);
  assert.match(junit, new RegExp(`<testcase classname="Report demo fails" name="${FAILING_SCENARIO}"`));
});

test('run --report (npm start) makes the next report, with the trend of the earlier ones, and still fails', () => {
  const layout = reportLayout(demo.reportsDir);
  const again = tedlab(demo.dir, ['run', 'features', '--reports', demo.reportsDir, '--report']);
  assert.equal(again.status, 1, again.output);
  assert.match(again.output, /^report: 5 scenarios: 2 passed, 2 failed, 1 broken, 0 skipped$/m);
  const trend = JSON.parse(readFileSync(path.join(layout.history, 'whole-suite', 'history-trend.json'), 'utf8')) as { buildOrder: number }[];
  assert.deepEqual(trend.map((entry) => entry.buildOrder), [2, 1]);
  assert.ok(existsSync(layout.html));
});

test('in Chromium the report shows the totals and the failed scenario\'s diff', async (t) => {
  const executable = chromiumExecutable();
  if (executable === undefined) {
    // CI installs Debian's chromium (.ci/run); elsewhere the browser check waits for it.
    if (process.env.CI) assert.fail('chromium is not installed (apt-get install chromium)');
    t.skip('chromium is not installed (apt-get install chromium)');
    return;
  }
  const { browser, page } = await openReport(reportLayout(demo.reportsDir).html, executable);
  try {
    await page.getByText('test cases').waitFor();
    const overview = await page.locator('body').innerText();
    assert.match(overview, /\b5\s+test cases/);
    assert.match(overview, /\b40%/);
    assert.match(overview, /Transcript differs in text only \(minor\)/);

    await page.getByRole('link', { name: 'Suites' }).first().click();
    for (const level of ['demo', 'Report demo fails', FAILING_SCENARIO]) await page.getByText(level, { exact: true }).first().click();
    await page.getByText('Then the output matches the reference').click();
    await page.locator('.attachment-row__name', { hasText: /^diff \(normalised\)$/ }).click();
    const diff = await page.locator('.attachment-row__preview pre').first().innerText();
    assert.match(diff, /^--- reference\n\+\+\+ actual/);
    assert.match(diff, /^-FastEthernet0\/0 10\.0\.0\.1 YES manual up up$/m);
    assert.match(diff, /^\+FastEthernet0\/0 10\.0\.0\.1 YES NVRAM up up$/m);
    await page.locator('.attachment-row__name', { hasText: /^diff \(side by side\)$/ }).click();
    const sideBySide = page.frameLocator('.attachment-row__preview iframe').first();
    const inserted = sideBySide.locator('td.inserted').first();
    assert.equal(await inserted.innerText(), 'FastEthernet0/0            10.0.0.1        YES NVRAM  up                    up');
    assert.equal(await inserted.locator('mark').innerText(), 'NVRAM ');
    assert.equal(await inserted.evaluate((cell) => (globalThis as unknown as { getComputedStyle(element: unknown): { whiteSpace: string } }).getComputedStyle(cell).whiteSpace), 'pre', 'columns are kept');
    // The README's picture of the report is taken here: TEDLAB_REPORT_SCREENSHOT=reports/screenshot.png
    if (process.env.TEDLAB_REPORT_SCREENSHOT) {
      await page.setViewportSize({ width: 1400, height: 1040 });
      await page.screenshot({ path: process.env.TEDLAB_REPORT_SCREENSHOT });
    }
    await page.getByRole('link', { name: 'Packages' }).first().click();
    // Allure joins a chain of single folders into one level.
    for (const level of ['features.demo', 'failing']) await page.getByText(level, { exact: true }).first().click();
    await page.getByText(FAILING_SCENARIO, { exact: true }).first().waitFor();
    assert.equal(await page.getByText('feature', { exact: true }).count(), 0, 'no level named after the file extension');
    const tree = await page.locator('.tree').first().innerText();
    assert.match(tree, new RegExp(`${FAILING_SCENARIO}\\nseed 7\\n`), 'the seed is shown with its name');
  } finally {
    await browser.close();
  }
});

// Last: it replaces the demo run's results and report.
test('a run of part of the suite starts a trend of its own, and the report names the part', () => {
  const layout = reportLayout(demo.reportsDir);
  const part = tedlab(demo.dir, ['run', 'features/demo/passing.feature', '--reports', demo.reportsDir, '--report']);
  assert.equal(part.status, 0, part.output);
  const [subset] = readdirSync(layout.history).filter((name) => /^subset-[0-9a-f]{12}$/.test(name));
  assert.ok(subset !== undefined, readdirSync(layout.history).join());
  const trend = JSON.parse(readFileSync(path.join(layout.history, subset, 'history-trend.json'), 'utf8')) as { buildOrder: number }[];
  assert.deepEqual(trend.map((entry) => entry.buildOrder), [1]);
  assert.equal(readFileSync(path.join(layout.history, `${subset}.txt`), 'utf8'), 'features/demo/passing.feature\n');
  const wholeTrend = JSON.parse(readFileSync(path.join(layout.history, 'whole-suite', 'history-trend.json'), 'utf8')) as unknown[];
  assert.equal(wholeTrend.length, 2, 'the whole suite\'s trend is left alone');
  const executor = embeddedJson(readFileSync(layout.html, 'utf8'), 'widgets/executors.json') as { buildName: string }[];
  assert.equal(executor[0]?.buildName, 'tedlab: features/demo/passing.feature #1');
});
