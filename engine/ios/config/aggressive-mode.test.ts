import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import { aggressiveModePasswords, aggressiveModePeerAddresses, initiatesAggressiveMode } from './aggressive-mode.ts';
import { createDefaultConfig, type CryptoConfig, type IsakmpKey, type IsakmpPeer } from './config-model.ts';

const ip = (text: string) => parseIpv4(text)!;

function crypto(keys: IsakmpKey[], peers: IsakmpPeer[]): CryptoConfig {
  return { ...createDefaultConfig().crypto, isakmpKeys: keys, isakmpPeers: peers };
}

test('a peer block starts aggressive mode once it sets a password or a client endpoint', () => {
  assert.equal(initiatesAggressiveMode({ address: ip('10.0.0.1') }), false);
  assert.equal(initiatesAggressiveMode({ address: ip('10.0.0.1'), aggressiveModePassword: 'k' }), true);
  assert.equal(
    initiatesAggressiveMode({ address: ip('10.0.0.1'), aggressiveModeClientEndpoint: { kind: 'fqdn', name: 'a.example' } }),
    true,
  );
  const config = crypto([], [
    { address: ip('10.0.0.3'), aggressiveModePassword: 'k' },
    { address: ip('10.0.0.1') },
    { address: ip('10.0.0.2'), aggressiveModeClientEndpoint: { kind: 'ipv4-address', address: ip('10.9.9.9') } },
  ]);
  assert.deepEqual(aggressiveModePeerAddresses(config), [ip('10.0.0.3'), ip('10.0.0.2')]);
});

test('each aggressive-mode password is a single-peer key of its own; peers without one have none', () => {
  const peers: IsakmpPeer[] = [
    { address: ip('10.0.0.1'), aggressiveModePassword: 'am-one' },
    { address: ip('10.0.0.4'), aggressiveModeClientEndpoint: { kind: 'user-fqdn', name: 'u@a.example' } },
    { address: ip('10.0.0.2'), aggressiveModePassword: 'am-two' },
  ];
  assert.deepEqual(aggressiveModePasswords(crypto([{ key: 'main-mode', address: ip('10.0.0.1') }], peers)), [
    { key: 'am-one', address: ip('10.0.0.1') },
    { key: 'am-two', address: ip('10.0.0.2') },
  ]);
});

test('without peer blocks there are no passwords and no aggressive-mode peers', () => {
  const keys: IsakmpKey[] = [{ key: 'abc123', address: 0, mask: 0 }];
  assert.deepEqual(aggressiveModePasswords(crypto(keys, [])), []);
  assert.deepEqual(aggressiveModePeerAddresses(crypto(keys, [])), []);
});
