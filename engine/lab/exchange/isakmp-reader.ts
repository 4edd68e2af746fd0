/**
 * Reads the ISAKMP messages of a capture in order, as Wireshark does with its IKEv1 decryption
 * table: it names each message within its exchange (MM1-MM6, AM1-AM3, QM1-QM3, the TED probe and
 * reply, DELETE and NOTIFY), tells retransmissions, and decrypts what phase 1 encrypted with the
 * encryption key the lab knows for the SA's initiator cookie. The cipher and hash come from the
 * responder's chosen transform, the phase 1 IV from the two KE payloads (RFC 2409 appendix B).
 */
import { ikeEncryption, ikeHash, lastCipherBlock, type BlockCipher, type HashAlgorithm } from '../../crypto/index.ts';
import { decryptBody } from '../../ike/message-crypto.ts';
import { messageIv, phase1Iv } from '../../ike/keymat.ts';
import {
  ExchangeType, NOTIFY_TYPES, PROTOCOL_IDS, Phase1Attribute, attributeNumber, decodeIsakmp, findAttribute,
  TED_PROXY_PAYLOAD_TYPE, nameOfValue, payloadsOfKind, tedMessageKind, type IsakmpMessage, type IsakmpPayload,
} from '../../wire/isakmp/index.ts';

export interface IsakmpMessageView {
  /** `MM1`, `QM2`, `TED probe`, `DELETE`, `NOTIFY INVALID-PAYLOAD-TYPE`, `Informational` */
  readonly label: string;
  readonly exchange: 'main' | 'aggressive' | 'quick' | 'informational' | 'ted' | 'other';
  readonly initiatorCookie: string;
  readonly responderCookie: string;
  readonly messageId: number;
  readonly encrypted: boolean;
  /** The payloads, decrypted where the key is known; undefined when encrypted and not decrypted. */
  readonly payloads: readonly string[] | undefined;
  /** The same bytes were seen before. */
  readonly retransmission: boolean;
}

/** What the reader learnt of one ISAKMP SA from its clear messages. */
interface SaState {
  cipher?: BlockCipher;
  hash?: HashAlgorithm;
  initiatorKe?: Uint8Array;
  responderKe?: Uint8Array;
  /** The IV of the next phase 1 message, once both KEs are seen. */
  phase1Iv?: Uint8Array;
  lastPhase1Block?: Uint8Array;
  phase1Count: number;
  /** Per message ID of a quick mode or informational exchange: how many were seen, the IV of the next. */
  exchanges: Map<number, { count: number; iv?: Uint8Array }>;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

export function payloadName(payload: IsakmpPayload): string {
  switch (payload.kind) {
    case 'notify':
      return `Notify ${nameOfValue(NOTIFY_TYPES, payload.notifyType) ?? payload.notifyType}`;
    case 'delete':
      return `Delete ${nameOfValue(PROTOCOL_IDS, payload.protocolId) ?? payload.protocolId} (${payload.spis.length} SPI${payload.spis.length === 1 ? '' : 's'})`;
    case 'raw':
      return payload.type === TED_PROXY_PAYLOAD_TYPE ? 'TED-PROXY' : `Payload ${payload.type}`;
    default:
      return PAYLOAD_LABELS[payload.kind];
  }
}

const PAYLOAD_LABELS: Record<Exclude<IsakmpPayload['kind'], 'notify' | 'delete' | 'raw'>, string> = {
  sa: 'SA', ke: 'KE', id: 'ID', cert: 'CERT', cr: 'CR', hash: 'HASH', sig: 'SIG', nonce: 'Nonce',
  'vendor-id': 'VID', 'nat-d': 'NAT-D', 'nat-oa': 'NAT-OA',
};

export class IsakmpReader {
  private readonly sas = new Map<string, SaState>();
  /** Every message read so far, by its bytes: it decrypts once, wherever it is seen again. */
  private readonly views = new Map<string, IsakmpMessageView>();
  /** Where each message was seen sent: the same bytes sent again from the same place are a retransmission. */
  private readonly sightings = new Set<string>();

  /** `keys`: initiator cookie (16 hex digits) -> phase 1 encryption key, as the lab's Wireshark table has them. */
  constructor(private readonly keys: ReadonlyMap<string, Uint8Array>) {}

  /**
   * The view of one ISAKMP message (UDP payload); undefined when it is not ISAKMP. `sender`
   * names where it was sent from (link and end): a message forwarded onto the next link is the
   * same message, not a retransmission.
   */
  read(bytes: Uint8Array, sender = ''): IsakmpMessageView | undefined {
    const decoded = decodeIsakmp(bytes);
    if (!decoded.ok) return undefined;
    const message = decoded.value;
    const fingerprint = hex(bytes);
    const sighting = `${sender}\n${fingerprint}`;
    const again = this.sightings.has(sighting);
    this.sightings.add(sighting);
    const earlier = this.views.get(fingerprint);
    if (earlier !== undefined) return { ...earlier, retransmission: again };
    const icookie = hex(message.header.initiatorCookie);
    const sa = this.sas.get(icookie) ?? { phase1Count: 0, exchanges: new Map() };
    this.sas.set(icookie, sa);
    const base = {
      initiatorCookie: icookie,
      responderCookie: hex(message.header.responderCookie),
      messageId: message.header.messageId,
      encrypted: message.body.encrypted,
      retransmission: false,
    };
    const payloads = this.open(message, sa, icookie);
    const view = { ...base, ...this.label(message, sa, payloads), payloads: payloads?.map(payloadName) };
    this.views.set(fingerprint, view);
    return view;
  }

  private label(message: IsakmpMessage, sa: SaState, payloads: IsakmpPayload[] | undefined):
  Pick<IsakmpMessageView, 'label' | 'exchange'> {
    const { exchangeType, messageId } = message.header;
    const ted = tedMessageKind(message);
    if (ted !== undefined) return { exchange: 'ted', label: `TED ${ted}` };
    if (exchangeType === ExchangeType.identityProtection) return { exchange: 'main', label: `MM${++sa.phase1Count}` };
    if (exchangeType === ExchangeType.aggressive) return { exchange: 'aggressive', label: `AM${++sa.phase1Count}` };
    if (exchangeType === ExchangeType.quick) return { exchange: 'quick', label: `QM${this.exchangeNumber(sa, messageId)}` };
    if (exchangeType === ExchangeType.informational) return { exchange: 'informational', label: informationalLabel(payloads) };
    return { exchange: 'other', label: `exchange ${exchangeType}` };
  }

  private exchangeNumber(sa: SaState, messageId: number): number {
    const exchange = sa.exchanges.get(messageId) ?? { count: 0 };
    sa.exchanges.set(messageId, exchange);
    return ++exchange.count;
  }

  /** The clear payloads, or the decrypted ones; learns the SA's algorithms and KEs on the way. */
  private open(message: IsakmpMessage, sa: SaState, icookie: string): IsakmpPayload[] | undefined {
    if (!message.body.encrypted) {
      this.learn(message, sa);
      return message.body.payloads;
    }
    return this.decrypt(message, sa, this.keys.get(icookie));
  }

  private learn(message: IsakmpMessage, sa: SaState): void {
    const { payloads } = message.body as { payloads: IsakmpPayload[] };
    const [chosen] = payloadsOfKind(payloads, 'sa');
    const responderCookieSet = message.header.responderCookie.some((byte) => byte !== 0);
    if (chosen !== undefined && responderCookieSet) this.learnSuite(sa, chosen.proposals[0]?.transforms[0]?.attributes ?? []);
    const [ke] = payloadsOfKind(payloads, 'ke');
    if (ke !== undefined && message.header.messageId === 0) {
      if (sa.initiatorKe === undefined) sa.initiatorKe = ke.data;
      else sa.responderKe ??= ke.data;
    }
    if (sa.phase1Iv === undefined && sa.initiatorKe && sa.responderKe && sa.hash && sa.cipher) {
      sa.phase1Iv = phase1Iv(sa.hash, sa.initiatorKe, sa.responderKe, sa.cipher.blockSize);
    }
  }

  /** The responder's SA payload holds the one transform it chose. */
  private learnSuite(sa: SaState, attributes: Parameters<typeof findAttribute>[0]): void {
    const number = (type: number): number | undefined => {
      const attribute = findAttribute(attributes, type);
      return attribute === undefined ? undefined : attributeNumber(attribute);
    };
    const encryption = number(Phase1Attribute.encryptionAlgorithm);
    const hash = number(Phase1Attribute.hashAlgorithm);
    if (encryption === undefined || hash === undefined) return;
    const cipher = ikeEncryption(encryption, number(Phase1Attribute.keyLength));
    const prf = ikeHash(hash);
    if (cipher.ok) sa.cipher = cipher.value.cipher;
    if (prf.ok) sa.hash = prf.value.hash;
  }

  private decrypt(message: IsakmpMessage, sa: SaState, key: Uint8Array | undefined): IsakmpPayload[] | undefined {
    if (message.body.encrypted === false || key === undefined || !sa.cipher || !sa.hash) return undefined;
    const { firstPayload, encryptedBody } = message.body;
    const { messageId } = message.header;
    const iv = messageId === 0 ? sa.phase1Iv : this.exchangeIv(sa, messageId);
    if (iv === undefined) return undefined;
    const result = decryptBody(firstPayload, encryptedBody, { cipher: sa.cipher, key }, iv);
    if (!result.ok) return undefined;
    const last = lastCipherBlock(sa.cipher, encryptedBody);
    if (messageId === 0) {
      sa.phase1Iv = last;
      sa.lastPhase1Block = last;
    } else {
      const exchange = sa.exchanges.get(messageId) ?? { count: 0 };
      sa.exchanges.set(messageId, { ...exchange, iv: last });
    }
    return result.payloads;
  }

  /** The first message of an exchange starts from the end of phase 1; later ones chain on. */
  private exchangeIv(sa: SaState, messageId: number): Uint8Array | undefined {
    const chained = sa.exchanges.get(messageId)?.iv;
    if (chained !== undefined) return chained;
    if (sa.lastPhase1Block === undefined || !sa.hash || !sa.cipher) return undefined;
    return messageIv(sa.hash, sa.lastPhase1Block, messageId, sa.cipher.blockSize);
  }
}

function informationalLabel(payloads: IsakmpPayload[] | undefined): string {
  if (payloads === undefined) return 'Informational';
  const notify = payloadsOfKind(payloads, 'notify')[0];
  if (payloadsOfKind(payloads, 'delete').length > 0) return 'DELETE';
  if (notify !== undefined) return `NOTIFY ${nameOfValue(NOTIFY_TYPES, notify.notifyType) ?? notify.notifyType}`;
  return 'Informational';
}

/** The lab's `ikev1_decryption_table` rows (`icookie,key` in hex) as the reader takes them. */
export function keysFromRows(rows: readonly string[]): Map<string, Uint8Array> {
  const keys = new Map<string, Uint8Array>();
  for (const row of rows) {
    const [cookie, key] = row.split(',');
    if (cookie !== undefined && key !== undefined) keys.set(cookie.toLowerCase(), Uint8Array.from(Buffer.from(key, 'hex')));
  }
  return keys;
}
