/**
 * The semantic pass: turns a topology that fits the schema into a TopologySpec, checking what a
 * schema cannot (names, addresses, cabling, config files). Every problem is collected, not just the first.
 */

import { formatIpv4 } from '../../wire/ipv4-address.ts';
import { WIC_PORTS, WIC_SLOTS, type WicModel } from '../../ios/config/interfaces.ts';
import { parseGateway, parseHostAddress, parseStationAddress } from './host-addresses.ts';
import { CablingRegister, resolveLinkEnd, type NodeDirectory } from './link-ends.ts';
import { resolveRouterConfig } from './router-config.ts';
import { isRouterModel } from './router-models.ts';
import { messages } from './topology-messages.ts';
import {
  DEFAULT_LINK_DELAY_MS,
  DEFAULT_SEED,
  type EndSpec,
  type HostSpec,
  type LinkSpec,
  type PeerSpec,
  type RouterModel,
  type RouterSpec,
  type TopologyError,
  type TopologySpec,
} from './topology-types.ts';
import { VALUE_RANGES } from './value-ranges.ts';
import { parseCaptureLimit, parseClock, parseDurationMs, parseLossRate, parseSize } from './value-formats.ts';
import type { YamlLocator } from './yaml-locator.ts';

/** The data as the schema guarantees it. */
export interface TopologyData {
  readonly seed?: number;
  readonly routers: Readonly<Record<string, RouterData>>;
  readonly hosts?: Readonly<Record<string, HostData>>;
  readonly peers?: Readonly<Record<string, PeerData>>;
  readonly links?: Readonly<Record<string, LinkData>>;
}
interface PeerData {
  readonly address: string;
  readonly bind: string;
}
interface RouterData {
  readonly model: string;
  readonly config: string;
  readonly clock?: string;
  readonly cpu?: { readonly 'dh-ms'?: number };
  /** Slot W0, then W1: `WIC-1T`, `WIC-2T` or `empty`. */
  readonly wics?: readonly string[];
  readonly console?: string;
}
interface HostData {
  readonly address: string;
  readonly gateway?: string;
}
type LinkData = readonly string[] | LinkOptionsData;
interface LinkOptionsData {
  readonly ends: readonly string[];
  readonly delay?: string;
  readonly loss?: string | number;
  readonly up?: boolean;
  readonly capture?: boolean | string;
}

export type BuildResult =
  | { readonly ok: true; readonly topology: TopologySpec }
  | { readonly ok: false; readonly errors: TopologyError[] };

export function buildTopology(data: TopologyData, locator: YamlLocator, baseDir: string): BuildResult {
  const errors: TopologyError[] = [];
  checkUniqueNames(data, locator, errors);
  const routers = Object.entries(data.routers).flatMap(([name, router]) => buildRouter(name, router, locator, baseDir, errors));
  const hosts = buildHosts(data.hosts ?? {}, locator, errors);
  const peers = buildPeers(data.peers ?? {}, locator, errors);
  const nodes: NodeDirectory = {
    // Every declared router, even one whose config failed, so that its links do not cascade errors.
    routers: new Map(Object.entries(data.routers).map(([name, router]) => [name, modelOf(router)])),
    wics: new Map(Object.entries(data.routers).map(([name, router]) => [name, wicsOf(router)])),
    hosts: new Set(Object.keys(data.hosts ?? {})),
    peers: new Set(Object.keys(data.peers ?? {})),
  };
  const links = buildLinks(data.links ?? {}, nodes, locator, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, topology: { file: locator.file, dir: baseDir, seed: data.seed ?? DEFAULT_SEED, routers, hosts, peers, links } };
}

/** Names must differ across routers and hosts, without regard to case, so that steps can name either. */
function checkUniqueNames(data: TopologyData, locator: YamlLocator, errors: TopologyError[]): void {
  const seen = new Map<string, { kind: string; name: string }>();
  const sections = [
    ['routers', 'router', Object.keys(data.routers)],
    ['hosts', 'host', Object.keys(data.hosts ?? {})],
    ['peers', 'peer', Object.keys(data.peers ?? {})],
  ] as const;
  for (const [section, kind, names] of sections) {
    for (const name of names) {
      const first = seen.get(name.toLowerCase());
      if (first === undefined) seen.set(name.toLowerCase(), { kind, name });
      else errors.push(locator.error([section, name], messages.duplicateName(name, kind, first.kind, first.name), 'key'));
    }
  }
}

function buildRouter(
  name: string,
  data: RouterData,
  locator: YamlLocator,
  baseDir: string,
  errors: TopologyError[],
): RouterSpec[] {
  const model = modelOf(data);
  const resolved = resolveRouterConfig(data.config, ['routers', name, 'config'], locator, baseDir);
  if (!resolved.ok) {
    errors.push(resolved.error);
    return [];
  }
  const checkedClock = data.clock === undefined ? undefined : parseClock(data.clock);
  if (checkedClock?.ok === false) errors.push(locator.error(['routers', name, 'clock'], checkedClock.message));
  const clock = checkedClock?.ok ? checkedClock.value : undefined;
  const dhMs = data.cpu?.['dh-ms'];
  const cpu = data.cpu === undefined ? undefined : dhMs === undefined ? {} : { dhMs };
  if ((data.wics?.length ?? 0) > WIC_SLOTS) errors.push(locator.error(['routers', name, 'wics'], messages.tooManyWics(data.wics!.length, WIC_SLOTS)));
  const wics = wicsOf(data);
  const consoleLimit = data.console === undefined ? undefined : parseSize(data.console, VALUE_RANGES.consoleChars);
  if (data.console !== undefined && consoleLimit === undefined) errors.push(locator.error(['routers', name, 'console'], messages.badConsole(String(data.console))));
  const router: RouterSpec = {
    name, model, config: resolved.config, ...(wics.length === 0 ? {} : { wics }),
    ...(consoleLimit === undefined ? {} : { consoleLimitChars: consoleLimit }),
  };
  return [{ ...router, ...(clock === undefined ? {} : { clock }), ...(cpu === undefined ? {} : { cpu }) }];
}

/** The schema admits only known cards and `empty`; an empty slot is undefined. */
function wicsOf(router: RouterData): (WicModel | undefined)[] {
  return (router.wics ?? []).slice(0, WIC_SLOTS).map((text) => (Object.hasOwn(WIC_PORTS, text) ? (text as WicModel) : undefined));
}

/** The schema admits only known models; the fallback keeps the type honest without a cast. */
function modelOf(router: RouterData): RouterModel {
  return isRouterModel(router.model) ? router.model : 'c2600';
}

function buildHosts(data: Readonly<Record<string, HostData>>, locator: YamlLocator, errors: TopologyError[]): HostSpec[] {
  const hosts: HostSpec[] = [];
  const ownerOfAddress = new Map<number, string>();
  for (const [name, host] of Object.entries(data)) {
    const parsed = parseHostAddress(host.address);
    if (!parsed.ok) {
      errors.push(locator.error(['hosts', name, 'address'], parsed.message));
      continue;
    }
    const owner = ownerOfAddress.get(parsed.value.address);
    if (owner !== undefined) {
      const message = messages.duplicateHostAddress(formatIpv4(parsed.value.address), owner);
      errors.push(locator.error(['hosts', name, 'address'], message));
    }
    ownerOfAddress.set(parsed.value.address, owner ?? name);
    const gateway = host.gateway === undefined ? undefined : parseGateway(host.gateway, parsed.value);
    if (gateway !== undefined && !gateway.ok) errors.push(locator.error(['hosts', name, 'gateway'], gateway.message));
    hosts.push({ name, ...parsed.value, ...(gateway?.ok ? { gateway: gateway.value } : {}) });
  }
  return hosts;
}

function buildPeers(data: Readonly<Record<string, PeerData>>, locator: YamlLocator, errors: TopologyError[]): PeerSpec[] {
  return Object.entries(data).flatMap(([name, peer]): PeerSpec[] => {
    const address = parseStationAddress(peer.address, 'peer');
    const bind = parseStationAddress(peer.bind, 'peer');
    if (!address.ok) errors.push(locator.error(['peers', name, 'address'], address.message));
    if (!bind.ok) errors.push(locator.error(['peers', name, 'bind'], bind.message));
    if (!address.ok || !bind.ok) return [];
    if (address.value === bind.value) errors.push(locator.error(['peers', name, 'bind'], messages.peerBindsItself(peer.bind)));
    return [{ name, address: address.value, bind: bind.value, bindAt: locator.locate(['peers', name, 'bind']) }];
  });
}

function buildLinks(
  data: Readonly<Record<string, LinkData>>,
  nodes: NodeDirectory,
  locator: YamlLocator,
  errors: TopologyError[],
): LinkSpec[] {
  const cabling = new CablingRegister();
  return Object.entries(data).map(([name, link]) => {
    const options: LinkOptionsData = isEndList(link) ? { ends: link } : link;
    const endsPath = isEndList(link) ? ['links', name] : ['links', name, 'ends'];
    const ends = options.ends.flatMap((text, index): EndSpec[] => {
      const resolved = resolveLinkEnd(text, nodes);
      const problem = resolved.ok ? cabling.claim(resolved.end, name) : resolved.message;
      if (problem !== undefined) errors.push(locator.error([...endsPath, index], problem));
      return resolved.ok ? [resolved.end] : [];
    });
    const medium = mediumOf(ends);
    // Checked once every end resolved, so that an index here is the end's index in the file.
    if (ends.length === options.ends.length && (medium === 'mixed' || (medium === 'serial' && ends.length !== 2))) {
      const index = ends.findIndex(isSerialEnd);
      errors.push(locator.error([...endsPath, index], messages.serialNeedsSerial(options.ends[index]!)));
    }
    const delay = options.delay === undefined ? undefined : parseDurationMs(options.delay);
    if (delay?.ok === false) errors.push(locator.error(['links', name, 'delay'], delay.message));
    const capture = parseCaptureLimit(options.capture ?? true);
    if (capture === undefined) errors.push(locator.error(['links', name, 'capture'], messages.badCapture(String(options.capture))));
    return {
      name,
      ends,
      delayMs: delay?.ok ? delay.value : DEFAULT_LINK_DELAY_MS,
      lossRate: options.loss === undefined ? 0 : (parseLossRate(options.loss) ?? 0),
      up: options.up ?? true,
      capture: capture?.capture ?? true,
      ...(capture === undefined || capture.limitBytes === VALUE_RANGES.captureBytes.default ? {} : { captureLimitBytes: capture.limitBytes }),
      ...(medium === 'serial' ? { medium } : {}),
    };
  });
}

function isSerialEnd(end: EndSpec): boolean {
  return end.kind === 'router' && end.interface.startsWith('Serial');
}

/** Serial ports make a serial cable; anything else an Ethernet segment; both at once is a mistake. */
function mediumOf(ends: readonly EndSpec[]): 'ethernet' | 'serial' | 'mixed' {
  const serial = ends.filter(isSerialEnd).length;
  return serial === 0 ? 'ethernet' : serial === ends.length ? 'serial' : 'mixed';
}

function isEndList(link: LinkData): link is readonly string[] {
  return Array.isArray(link);
}
