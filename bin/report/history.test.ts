import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { keepHistory, nextBuildOrder, restoreHistory, writeExecutor } from './history.ts';
import { embeddedFiles, embeddedJson } from './single-file-report.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const TREND = '[{"buildOrder":4,"data":{"passed":3}},{"buildOrder":3,"data":{"passed":2}}]';

/** How `allure generate --single-file` inlines the report's files. */
const HTML = `<script>
d('data/suites.json','${b64('{"name":"suites"}')}')
d('history/history-trend.json','${b64(TREND)}')
d('history/history.json','${b64('{}')}')
d('widgets/summary.json','${b64('{"statistic":{"total":5}}')}')
</script>`;

function scratch(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'tedlab-history-'));
}

test('the files embedded in a single-file report, by folder', () => {
  assert.deepEqual([...embeddedFiles(HTML, 'history').keys()], ['history-trend.json', 'history.json']);
  assert.equal(embeddedFiles(HTML, 'history/').get('history-trend.json')?.toString(), TREND);
  assert.deepEqual(embeddedJson(HTML, 'widgets/summary.json'), { statistic: { total: 5 } });
  assert.equal(embeddedJson(HTML, 'widgets/nothing.json'), undefined);
});

test('history goes from one report into the next results, numbered one higher', () => {
  const dir = scratch();
  try {
    const html = path.join(dir, 'index.html');
    writeFileSync(html, HTML);
    const history = path.join(dir, 'history');
    assert.equal(nextBuildOrder(history), 1, 'no history yet');
    assert.equal(keepHistory(html, history), 2);
    assert.equal(nextBuildOrder(history), 5);

    const results = path.join(dir, 'results');
    restoreHistory(history, results);
    assert.deepEqual(readdirSync(path.join(results, 'history')).sort(), ['history-trend.json', 'history.json']);
    assert.equal(readFileSync(path.join(results, 'history', 'history-trend.json'), 'utf8'), TREND);

    writeExecutor(results, 5, 'tedlab');
    const executor = JSON.parse(readFileSync(path.join(results, 'executor.json'), 'utf8'));
    assert.deepEqual(executor, { name: 'tedlab', type: 'tedlab', buildOrder: 5, buildName: 'tedlab #5', reportName: 'tedlab' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a trend without build numbers counts its entries; an unreadable one starts again', () => {
  const dir = scratch();
  try {
    writeFileSync(path.join(dir, 'history-trend.json'), '[{"data":{}},{"data":{}},{"data":{}}]');
    assert.equal(nextBuildOrder(dir), 4);
    writeFileSync(path.join(dir, 'history-trend.json'), '{not json');
    assert.equal(nextBuildOrder(dir), 1);
    restoreHistory(path.join(dir, 'absent'), path.join(dir, 'results'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
