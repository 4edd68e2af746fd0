import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseYaml } from './parsed-yaml.ts';

test('a text parsed before is not parsed again', () => {
  const text = 'routers:\n  R1: { model: c2600, config: r1.cfg }\n';
  assert.equal(parseYaml(text), parseYaml(text));
  assert.notEqual(parseYaml(text), parseYaml(`${text}# another lab\n`));
});

test('the kept data cannot be changed by a later stage of a load', () => {
  const { data } = parseYaml('routers:\n  R1: { model: c2600, config: r1.cfg }\nlinks: { lan: [R1 Fa0/0, pc] }\n');
  assert.ok(data?.ok === true);
  const value = data.value as { routers: { R1: { model: string } }; links: { lan: string[] } };
  assert.throws(() => { value.routers.R1.model = 'c3600'; }, TypeError);
  assert.throws(() => { value.links.lan.push('pc2'); }, TypeError);
  assert.equal(value.routers.R1.model, 'c2600');
});

test('a text with syntax errors has its errors and no data', () => {
  const parsed = parseYaml('routers: [unclosed\n');
  assert.ok(parsed.doc.errors.length > 0);
  assert.equal(parsed.data, undefined);
});

test('an alias bomb is refused with the reason, and refused again from the cache', () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((name, index) => {
    const previous = index === 0 ? 'a' : 'bcdefg'[index - 1];
    return `${name}: &${name} [*${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}]`;
  })].join('\n');
  const first = parseYaml(bomb);
  assert.equal(first.data?.ok, false);
  assert.equal(parseYaml(bomb).data, first.data);
});
