import type { ArpEvent } from '../../net/arp-resolver.ts';
import { ArpOperation } from '../../wire/arp.ts';
import { formatIpv4 } from '../../wire/ipv4-address.ts';
import { formatMacIos } from '../../wire/mac-address.ts';

/**
 * `debug arp`: one line per ARP packet the router sent or received, as IOS prints it. The
 * wording is the 12.x command reference's sample (`IP ARP: sent req src A MAC, dst B MAC`);
 * the interface at the end follows 12.x captures (unconfirmed for 12.2: TEXT-SOURCES.md).
 * What IOS sends names the target's MAC too (zeros in a request); what it receives does not.
 */

export const ArpDebugText = {
  sent: (op: string, src: string, srcMac: string, dst: string, dstMac: string, iface: string) =>
    `IP ARP: sent ${op} src ${src} ${srcMac}, dst ${dst} ${dstMac} ${iface}`,
  rcvd: (op: string, src: string, srcMac: string, dst: string, iface: string) => `IP ARP: rcvd ${op} src ${src} ${srcMac}, dst ${dst} ${iface}`,
} as const;

function operationWord(operation: number): string {
  return operation === ArpOperation.request ? 'req' : 'rep';
}

export function arpDebugMessage(event: ArpEvent): string {
  const { packet } = event;
  const op = operationWord(packet.operation);
  const src = formatIpv4(packet.senderAddress);
  const dst = formatIpv4(packet.targetAddress);
  if (event.direction === 'rcvd') return ArpDebugText.rcvd(op, src, formatMacIos(packet.senderMac), dst, event.interfaceName);
  return ArpDebugText.sent(op, src, formatMacIos(packet.senderMac), dst, formatMacIos(packet.targetMac), event.interfaceName);
}
