/**
 * What a scenario's lab leaves for the report once the scenario ends: the topology it ran, the
 * IKE ladder of what it negotiated, each router's console transcript, debug log and startup
 * configuration, and each captured link's packet list and pcap with the Wireshark key tables
 * that decrypt it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ExchangeReport, Lab } from '../../engine/lab/index.ts';
import { textEvidence, type Evidence } from './failures.ts';

/** Evidence shown together under one title. */
export interface EvidenceGroup {
  readonly title: string;
  readonly evidence: readonly Evidence[];
}

const PCAP_TYPE = 'application/vnd.tcpdump.pcap';

/** The moment a step failed, for the ladder. */
export interface FailedStep {
  readonly timeMs: number;
  readonly step: string;
}

export const LADDER_ATTACHMENT = 'IKE ladder.svg';
export const PACKET_LIST_ATTACHMENT = 'packets';

export function labEvidence(lab: Lab, inlineTopology?: string, failed?: FailedStep): EvidenceGroup[] {
  const exchange = lab.exchangeReport(failed);
  return [
    topologyGroup(lab, inlineTopology),
    ...ladderGroup(exchange),
    ...lab.routerNames().map((router) => routerGroup(lab, router)),
    ...captureGroups(lab, exchange),
  ];
}

/** Drawn from the captured links' decoded packets; none when nothing was negotiated there. */
function ladderGroup(exchange: ExchangeReport): EvidenceGroup[] {
  if (exchange.ladder === undefined) return [];
  return [{
    title: 'IKE exchange',
    evidence: [{ name: LADDER_ATTACHMENT, content: exchange.ladder, contentType: 'image/svg+xml', fileExtension: '.svg' }],
  }];
}

/** The YAML as written: the inline DocString, else the topology file. */
function topologyGroup(lab: Lab, inlineTopology: string | undefined): EvidenceGroup {
  const file = lab.topology.file;
  const isFile = inlineTopology === undefined && existsSync(file) && statSync(file).isFile();
  const text = isFile ? readFileSync(file, 'utf8') : inlineTopology ?? '';
  const name = isFile ? path.basename(file) : 'topology.yaml';
  return { title: 'topology', evidence: [{ name, content: text, contentType: 'text/yaml', fileExtension: '.yaml' }] };
}

function routerGroup(lab: Lab, router: string): EvidenceGroup {
  const startup = lab.topology.routers.find((spec) => spec.name === router)?.config.text ?? '';
  return {
    title: `router ${router}`,
    evidence: [
      namedForEmptiness(lab.consoleTranscriptCut(router) === undefined ? 'console transcript' : 'console transcript (newest part)', lab.consoleTranscript(router)),
      namedForEmptiness(lab.debugLogCut(router) === undefined ? 'debug log' : 'debug log (newest part)', lab.debugLog(router)),
      textEvidence('startup-config', startup),
    ],
  };
}

/** An empty text looks like a broken attachment unless its name says it is empty. */
function namedForEmptiness(name: string, text: string): Evidence {
  return textEvidence(text === '' ? `${name} (empty)` : name, text);
}

/** The AH keys, when the lab had AH SAs (most labs have none, and an empty file is noise). */
function ahEvidence(rows: string): ReturnType<typeof textEvidence>[] {
  return rows.length === 0 ? [] : [textEvidence('ah_sa', rows)];
}

function captureGroups(lab: Lab, exchange: ExchangeReport): EvidenceGroup[] {
  return lab.topology.links.filter((link) => link.capture).map((link) => {
    const saved = lab.captureContents(link.name);
    return {
      title: `link ${link.name}`,
      evidence: [
        ...exchange.packetLists.filter((list) => list.link === link.name).map((list) => textEvidence(PACKET_LIST_ATTACHMENT, list.text)),
        { name: `${link.name}.pcap`, content: saved.pcap, contentType: PCAP_TYPE, fileExtension: '.pcap' },
        textEvidence('esp_sa', saved.espSa),
        textEvidence('ikev1_decryption_table', saved.ikeDecryptionTable),
        ...ahEvidence(saved.ahSa),
        ...(saved.cutNote === undefined ? [] : [textEvidence('capture cut', saved.cutNote)]),
      ],
    };
  });
}
