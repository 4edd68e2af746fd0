import type { IosConfig } from '../ios/config/config-model.ts';
import { findAccessList } from '../ios/config/config-model.ts';
import { isPhysical, isSubinterface, type InterfaceConfig } from '../ios/config/interfaces.ts';
import type { SerialPort } from '../net/serial-port.ts';
import type { NetInterface } from '../net/net-interface.ts';
import type { IpNode } from '../net/ip-node.ts';
import { inSubnet } from '../wire/ipv4-address.ts';
import { NAT_DEFAULT_TIMEOUTS, type NatRule, type NatSettings, type NatTimeouts } from '../net/nat-types.ts';

/**
 * Brings the network stack in line with the typed configuration. Called after every accepted
 * line: it is cheap, and it means the configuration is the only source of truth.
 */
export function applyConfig(config: IosConfig, node: IpNode): void {
  const configured = new Set<string>();
  for (const settings of config.interfaces) {
    configured.add(settings.name);
    const iface = node.interface(settings.name) ?? node.addInterface(settings.name);
    iface.virtual = !isPhysical(settings.name) && !isSubinterface(settings.name);
    iface.address = settings.address?.address;
    iface.mask = settings.address?.mask;
    const wasAdminUp = iface.adminUp;
    iface.adminUp = !settings.shutdown;
    if (iface.serial !== undefined) applySerial(iface.serial, settings, wasAdminUp !== iface.adminUp);
    if (iface.parentPort !== undefined) applyVlan(iface, settings.dot1q);
    // IOS lets an access-group name a list that does not exist yet: it filters nothing until it does.
    iface.inboundAcl = settings.accessGroupIn === undefined ? undefined : findAccessList(config, settings.accessGroupIn);
    iface.outboundAcl = settings.accessGroupOut === undefined ? undefined : findAccessList(config, settings.accessGroupOut);
    iface.aliases = natAliases(config, settings);
    // The CLI keeps `no ip proxy-arp` as a line of the interface: only the non-default form shows.
    iface.proxyArp = !settings.kept.includes('no ip proxy-arp');
  }
  for (const iface of node.interfaces) {
    if (configured.has(iface.name)) continue;
    // `no interface Loopback0`: the interface is gone, so it no longer owns an address.
    iface.address = undefined;
    iface.mask = undefined;
    iface.adminUp = false;
  }
  node.setStaticRoutes(config.staticRoutes);
  node.classless = config.ip.classless;
  node.nat.configure(natSettings(config));
}

/** A Serial port's settings; the far end hears of them, and of a shutdown, since its line protocol depends on them. */
function applySerial(serial: SerialPort, settings: InterfaceConfig, adminChanged: boolean): void {
  serial.configure({
    encapsulation: settings.encapsulation ?? 'hdlc',
    keepalive: !settings.kept.includes('no keepalive'),
    ...(settings.clockRate === undefined ? {} : { clockRateBps: settings.clockRate }),
  });
  if (adminChanged) serial.announce();
}

/** A subinterface with `encapsulation dot1Q N` is an end of its port's link on VLAN N; without one it is on no link. */
function applyVlan(sub: NetInterface, vlan: number | undefined): void {
  if (sub.vlan === vlan && (vlan === undefined || sub.link === sub.parentPort?.link)) return;
  sub.link?.detach(sub);
  sub.vlan = vlan;
  if (vlan !== undefined) sub.parentPort?.link?.attach(sub);
}

/** Static NAT globals inside an outside interface's subnet: IOS answers ARP for them on that interface. */
function natAliases(config: IosConfig, settings: IosConfig['interfaces'][number]): number[] {
  const subnet = settings.address;
  if (settings.nat !== 'outside' || subnet === undefined) return [];
  return config.nat.insideSourceStatics
    .map((entry) => entry.global)
    .filter((global) => inSubnet(global, subnet.address, subnet.mask) && global !== subnet.address);
}

/** The NAT part of the configuration as the IP stack takes it; static rules first, as IOS tries them. */
export function natSettings(config: IosConfig): NatSettings {
  const role = (wanted: 'inside' | 'outside') => config.interfaces.filter((i) => i.nat === wanted).map((i) => i.name);
  const rules: NatRule[] = [
    ...config.nat.insideSourceStatics.map((entry): NatRule => ({ kind: 'static', local: entry.local, global: entry.global })),
    ...config.nat.insideSourceLists.map((list): NatRule => {
      // Like an access-group, a mapping may name a list that does not exist yet: it translates nothing until it does.
      const acl = findAccessList(config, list.accessList);
      return { kind: 'list', ...list, ...(acl === undefined ? {} : { acl }) };
    }),
  ];
  const timeouts: NatTimeouts = { ...NAT_DEFAULT_TIMEOUTS };
  for (const [name, value] of Object.entries(config.nat.timeouts) as Array<[keyof NatTimeouts, number | 'never']>) {
    timeouts[name] = value === 'never' ? Infinity : value;
  }
  return { inside: role('inside'), outside: role('outside'), rules, timeouts };
}
