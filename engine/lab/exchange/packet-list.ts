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

/**
 * How many packets a list shows: the first `head` and the last `tail`. A busy link's capture holds
 * up to 147,000 echoes (32 MB), a list of 30 MB that no report reader scrolls; the pcap beside
 * it keeps every frame for Wireshark.
 */
export const PACKET_LIST_LIMIT = { head: 500, tail: 1500 } as const;

/**
 * The list of one link's packets, with a title line; columns padded to the widest cell. Past
 * `limit`, the middle packets are left out and a line says which and where they are.
 */
export function packetList(link: string, views: readonly PacketView[], limit: { head: number; tail: number } = PACKET_LIST_LIMIT): string {
  const shown = views.length > limit.head + limit.tail
    ? [...views.slice(0, limit.head).map(cellsOf), ...views.slice(views.length - limit.tail).map((view, index) => cellsOf(view, views.length - limit.tail + index))]
    : views.map(cellsOf);
  const rows = [[...COLUMNS], ...shown];
  const widths = COLUMNS.map((_, column) => rows.reduce((widest, row) => Math.max(widest, row[column]!.length), 0));
  const lines = rows.map((row) => row
    .map((cell, column) => (column === 0 || column === 7 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
    .join('  ')
    .trimEnd());
  const left = views.length - (shown.length);
  if (left > 0) {
    lines.splice(1 + limit.head, 0, `... ${left} packets (No. ${limit.head + 1} to ${limit.head + left}) not listed: the link's pcap has every one ...`);
  }
  const count = `${views.length} packet${views.length === 1 ? '' : 's'}`;
  const title = `link ${link}: ${left > 0 ? `${count}, the first ${limit.head} and the last ${limit.tail} listed` : count}`;
  return `${[title, ...lines].join('\n')}\n`;
}
