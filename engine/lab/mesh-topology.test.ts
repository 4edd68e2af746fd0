import assert from 'node:assert/strict';
import { test } from 'node:test';
import { meshTopology, roundRobin, runMesh } from './mesh.bench.ts';
import { parseTopology } from './topology/index.ts';

test('the benchmark\'s round robin meets every pair of sites once, each site once a round', () => {
  for (const sites of [2, 3, 4, 7, 16]) {
    const rounds = roundRobin(sites);
    const pairs = rounds.flat().map(([a, b]) => `${a}-${b}`);
    assert.equal(pairs.length, (sites * (sites - 1)) / 2, `${sites} sites`);
    assert.equal(new Set(pairs).size, pairs.length, 'no pair twice');
    for (const round of rounds) assert.equal(new Set(round.flat()).size, round.length * 2, 'no site twice in a round');
  }
});

test('a generated mesh is a valid topology, and three sites bring their three tunnels up', () => {
  const parsed = parseTopology(meshTopology(46), 'mesh.yaml', '.');
  assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.errors));
  assert.equal(parsed.topology.routers.length, 46);
  assert.throws(() => meshTopology(1), RangeError);
  const figure = runMesh(3);
  assert.equal(figure.tunnels, 3);
  assert.equal(figure.sites, 3);
});
