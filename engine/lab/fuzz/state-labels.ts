import { readUint32 } from '../../wire/bytes.ts';
import type { SeenPacket } from '../testing/link-traffic.ts';
import { bodyOf, dissect, ISAKMP_HEADER } from './packet-layout.ts';

/**
 * Names the state an injection point hits from what the WAN carried, not from router
 * internals: "after MM3 (main)" is the moment the third message of a main mode went out.
 * An exchange is known by its initiator cookie, exchange type and message ID (all in the
 * clear) and, once the responder has answered, its responder cookie: a responder answering
 * with a cookie of its own starts another exchange. A message's position counts how many
 * times the turn passed between the two routers before it: a retransmission keeps its
 * position, and so does a second answer to the same turn. An exchange whose first message
 * seen already carries a responder cookie answers a message the fuzzer sent, so a main,
 * aggressive or TED exchange seen that way starts at position 2. */

const EXCHANGES: Record<number, { prefix: string; name: string }> = {
  2: { prefix: 'MM', name: 'main' },
  4: { prefix: 'AM', name: 'aggressive' },
  5: { prefix: 'INFO', name: 'informational' },
  32: { prefix: 'QM', name: 'quick' },
  240: { prefix: 'TED', name: 'TED' },
};

/** The part of an episode the lab is in; the first exchange ("setup") goes unmarked. */
export type Phase = 'setup' | 'idle' | 'after clear' | 'rekey';

/** The exchanges whose first message goes out before the responder has chosen its cookie. */
const OPENED_WITHOUT_RESPONDER_COOKIE: ReadonlySet<number> = new Set([2, 4, 240]);

interface ExchangeSeen {
  /** Whether a responder cookie is bound to it yet. */
  bound: boolean;
  /** The position of the message seen last, and who sent it. */
  position: number;
  sender: string;
  /** Every message seen, by content, with its position. */
  positions: Map<string, number>;
}

export class StateLabeler {
  private readonly exchanges = new Map<string, ExchangeSeen>();

  /** Notes a packet the lab sent and returns the label of the moment just after it. */
  label(packet: SeenPacket, phase: Phase): string {
    const suffix = phase === 'setup' ? '' : phase;
    if (packet.kind === 'esp' || packet.kind === 'ah') {
      return `after ${packet.kind.toUpperCase()}${suffix === '' ? '' : ` (${suffix})`}`;
    }
    const body = bodyOf(dissect(packet.bytes));
    if (packet.kind !== 'isakmp' || body.length < ISAKMP_HEADER) return `after ${packet.kind}${suffix === '' ? '' : ` (${suffix})`}`;
    const type = body[18]!;
    const { prefix, name } = EXCHANGES[type] ?? { prefix: 'X', name: `type ${type}` };
    const position = this.position(body, type, packet.from);
    return `after ${prefix}${position} (${name}${suffix === '' ? '' : `, ${suffix}`})`;
  }

  private position(body: Uint8Array, type: number, sender: string): number {
    const content = hex(body);
    const exchange = this.exchangeOf(body, type);
    const known = exchange.positions.get(content);
    if (known !== undefined) return known;
    if (exchange.positions.size > 0 && sender !== exchange.sender) exchange.position++;
    exchange.sender = sender;
    exchange.positions.set(content, exchange.position);
    return exchange.position;
  }

  /** Finds the exchange a message belongs to, binding a responder cookie to an opened one. */
  private exchangeOf(body: Uint8Array, type: number): ExchangeSeen {
    const base = `${hex(body.subarray(0, 8))}/${type}/${readUint32(body, 20)}`;
    const responderCookie = body.subarray(8, 16).some((byte) => byte !== 0) ? hex(body.subarray(8, 16)) : '0';
    const key = `${base}/${responderCookie}`;
    const found = this.exchanges.get(key);
    if (found !== undefined) return found;
    const opened = this.exchanges.get(`${base}/0`);
    if (responderCookie !== '0' && opened !== undefined && !opened.bound) {
      opened.bound = true;
      this.exchanges.set(key, opened);
      return opened;
    }
    const answersInjected = responderCookie !== '0' && OPENED_WITHOUT_RESPONDER_COOKIE.has(type);
    const created: ExchangeSeen = { bound: responderCookie !== '0', position: answersInjected ? 2 : 1, sender: '', positions: new Map() };
    this.exchanges.set(key, created);
    return created;
  }
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
