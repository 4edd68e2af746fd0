import type {
  IpsecTraceEvent, IpsecTraceKind, KeyEngineMessage, SaIdentity, SaSummary,
} from '../../ipsec/ipsec-trace.ts';
import { formatIpv4 } from '../../wire/ipv4-address.ts';
import {
  addressColumn, isakmpProtocolId, keySizeBits, proxyWithType, spiHexDecimal, transformText,
} from './ipsec-format.ts';

/**
 * The text of every IPsec debug and %CRYPTO syslog message, IOS 12.2 wording. A message
 * is returned without its timestamp; continuation lines are part of it, indented as IOS
 * indents them (`(key eng. msg.)` blocks, `spi_response` addresses).
 */

function flagsText(flags: number): string {
  return `0x${flags.toString(16).toUpperCase()}`;
}

/** The `(key eng. msg.)` block under a request, validate, or initialize message. */
export function keyEngineBlock(message: KeyEngineMessage): string[] {
  const dest = message.dest === undefined ? '' : ` dest=${message.dest.interfaceName}:${formatIpv4(message.dest.nextHop)}`;
  return [
    `  (key eng. msg.) ${message.direction} local= ${formatIpv4(message.local)}, remote= ${formatIpv4(message.remote)},`,
    `    local_proxy= ${proxyWithType(message.localProxy)},`,
    `    remote_proxy= ${proxyWithType(message.remoteProxy)},`,
    `    protocol= ${message.protocol.toUpperCase()}, transform= ${transformText(message.transform)},`,
    `    lifedur= ${message.lifetimeSeconds}s and ${message.lifetimeKilobytes}kb,`,
    `    spi= ${spiHexDecimal(message.spi)}, conn_id= ${message.connId}, keysize= ${keySizeBits(message.transform)}, ` +
      `flags= ${flagsText(message.flags)}${dest}`,
  ];
}

/** The `(sa)` block of create_sa, and of delete_sa and sa_aging (which add a comma and the identity). */
function saBlock(sa: SaSummary, continued: boolean): string[] {
  return [
    `  (sa) sa_dest= ${formatIpv4(sa.destination)}, sa_prot= ${sa.protocol},`,
    `    sa_spi= ${spiHexDecimal(sa.spi)},`,
    `    sa_trans= ${transformText(sa.transform)}, sa_conn_id= ${sa.connId}${continued ? ',' : ''}`,
  ];
}

function identityBlock(identity: SaIdentity): string[] {
  return [
    `  (identity) local= ${formatIpv4(identity.local)}, remote= ${formatIpv4(identity.remote)},`,
    `    local_proxy= ${proxyWithType(identity.localProxy)},`,
    `    remote_proxy= ${proxyWithType(identity.remoteProxy)}`,
  ];
}

function lines(...parts: Array<string | string[]>): string {
  return parts.flat().join('\n');
}

type MessageTable = { [K in IpsecTraceKind]: (event: Extract<IpsecTraceEvent, { kind: K }>) => string };

/** One entry per event kind: the compiler checks that every kind has its text. */
const MESSAGES: MessageTable = {
  'sa-request': (e) => lines('IPSEC(sa_request): ,', keyEngineBlock(e.message)),
  'tunnel-discover-request': (e) => lines('IPSEC(tunnel discover request): ,', keyEngineBlock(e.message)),
  'request-timer-fired': (e) =>
    lines(`IPSEC(key_engine): request timer fired: count = ${e.count},`, identityBlock(e.identity)),
  'key-engine-queue-event': () => 'IPSEC(key_engine): got a queue event...',
  'spi-response': (e) =>
    lines(
      `IPSEC(spi_response): getting spi ${e.spi >>> 0} for SA`,
      `        from ${addressColumn(e.from)} to ${addressColumn(e.to)} for prot ${isakmpProtocolId(e.protocol)}`,
    ),
  'allocate-flow': (e) => `ipsec allocate flow ${e.status}`,
  'validate-proposal-request': (e) =>
    lines(`IPSEC(validate_proposal_request): proposal part #${e.part},`, keyEngineBlock(e.message)),
  'proxy-identities-not-supported': () => 'IPSEC(validate_proposal_request): proxy identities not supported',
  'transform-not-supported': (e) =>
    `IPSEC(validate_proposal): transform proposal (prot ${e.numbers.protocolId}, trans ${e.numbers.transformId}, hmac_alg ${e.numbers.hmac}) not supported`,
  'initialize-sas': (e) => lines('IPSEC(initialize_sas): ,', keyEngineBlock(e.message)),
  'create-sa': (e) => lines('IPSEC(create_sa): sa created,', saBlock(e.sa, false)),
  'lifetime-expiring': (e) =>
    lines('IPSEC(sa_aging): lifetime expiring,', saBlock(e.sa, true), identityBlock(e.identity)),
  'delete-notify-received': () => "IPSEC(key_engine_delete_sas): rec'd delete notify from ISAKMP",
  'delete-sa-by-spi': (e) =>
    `IPSEC(key_engine_delete_sas): delete SA with spi ${e.spi >>> 0}/${e.protocol} for ${formatIpv4(e.destination)}`,
  'delete-sa': (e) => lines('IPSEC(delete_sa): deleting SA,', saBlock(e.sa, true), identityBlock(e.identity)),
  'delete-connection': (e) => `CryptoEngine0: delete connection ${e.connId}`,
  'invalid-spi': (e) =>
    "%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi for " +
    `destaddr=${formatIpv4(e.destination)}, prot=${e.protocol}, spi=${spiHexDecimal(e.spi)}, srcaddr=${formatIpv4(e.source)}`,
  'mac-verify-failed': (e) => `%CRYPTO-4-RECVD_PKT_MAC_ERR: decrypt: mac verify failed for connection id=${e.connId}`,
  'replay-check-failed': (e) =>
    `%CRYPTO-4-PKT_REPLAY_ERR: decrypt: replay check failed connection id=${e.connId}, seq=${e.sequenceNumber}`,
  'not-ipsec': (e) =>
    "%CRYPTO-4-RECVD_PKT_NOT_IPSEC: Rec'd packet not an IPSEC packet. " +
    `(ip) vrf/dest_addr= /${formatIpv4(e.destination)}, src_addr= ${formatIpv4(e.source)}, prot= ${e.protocol}`,
};

/** The message text of an event, without timestamp (syslog events carry their %FACILITY-SEV-MNEMONIC). */
export function renderIpsecDebugMessage(event: IpsecTraceEvent): string {
  const render = MESSAGES[event.kind] as (event: IpsecTraceEvent) => string;
  return render(event);
}
