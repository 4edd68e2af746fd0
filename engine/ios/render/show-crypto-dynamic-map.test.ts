import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IosDevice } from '../session/ios-device.ts';
import { FakeRouterServices } from '../testing/fake-router-services.ts';
import { renderShowCryptoDynamicMap } from './show-crypto-dynamic-map.ts';

const daphneConfig = readFileSync(fileURLToPath(new URL('../../../scenarios/ted-doc/daphne.cfg', import.meta.url)), 'utf8');

function device(extra = ''): IosDevice {
  const loaded = new IosDevice({ services: new FakeRouterServices() });
  assert.deepEqual(loaded.loadStartupConfig(daphneConfig.replace('\nend', `\n${extra}\nend`)).rejected, []);
  return loaded;
}

test('the document\'s template as show crypto dynamic-map lists it, IOS 12.2 layout', () => {
  assert.deepEqual(renderShowCryptoDynamicMap(device().config), [
    'Crypto Map Template"ted-map" 10',
    '        Extended IP access list 101',
    '            access-list 101 permit ip 13.13.13.0 0.0.0.255 12.12.12.0 0.0.0.255',
    '        Current peer: 0.0.0.0',
    '        Security association lifetime: 4608000 kilobytes/3600 seconds',
    '        PFS (Y/N): N',
    '        Transform sets={ ted-transforms, }',
  ]);
});

test('templates come grouped by name in sequence order; tag picks one set; peers and PFS show when set', () => {
  const config = device([
    'crypto dynamic-map other 5', ' set transform-set ted-transforms',
    'crypto dynamic-map ted-map 5', ' set peer 11.11.11.9', ' set pfs group2', ' set transform-set ted-transforms',
  ].join('\n')).config;
  const heads = renderShowCryptoDynamicMap(config).filter((line) => line.startsWith('Crypto Map Template'));
  assert.deepEqual(heads, ['Crypto Map Template"ted-map" 5', 'Crypto Map Template"ted-map" 10', 'Crypto Map Template"other" 5']);
  const tagged = renderShowCryptoDynamicMap(config, 'ted-map');
  assert.equal(tagged.filter((line) => line.startsWith('Crypto Map Template')).length, 2);
  assert.ok(tagged.includes('        Peer = 11.11.11.9'));
  assert.ok(tagged.includes('        Current peer: 11.11.11.9'));
  assert.ok(tagged.includes('        PFS (Y/N): Y'));
  assert.deepEqual(renderShowCryptoDynamicMap(config, 'none'), []);
});
