import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineCounter, parseDocument } from 'yaml';
import { formatPath, segmentsOfPointer, YamlLocator } from './yaml-locator.ts';

function locatorFor(text: string): YamlLocator {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return new YamlLocator('t.yaml', doc, lineCounter, text);
}

const TEXT = [
  'routers:', //           1
  '  R1:', //              2
  '    model: c2600', //   3
  '  R2: { model: c2600 }', // 4
  'links:', //             5
  '  wan: [R1 Fa0/0, R2 Fa0/0]', // 6
  '  lan:', //             7
  '    ends:', //          8
  '      - R1 Fa0/1', //   9
  '  empty:', //           10
  '',
].join('\n');

test('paths print the way the errors name them', () => {
  assert.equal(formatPath([]), '');
  assert.equal(formatPath(['routers', 'fred', 'config']), 'routers.fred.config');
  assert.equal(formatPath(['links', 'wan', 1]), 'links.wan[1]');
  assert.equal(formatPath(['links', 'lan2', 'ends', 0]), 'links.lan2.ends[0]');
});

test('JSON pointers split into keys and list indices, with ~1 and ~0 unescaped', () => {
  const data = { links: { wan: ['a', 'b'], '0': { x: 1 } }, 'a/b~c': 1 };
  assert.deepEqual(segmentsOfPointer('', data), []);
  assert.deepEqual(segmentsOfPointer('/links/wan/1', data), ['links', 'wan', 1]);
  assert.deepEqual(segmentsOfPointer('/links/0/x', data), ['links', '0', 'x']);
  assert.deepEqual(segmentsOfPointer('/a~1b~0c', data), ['a/b~c']);
});

test('values and keys are located in block and flow collections', () => {
  const locator = locatorFor(TEXT);
  assert.deepEqual(locator.locate(['routers', 'R1']), { file: 't.yaml', line: 3, column: 5 });
  assert.deepEqual(locator.locate(['routers', 'R1'], 'key'), { file: 't.yaml', line: 2, column: 3 });
  assert.deepEqual(locator.locate(['routers', 'R2', 'model']), { file: 't.yaml', line: 4, column: 16 });
  assert.deepEqual(locator.locate(['routers', 'R2']), { file: 't.yaml', line: 4, column: 7 });
  assert.deepEqual(locator.locate(['links', 'wan', 1]), { file: 't.yaml', line: 6, column: 19 });
  assert.deepEqual(locator.locate(['links', 'lan', 'ends', 0]), { file: 't.yaml', line: 9, column: 9 });
});

test('an empty value is located at its key; a path past the YAML at the deepest node found', () => {
  const locator = locatorFor(TEXT);
  assert.deepEqual(locator.locate(['links', 'empty']), { file: 't.yaml', line: 10, column: 3 });
  assert.deepEqual(locator.locate(['routers', 'R1', 'config']), { file: 't.yaml', line: 3, column: 5 });
  assert.deepEqual(locator.locate(['hosts', 'pc']), { file: 't.yaml', line: 1, column: 1 });
});

test('errors carry the location and the printed path', () => {
  const locator = locatorFor(TEXT);
  assert.deepEqual(locator.error(['routers', 'R2', 'colour'], 'unknown key', 'key'), {
    file: 't.yaml',
    line: 4,
    column: 7,
    path: 'routers.R2.colour',
    message: 'unknown key',
  });
});

test('source lines are returned without their line break', () => {
  const locator = locatorFor('a: 1\r\nb: 2\n');
  assert.equal(locator.lineText(1), 'a: 1');
  assert.equal(locator.lineText(2), 'b: 2');
  assert.equal(locator.lineText(9), '');
});
