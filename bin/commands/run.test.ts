import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { parseRunArguments } from './run.ts';

test('run options: paths, seed, workers, reports folder, report', () => {
  assert.deepEqual(parseRunArguments(['features/cli', '--seed', '7', '--parallel', '2', '--reports', 'out', '--report']), {
    paths: [path.resolve('features/cli')],
    seed: '7',
    parallel: 2,
    reportsDir: 'out',
    report: true,
  });
  assert.deepEqual(parseRunArguments([]), { paths: [], parallel: 0, report: false });
});

test('run options that are wrong say what is wrong', () => {
  assert.equal(parseRunArguments(['--seed']), '--seed needs a number');
  assert.equal(parseRunArguments(['--parallel', 'many']), '--parallel needs a number of workers');
  assert.equal(parseRunArguments(['--reports']), '--reports needs a folder');
  assert.equal(parseRunArguments(['--colour']), 'unknown option --colour');
});
