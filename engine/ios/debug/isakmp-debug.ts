import type {
  DeleteReason, DurationView, IkeEvent, IkeTraceEvent, Phase1AttributeView, Phase1Mismatch, Phase2AttributeView,
} from '../../ike/index.ts';
import { formatIpv4 } from '../../wire/ipv4-address.ts';
import { NOTIFY_TYPES, PHASE1_ENCRYPTION_ALGORITHMS, PHASE1_HASH_ALGORITHMS, nameOfValue, transformIdName } from '../../wire/isakmp/index.ts';
import { TED_RENDERERS } from './ted-debug.ts';

/**
 * The words IOS 12.2 prints for each IKE trace event under `debug crypto isakmp`,
 * `debug crypto engine`, and as syslog messages, as in the TED document's transcripts.
 * A message may span several lines (the `ID payload` block): continuation lines are indented.
 */

const ip = formatIpv4;
/** IOS prints message IDs and outbound SPIs as signed 32-bit numbers. */
const signed = (value: number): string => String(value | 0);
const conn = (connId: number): string => `ISAKMP (0:${connId}): `;
const attributeLine = (text: string): string => `ISAKMP:      ${text}`;
const hex = (value: number): string => (value >>> 0).toString(16).toUpperCase();

function duration(view: DurationView): string {
  return view.form === 'basic' ? `(basic) of ${view.value}` : `(VPI) of  ${view.bytes.map((b) => `0x${b.toString(16)}`).join(' ')}`;
}

const AUTH_NAMES: Record<number, string> = { 1: 'pre-share', 2: 'DSS sig', 3: 'RSA sig', 4: 'RSA encr', 5: 'RSA encr rev' };
const LIFE_TYPES: Record<number, string> = { 1: 'seconds', 2: 'kilobytes' };
const AUTHENTICATORS: Record<number, string> = { 1: 'HMAC-MD5', 2: 'HMAC-SHA' };

function phase1Attribute(view: Phase1AttributeView): string {
  switch (view.attribute) {
    case 'encryption': return `encryption ${nameOfValue(PHASE1_ENCRYPTION_ALGORITHMS, view.id) ?? view.id}`;
    case 'key-length': return `keylength of ${view.bits}`;
    case 'hash': return `hash ${nameOfValue(PHASE1_HASH_ALGORITHMS, view.id) ?? view.id}`;
    case 'group': return `default group ${view.id}`;
    case 'auth': return `auth ${AUTH_NAMES[view.id] ?? view.id}`;
    case 'life-type': return `life type in ${LIFE_TYPES[view.id] ?? view.id}`;
    case 'life-duration': return `life duration ${duration(view.duration)}`;
    case 'other': return `attribute type ${view.type}`;
  }
}

function phase2Attribute(view: Phase2AttributeView): string {
  switch (view.attribute) {
    case 'group': return `group is ${view.id}`;
    case 'encaps': return `encaps is ${view.mode}`;
    case 'life-type': return `SA life type in ${LIFE_TYPES[view.id] ?? view.id}`;
    case 'life-duration': return `SA life duration ${duration(view.duration)}`;
    case 'authenticator': return `authenticator is ${AUTHENTICATORS[view.id] ?? view.id}`;
    case 'key-length': return `key length is ${view.bits}`;
    case 'other': return `attribute type ${view.type}`;
  }
}

const MISMATCHES: Record<Phase1Mismatch, string> = {
  encryption: 'Encryption algorithm offered does not match policy!',
  hash: 'Hash algorithm offered does not match policy!',
  group: 'Diffie-Hellman group offered does not match policy!',
  auth: 'Authentication method offered does not match policy!',
  preshared: 'Preshared authentication offered but does not match policy!',
  lifetime: 'Life duration offered is greater than policy!',
  'no-certificates': 'Authentication method offered does not match policy!',
};

const DELETE_REASONS: Record<DeleteReason, string> = {
  'death-by-retransmission-p1': 'death by retransmission P1',
  'death-by-retransmission-p2': 'death by retransmission P2',
  'phase1-proposal-not-accepted': 'Phase1 SA policy proposal not accepted',
  'p1-delete-notify-in': 'P1 delete notify (in)',
  'manual-clear': 'No reason',
  'lifetime-expired': 'IKE SA lifetime expired',
  'initiator-quick-mode-done': '',
  'responder-quick-mode-done': 'quick mode done (await()',
  'quick-mode-rejected': 'QM rejected',
  'informational-in': 'informational (in) state 1',
  'proposal-rejected-by-peer': 'QM rejected by peer',
  'initial-contact': 'Initial-Contact',
  'delete-me': 'delete_me flag/throw',
};

/** IOS's own names for the notify types it prints; others keep their RFC name, in IOS's spelling. */
const NOTIFY_NAMES: Record<number, string> = {
  14: 'PROPOSAL_NOT_CHOSEN', 17: 'INVALID_KEY_INFO', 18: 'INVALID_ID_INFO', 23: 'INVALID_HASH_INFO',
  24576: 'RESPONDER_LIFETIME', 24578: 'INITIAL_CONTACT',
};

function notifyName(type: number): string {
  return NOTIFY_NAMES[type] ?? nameOfValue(NOTIFY_TYPES, type)?.replaceAll('-', '_') ?? String(type);
}

const PAYLOAD_NAMES: Record<number, string> = {
  1: 'SA', 2: 'PROPOSAL', 3: 'TRANSFORM', 4: 'KE', 5: 'ID', 6: 'CERT', 7: 'CERT_REQ', 8: 'HASH', 9: 'SIG',
  10: 'NONCE', 11: 'NOTIFY', 12: 'DELETE', 13: 'VENDOR_ID',
};

const pad15 = (address: number): string => ip(address).padEnd(15);
const INDENT = '        ';

type Renderers = { [K in IkeEvent['kind']]: (event: Extract<IkeEvent, { kind: K }>) => string };

const RENDERERS: Renderers = {
  'ke-message': (e) => `ISAKMP: received ke message (${e.index}/${e.total})`,
  'local-port': (e) => `ISAKMP: local port ${e.localPort}, remote port ${e.remotePort}`,
  'beginning-exchange': (e) => `${conn(e.connId)}beginning ${e.exchange === 'main' ? 'Main' : 'Aggressive'} Mode exchange`,
  'packet-sent': (e) =>
    `${conn(e.connId)}sending packet to ${ip(e.peer)} (${e.role}) ${e.state}${e.via ? ` via ${e.via.interfaceName}:${ip(e.via.nextHop)}` : ''}`,
  'packet-received': (e) => `${conn(e.connId)}received packet from ${ip(e.peer)} (${e.role}) ${e.state}`,
  'packet-received-new-sa': (e) => `${conn(0)}received packet from ${ip(e.peer)} (N) NEW SA`,
  'processing-payload': (e) => `${conn(e.connId)}processing ${e.payload} payload. message ID = ${signed(e.messageId)}`,
  'vendor-id': (e) => `${conn(e.connId)}processing vendor id payload`,
  'ios-peer': (e) => `${conn(e.connId)}speaking to another IOS box!`,
  'preshared-key-found': (e) => `${conn(e.connId)}found peer pre-shared key matching ${ip(e.peer)}`,
  'preshared-key-missing': (e) => `${conn(e.connId)}No pre-shared key with ${ip(e.peer)}!`,
  'checking-isakmp-transform': (e) => `${conn(e.connId)}Checking ISAKMP transform ${e.transform} against priority ${e.priority} policy`,
  'isakmp-attribute': (e) => attributeLine(phase1Attribute(e.view)),
  'isakmp-mismatch': (e) => `${conn(e.connId)}${MISMATCHES[e.mismatch]}`,
  'isakmp-atts-verdict': (e) => `${conn(e.connId)}atts ${e.acceptable ? 'are' : 'not'} acceptable. Next payload is ${e.nextPayload}`,
  'no-offers-accepted': (e) => `${conn(e.connId)}no offers accepted!`,
  'phase1-not-acceptable': (e) => `${conn(e.connId)}phase 1 SA not acceptable!`,
  'psk-authentication': (e) => `${conn(e.connId)}SA is doing pre-shared key authentication using id type ID_IPV4_ADDR`,
  'skeyid-generated': (e) => `${conn(e.connId)}SKEYID state generated`,
  'id-payload': (e) => [
    `ISAKMP (${e.connId}): ID payload`,
    `${INDENT}next-payload : ${e.nextPayload}`,
    `${INDENT}type         : ${e.idType}`,
    `${INDENT}protocol     : ${e.protocol}`,
    `${INDENT}port         : ${e.port}`,
    `${INDENT}length       : ${e.length}`,
  ].join('\n'),
  'total-payload-length': (e) => `ISAKMP (${e.connId}): Total payload length: ${e.length}`,
  'authenticated': (e) => `${conn(e.connId)}SA has been authenticated with ${ip(e.peer)}`,
  'beginning-quick-mode': (e) => `${conn(e.connId)}beginning Quick Mode exchange, M-ID of ${signed(e.messageId)}`,
  'asking-for-spis': (e) => `${conn(e.connId)}asking for ${e.count} spis from ipsec`,
  'had-to-get-spis': (e) => `${conn(e.connId)}had to get SPI's from ipsec.`,
  'checking-ipsec-proposal': (e) => `${conn(e.connId)}Checking IPsec proposal ${e.proposal}`,
  'ipsec-transform': (e) => `ISAKMP: transform ${e.transform}, ${transformIdName(e.protocolId, e.transformId) ?? e.transformId}`,
  'transform-attributes': () => 'ISAKMP:   attributes in transform:',
  'ipsec-attribute': (e) => attributeLine(phase2Attribute(e.view)),
  'validate-proposal': (e) => `validate proposal ${e.result}`,
  'ipsec-atts-verdict': (e) => (e.acceptable ? `${conn(e.connId)}atts are acceptable.` : `${conn(e.connId)}atts not acceptable. Next payload is ${e.nextPayload}`),
  'validate-proposal-request': (e) => `validate proposal request ${e.result}`,
  'phase2-not-acceptable': (e) => `${conn(e.connId)}phase 2 SA not acceptable!`,
  'creating-ipsec-sas': (e) => `${conn(e.connId)}Creating IPsec SAs`,
  'ipsec-sa-endpoints': (e) =>
    `${INDENT}${e.direction} SA from ${pad15(e.source)} to ${pad15(e.destination)} (proxy ${pad15(e.sourceProxy)} to ${pad15(e.destinationProxy)})`,
  'ipsec-sa-spi': (e) =>
    `${INDENT}has spi ${e.direction === 'inbound' ? `0x${hex(e.spi)}` : signed(e.spi)} and conn_id ${e.connId} and flags ${hex(e.flags)}`,
  'ipsec-sa-lifetime': (e) => `${INDENT}lifetime of ${e.value} ${e.unit}`,
  'deleting-node': (e) =>
    `${conn(e.connId)}deleting node ${signed(e.messageId)} error ${e.error ? 'TRUE' : 'FALSE'} reason "${DELETE_REASONS[e.reason]}"`,
  'purging-node': (e) => `${conn(e.connId)}purging node ${signed(e.messageId)}`,
  'no-paranoid-keepalives': (e) => `${conn(e.connId)}peer does not do paranoid keepalives.`,
  'deleting-sa': (e) =>
    `${conn(e.connId)}deleting SA reason "${DELETE_REASONS[e.reason]}" state (${e.role}) ${e.state} (peer ${ip(e.peer)}) input queue 0`,
  'purging-sa': (e) => `${conn(e.connId)}purging SA., sa=${hex(e.address)}, delme=${hex(e.address)}`,
  'retransmit-due': (e) => `${conn(e.connId)}retransmitting phase ${e.phase} ${e.state}...`,
  'retransmit-counted': (e) => `${conn(e.connId)}incrementing error counter on sa: retransmit phase ${e.phase}`,
  'retransmitting': (e) => `${conn(e.connId)}retransmitting phase ${e.phase} ${e.state}`,
  'duplicate-packet': (e) => `${conn(e.connId)}phase ${e.phase} packet is a duplicate of a previous packet.`,
  'retransmit-for-duplicate': (e) => `${conn(e.connId)}retransmitting due to retransmit phase ${e.phase}`,
  'retransmission-skipped': (e) =>
    `${conn(e.connId)}retransmission skipped for phase ${e.phase} (time since last transmission ${Math.round(e.sinceMs)})`,
  'notify-processing': (e) =>
    `${conn(e.connId)}processing NOTIFY ${notifyName(e.notifyType)} protocol ${e.protocolId}\n${INDENT}spi ${e.spi >>> 0}, message ID = ${signed(e.messageId)}`,
  'notify-without-hash': (e) => `${conn(e.connId)}Notify has no hash. Rejected.`,
  'initial-contact': (e) => `${conn(e.connId)}Process initial contact, bring down existing phase 1 and 2 SA's`,
  'responder-lifetime-processing': (e) => `${conn(e.connId)}processing responder lifetime`,
  'responder-lifetime': (e) => `ISAKMP (${e.connId}): responder lifetime of ${e.value}${e.unit === 'seconds' ? 's' : 'kb'}`,
  'delete-processing': (e) => `${conn(e.connId)}processing DELETE payload. message ID = ${signed(e.messageId)}, spi size = ${e.spiSize}`,
  'deleting-spi': (e) => `${conn(e.connId)}deleting spi ${e.spi >>> 0} message ID = ${signed(e.messageId)}`,
  'input-queue-full': (e) => `ISAKMP: input queue full (${e.waiting} packets waiting), packet from ${ip(e.peer)} dropped`,
  'half-open-limit': (e) => `ISAKMP: ${e.limit} SAs already negotiating as responder, new SA from ${ip(e.peer)} refused`,
  'reserved-not-zero': (e) => `ISAKMP: reserved not zero on ${PAYLOAD_NAMES[e.payloadType] ?? e.payloadType} payload!`,
  'engine-generate-alg-parameter': () => 'CryptoEngine0: generate alg parameter',
  'engine-dh-status': (e) => `CRYPTO_ENGINE: Dh phase 1 status: ${e.status}`,
  'engine-create-skeyid': (e) => `CryptoEngine0: create ISAKMP SKEYID for conn id ${e.connId}`,
  'engine-hmac-context': (e) => `CryptoEngine0: generate hmac context for conn id ${e.connId}`,
  'engine-clear-dh': (e) => `CryptoEngine0: clear dh number for conn id ${e.dhSlot}`,
  'engine-delete-connection': (e) => `CryptoEngine0: delete connection ${e.connId}`,
  'bad-message': (e) => `%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${ip(e.peer)} failed its sanity check or is malformed`,
  'no-sa': (e) => `%CRYPTO-4-IKMP_NO_SA: IKE message from ${ip(e.peer)} has no SA and is not an initialization offer`,
  // The wording of Cisco's command reference for `crypto isakmp aggressive-mode disable`.
  'aggressive-mode-refused': () => 'ISAKMP: Unable to initiate or respond to Aggressive Mode while disabled',
  'mode-failure': (e) => `%CRYPTO-6-IKMP_MODE_FAILURE: Processing of ${e.mode} mode failed with peer at ${ip(e.peer)}`,
  ...TED_RENDERERS,
};

/** The text of one event, as the console prints it after the timestamp. */
export function renderIkeEvent(event: IkeEvent): string {
  const render = RENDERERS[event.kind] as (event: IkeEvent) => string;
  return render(event);
}

/** What the router needs to print an event: under which switch (or as syslog), and the text. */
export function renderIkeTrace(event: IkeTraceEvent): { subsystem: IkeTraceEvent['subsystem']; text: string } {
  return { subsystem: event.subsystem, text: renderIkeEvent(event) };
}
