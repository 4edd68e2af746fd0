import { AH_TRANSFORM_ID, ahTransform, authAlgorithm, authAlgorithmByKeyword, espTransform, espTransformByKeyword } from '../crypto/index.ts';
import {
  ISAKMP_PROTOCOL_ID, protocolPart, protocolsOf, type DhGroupNumber, type IpsecProtocol, type PerProtocol, type TransformProposal,
} from '../ipsec/ipsec-port.ts';
import {
  Doi, EncapsulationMode, IpsecAttribute, LifeType, numericAttribute, ProtocolId, Situation, tvAttribute,
  attributeNumber,
  type DataAttribute, type ProposalPayload, type SaPayload, type TransformPayload,
} from '../wire/isakmp/index.ts';
import { readUint32, writeUint32 } from '../wire/bytes.ts';
import { durationView } from './phase1-proposal.ts';
import type { Phase2AttributeView } from './ike-events.ts';
import type { Phase2Offer } from './isakmp-sa.ts';

/**
 * Quick-mode proposals: an IPsec SA payload built from transform sets, and the reading of a
 * received one back into transform sets the data plane can judge.
 */

/** IPsec SPIs travel as 4 bytes in network order (RFC 2407 4.6.1); IKE handles them as numbers. */
export const IPSEC_SPI_LENGTH = 4;

export function spiBytes(spi: number): Uint8Array {
  const out = new Uint8Array(IPSEC_SPI_LENGTH);
  writeUint32(out, 0, spi >>> 0);
  return out;
}

/** The SPI a 4-byte field carries; undefined for any other length. */
export function spiNumber(bytes: Uint8Array): number | undefined {
  return bytes.length === IPSEC_SPI_LENGTH ? readUint32(bytes, 0) : undefined;
}

const MODES = { tunnel: EncapsulationMode.tunnel, transport: EncapsulationMode.transport } as const;
const AH_IDS = { 'ah-md5-hmac': AH_TRANSFORM_ID.AH_MD5, 'ah-sha-hmac': AH_TRANSFORM_ID.AH_SHA } as const;

/** The IPsec protocol an ISAKMP protocol id names, if it is one. */
export function ipsecProtocolOf(protocolId: number): IpsecProtocol | undefined {
  if (protocolId === ProtocolId.esp) return 'esp';
  return protocolId === ProtocolId.ah ? 'ah' : undefined;
}

function lifetimeAttributes(offer: Phase2Offer): DataAttribute[] {
  return [
    tvAttribute(IpsecAttribute.saLifeType, LifeType.seconds),
    numericAttribute(IpsecAttribute.saLifeDuration, offer.lifetimeSeconds),
    tvAttribute(IpsecAttribute.saLifeType, LifeType.kilobytes),
    numericAttribute(IpsecAttribute.saLifeDuration, offer.lifetimeKilobytes),
  ];
}

/** The transform id and attributes of one protocol's part of a transform set, in the order IOS prints them. */
function transformOf(set: TransformProposal, protocol: IpsecProtocol, offer: Phase2Offer): { transformId: number; attributes: DataAttribute[] } {
  const attributes: DataAttribute[] = [];
  if (offer.pfsGroup !== undefined) attributes.push(tvAttribute(IpsecAttribute.groupDescription, offer.pfsGroup));
  attributes.push(tvAttribute(IpsecAttribute.encapsulationMode, MODES[set.mode]), ...lifetimeAttributes(offer));
  if (protocol === 'ah') {
    const auth = authAlgorithmByKeyword(set.ah ?? 'ah-md5-hmac');
    if (auth.ok) attributes.push(tvAttribute(IpsecAttribute.authenticationAlgorithm, auth.value.id));
    return { transformId: AH_IDS[set.ah ?? 'ah-md5-hmac'], attributes };
  }
  if (set.espAuth !== undefined) {
    const auth = authAlgorithmByKeyword(set.espAuth);
    if (auth.ok) attributes.push(tvAttribute(IpsecAttribute.authenticationAlgorithm, auth.value.id));
  }
  const cipher = espTransformByKeyword(set.espCipher?.transform ?? 'esp-null', set.espCipher?.keyBits);
  if (!cipher.ok) return { transformId: 0, attributes };
  if (cipher.value.keyLengthAttribute !== undefined) attributes.push(tvAttribute(IpsecAttribute.keyLength, cipher.value.keyLengthAttribute));
  return { transformId: cipher.value.id, attributes };
}

/**
 * One proposal per transform set, numbered from 1. A set of AH and ESP is one proposal of two
 * payloads with the same number (RFC 2408 4.2: both, not either), AH first, each with our SPI
 * for that protocol and one transform.
 */
export function quickModeSaPayload(offer: Phase2Offer, spis: PerProtocol<number>): SaPayload {
  const proposals: ProposalPayload[] = offer.transforms.flatMap((set, index) => protocolsOf(set).map((protocol) => {
    const { transformId, attributes } = transformOf(set, protocol, offer);
    return {
      kind: 'proposal' as const, proposalNumber: index + 1, protocolId: ISAKMP_PROTOCOL_ID[protocol], spi: spiBytes(spis[protocol] ?? 0),
      transforms: [{ kind: 'transform' as const, transformNumber: 1, transformId, attributes }],
    };
  }));
  return { kind: 'sa', doi: Doi.ipsec, situation: Situation.identityOnly, proposals };
}

/**
 * One offered transform, read back: undefined fields were absent. `set` is the part of a
 * transform set it describes (AH or ESP alone), undefined when not understood.
 */
export interface OfferedTransform {
  proposalNumber: number;
  protocolId: number;
  spi: number | undefined;
  transform: TransformPayload;
  set: TransformProposal | undefined;
  pfsGroup?: DhGroupNumber;
  lifetimeSeconds?: number;
  lifetimeKilobytes?: number;
}

/** One protocol's payload of a proposal: the transforms it offers for that protocol, one to be chosen. */
export interface OfferedPart {
  protocolId: number;
  spi: number | undefined;
  transforms: OfferedTransform[];
}

/** The payloads that share a proposal number: a bundle whose every part must be agreed (RFC 2408 4.2). */
export interface OfferedProposal {
  proposalNumber: number;
  parts: OfferedPart[];
}

interface AttributeReading {
  mode?: number;
  auth?: number;
  keyBits?: number;
  group?: number;
  lifetimeSeconds?: number;
  lifetimeKilobytes?: number;
  unknown: boolean;
}

function readAttributes(attributes: readonly DataAttribute[]): AttributeReading {
  const reading: AttributeReading = { unknown: false };
  let lifeType: number | undefined;
  for (const attribute of attributes) {
    const value = attributeNumber(attribute);
    switch (attribute.type) {
      case IpsecAttribute.encapsulationMode: reading.mode = value; break;
      case IpsecAttribute.authenticationAlgorithm: reading.auth = value; break;
      case IpsecAttribute.keyLength: reading.keyBits = value; break;
      case IpsecAttribute.groupDescription: reading.group = value; break;
      case IpsecAttribute.saLifeType: lifeType = value; break;
      case IpsecAttribute.saLifeDuration:
        if (lifeType === LifeType.seconds) reading.lifetimeSeconds = value;
        else if (lifeType === LifeType.kilobytes) reading.lifetimeKilobytes = value;
        else reading.unknown = true;
        break;
      default: reading.unknown = true;
    }
  }
  return reading;
}

function modeOf(mode: number | undefined): TransformProposal['mode'] | undefined {
  if (mode === undefined || mode === EncapsulationMode.tunnel) return 'tunnel';
  return mode === EncapsulationMode.transport ? 'transport' : undefined;
}

/** The transform set a transform describes, if every part of it is one IOS knows. */
function setOf(protocolId: number, transformId: number, reading: AttributeReading): TransformProposal | undefined {
  const mode = modeOf(reading.mode);
  if (mode === undefined || reading.unknown) return undefined;
  const auth = reading.auth === undefined ? undefined : authAlgorithm(reading.auth);
  if (auth !== undefined && !auth.ok) return undefined;
  if (protocolId === ProtocolId.ah) {
    const ah = ahTransform(transformId);
    if (!ah.ok || (auth !== undefined && auth.value.id !== ah.value.auth.id)) return undefined;
    return { name: '', ah: ah.value.auth.ahKeyword, mode };
  }
  if (protocolId !== ProtocolId.esp) return undefined;
  const cipher = espTransform(transformId, reading.keyBits);
  if (!cipher.ok) return undefined;
  const bits = cipher.value.keyLengthAttribute;
  return {
    name: '',
    espCipher: bits === undefined ? { transform: cipher.value.keyword } : { transform: cipher.value.keyword, keyBits: bits },
    ...(auth === undefined ? {} : { espAuth: auth.value.espKeyword }),
    mode,
  };
}

function pfsGroupOf(group: number | undefined): DhGroupNumber | undefined {
  return group === 1 || group === 2 || group === 5 || group === 14 ? group : undefined;
}

function readTransform(proposal: ProposalPayload, transform: TransformPayload): OfferedTransform {
  const reading = readAttributes(transform.attributes);
  const pfsGroup = pfsGroupOf(reading.group);
  const groupUnknown = reading.group !== undefined && pfsGroup === undefined;
  return {
    proposalNumber: proposal.proposalNumber,
    protocolId: proposal.protocolId,
    spi: spiNumber(proposal.spi),
    transform,
    set: groupUnknown ? undefined : setOf(proposal.protocolId, transform.transformId, reading),
    ...(pfsGroup === undefined ? {} : { pfsGroup }),
    ...(reading.lifetimeSeconds === undefined ? {} : { lifetimeSeconds: reading.lifetimeSeconds }),
    ...(reading.lifetimeKilobytes === undefined ? {} : { lifetimeKilobytes: reading.lifetimeKilobytes }),
  };
}

/** An IPsec SA payload's proposals in order, consecutive payloads of one number making one bundle. */
export function readIpsecOffer(sa: SaPayload): OfferedProposal[] {
  const proposals: OfferedProposal[] = [];
  for (const payload of sa.proposals) {
    const part: OfferedPart = {
      protocolId: payload.protocolId, spi: spiNumber(payload.spi),
      transforms: payload.transforms.map((transform) => readTransform(payload, transform)),
    };
    const last = proposals.at(-1);
    if (last !== undefined && last.proposalNumber === payload.proposalNumber) last.parts.push(part);
    else proposals.push({ proposalNumber: payload.proposalNumber, parts: [part] });
  }
  return proposals;
}

/** The transform set a bundle's chosen parts make together (AH's part and ESP's part in one set). */
export function combinedSet(parts: readonly TransformProposal[]): TransformProposal | undefined {
  const [first] = parts;
  if (first === undefined || parts.some((part) => part.mode !== first.mode)) return undefined;
  return Object.assign({}, ...parts) as TransformProposal;
}

export function phase2AttributeView(attribute: DataAttribute): Phase2AttributeView {
  const value = attributeNumber(attribute) ?? 0;
  switch (attribute.type) {
    case IpsecAttribute.groupDescription: return { attribute: 'group', id: value };
    case IpsecAttribute.encapsulationMode: return { attribute: 'encaps', mode: value };
    case IpsecAttribute.saLifeType: return { attribute: 'life-type', id: value };
    case IpsecAttribute.saLifeDuration: return { attribute: 'life-duration', duration: durationView(attribute) };
    case IpsecAttribute.authenticationAlgorithm: return { attribute: 'authenticator', id: value };
    case IpsecAttribute.keyLength: return { attribute: 'key-length', bits: value };
    default: return { attribute: 'other', type: attribute.type };
  }
}

/** Bytes of key one protocol's SA needs from KEYMAT: the cipher's key, then the HMAC's (RFC 2409 5.5). */
export function keyLengthsOf(set: TransformProposal, protocol: IpsecProtocol): { encryptionKeyLength: number; integrityKeyLength: number } {
  const part = protocolPart(set, protocol);
  const cipher = part.espCipher === undefined ? undefined : espTransformByKeyword(part.espCipher.transform, part.espCipher.keyBits);
  const authKeyword = protocol === 'ah' ? part.ah : part.espAuth;
  const auth = authKeyword === undefined ? undefined : authAlgorithmByKeyword(authKeyword);
  return {
    encryptionKeyLength: cipher?.ok && cipher.value.cipher !== null ? cipher.value.cipher.keyLength : 0,
    integrityKeyLength: auth?.ok ? auth.value.integrity.keyLength : 0,
  };
}
