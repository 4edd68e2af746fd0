import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyedLists } from './keyed-lists.ts';

test('values stay in the order they were added, per key, and removal takes one occurrence', () => {
  const lists = new KeyedLists<string, number>();
  for (const [key, value] of [['a', 1], ['b', 2], ['a', 3], ['a', 1]] as const) lists.add(key, value);
  assert.deepEqual(lists.get('a'), [1, 3, 1]);
  lists.remove('a', 1);
  assert.deepEqual(lists.get('a'), [3, 1]);
  lists.remove('a', 9);
  lists.remove('c', 1);
  assert.deepEqual([lists.get('a'), lists.get('b'), lists.get('c')], [[3, 1], [2], []]);
  lists.remove('b', 2);
  assert.deepEqual(lists.get('b'), []);
});
