import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRunArguments, type RunOptions } from './run.ts';

const DEFAULTS: RunOptions = {
  paths: [], parallel: 0, report: false, labs: [], names: [], dryRun: false, failFast: false, updateReferences: false, help: false,
};

test('run options: paths with lines, seed, workers, reports, labs and cucumber\'s own selection', () => {
  assert.deepEqual(parseRunArguments([]), DEFAULTS);
  assert.deepEqual(
    parseRunArguments(['features/cli', 'features/a.feature:12', '--seed', '7', '--parallel', '2', '--reports', 'out', '--report',
      '--labs', 'x', '--labs', 'y', '--tags', '@ipsec and not @slow', '--name', 'PFS', '--dry-run', '--fail-fast', '--update-references']),
    {
      paths: ['features/cli', 'features/a.feature:12'], seed: '7', parallel: 2, reportsDir: 'out', report: true, labs: ['x', 'y'],
      tags: '@ipsec and not @slow', names: ['PFS'], dryRun: true, failFast: true, updateReferences: true, help: false,
    },
  );
  assert.equal((parseRunArguments(['-h']) as RunOptions).help, true);
});

test('run options that are wrong say what is wrong', () => {
  assert.equal(parseRunArguments(['--seed', 'x']), '--seed needs a whole number, 0 or more');
  assert.equal(parseRunArguments(['--parallel', 'many']), '--parallel needs a number of workers');
  assert.match(parseRunArguments(['--reports']) as string, /--reports/);
  assert.match(parseRunArguments(['--colour']) as string, /Unknown option '--colour'/);
});
