import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ip } from '../net/test-fixtures.ts';
import type { TransformProposal } from './ipsec-port.ts';
import { checkProposal, sameTransform, type ProposalRequest } from './proposal-validation.ts';
import { AES256_SHA, DAPHNE_LAN, DES_MD5, FRED_LAN, subnet, tedPolicy } from './test-lab.ts';

/** fred receives Daphne's quick mode: fred's local proxy is its LAN, the remote one Daphne's. */
function request(overrides: Partial<ProposalRequest> = {}): ProposalRequest {
  return {
    local: ip('11.11.11.2'), remote: ip('11.11.11.1'), localProxy: FRED_LAN, remoteProxy: DAPHNE_LAN,
    offered: [DES_MD5], pfsGroup: undefined, ...overrides,
  };
}

const FRED = [tedPolicy('fred')];

test('mirrored proxies and an equal transform are accepted, with the set that matched', () => {
  const offered: TransformProposal = { ...DES_MD5, name: 'the-peers-name' };
  const check = checkProposal(FRED, request({ offered: [offered] }));
  assert.ok(check.verdict.ok);
  assert.equal(check.verdict.transform.name, 'ted-transforms');
  assert.equal(check.verdict.policy.mapName, 'tedtag');
  assert.deepEqual(check.trace.map((e) => e.kind), ['validate-proposal-request']);
  const [first] = check.trace;
  assert.ok(first?.kind === 'validate-proposal-request');
  assert.deepEqual(
    [first.message.direction, first.message.lifetimeSeconds, first.message.spi, first.message.flags],
    ['INBOUND', 0, 0, 0x4],
  );
});

test('proxies that are not the mirror of the ACL are refused as proxy identities not supported', () => {
  for (const wrong of [
    request({ localProxy: DAPHNE_LAN, remoteProxy: FRED_LAN }),
    request({ remoteProxy: subnet('14.14.14.0') }),
    request({ remoteProxy: { ...DAPHNE_LAN, mask: 0xffff0000 } }),
    request({ local: ip('11.11.11.9') }),
    request({ remote: ip('11.11.11.7') }),
  ]) {
    const check = checkProposal(FRED, wrong);
    assert.deepEqual(check.verdict, { ok: false, reason: 'proxy-identities-not-supported' });
    assert.deepEqual(check.trace.map((e) => e.kind), ['validate-proposal-request', 'proxy-identities-not-supported']);
  }
});

test('a host inside the ACL entry is accepted, as IOS does', () => {
  const check = checkProposal(FRED, request({ remoteProxy: { ...DAPHNE_LAN, address: ip('13.13.13.14'), mask: 0xffffffff } }));
  assert.ok(check.verdict.ok);
});

test('transforms are tried in order; none equal means transform not supported', () => {
  const sha = { ...DES_MD5, espAuth: 'esp-sha-hmac' as const };
  const refused = checkProposal(FRED, request({ offered: [AES256_SHA, sha] }));
  assert.deepEqual(refused.verdict, { ok: false, reason: 'transform-not-supported' });
  assert.deepEqual(refused.trace.map((e) => e.kind), [
    'validate-proposal-request', 'transform-not-supported', 'validate-proposal-request', 'transform-not-supported',
  ]);
  const second = checkProposal(FRED, request({ offered: [AES256_SHA, DES_MD5] }));
  assert.ok(second.verdict.ok);
  assert.equal(second.trace.length, 3);
});

test('PFS must agree: a group on one side only is refused', () => {
  assert.equal(checkProposal(FRED, request({ pfsGroup: 2 })).verdict.ok, false);
  const withPfs = [tedPolicy('fred', { pfsGroup: 2 })];
  assert.equal(checkProposal(withPfs, request()).verdict.ok, false);
  assert.equal(checkProposal(withPfs, request({ pfsGroup: 2 })).verdict.ok, true);
  assert.equal(checkProposal(withPfs, request({ pfsGroup: 5 })).verdict.ok, false);
});

test('transform equality is cipher, key length, authentication and mode', () => {
  const aes = { name: 'a', espCipher: { transform: 'esp-aes' as const }, espAuth: 'esp-sha-hmac' as const, mode: 'tunnel' as const };
  assert.ok(sameTransform(aes, { ...aes, espCipher: { transform: 'esp-aes', keyBits: 128 } }), 'AES defaults to 128');
  assert.ok(!sameTransform(aes, AES256_SHA));
  assert.ok(!sameTransform(DES_MD5, { ...DES_MD5, mode: 'transport' }));
  assert.ok(!sameTransform(DES_MD5, { ...DES_MD5, espAuth: undefined }));
});
