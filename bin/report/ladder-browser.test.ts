/**
 * The IKE ladder as an engineer sees it: the document's exchange drawn from the lab's captures,
 * opened in headless Chromium as the SVG file the report attaches.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Lab } from '../../engine/lab/index.ts';
import { chromiumExecutable, openReport } from './report-browser.ts';

const TED_DOC = fileURLToPath(new URL('../../scenarios/ted-doc/topology.yaml', import.meta.url));

test('in Chromium the ladder is a well-formed SVG, its messages top to bottom in the order they were sent', async (t) => {
  const executable = chromiumExecutable();
  if (executable === undefined) {
    if (process.env.CI) assert.fail('chromium is not installed (apt-get install chromium)');
    t.skip('chromium is not installed (apt-get install chromium)');
    return;
  }
  const lab = Lab.load(TED_DOC);
  lab.ping('pc-daphne', 'pc-fred');
  lab.advance(2_000);
  lab.run('fred', 'clear crypto isakmp');
  lab.advance(1_000);
  const { ladder } = lab.exchangeReport({ timeMs: lab.nowMs(), step: 'Then the output matches the reference "fred.show-crypto-isakmp-sa.txt"' });
  assert.ok(ladder !== undefined);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-ladder-'));
  const file = path.join(dir, 'IKE ladder.svg');
  writeFileSync(file, ladder);
  const { browser, page } = await openReport(file, executable);
  try {
    const root = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { nodeName: string }; querySelector(s: string): unknown } }).document;
      return { name: doc.documentElement.nodeName, parseError: doc.querySelector('parsererror') !== null };
    });
    assert.deepEqual(root, { name: 'svg', parseError: false });
    const labels = await page.locator('text.label').evaluateAll((nodes) =>
      nodes.map((node) => ({ text: node.textContent ?? '', y: Number(node.getAttribute('y')) })));
    assert.deepEqual(labels.map((label) => label.text).slice(0, 11), ['TED probe', 'TED reply', 'MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2', 'QM3']);
    // The first echo is the one TED drops while it discovers fred: four go through, each way.
    assert.match(labels.map((label) => label.text).join('|'), /ESP SPI 0x[0-9A-F]{8}: 4 packets\|ESP SPI 0x[0-9A-F]{8}: 4 packets\|DELETE$/);
    assert.ok(labels.every((label, index) => index === 0 || label.y > labels[index - 1]!.y), 'each message below the one before');
    assert.deepEqual(await page.locator('text.lane').allTextContents(), ['Daphne', 'fred']);
    const failure = page.locator('text.failure-label');
    assert.match((await failure.allTextContents()).join(''), /failed: Then the output matches the reference/);
    const failureY = Number(await failure.first().getAttribute('y'));
    assert.ok(failureY > labels[labels.length - 1]!.y, 'the failure comes after the last message');
    const box = await page.locator('svg').boundingBox();
    assert.ok(box !== null && box.width > 400 && box.height > 500, 'drawn at its size');
    // The README's picture of the ladder is taken here: TEDLAB_LADDER_SCREENSHOT=reports/ike-ladder.png
    if (process.env.TEDLAB_LADDER_SCREENSHOT) await page.locator('svg').screenshot({ path: process.env.TEDLAB_LADDER_SCREENSHOT });
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
