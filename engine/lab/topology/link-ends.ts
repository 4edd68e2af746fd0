/** Link ends (`ROUTER INTERFACE` or a host name): what they name, and that nothing is cabled twice. */

import { interfacesOf, lookUpInterface } from './router-models.ts';
import { messages } from './topology-messages.ts';
import type { EndSpec, RouterModel } from './topology-types.ts';

/** The routers and hosts a topology declares, for resolving link ends. */
export interface NodeDirectory {
  readonly routers: ReadonlyMap<string, RouterModel>;
  readonly hosts: ReadonlySet<string>;
  readonly peers: ReadonlySet<string>;
}

export type EndResolution = { readonly ok: true; readonly end: EndSpec } | { readonly ok: false; readonly message: string };

/** `Daphne FastEthernet0/0`, `fred fa0/1`, `fred FastEthernet 0/1` or `pc-fred`. */
export function resolveLinkEnd(text: string, nodes: NodeDirectory): EndResolution {
  const [name = '', ...rest] = text.trim().split(/\s+/);
  const interfaceText = rest.join(' ');
  const model = nodes.routers.get(name);
  if (model !== undefined) return resolveRouterEnd(name, model, interfaceText);
  if (nodes.hosts.has(name)) {
    return interfaceText === ''
      ? { ok: true, end: { kind: 'host', host: name } }
      : { ok: false, message: messages.hostTakesNoInterface(name) };
  }
  if (nodes.peers.has(name)) {
    return interfaceText === ''
      ? { ok: true, end: { kind: 'peer', peer: name } }
      : { ok: false, message: messages.hostTakesNoInterface(name) };
  }
  if (interfaceText === '') return { ok: false, message: messages.unknownEnd(name) };
  return { ok: false, message: messages.unknownRouter(name, [...nodes.routers.keys()]) };
}

function resolveRouterEnd(router: string, model: RouterModel, interfaceText: string): EndResolution {
  const interfaces = interfacesOf(model);
  if (interfaceText === '') return { ok: false, message: messages.routerNeedsInterface(router, interfaces) };
  const found = lookUpInterface(model, interfaceText);
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
