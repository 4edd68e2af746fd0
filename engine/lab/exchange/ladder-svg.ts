/**
 * The IKE exchange as a ladder diagram: one lifeline per router or host that sent or took an
 * ISAKMP or IPsec packet, one row per ISAKMP message in the order of the links' captures, ESP and
 * AH summarised per SA (SPI, packet count), retransmissions dashed, lost packets crossed out, and
 * the moment a step failed drawn across. Rows are in order of time, not to scale: the times are
 * written beside them.
 */
import { escapeMarkup } from '../markup.ts';
import type { PacketView } from './packet-view.ts';

export interface LadderInput {
  readonly packets: readonly PacketView[];
  /** The virtual time a step failed at, and its text. */
  readonly failure?: { readonly timeMs: number; readonly step: string };
}

type Row =
  | { kind: 'message'; timeMs: number; from: string; to: string; label: string; note: string; dashed: boolean; lost: boolean }
  | { kind: 'failure'; timeMs: number; label: string };

const ROW_HEIGHT = 36;
const LANE_WIDTH = 190;
const TIME_COLUMN = 96;
const HEADER = 56;
const MARGIN = 16;


/** One row per ISAKMP message; one per IPsec SA, at its first packet, with the count of them all. */
function rowsOf(packets: readonly PacketView[]): Row[] {
  const rows: Row[] = [];
  const ipsecRows = new Map<string, { row: Row & { kind: 'message' }; count: number; protocol: string; lastMs: number }>();
  for (const packet of packets) {
    const { frame } = packet;
    if (frame.to === undefined) continue;
    if (packet.isakmp !== undefined) {
      const again = packet.isakmp.retransmission;
      rows.push({
        kind: 'message', timeMs: frame.timeMs, from: frame.from, to: frame.to,
        label: `${packet.isakmp.label}${again ? ' (retransmission)' : ''}${frame.lost === true ? ' (lost)' : ''}`,
        note: packet.isakmp.payloads?.join(', ') ?? 'encrypted',
        dashed: again, lost: frame.lost === true,
      });
    } else if (packet.protocol === 'ESP' || packet.protocol === 'AH') {
      const spi = /SPI=0x([0-9a-f]+)/.exec(packet.info)?.[1] ?? '?';
      const key = `${packet.protocol} ${spi} ${frame.from} ${frame.to}`;
      const seen = ipsecRows.get(key);
      if (seen !== undefined) {
        seen.count++;
        seen.lastMs = frame.timeMs;
        continue;
      }
      const row: Row & { kind: 'message' } = {
        kind: 'message', timeMs: frame.timeMs, from: frame.from, to: frame.to, label: '', note: '', dashed: false, lost: false,
      };
      ipsecRows.set(key, { row, count: 1, protocol: packet.protocol, lastMs: frame.timeMs });
      rows.push(row);
    }
  }
  for (const [key, summary] of ipsecRows) {
    const spi = key.split(' ')[1]!.toUpperCase();
    summary.row.label = `${summary.protocol} SPI 0x${spi}: ${summary.count} packet${summary.count === 1 ? '' : 's'}`;
    summary.row.note = summary.count === 1 ? '' : `until ${seconds(summary.lastMs)}`;
  }
  return rows;
}

function seconds(timeMs: number): string {
  return `${(timeMs / 1000).toFixed(3)} s`;
}

/** Lifelines in the order the ends first appear. */
function lanesOf(rows: readonly Row[]): string[] {
  const lanes: string[] = [];
  for (const row of rows) {
    if (row.kind !== 'message') continue;
    for (const end of [row.from, row.to]) if (!lanes.includes(end)) lanes.push(end);
  }
  return lanes;
}

function withFailure(rows: Row[], failure: LadderInput['failure']): Row[] {
  if (failure === undefined) return rows;
  const at = rows.findIndex((row) => row.timeMs > failure.timeMs);
  const row: Row = { kind: 'failure', timeMs: failure.timeMs, label: `failed: ${failure.step}` };
  return at < 0 ? [...rows, row] : [...rows.slice(0, at), row, ...rows.slice(at)];
}

const STYLE = `
text { font: 12px ui-monospace, Menlo, Consolas, monospace; fill: #1f2328; }
.lane { font-weight: 600; text-anchor: middle; }
.time { fill: #57606a; }
.label { text-anchor: middle; font-weight: 600; }
.note { text-anchor: middle; fill: #57606a; font-size: 10px; }
.lifeline { stroke: #8c959f; stroke-dasharray: 4 4; }
.box { fill: #f6f8fa; stroke: #8c959f; }
.message { stroke: #0969da; stroke-width: 1.5; }
.message.esp { stroke: #1a7f37; stroke-width: 3; }
.message.again { stroke-dasharray: 6 4; stroke: #9a6700; }
.message.lost { stroke: #cf222e; }
.failure { stroke: #cf222e; stroke-width: 2; stroke-dasharray: 8 4; }
.failure-label { fill: #cf222e; font-weight: 600; }`;

function messageRow(row: Row & { kind: 'message' }, y: number, laneX: (name: string) => number): string[] {
  const x1 = laneX(row.from);
  const x2 = laneX(row.to);
  const classes = ['message', row.label.startsWith('ESP') || row.label.startsWith('AH') ? 'esp' : '', row.dashed ? 'again' : '', row.lost ? 'lost' : '']
    .filter(Boolean).join(' ');
  const direction = x2 >= x1 ? 1 : -1;
  const end = row.lost ? x1 + (x2 - x1) * 0.6 : x2 - direction * 2;
  const parts = [
    `<text class="time" x="${MARGIN}" y="${y + 4}">${seconds(row.timeMs)}</text>`,
    `<line class="${classes}" x1="${x1}" y1="${y}" x2="${end}" y2="${y}"${row.lost ? '' : ' marker-end="url(#arrow)"'}/>`,
    `<text class="label" x="${(x1 + x2) / 2}" y="${y - 5}">${escapeMarkup(row.label)}</text>`,
  ];
  if (row.note !== '') parts.push(`<text class="note" x="${(x1 + x2) / 2}" y="${y + 13}">${escapeMarkup(row.note)}</text>`);
  if (row.lost) parts.push(`<text class="failure-label" x="${end}" y="${y + 5}" text-anchor="middle">✕</text>`);
  return parts;
}

/** The diagram; undefined when nothing was negotiated or protected. */
export function ladderSvg(input: LadderInput): string | undefined {
  const baseRows = rowsOf(input.packets);
  if (baseRows.length === 0) return undefined;
  const rows = withFailure(baseRows, input.failure);
  const lanes = lanesOf(rows);
  const laneX = (name: string): number => TIME_COLUMN + MARGIN + LANE_WIDTH / 2 + lanes.indexOf(name) * LANE_WIDTH;
  const width = TIME_COLUMN + MARGIN * 2 + lanes.length * LANE_WIDTH;
  const height = HEADER + rows.length * ROW_HEIGHT + MARGIN * 2;
  const body: string[] = [];
  for (const lane of lanes) {
    const x = laneX(lane);
    body.push(`<rect class="box" x="${x - 70}" y="${MARGIN}" width="140" height="26" rx="4"/>`);
    body.push(`<text class="lane" x="${x}" y="${MARGIN + 17}">${escapeMarkup(lane)}</text>`);
    body.push(`<line class="lifeline" x1="${x}" y1="${MARGIN + 26}" x2="${x}" y2="${height - MARGIN}"/>`);
  }
  rows.forEach((row, index) => {
    const y = HEADER + MARGIN + index * ROW_HEIGHT + ROW_HEIGHT / 2;
    if (row.kind === 'message') body.push(...messageRow(row, y, laneX));
    else {
      body.push(`<line class="failure" x1="${MARGIN}" y1="${y}" x2="${width - MARGIN}" y2="${y}"/>`);
      body.push(`<text class="failure-label" x="${TIME_COLUMN + MARGIN}" y="${y - 5}">${escapeMarkup(`${seconds(row.timeMs)} ${row.label}`)}</text>`);
    }
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<style>${STYLE}</style>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse">'
      + '<path d="M 0 0 L 10 5 L 0 10 z" fill="#0969da"/></marker></defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
