import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ip } from '../net/test-fixtures.ts';
import { protocolPart, type TransformProposal } from './ipsec-port.ts';
import { checkProposal, checkTransform, sameTransform, type ProposalRequest, type TransformRequest } from './proposal-validation.ts';
import { AES256_SHA, DAPHNE_LAN, DES_MD5, FRED_LAN, subnet, tedPolicy } from './test-lab.ts';

/** fred receives Daphne's quick mode: fred's local proxy is its LAN, the remote one Daphne's. */
function request(overrides: Partial<ProposalRequest> = {}): ProposalRequest {
  return {
    local: ip('11.11.11.2'), remote: ip('11.11.11.1'), localProxy: FRED_LAN, remoteProxy: DAPHNE_LAN,
    transform: DES_MD5, pfsGroup: undefined, ...overrides,
  };
}

function transformRequest(overrides: Partial<TransformRequest> = {}): TransformRequest {
  return { local: ip('11.11.11.2'), remote: ip('11.11.11.1'), part: DES_MD5, pfsGroup: undefined, ...overrides };
}

const FRED = [tedPolicy('fred')];
const AH_ESP: TransformProposal = { name: 'ah-esp', ah: 'ah-sha-hmac', espCipher: { transform: 'esp-3des' }, espAuth: 'esp-md5-hmac', mode: 'tunnel' };

test('mirrored proxies and an equal transform set are accepted, with the set that matched', () => {
  const check = checkProposal(FRED, request({ transform: { ...DES_MD5, name: 'the-peers-name' } }));
  assert.ok(check.verdict.ok);
  assert.equal(check.verdict.transform.name, 'ted-transforms');
  assert.equal(check.verdict.policy.mapName, 'tedtag');
  assert.deepEqual(check.trace.map((e) => e.kind), ['validate-proposal-request']);
  const [first] = check.trace;
  assert.ok(first?.kind === 'validate-proposal-request');
  assert.deepEqual(
    [first.message.direction, first.message.protocol, first.message.lifetimeSeconds, first.message.spi, first.message.flags],
    ['INBOUND', 'esp', 0, 0, 0x4],
  );
});

test('no entry for the proxies, whatever the reason, is proxy identities not supported', () => {
  for (const wrong of [
    request({ localProxy: DAPHNE_LAN, remoteProxy: FRED_LAN }),
    request({ remoteProxy: subnet('14.14.14.0') }),
    request({ remoteProxy: { ...DAPHNE_LAN, mask: 0xffff0000 } }),
    request({ local: ip('11.11.11.9') }),
    request({ remote: ip('11.11.11.7') }),
    request({ transform: AES256_SHA }),
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

test('one transform on its own: supported when some entry here has it; refused with its numbers', () => {
  assert.deepEqual(checkTransform(FRED, transformRequest()), { verdict: true, trace: [] });
  const sha = { ...DES_MD5, espAuth: 'esp-sha-hmac' as const };
  const refused = checkTransform(FRED, transformRequest({ part: sha }));
  assert.equal(refused.verdict, false);
  assert.deepEqual(refused.trace, [
    { subsystem: 'ipsec', kind: 'transform-not-supported', numbers: { protocolId: 3, transformId: 2, hmac: 2 } },
  ]);
  assert.equal(checkTransform(FRED, transformRequest({ remote: ip('11.11.11.7') })).verdict, false, 'not for this peer');
});

test('an AH and ESP set: each part is checked alone, then the bundle, part #1 AH and part #2 ESP', () => {
  const policies = [tedPolicy('fred', { transformSets: [AH_ESP] })];
  assert.equal(checkTransform(policies, transformRequest({ part: protocolPart(AH_ESP, 'ah') })).verdict, true);
  assert.equal(checkTransform(policies, transformRequest({ part: protocolPart(AH_ESP, 'esp') })).verdict, true);
  const md5 = checkTransform(policies, transformRequest({ part: { name: '', ah: 'ah-md5-hmac', mode: 'tunnel' } }));
  assert.deepEqual(md5.trace, [{ subsystem: 'ipsec', kind: 'transform-not-supported', numbers: { protocolId: 2, transformId: 2, hmac: 1 } }]);
  const bundle = checkProposal(policies, request({ transform: AH_ESP }));
  assert.ok(bundle.verdict.ok);
  assert.deepEqual(bundle.trace.map((e) => (e.kind === 'validate-proposal-request' ? [e.part, e.message.protocol] : e.kind)), [[1, 'ah'], [2, 'esp']]);
  // ESP alone is not the set the entry holds.
  assert.equal(checkProposal(policies, request({ transform: protocolPart(AH_ESP, 'esp') })).verdict.ok, false);
});

test('PFS as the set pfs command reference says: no set pfs takes any offer; set pfs requires one', () => {
  assert.equal(checkProposal(FRED, request()).verdict.ok, true);
  for (const group of [1, 2, 5, 14] as const) assert.equal(checkProposal(FRED, request({ pfsGroup: group })).verdict.ok, true, `offer of group ${group}`);
  const accepts = (local: 1 | 2 | 5, offered: 1 | 2 | 5 | 14 | undefined) =>
    checkProposal([tedPolicy('fred', { pfsGroup: local })], request(offered === undefined ? {} : { pfsGroup: offered })).verdict.ok;
  // set pfs (group1, the default): group1 or group2, never no PFS.
  assert.deepEqual([accepts(1, undefined), accepts(1, 1), accepts(1, 2), accepts(1, 5)], [false, true, true, false]);
  assert.deepEqual([accepts(2, undefined), accepts(2, 1), accepts(2, 2), accepts(2, 5)], [false, false, true, false]);
  assert.deepEqual([accepts(5, undefined), accepts(5, 1), accepts(5, 2), accepts(5, 5), accepts(5, 14)], [false, false, false, true, false]);
  // The transform check applies the same rule.
  assert.equal(checkTransform([tedPolicy('fred', { pfsGroup: 2 })], transformRequest()).verdict, false);
});

test('transform equality is cipher, key length, authentication, AH and mode', () => {
  const aes = { name: 'a', espCipher: { transform: 'esp-aes' as const }, espAuth: 'esp-sha-hmac' as const, mode: 'tunnel' as const };
  assert.ok(sameTransform(aes, { ...aes, espCipher: { transform: 'esp-aes', keyBits: 128 } }), 'AES defaults to 128');
  assert.ok(!sameTransform(aes, AES256_SHA));
  assert.ok(!sameTransform(DES_MD5, { ...DES_MD5, mode: 'transport' }));
  assert.ok(!sameTransform(DES_MD5, { ...DES_MD5, espAuth: undefined }));
  assert.ok(!sameTransform(DES_MD5, { ...DES_MD5, ah: 'ah-md5-hmac' }));
});
