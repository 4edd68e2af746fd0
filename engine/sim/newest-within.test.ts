import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NewestWithin } from './newest-within.ts';

test('keeps the newest items within the limit, counts what it cut, and keeps an oversize newest item', () => {
  const ring = new NewestWithin<string>(10, (item) => item.length);
  for (const item of ['aaaa', 'bbbb', 'cccc']) ring.push(item);
  assert.deepEqual(ring.kept(), ['bbbb', 'cccc']);
  assert.deepEqual(ring.cut, { count: 1, size: 4, newest: 'aaaa' });
  assert.equal(ring.pushedCount, 3);
  assert.equal(ring.pushedSize, 12);
  assert.deepEqual(ring.keptFrom(0), ['bbbb', 'cccc'], 'from before the cut: what is left');
  assert.deepEqual(ring.keptFrom(2), ['cccc']);
  assert.deepEqual([...ring.newestFirst()], ['cccc', 'bbbb']);
  ring.push('x'.repeat(25));
  assert.deepEqual(ring.kept(), ['x'.repeat(25)], 'the newest stays however large');
  assert.equal(ring.cut?.count, 3);
});

test('stays correct across the compaction of cut items', () => {
  const ring = new NewestWithin<number>(100, () => 1);
  for (let n = 0; n < 20_000; n++) ring.push(n);
  assert.equal(ring.keptCount, 100);
  assert.deepEqual(ring.kept().slice(0, 2), [19_900, 19_901]);
  assert.deepEqual(ring.keptFrom(19_998), [19_998, 19_999]);
  assert.equal(ring.cut?.count, 19_900);
});
