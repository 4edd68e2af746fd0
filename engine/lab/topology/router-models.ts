/** The emulated router models and the interface names IOS accepts for them. */

import { wicInterfaces, type WicModel } from '../../ios/config/interfaces.ts';
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

/** The model's interfaces, with the Serial ports of the WICs in its slots (W0 first). */
export function interfacesOf(model: RouterModel, wics: readonly (WicModel | undefined)[] = []): readonly string[] {
  return [...ROUTER_MODELS[model].interfaces, ...wicInterfaces(wics)];
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
export function lookUpInterface(model: RouterModel, text: string, wics: readonly (WicModel | undefined)[] = []): InterfaceLookup {
  const match = INTERFACE_TEXT.exec(text.trim());
  if (!match) return { ok: false, name: text.trim() };
  const [, typeText, unit] = match as unknown as [string, string, string];
  // Every type the model can have (a Serial without its WIC is named, to say what is missing).
  const types = interfaceTypes(model, ['WIC-1T']).filter((type) => type.toLowerCase().startsWith(typeText.toLowerCase()));
  if (types.length !== 1) return { ok: false, name: `${typeText}${unit}` };
  const name = `${types[0]}${unit}`;
  return interfacesOf(model, wics).includes(name) ? { ok: true, name } : { ok: false, name };
}

function interfaceTypes(model: RouterModel, wics: readonly (WicModel | undefined)[]): string[] {
  const types = interfacesOf(model, wics).map((name) => TYPE_AND_UNIT.exec(name)?.[1] ?? name);
  return [...new Set(types)];
}
