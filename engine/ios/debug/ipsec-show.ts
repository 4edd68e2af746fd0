import type {
  EngineConnectionSnapshot, IdentSnapshot, InterfaceSnapshot, SaSnapshot,
} from '../../ipsec/ipsec-snapshot.ts';
import { formatIpv4, type Ipv4Address } from '../../wire/ipv4-address.ts';
import type { TransformSet } from '../config/config-model.ts';
import {
  displayKeyword, ENGINE_ALGORITHM_WIDTH, engineAlgorithmName, modeText, proxyText, spiBareHex, spiHexDecimal, transformText,
} from './ipsec-format.ts';

/**
 * `show crypto ipsec sa` (all, `peer A`, `address`), `show crypto ipsec transform-set` and
 * `show crypto engine connections active` in the IOS 12.2(27) layouts of the references.
 * Pure: snapshots in, lines out.
 */

/** The crypto engine slot of a c2600's software engine. */
const ENGINE_SLOT = 0;

/** One SA; an AH SA has no `IV size` line, having no cipher (the layout of later IOS; 12.2's is unconfirmed). */
function saLines(sa: SaSnapshot): string[] {
  return [
    `      spi: ${spiHexDecimal(sa.spi)}`,
    `        transform: ${transformText(sa.transform)},`,
    `        in use settings ={${modeText(sa.transform.mode)}, }`,
    `        slot: ${ENGINE_SLOT}, conn id: ${sa.connId}, flow_id: ${sa.flowId}, crypto map: ${sa.mapName}`,
    `        sa timing: remaining key lifetime (k/sec): (${sa.remainingKilobytes}/${sa.remainingSeconds})`,
    ...(sa.protocol === 'esp' ? [`        IV size: ${sa.ivSizeBytes} bytes`] : []),
    `        replay detection support: ${sa.replayDetection ? 'Y' : 'N'}`,
  ];
}

/** The esp, ah and pcp sections of one direction (IPPCP compression is not modelled: always empty). */
function directionLines(direction: 'inbound' | 'outbound', sas: readonly SaSnapshot[]): string[] {
  return [
    '',
    `     ${direction} esp sas:`,
    ...sas.filter((sa) => sa.protocol === 'esp').flatMap(saLines),
    '',
    `     ${direction} ah sas:`,
    ...sas.filter((sa) => sa.protocol === 'ah').flatMap(saLines),
    '',
    `     ${direction} pcp sas:`,
  ];
}

function identLines(ident: IdentSnapshot): string[] {
  const c = ident.counters;
  return [
    '',
    '   protected vrf:',
    `   local  ident (addr/mask/prot/port): (${proxyText(ident.localProxy)})`,
    `   remote ident (addr/mask/prot/port): (${proxyText(ident.remoteProxy)})`,
    `   current_peer: ${formatIpv4(ident.currentPeer)}`,
    `     PERMIT, flags={${ident.flags.map((flag) => `${flag},`).join('')}}`,
    `    #pkts encaps: ${c.encaps}, #pkts encrypt: ${c.encrypt}, #pkts digest ${c.digest}`,
    `    #pkts decaps: ${c.decaps}, #pkts decrypt: ${c.decrypt}, #pkts verify ${c.verify}`,
    '    #pkts compressed: 0, #pkts decompressed: 0',
    '    #pkts not compressed: 0, #pkts compr. failed: 0',
    '    #pkts not decompressed: 0, #pkts decompress failed: 0',
    `    #send errors ${c.sendErrors}, #recv errors ${c.recvErrors}`,
    '',
    `     local crypto endpt.: ${formatIpv4(ident.localEndpoint)}, remote crypto endpt.: ${formatIpv4(ident.remoteEndpoint)}`,
    `     path mtu ${ident.pathMtu}, media mtu ${ident.mediaMtu}`,
    `     current outbound spi: ${spiBareHex(ident.currentOutboundSpi)}`,
    ...directionLines('inbound', ident.inbound),
    ...directionLines('outbound', ident.outbound),
  ];
}

/** `show crypto ipsec sa [peer A]`: per crypto map interface, each ident with its SAs. */
export function renderShowCryptoIpsecSa(interfaces: readonly InterfaceSnapshot[], peer?: Ipv4Address): string[] {
  return interfaces.flatMap((iface) => {
    const idents = peer === undefined ? iface.idents : iface.idents.filter((ident) => ident.currentPeer === peer);
    if (idents.length === 0) return [];
    return [
      '',
      `interface: ${iface.interfaceName}`,
      `    Crypto map tag: ${iface.mapName}, local addr. ${formatIpv4(iface.localAddress)}`,
      ...idents.flatMap(identLines),
    ];
  });
}

/** `show crypto ipsec sa address`: every SA under its destination address, lowest address first. */
export function renderShowCryptoIpsecSaAddress(interfaces: readonly InterfaceSnapshot[]): string[] {
  const all = interfaces.flatMap((iface) => iface.idents.flatMap((ident) => [...ident.inbound, ...ident.outbound]));
  const destinations = [...new Set(all.map((sa) => sa.destination))].sort((a, b) => a - b);
  return destinations.flatMap((destination) => {
    const here = all.filter((sa) => sa.destination === destination);
    const section = (protocol: SaSnapshot['protocol']) => {
      const sas = here.filter((sa) => sa.protocol === protocol);
      return sas.length === 0 ? [] : [`   protocol: ${protocol.toUpperCase()}`, ...sas.flatMap(saLines)];
    };
    return [`dest address: ${formatIpv4(destination)}`, ...section('ah'), ...section('esp'), ''];
  });
}

/** `{ esp-des esp-md5-hmac  }`: the keywords as configured, AH on a line of its own. */
function transformSetGroups(set: TransformSet): string[][] {
  const words = set.transforms.map((transform) => displayKeyword(transform.name, transform.keyBits));
  const ah = words.filter((word) => word.startsWith('ah-'));
  const esp = [
    ...words.filter((word) => word.startsWith('esp-') && !word.endsWith('-hmac')),
    ...words.filter((word) => word.startsWith('esp-') && word.endsWith('-hmac')),
  ];
  return [ah, esp].filter((group) => group.length > 0);
}

/** `show crypto ipsec transform-set`. */
export function renderShowCryptoIpsecTransformSet(sets: readonly TransformSet[]): string[] {
  return sets.flatMap((set) => {
    const negotiate = `   will negotiate = { ${modeText(set.mode)},  },`;
    const groups = transformSetGroups(set).map((group) => `{ ${group.map((word) => `${word} `).join('')} }`);
    return [
      `Transform set ${set.name}: ${groups[0] ?? '{ }'}`,
      negotiate,
      ...groups.slice(1).flatMap((group) => [`   ${group}`, negotiate]),
      '',
    ];
  });
}

/** A row of `show crypto engine connections active`: IKE rows come from IKE, IPsec rows from the data plane. */
export interface EngineConnectionRow {
  connId: number;
  /** `<none>` when absent (IKE connections). */
  interfaceName?: string;
  address?: Ipv4Address;
  state: string;
  algorithm: string;
  encrypt: number;
  decrypt: number;
}

export function engineConnectionRow(connection: EngineConnectionSnapshot): EngineConnectionRow {
  return {
    connId: connection.connId,
    interfaceName: connection.interfaceName,
    address: connection.address,
    state: 'set',
    algorithm: engineAlgorithmName(connection.transform),
    encrypt: connection.encrypt,
    decrypt: connection.decrypt,
  };
}

const NONE = '<none>';

function rowText(id: string, iface: string, address: string, state: string, algorithm: string, enc: string, dec: string): string {
  return `${id.padStart(4)} ${iface.padEnd(20)} ${address.padEnd(15)} ${state.padEnd(6)} ${algorithm.padEnd(ENGINE_ALGORITHM_WIDTH)} ${enc.padStart(8)} ${dec.padStart(8)}`;
}

/** `show crypto engine connections active`: a blank line, the header, the rows by id. */
export function renderShowCryptoEngineConnectionsActive(rows: readonly EngineConnectionRow[]): string[] {
  const sorted = [...rows].sort((a, b) => a.connId - b.connId);
  return [
    '',
    rowText('ID', 'Interface', 'IP-Address', 'State', 'Algorithm', 'Encrypt', 'Decrypt').trimEnd(),
    ...sorted.map((row) =>
      rowText(
        String(row.connId),
        row.interfaceName ?? NONE,
        row.address === undefined ? NONE : formatIpv4(row.address),
        row.state,
        row.algorithm,
        String(row.encrypt),
        String(row.decrypt),
      ),
    ),
  ];
}
