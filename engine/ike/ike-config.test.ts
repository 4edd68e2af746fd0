import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskFromPrefixLength, parseIpv4 } from '../wire/ipv4-address.ts';
import {
  DEFAULT_ISAKMP_POLICY, findPresharedKey, policiesToCheck, policiesToOffer, usesAggressiveMode, type IkeConfig, type IkePolicy,
} from './ike-config.ts';

const ip = (text: string) => parseIpv4(text)!;
const policy = (priority: number): IkePolicy => ({
  priority, encryption: 'des', hash: 'sha', authentication: 'pre-share', group: 1, lifetimeSeconds: 86_400,
});

const config: IkeConfig = {
  policies: [policy(20), policy(5)],
  presharedKeys: [
    { key: 'wildcard', address: 0, mask: 0 },
    { key: 'net', address: ip('11.11.11.0'), mask: maskFromPrefixLength(24) },
    { key: 'host', address: ip('11.11.11.2') },
    { key: 'wide', address: ip('11.0.0.0'), mask: maskFromPrefixLength(8) },
  ],
  aggressiveModePeers: [ip('10.0.0.9')],
};

test('the most specific pre-shared key wins, whatever the order they were configured in', () => {
  assert.equal(findPresharedKey(config, ip('11.11.11.2'))?.key, 'host');
  assert.equal(findPresharedKey(config, ip('11.11.11.7'))?.key, 'net');
  assert.equal(findPresharedKey(config, ip('11.12.0.1'))?.key, 'wide');
  assert.equal(findPresharedKey(config, ip('192.0.2.1'))?.key, 'wildcard');
});

test('without a wildcard key a stranger has none', () => {
  assert.equal(findPresharedKey({ ...config, presharedKeys: config.presharedKeys.slice(1) }, ip('192.0.2.1')), undefined);
});

test('a responder checks its policies by priority, then the default suite; an initiator offers its own or the default', () => {
  assert.deepEqual(policiesToCheck(config).map((p) => p.priority), [5, 20, 65535]);
  assert.deepEqual(policiesToOffer(config).map((p) => p.priority), [5, 20]);
  assert.deepEqual(policiesToOffer({ policies: [], presharedKeys: [] }), [DEFAULT_ISAKMP_POLICY]);
  assert.equal(DEFAULT_ISAKMP_POLICY.authentication, 'rsa-sig');
});

test('aggressive mode only with the peers configured for it', () => {
  assert.equal(usesAggressiveMode(config, ip('10.0.0.9')), true);
  assert.equal(usesAggressiveMode(config, ip('11.11.11.2')), false);
});
