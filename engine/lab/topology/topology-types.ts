/** The validated, normalised model of a topology file, and the errors that stop one from loading. */

import type { Ipv4Address } from '../../wire/ipv4-address.ts';
import type { WicModel } from '../../ios/config/interfaces.ts';

/** A problem in a topology, placed at the YAML node (or config file) that causes it. */
export interface TopologyError {
  /** The file as the caller named it (the topology, or a config file it loads). */
  readonly file: string;
  /** 1-based; 0 when the problem concerns the whole file (e.g. it cannot be read). */
  readonly line: number;
  /** 1-based; 0 together with line 0. */
  readonly column: number;
  /** Where in the topology, e.g. `routers.fred.config` or `links.wan[1]`; empty for the document itself. */
  readonly path: string;
  readonly message: string;
}

/** A value that passed its checks, or why it did not (a message for a TopologyError). */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export type TopologyResult =
  | { readonly ok: true; readonly topology: TopologySpec }
  | { readonly ok: false; readonly errors: readonly TopologyError[] };

export interface TopologySpec {
  /** The topology file as named by the caller. */
  readonly file: string;
  /** The folder config file paths are relative to. */
  readonly dir: string;
  readonly seed: number;
  readonly routers: readonly RouterSpec[];
  readonly hosts: readonly HostSpec[];
  /** Real IKE peers outside the lab (a lab with peers runs on the wall clock). */
  readonly peers: readonly PeerSpec[];
  readonly links: readonly LinkSpec[];
}

/**
 * A real peer: a machine outside the lab that the lab reaches through this machine's network.
 * Its link end carries UDP 500 and 4500 through a socket bound at `bind`, and ESP and AH as raw IP.
 */
export interface PeerSpec {
  readonly name: string;
  /** The real peer's address. */
  readonly address: Ipv4Address;
  /** This machine's address that the peer talks to; a router on the peer's link must own it. */
  readonly bind: Ipv4Address;
  /** Where `bind` is written: that a router owns it shows only once the routers are configured. */
  readonly bindAt?: SourceLocation;
}

export type RouterModel = 'c2600';

export interface RouterSpec {
  readonly name: string;
  readonly model: RouterModel;
  /** Console clock at lab start in canonical IOS form (`*Mar  1 02:07:30.000`); absent = DEFAULT_ROUTER_CLOCK. */
  readonly clock?: string;
  readonly cpu?: { readonly dhMs?: number };
  /** The WAN interface cards in WIC slots W0 and W1 (undefined: an empty slot); absent: none. */
  readonly wics?: readonly (WicModel | undefined)[];
  /** The characters its console transcript and log keep each (VALUE_RANGES.consoleChars); absent: the default. */
  readonly consoleLimitChars?: number;
  readonly config: ConfigSource;
}

/**
 * A startup configuration and where its lines are written, so that a line IOS rejects can be
 * reported as file:line:col (see configLineLocation).
 */
export interface ConfigSource {
  /** The configuration, lines separated by `\n` (CR LF normalised). */
  readonly text: string;
  /** The file the lines are in: the config file, or the topology file for an inline config. */
  readonly file: string;
  /** The source line of config line 1. */
  readonly firstLine: number;
  /** The source column config lines start at: 1 for a file, the block's indentation + 1 inline. */
  readonly column: number;
  /**
   * Inline configs only: lineOffsets[n - 1] is how many source lines config line n lies below
   * firstLine (n - 1 in a literal block; 0 for a quoted string whose lines share one source line).
   */
  readonly lineOffsets?: readonly number[];
}

export interface HostSpec {
  readonly name: string;
  readonly address: Ipv4Address;
  readonly prefixLength: number;
  readonly mask: Ipv4Address;
  readonly gateway?: Ipv4Address;
}

export type EndSpec =
  | { readonly kind: 'router'; readonly router: string; /** full IOS name, e.g. FastEthernet0/1 */ readonly interface: string }
  | { readonly kind: 'host'; readonly host: string; /** `pc1 vlan 10`: the host is on VLAN 10 of a trunk (its frames tagged). */ readonly vlan?: number }
  | { readonly kind: 'peer'; readonly peer: string };

export interface LinkSpec {
  readonly name: string;
  readonly ends: readonly EndSpec[];
  readonly delayMs: number;
  /** 0..1 */
  readonly lossRate: number;
  readonly up: boolean;
  readonly capture: boolean;
  /** The bytes of frames the capture keeps, the newest; older frames are cut (VALUE_RANGES.captureBytes). */
  readonly captureLimitBytes?: number;
  /** `serial`: a back-to-back cable between two Serial ports, its first end the DCE; else an Ethernet segment. */
  readonly medium?: 'ethernet' | 'serial';
}

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_ROUTER_CLOCK = '*Mar  1 00:00:00.000';
export const DEFAULT_LINK_DELAY_MS = 1;

/** `file:line:col: message (at path)`; a whole-file error drops line and column. */
export function formatTopologyError(error: TopologyError): string {
  const where = error.line > 0 ? `${error.file}:${error.line}:${error.column}` : error.file;
  const at = error.path === '' ? '' : ` (at ${error.path})`;
  return `${where}: ${error.message}${at}`;
}

/** Orders errors as they appear in the file and drops repeats (ajv may report one fault twice). */
export function sortAndDeduplicate(errors: readonly TopologyError[]): TopologyError[] {
  const seen = new Set<string>();
  const unique = errors.filter((error) => {
    const key = `${error.file}:${error.line}:${error.column}:${error.path}:${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.line - b.line || a.column - b.column);
}
