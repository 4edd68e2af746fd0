/**
 * What a scenario's captures show of its exchanges: a packet list per link and the ladder
 * diagram, from the lab's own decoded packets (never from debug text).
 */
import { IsakmpReader, keysFromRows } from './isakmp-reader.ts';
import { ladderSvg, type LadderInput } from './ladder-svg.ts';
import { packetList } from './packet-list.ts';
import { PacketDecoder, type CapturedFrame, type PacketView } from './packet-view.ts';

export interface ExchangeReport {
  /** One per link that carried anything, in the order the links are given. */
  readonly packetLists: readonly { readonly link: string; readonly text: string }[];
  /** The ladder diagram; undefined when nothing was negotiated or protected. */
  readonly ladder: string | undefined;
}

/**
 * Decodes every link's frames in the order of time (a message forwarded from link to link is read
 * where it was first sent), with the lab's IKE key table (`icookie,key` rows).
 */
export function exchangeReport(
  links: readonly { readonly link: string; readonly frames: readonly CapturedFrame[]; readonly note?: string }[],
  ikeKeyRows: readonly string[],
  failure?: LadderInput['failure'],
): ExchangeReport {
  const decoder = new PacketDecoder(new IsakmpReader(keysFromRows(ikeKeyRows)));
  const order = links.flatMap(({ frames }, linkIndex) => frames.map((frame, index) => ({ frame, linkIndex, index })));
  order.sort((a, b) => a.frame.timeMs - b.frame.timeMs || a.linkIndex - b.linkIndex || a.index - b.index);
  const perLink = links.map(() => [] as PacketView[]);
  const all: PacketView[] = [];
  for (const { frame, linkIndex } of order) {
    const view = decoder.decode(frame);
    perLink[linkIndex]!.push(view);
    all.push(view);
  }
  return {
    packetLists: links
      .map(({ link, note }, index) => ({ link, note, views: perLink[index]! }))
      .filter(({ views }) => views.length > 0)
      .map(({ link, note, views }) => ({ link, text: `${note ?? ''}${packetList(link, views)}` })),
    ladder: ladderSvg({ packets: all, ...(failure === undefined ? {} : { failure }) }),
  };
}
