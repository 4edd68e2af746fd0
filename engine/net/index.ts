export * from './acl-types.ts';
export * from './route-types.ts';
export * from './ping-types.ts';
export { evaluateAcl, packetFieldsOf, type AclVerdict } from './acl.ts';
export {
  RoutingTable, CONNECTED_DISTANCE, STATIC_DISTANCE, type Forwarding, type InterfaceState, type LookupOptions,
} from './routing-table.ts';
export {
  Link, DEFAULT_LINK_DELAY_MS, type LinkOptions, type LinkTap, type FrameTap, type LinkStateListener, type LinkCounters,
} from './link.ts';
export { NetInterface, type InterfaceOwner, type InterfaceCounters } from './net-interface.ts';
export { IpNode, IOS_DEFAULT_TTL, type IpNodeOptions, type UdpSend } from './ip-node.ts';
export { Host, HOST_INTERFACE_NAME, HOST_DEFAULT_TTL, type HostConfig } from './host.ts';
export {
  PingSession, pingData, PING_DEFAULT_COUNT, PING_DEFAULT_SIZE, PING_DEFAULT_TIMEOUT_MS, PING_LIMITS, PING_DATA_PATTERN, type PingPort,
} from './ping.ts';
export { TracerouteSession, type TraceroutePort } from './traceroute.ts';
export * from './traceroute-types.ts';
export { InterfaceActivity, type InterfaceStatistics } from './interface-activity.ts';
export { LoadAverage, LOAD_SAMPLE_MS, LOAD_TIME_CONSTANT_MS, type Rate } from './load-average.ts';
export { type UdpHandler, type ProtocolHandler, type IcmpListener } from './local-delivery.ts';
export { IcmpErrorSender, ICMP_UNREACHABLE_INTERVAL_MS, mayTriggerIcmpError } from './icmp-errors.ts';
export {
  DROP_REASONS, type DropReason, type DropCounters, type TrafficCounters,
} from './node-counters.ts';
export { type OutgoingDatagram, type SendResult } from './outgoing-datagram.ts';
export {
  PASS, CONSUME, replaceWith, type HookVerdict, type InboundHook, type OutboundHook, type OutboundContext,
} from './packet-hooks.ts';
export { NatTranslator } from './nat.ts';
export * from './nat-types.ts';
export { ArpResolver, type ArpEvent, type ArpNodePort, type ArpDisposition } from './arp-resolver.ts';
export { ArpCache, type ArpEntry, type ArpTableRow, type ArpService } from './arp-cache.ts';
export { IOS_ARP_POLICY, PC_ARP_POLICY, IOS_ARP_TIMEOUT_MS, type ArpPolicy } from './arp-policy.ts';
export { CISCO_OUI, PC_OUI, LOCAL_OUI, MAC_BLOCK_SIZE, routerMacBase, pcMac, localMac, nameHash } from './mac-addresses.ts';
