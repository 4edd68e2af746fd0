/**
 * A captured link as a packet list, one line a packet, in the spirit of tshark's summary:
 * number, virtual time, sending and receiving end, addresses, protocol, length and what it is.
 */
import type { PacketView } from './packet-view.ts';

const COLUMNS = ['No.', 'Time (s)', 'From', 'To', 'Source', 'Destination', 'Protocol', 'Length', 'Info'] as const;

function cellsOf(view: PacketView, index: number): string[] {
  const { frame } = view;
  return [
    String(index + 1),
    (frame.timeMs / 1000).toFixed(3),
    frame.from,
    frame.to ?? '(all)',
    view.source,
    view.destination,
    view.protocol,
    String(frame.bytes.length),
    `${view.info}${frame.lost === true ? ' [lost on the link]' : ''}`,
  ];
}

/** The list of one link's packets, with a title line; columns padded to the widest cell. */
export function packetList(link: string, views: readonly PacketView[]): string {
  const rows = [[...COLUMNS], ...views.map(cellsOf)];
  const widths = COLUMNS.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row
    .map((cell, column) => (column === 0 || column === 7 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
    .join('  ')
    .trimEnd());
  const title = `link ${link}: ${views.length} packet${views.length === 1 ? '' : 's'}`;
  return `${[title, ...lines].join('\n')}\n`;
}
