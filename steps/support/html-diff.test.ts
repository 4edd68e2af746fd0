import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeMarkup } from '../../engine/lab/index.ts';
import { htmlDiff } from './html-diff.ts';

const rowsOf = (html: string): string[] => html.split('\n').filter((line) => line.startsWith('<tr><td'));

test('lines side by side, as printed: kept lines plain, a changed line red and green with its change marked', () => {
  const html = htmlDiff({
    title: 'actual against the reference',
    referenceLabel: 'reference',
    referenceLines: ['dst             src             state', '11.11.11.2      11.11.11.1      QM_IDLE'],
    actualLines: ['dst             src             state', '11.11.11.2      11.11.11.1      MM_KEY_EXCH'],
    notes: ['state: expected QM_IDLE, got MM_KEY_EXCH'],
  });
  const rows = rowsOf(html);
  assert.equal(rows.length, 2);
  assert.equal(rows[0], '<tr><td class="number">1</td><td>dst             src             state</td><td class="number">1</td><td>dst             src             state</td></tr>');
  assert.equal(rows[1],
    '<tr><td class="number">2</td><td class="deleted">11.11.11.2      11.11.11.1      <mark>QM_IDLE</mark></td>'
    + '<td class="number">2</td><td class="inserted">11.11.11.2      11.11.11.1      <mark>MM_KEY_EXCH</mark></td></tr>');
  assert.match(html, /td \{ white-space: pre;/, 'blanks keep their columns');
  assert.match(html, /<ul class="notes"><li>state: expected QM_IDLE, got MM_KEY_EXCH<\/li><\/ul>/);
});

test('a line only one side has leaves the other side empty, and numbers count each side', () => {
  const rows = rowsOf(htmlDiff({ title: 't', referenceLabel: 'expected', referenceLines: ['a', 'b'], actualLines: ['a', 'x', 'y', 'b'] }));
  assert.deepEqual(rows, [
    '<tr><td class="number">1</td><td>a</td><td class="number">1</td><td>a</td></tr>',
    '<tr><td class="number"></td><td></td><td class="number">2</td><td class="inserted">x</td></tr>',
    '<tr><td class="number"></td><td></td><td class="number">3</td><td class="inserted">y</td></tr>',
    '<tr><td class="number">2</td><td>b</td><td class="number">4</td><td>b</td></tr>',
  ]);
});

test('IOS text that looks like markup is shown, not interpreted', () => {
  assert.equal(escapeMarkup('<none> & "x"'), '&lt;none&gt; &amp; &quot;x&quot;');
  const html = htmlDiff({ title: '<t>', referenceLabel: 'reference', referenceLines: ['2 <none>'], actualLines: ['2 <none> x'] });
  assert.doesNotMatch(html.replace(/<\/?(mark|td|tr|th|tbody|thead|table|title|style|head|body|html|meta|ul|li)\b[^>]*>/g, ''), /<none>/);
  assert.match(html, /<title>&lt;t&gt;<\/title>/);
});
