/** Link ends (`ROUTER INTERFACE` or a host name): what they name, and that nothing is cabled twice. */

import { interfacesOf, lookUpInterface } from './router-models.ts';
import { messages } from './topology-messages.ts';
import type { WicModel } from '../../ios/config/interfaces.ts';
import { VLAN_ID_MAX, VLAN_ID_MIN } from '../../wire/dot1q.ts';
import type { EndSpec, RouterModel } from './topology-types.ts';

/** The routers and hosts a topology declares, for resolving link ends. */
export interface NodeDirectory {
  readonly routers: ReadonlyMap<string, RouterModel>;
  /** The WICs each router has, where it has any. */
  readonly wics?: ReadonlyMap<string, readonly (WicModel | undefined)[]>;
  readonly hosts: ReadonlySet<string>;
  readonly peers: ReadonlySet<string>;
}

export type EndResolution = { readonly ok: true; readonly end: EndSpec } | { readonly ok: false; readonly message: string };

/** `Daphne FastEthernet0/0`, `fred fa0/1`, `fred FastEthernet 0/1` or `pc-fred`. */
export function resolveLinkEnd(text: string, nodes: NodeDirectory): EndResolution {
  const [name = '', ...rest] = text.trim().split(/\s+/);
  const interfaceText = rest.join(' ');
  const model = nodes.routers.get(name);
  if (model !== undefined) return resolveRouterEnd(name, model, interfaceText, nodes.wics?.get(name) ?? []);
  if (nodes.hosts.has(name)) return resolveHostEnd(name, interfaceText);
  if (nodes.peers.has(name)) {
    return interfaceText === ''
      ? { ok: true, end: { kind: 'peer', peer: name } }
      : { ok: false, message: messages.hostTakesNoInterface(name) };
  }
  if (interfaceText === '') return { ok: false, message: messages.unknownEnd(name) };
  return { ok: false, message: messages.unknownRouter(name, [...nodes.routers.keys()]) };
}

/** `pc1`, or `pc1 vlan 10`: a host behind an access port of VLAN 10 (IEEE 802.1Q IDs 1-4094). */
function resolveHostEnd(host: string, rest: string): EndResolution {
  if (rest === '') return { ok: true, end: { kind: 'host', host } };
  const vlan = /^vlan\s+(\d{1,4})$/i.exec(rest);
  if (vlan === null) return { ok: false, message: messages.hostTakesNoInterface(host) };
  const id = Number(vlan[1]);
  if (id < VLAN_ID_MIN || id > VLAN_ID_MAX) return { ok: false, message: messages.badVlan(host, vlan[1]!) };
  return { ok: true, end: { kind: 'host', host, vlan: id } };
}

function resolveRouterEnd(router: string, model: RouterModel, interfaceText: string, wics: readonly (WicModel | undefined)[]): EndResolution {
  const interfaces = interfacesOf(model, wics);
  if (interfaceText === '') return { ok: false, message: messages.routerNeedsInterface(router, interfaces) };
  const found = lookUpInterface(model, interfaceText, wics);
  if (!found.ok) return { ok: false, message: messages.unknownInterface(found.name, router, model, interfaces) };
  return { ok: true, end: { kind: 'router', router, interface: found.name } };
}

/** Remembers which link each interface and host is on; a second link for one of them is an error. */
export class CablingRegister {
  private readonly linkOf = new Map<string, string>();

  /** Records `end` on `link`; the problem when it is already on a link (the same one included). */
  claim(end: EndSpec, link: string): string | undefined {
    const key = end.kind === 'router' ? `router ${end.router} ${end.interface}` : end.kind === 'host' ? `host ${end.host}` : `peer ${end.peer}`;
    const existing = this.linkOf.get(key);
    if (existing === undefined) {
      this.linkOf.set(key, link);
      return undefined;
    }
    if (end.kind === 'router') return messages.interfaceOnTwoLinks(end.interface, end.router, existing);
    return messages.hostOnTwoLinks(end.kind === 'host' ? end.host : end.peer, existing);
  }
}
