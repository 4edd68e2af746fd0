import type { IcmpMessage } from '../wire/icmp.ts';
import { decodeQuotedIpv4, type QuotedDatagram } from '../wire/ipv4.ts';

/**
 * The datagram an ICMP error quotes (RFC 792: its header and at least 8 bytes of its payload),
 * decoded; undefined when the message quotes none or a malformed one. Unreachables and time
 * exceeded always quote; of the other types, those `quotingOthers` accepts (their quote follows
 * the 4 bytes after the checksum). Ping and traceroute use it to tell which probe an error is for.
 */
export function quotedDatagramOf(message: IcmpMessage, quotingOthers: (type: number) => boolean): QuotedDatagram | undefined {
  let quote: Uint8Array | undefined;
  if (message.kind === 'destination-unreachable' || message.kind === 'time-exceeded') quote = message.original;
  else if (message.kind === 'other' && quotingOthers(message.type)) quote = message.body.subarray(4);
  if (quote === undefined) return undefined;
  const decoded = decodeQuotedIpv4(quote);
  return decoded.ok ? decoded.value : undefined;
}
