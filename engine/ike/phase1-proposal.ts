import { ikeEncryption, ikeEncryptionByKeyword, ikeGroup, ikeHash, ikeHashByKeyword } from '../crypto/index.ts';
import {
  Doi, IsakmpTransformId, LifeType, numericAttribute, Phase1Attribute, Phase1AuthenticationMethod, ProtocolId,
  Situation, tvAttribute, attributeNumber, PayloadType,
  type DataAttribute, type SaPayload, type TransformPayload,
} from '../wire/isakmp/index.ts';
import type { IkeAuthentication, IkePolicy } from './ike-config.ts';
import type { DurationView, IkeEvent, Phase1AttributeView, Phase1Mismatch } from './ike-events.ts';
import type { Phase1Suite } from './isakmp-sa.ts';

/**
 * Phase-1 proposals: the SA payload an initiator offers from its ISAKMP policies, and the
 * responder's check of every offered transform against its policies, in IOS's order (its own
 * policies by priority, each against every transform) with IOS's debug lines.
 */

const AUTHENTICATION_IDS: Record<IkeAuthentication, number> = {
  'pre-share': Phase1AuthenticationMethod.preSharedKey,
  'rsa-sig': Phase1AuthenticationMethod.rsaSignatures,
  'rsa-encr': Phase1AuthenticationMethod.rsaEncryption,
};

const AES_DEFAULT_BITS = 128;

/** A policy as transform attributes, in the order IOS sends them (and prints them). */
export function policyAttributes(policy: IkePolicy): DataAttribute[] {
  const encryption = ikeEncryptionByKeyword(policy.encryption, policy.keyBits);
  const hash = ikeHashByKeyword(policy.hash);
  const attributes: DataAttribute[] = [];
  if (encryption.ok) {
    attributes.push(tvAttribute(Phase1Attribute.encryptionAlgorithm, encryption.value.id));
    const bits = encryption.value.keyLengthAttribute;
    if (bits !== undefined) attributes.push(tvAttribute(Phase1Attribute.keyLength, bits));
  }
  if (hash.ok) attributes.push(tvAttribute(Phase1Attribute.hashAlgorithm, hash.value.id));
  attributes.push(
    tvAttribute(Phase1Attribute.groupDescription, policy.group),
    tvAttribute(Phase1Attribute.authenticationMethod, AUTHENTICATION_IDS[policy.authentication]),
    tvAttribute(Phase1Attribute.lifeType, LifeType.seconds),
    numericAttribute(Phase1Attribute.lifeDuration, policy.lifetimeSeconds),
  );
  return attributes;
}

/** One proposal of protocol ISAKMP with a KEY_IKE transform per policy, numbered from 1. */
export function phase1SaPayload(policies: readonly IkePolicy[]): SaPayload {
  const transforms: TransformPayload[] = policies.map((policy, index) => ({
    kind: 'transform', transformNumber: index + 1, transformId: IsakmpTransformId.keyIke, attributes: policyAttributes(policy),
  }));
  return {
    kind: 'sa', doi: Doi.ipsec, situation: Situation.identityOnly,
    proposals: [{ kind: 'proposal', proposalNumber: 1, protocolId: ProtocolId.isakmp, spi: new Uint8Array(0), transforms }],
  };
}

/** What a phase-1 transform asks for, read from its attributes (absent ones undefined). */
interface OfferedSuite {
  encryption?: number;
  keyBits?: number;
  hash?: number;
  group?: number;
  authentication?: number;
  lifetimeSeconds?: number;
}

function readOffer(attributes: readonly DataAttribute[]): OfferedSuite {
  const offer: OfferedSuite = {};
  let lifeType: number | undefined;
  for (const attribute of attributes) {
    const value = attributeNumber(attribute);
    switch (attribute.type) {
      case Phase1Attribute.encryptionAlgorithm: offer.encryption = value; break;
      case Phase1Attribute.keyLength: offer.keyBits = value; break;
      case Phase1Attribute.hashAlgorithm: offer.hash = value; break;
      case Phase1Attribute.groupDescription: offer.group = value; break;
      case Phase1Attribute.authenticationMethod: offer.authentication = value; break;
      case Phase1Attribute.lifeType: lifeType = value; break;
      case Phase1Attribute.lifeDuration:
        if (lifeType === LifeType.seconds) offer.lifetimeSeconds = value;
        break;
    }
  }
  return offer;
}

/**
 * A life duration as it arrived: IOS prints a two-byte value as a number ("(basic) of 3600")
 * and a variable-length one byte by byte ("(VPI) of  0x0 0x1 0x51 0x80").
 */
export function durationView(attribute: DataAttribute): DurationView {
  return attribute.form === 'tv' ? { form: 'basic', value: attribute.value } : { form: 'vpi', bytes: Array.from(attribute.value) };
}

export function phase1AttributeView(attribute: DataAttribute): Phase1AttributeView {
  const value = attributeNumber(attribute) ?? 0;
  switch (attribute.type) {
    case Phase1Attribute.encryptionAlgorithm: return { attribute: 'encryption', id: value };
    case Phase1Attribute.keyLength: return { attribute: 'key-length', bits: value };
    case Phase1Attribute.hashAlgorithm: return { attribute: 'hash', id: value };
    case Phase1Attribute.groupDescription: return { attribute: 'group', id: value };
    case Phase1Attribute.authenticationMethod: return { attribute: 'auth', id: value };
    case Phase1Attribute.lifeType: return { attribute: 'life-type', id: value };
    case Phase1Attribute.lifeDuration: return { attribute: 'life-duration', duration: durationView(attribute) };
    default: return { attribute: 'other', type: attribute.type };
  }
}

/** The first reason the offer does not fit the policy, in the order IOS checks them. */
function mismatchOf(offer: OfferedSuite, policy: IkePolicy, hasPresharedKey: boolean): Phase1Mismatch | undefined {
  const encryption = ikeEncryptionByKeyword(policy.encryption, policy.keyBits);
  const policyBits = encryption.ok ? encryption.value.keyLengthAttribute : undefined;
  if (!encryption.ok || offer.encryption !== encryption.value.id) return 'encryption';
  if (policyBits !== undefined && (offer.keyBits ?? AES_DEFAULT_BITS) !== policyBits) return 'encryption';
  const hash = ikeHashByKeyword(policy.hash);
  if (!hash.ok || offer.hash !== hash.value.id) return 'hash';
  if (offer.authentication !== AUTHENTICATION_IDS[policy.authentication]) return 'auth';
  if (policy.authentication === 'pre-share' && !hasPresharedKey) return 'preshared';
  if ((offer.group ?? 1) !== policy.group) return 'group';
  if ((offer.lifetimeSeconds ?? policy.lifetimeSeconds) > policy.lifetimeSeconds) return 'lifetime';
  // Signatures need certificates, which this router never has.
  if (policy.authentication !== 'pre-share') return 'no-certificates';
  return undefined;
}

function suiteOf(offer: OfferedSuite, policy: IkePolicy): Phase1Suite | undefined {
  const encryption = ikeEncryption(offer.encryption ?? 0, offer.keyBits);
  const hash = ikeHash(offer.hash ?? 0);
  const group = ikeGroup(offer.group ?? 1);
  if (!encryption.ok || !hash.ok || !group.ok) return undefined;
  return {
    priority: policy.priority,
    encryption: encryption.value,
    hash: hash.value,
    group: group.value,
    lifetimeSeconds: offer.lifetimeSeconds ?? policy.lifetimeSeconds,
  };
}

export interface Phase1Choice {
  suite: Phase1Suite;
  /** The accepted transform exactly as offered: the responder returns it unchanged. */
  transform: TransformPayload;
}

/**
 * Tries each local policy, by priority, against each offered transform and reports every
 * comparison as IOS prints it. The first fit wins; none gives `no offers accepted!`.
 */
export function choosePhase1Transform(
  sa: SaPayload,
  policies: readonly IkePolicy[],
  hasPresharedKey: boolean,
  connId: number,
  emit: (event: IkeEvent) => void,
): Phase1Choice | undefined {
  const transforms = sa.proposals.filter((p) => p.protocolId === ProtocolId.isakmp).flatMap((p) => p.transforms);
  for (const policy of policies) {
    for (const [index, transform] of transforms.entries()) {
      emit({ kind: 'checking-isakmp-transform', connId, transform: transform.transformNumber, priority: policy.priority });
      for (const attribute of transform.attributes) emit({ kind: 'isakmp-attribute', view: phase1AttributeView(attribute) });
      const offer = readOffer(transform.attributes);
      const mismatch = mismatchOf(offer, policy, hasPresharedKey);
      const suite = mismatch === undefined ? suiteOf(offer, policy) : undefined;
      if (mismatch !== undefined) emit({ kind: 'isakmp-mismatch', connId, mismatch });
      const nextPayload = index < transforms.length - 1 ? PayloadType.transform : PayloadType.none;
      emit({ kind: 'isakmp-atts-verdict', connId, acceptable: suite !== undefined, nextPayload });
      if (suite !== undefined) return { suite, transform };
    }
  }
  emit({ kind: 'no-offers-accepted', connId });
  return undefined;
}

/** The initiator's reading of the responder's answer: the one transform it chose, if it is one we offered. */
export function acceptedPhase1Transform(sa: SaPayload, offered: readonly IkePolicy[]): Phase1Suite | undefined {
  const transform = sa.proposals[0]?.transforms[0];
  if (transform === undefined) return undefined;
  const offer = readOffer(transform.attributes);
  for (const policy of offered) {
    if (mismatchOf(offer, policy, true) === undefined) return suiteOf(offer, policy);
  }
  return undefined;
}
