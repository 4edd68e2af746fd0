/** The emulated router models and the interface names IOS accepts for them. */

import type { RouterModel } from './topology-types.ts';

interface ModelFacts {
  /** Interfaces in IOS's own order and spelling. */
  readonly interfaces: readonly string[];
}

export const ROUTER_MODELS: Readonly<Record<RouterModel, ModelFacts>> = {
  c2600: { interfaces: ['FastEthernet0/0', 'FastEthernet0/1'] },
};

export function isRouterModel(name: string): name is RouterModel {
  return Object.hasOwn(ROUTER_MODELS, name);
}

export function interfacesOf(model: RouterModel): readonly string[] {
  return ROUTER_MODELS[model].interfaces;
}

export type InterfaceLookup =
  | { readonly ok: true; readonly name: string }
  | { readonly ok: false; /** the name as far as it could be expanded, for the message */ readonly name: string };

const INTERFACE_TEXT = /^([A-Za-z-]+)\s*(\d+(?:\/\d+)*)$/;
const TYPE_AND_UNIT = /^([A-Za-z-]+)(.*)$/;

/**
 * Expands an interface name the way the IOS CLI does: any unambiguous prefix of the type,
 * any case, a blank allowed before the unit (`Fa0/1`, `f0/1`, `fastethernet 0/1`).
 */
export function lookUpInterface(model: RouterModel, text: string): InterfaceLookup {
  const match = INTERFACE_TEXT.exec(text.trim());
  if (!match) return { ok: false, name: text.trim() };
  const [, typeText, unit] = match as unknown as [string, string, string];
  const types = interfaceTypes(model).filter((type) => type.toLowerCase().startsWith(typeText.toLowerCase()));
  if (types.length !== 1) return { ok: false, name: `${typeText}${unit}` };
  const name = `${types[0]}${unit}`;
  return interfacesOf(model).includes(name) ? { ok: true, name } : { ok: false, name };
}

function interfaceTypes(model: RouterModel): string[] {
  const types = interfacesOf(model).map((name) => TYPE_AND_UNIT.exec(name)?.[1] ?? name);
  return [...new Set(types)];
}
