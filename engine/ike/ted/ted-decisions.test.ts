import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CryptoPolicy, ProxyIdentity } from '../../ipsec/ipsec-port.ts';
import { maskFromPrefixLength, parseIpv4 } from '../../wire/ipv4-address.ts';
import { decideTedResponse, negotiatedProxies } from './ted-decisions.ts';

/** fred's side of the document: 12.12.12.0/24 protected towards 13.13.13.0/24 by a discover template. */

const ip = (text: string) => parseIpv4(text)!;
const net = (address: string, length: number, protocol = 0, port = 0): ProxyIdentity =>
  ({ address: ip(address), mask: maskFromPrefixLength(length), protocol, port });

function policy(seq: number, local: ProxyIdentity, remote: ProxyIdentity, kind: 'discover' | 'dynamic' | 'static'): CryptoPolicy {
  return {
    mapName: 'tedtag', seq, interfaceName: 'FastEthernet0/0', localAddress: ip('11.11.11.2'),
    discover: kind === 'discover', ...(kind === 'static' ? {} : { dynamicMap: { name: 'ted-map', seq: 10 } }),
    peers: kind === 'static' ? [ip('11.11.11.9')] : [], selectors: [{ local, remote }], transformSets: [],
    lifetimeSeconds: 3600, lifetimeKilobytes: 4_608_000,
  };
}

const FRED = policy(10, net('12.12.12.0', 24), net('13.13.13.0', 24), 'discover');
const DAPHNE_PROXY = net('13.13.13.0', 24);

test('a probe for a host behind us, from a proxy our entry covers, is answered by that entry', () => {
  const decision = decideTedResponse([FRED], ip('12.12.12.13'), DAPHNE_PROXY);
  assert.ok(decision.ok);
  assert.equal(decision.policy, FRED);
  assert.deepEqual(decision.selector.local, net('12.12.12.0', 24));
});

test('a probe for a host we do not protect is not ours, whatever else matches', () => {
  assert.deepEqual(decideTedResponse([FRED], ip('12.12.13.1'), DAPHNE_PROXY), { ok: false, reason: 'destination-not-protected' });
});

test('a prober\'s proxy outside our entry\'s destination is refused: quick mode could not agree', () => {
  assert.deepEqual(decideTedResponse([FRED], ip('12.12.12.13'), net('13.13.0.0', 16)), { ok: false, reason: 'proxy-not-covered' });
  assert.deepEqual(decideTedResponse([FRED], ip('12.12.12.13'), net('14.14.14.0', 24)), { ok: false, reason: 'proxy-not-covered' });
  const hostProxy = net('13.13.13.14', 32);
  assert.equal(decideTedResponse([FRED], ip('12.12.12.13'), hostProxy).ok, true, 'a host inside the subnet is covered');
});

test('only entries that take unknown peers answer: static entries never do', () => {
  const staticEntry = policy(5, net('12.12.12.0', 24), net('13.13.13.0', 24), 'static');
  assert.deepEqual(decideTedResponse([staticEntry], ip('12.12.12.13'), DAPHNE_PROXY), { ok: false, reason: 'no-dynamic-entry' });
  const responderOnly = policy(20, net('12.12.12.0', 24), net('13.13.13.0', 24), 'dynamic');
  const decision = decideTedResponse([staticEntry, responderOnly], ip('12.12.12.13'), DAPHNE_PROXY);
  assert.ok(decision.ok);
  assert.equal(decision.policy, responderOnly);
});

test('entries are tried in sequence order, and a narrower ACL entry of a later one still answers', () => {
  const wide = policy(30, net('12.12.0.0', 16), net('13.0.0.0', 8), 'discover');
  const narrow = policy(20, net('12.12.12.0', 24), net('14.14.14.0', 24), 'discover');
  const decision = decideTedResponse([wide, narrow], ip('12.12.12.13'), DAPHNE_PROXY);
  assert.ok(decision.ok);
  assert.equal(decision.policy, wide, 'the narrow entry does not cover 13.13.13.0/24');
  const first = decideTedResponse([wide, FRED], ip('12.12.12.13'), DAPHNE_PROXY);
  assert.ok(first.ok);
  assert.equal(first.policy, FRED, 'seq 10 before seq 30');
});

test('the prober negotiates its own source and the narrower of its destination and the responder\'s proxy', () => {
  const selector = { local: net('10.0.1.0', 24), remote: net('10.0.0.0', 16) };
  assert.deepEqual(negotiatedProxies(selector, net('10.0.2.0', 24)), { local: net('10.0.1.0', 24), remote: net('10.0.2.0', 24) });
  assert.deepEqual(negotiatedProxies(selector, net('10.0.0.0', 8)), selector);
  assert.equal(negotiatedProxies(selector, net('192.168.0.0', 24)), undefined);
});
