import type { IosConfig } from '../ios/config/config-model.ts';
import { findAccessList } from '../ios/config/config-model.ts';
import { isPhysical } from '../ios/config/interfaces.ts';
import type { IpNode } from '../net/ip-node.ts';

/**
 * Brings the network stack in line with the typed configuration. Called after every accepted
 * line: it is cheap, and it means the configuration is the only source of truth.
 */
export function applyConfig(config: IosConfig, node: IpNode): void {
  const configured = new Set<string>();
  for (const settings of config.interfaces) {
    configured.add(settings.name);
    const iface = node.interface(settings.name) ?? node.addInterface(settings.name);
    iface.virtual = !isPhysical(settings.name);
    iface.address = settings.address?.address;
    iface.mask = settings.address?.mask;
    iface.adminUp = !settings.shutdown;
    // IOS lets an access-group name a list that does not exist yet: it filters nothing until it does.
    iface.inboundAcl = settings.accessGroupIn === undefined ? undefined : findAccessList(config, settings.accessGroupIn);
    iface.outboundAcl = settings.accessGroupOut === undefined ? undefined : findAccessList(config, settings.accessGroupOut);
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
}
