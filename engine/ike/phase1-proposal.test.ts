import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodePayloadChain, decodePayloadChain, numericAttribute, Phase1Attribute } from '../wire/isakmp/index.ts';
import { bytesToHex } from '../wire/bytes.ts';
import { DEFAULT_ISAKMP_POLICY, type IkePolicy } from './ike-config.ts';
import type { IkeEvent } from './ike-events.ts';
import { choosePhase1Transform, phase1SaPayload } from './phase1-proposal.ts';

const POLICY_10: IkePolicy = { priority: 10, encryption: 'des', hash: 'sha', authentication: 'pre-share', group: 1, lifetimeSeconds: 86_400 };

function check(offered: IkePolicy[], local: IkePolicy[], hasKey = true) {
  const events: IkeEvent[] = [];
  const choice = choosePhase1Transform(phase1SaPayload(offered), [...local, DEFAULT_ISAKMP_POLICY], hasKey, 2, (e) => events.push(e));
  return { choice, events };
}

test('IOS sends a policy as the TED document shows it: DES, SHA, group 1, pre-share, 86400 s as a 4-byte value', () => {
  const chain = encodePayloadChain([phase1SaPayload([POLICY_10])]);
  // SA: 56 bytes, DOI 1, SIT_IDENTITY_ONLY; proposal 1: 44 bytes, PROTO_ISAKMP, no SPI, 1 transform;
  // transform 1: 36 bytes, KEY_IKE; attributes DES, SHA, group 1, pre-share, seconds, then 86400 as TLV.
  assert.equal(bytesToHex(chain.bytes), [
    '00000038', '00000001', '00000001',
    '0000002c', '01010001',
    '00000024', '01010000',
    '80010001', '80020002', '80040001', '80030001', '800b0001', '000c0004', '00015180',
  ].join(''));
  const decoded = decodePayloadChain(chain.firstPayload, chain.bytes);
  assert.ok(decoded.ok);
});

test('the accepted transform is reported with IOS\'s attribute lines, then "atts are acceptable"', () => {
  const { choice, events } = check([POLICY_10], [POLICY_10]);
  assert.equal(choice?.suite.priority, 10);
  assert.equal(choice?.suite.encryption.debugName, 'DES-CBC');
  assert.equal(choice?.suite.hash.debugName, 'SHA');
  assert.equal(choice?.suite.lifetimeSeconds, 86_400);
  assert.deepEqual(events.map((e) => e.kind), [
    'checking-isakmp-transform', 'isakmp-attribute', 'isakmp-attribute', 'isakmp-attribute', 'isakmp-attribute',
    'isakmp-attribute', 'isakmp-attribute', 'isakmp-atts-verdict',
  ]);
  assert.deepEqual(events[6], { kind: 'isakmp-attribute', view: { attribute: 'life-duration', duration: { form: 'vpi', bytes: [0, 1, 0x51, 0x80] } } });
  assert.deepEqual(events.at(-1), { kind: 'isakmp-atts-verdict', connId: 2, acceptable: true, nextPayload: 0 });
});

test('local policies go by priority, each against every transform; "Next payload is 3" while transforms follow', () => {
  const offered = [{ ...POLICY_10, hash: 'md5' as const }, POLICY_10];
  const { choice, events } = check(offered, [{ ...POLICY_10, priority: 1, encryption: '3des' }, POLICY_10]);
  const checks = events.filter((e) => e.kind === 'checking-isakmp-transform').map((e) => [e.transform, e.priority]);
  assert.deepEqual(checks, [[1, 1], [2, 1], [1, 10], [2, 10]]);
  const verdicts = events.flatMap((e) => (e.kind === 'isakmp-atts-verdict' ? [[e.acceptable, e.nextPayload]] : []));
  assert.deepEqual(verdicts, [[false, 3], [false, 0], [false, 3], [true, 0]]);
  assert.equal(choice?.transform.transformNumber, 2);
});

test('each mismatch is named as IOS names it, and nothing matching ends in "no offers accepted!"', () => {
  const cases: Array<[Partial<IkePolicy>, string]> = [
    [{ encryption: '3des' }, 'encryption'],
    [{ encryption: 'aes', keyBits: 256 }, 'encryption'],
    [{ hash: 'md5' }, 'hash'],
    [{ group: 2 }, 'group'],
    [{ lifetimeSeconds: 3600 }, 'lifetime'],
  ];
  for (const [change, mismatch] of cases) {
    const { choice, events } = check([POLICY_10], [{ ...POLICY_10, ...change }]);
    assert.equal(choice, undefined, mismatch);
    const mismatches = events.flatMap((e) => (e.kind === 'isakmp-mismatch' ? [e.mismatch] : []));
    // The configured policy, then the default suite, which wants RSA signatures.
    assert.deepEqual(mismatches, [mismatch, 'auth'], mismatch);
    assert.equal(events.at(-1)?.kind, 'no-offers-accepted');
  }
});

test('a shorter offered lifetime is accepted and kept; no key for the peer refuses pre-share', () => {
  assert.equal(check([{ ...POLICY_10, lifetimeSeconds: 3600 }], [POLICY_10]).choice?.suite.lifetimeSeconds, 3600);
  const { choice, events } = check([POLICY_10], [POLICY_10], false);
  assert.equal(choice, undefined);
  assert.ok(events.some((e) => e.kind === 'isakmp-mismatch' && e.mismatch === 'preshared'));
});

test('AES carries its key length, and a lifetime that fits 16 bits goes as a basic attribute', () => {
  const aes: IkePolicy = { ...POLICY_10, encryption: 'aes', keyBits: 256, group: 5, lifetimeSeconds: 28_800 };
  const attributes = phase1SaPayload([aes]).proposals[0]!.transforms[0]!.attributes;
  assert.deepEqual(attributes.find((a) => a.type === Phase1Attribute.keyLength), { type: Phase1Attribute.keyLength, form: 'tv', value: 256 });
  assert.deepEqual(attributes.find((a) => a.type === Phase1Attribute.lifeDuration), numericAttribute(Phase1Attribute.lifeDuration, 28_800));
  const { choice } = check([aes], [aes]);
  assert.equal(choice?.suite.encryption.cipher.keyLength, 32);
  assert.equal(choice?.suite.group.id, 5);
});
