import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { packageOf, relabelPackages } from './package-labels.ts';

test('a scenario\'s package is its feature\'s folders and file, without the project name or .feature', () => {
  assert.equal(packageOf('tedlab:features/ted/nat.feature#A probe'), 'features.ted.nat');
  assert.equal(packageOf('my-lab:features/branch.feature#x'), 'features.branch');
  assert.equal(packageOf('features/ted-doc/debug-switches.feature#x'), 'features.ted-doc.debug-switches');
  assert.equal(packageOf('p:features/v1.2/ipsec.feature#x'), 'features.v1\u20242.ipsec', 'a dot in a folder name does not split it');
  assert.equal(packageOf(''), undefined);
});

test('the results\' package labels are rewritten in place, the other labels kept', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-packages-'));
  try {
    const labels = [{ name: 'package', value: 'tedlab.features.ted.nat.feature' }, { name: 'epic', value: 'ted' }];
    writeFileSync(path.join(dir, 'a-result.json'), JSON.stringify({ fullName: 'tedlab:features/ted/nat.feature#x', labels }));
    writeFileSync(path.join(dir, 'b-container.json'), '{}');
    assert.equal(relabelPackages(dir), 1);
    const result = JSON.parse(readFileSync(path.join(dir, 'a-result.json'), 'utf8')) as { labels: unknown };
    assert.deepEqual(result.labels, [{ name: 'package', value: 'features.ted.nat' }, { name: 'epic', value: 'ted' }]);
    assert.equal(relabelPackages(dir), 0, 'a second pass changes nothing');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
