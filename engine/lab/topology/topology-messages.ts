/** Every message a topology can fail with, in one place, worded for the engineer who wrote the file. */

import { excerpt } from './control-characters.ts';

/** A value from the file, quoted; a long one cut short, control characters escaped. */
const quoted = (text: string): string => excerpt(text);
const list = (items: readonly string[]): string => items.join(', ');

export const messages = {
  // Reading and YAML syntax
  unreadableTopology: (reason: string) => `cannot read the topology file: ${reason}`,
  topologyTooLarge: (bytes: number, maximum: number) =>
    `the topology file is ${bytes} bytes, more than the ${maximum} a topology may have: is it the right file?`,
  yamlSyntax: (detail: string) => `YAML syntax error: ${detail}`,
  /** Replacements for yaml library messages that speak of the library rather than the file. */
  yamlSyntaxByCode: {
    MULTIPLE_DOCS: 'YAML syntax error: a topology file holds one YAML document; remove the second "---"',
  } as Readonly<Record<string, string>>,
  yamlNotExpandable: (detail: string) => `the YAML cannot be expanded: ${detail}`,
  internal: (detail: string) => `internal error while loading the topology: ${detail}`,

  // Shape (JSON Schema)
  unknownKey: (key: string, allowed: readonly string[]) =>
    allowed.length === 0 ? `unknown key ${quoted(key)}` : `unknown key ${quoted(key)}; expected one of: ${list(allowed)}`,
  missingKey: (key: string) => `missing required key ${quoted(key)}`,
  wrongType: (expected: string, actual: string) => `expected ${expected}, got ${actual}`,
  notOneOf: (noun: string, value: string, allowed: readonly string[]) =>
    `unknown ${noun} ${quoted(value)}; expected one of: ${list(allowed)}`,
  tooFewItems: (minimum: number, count: number) => `needs at least ${minimum} entries, has ${count}`,
  belowMinimum: (value: number, minimum: number) => `${value} is too small: the minimum is ${minimum}`,
  aboveMaximum: (value: number, maximum: number) => `${value} is too large: the maximum is ${maximum}`,
  /** A number outside the range its schema gives. */
  outOfRange: (noun: string, value: number, minimum: number, maximum: number) =>
    `${noun} ${value} is out of range: use ${minimum} to ${maximum}`,
  noPatternMatch: (value: string) => `${quoted(value)} is not valid here`,
  schemaViolation: (detail: string) => `does not fit the topology schema: ${detail}`,

  // Texts and values
  controlCharacter: (shown: string, character: string, position: number) =>
    `${shown} holds the control character ${character} at character ${position}: a topology holds printable text only`,
  badSeed: (seed: number) =>
    `seed ${seed} is out of range: use a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (2^53-1), e.g. 1`,
  badDuration: (text: string) => `delay ${quoted(text)} is not a duration: write it like 1ms, 0.5ms or 2s`,
  delayTooLong: (text: string, maximumMs: number) =>
    `delay ${quoted(text)} is longer than ${maximumMs / 1000}s (one hour), the longest a link may take; a link that delivers nothing is "up: false"`,
  delayTooFine: (text: string) =>
    `delay ${quoted(text)} is finer than a microsecond, which a capture cannot record: use at most 3 decimals in ms or 6 in s, e.g. 0.125ms`,
  badCapture: (text: string) =>
    `capture ${quoted(text)} is not true, false or a size from 64KB to 1GB in whole KB, MB or GB (e.g. 8MB): how much of the newest frames the capture keeps`,
  badConsole: (text: string) =>
    `console ${quoted(text)} is not a size from 64KB to 1GB in whole KB, MB or GB (e.g. 8MB): how much of the newest text the router's console transcript and log keep`,
  badClock: (text: string) =>
    `clock ${quoted(text)} is not an IOS clock: write it like "*Mar  1 02:07:30.000" or "02:07:30.000"`,
  notADate: (text: string, date: string, days: number, year: number) =>
    `clock ${quoted(text)}: ${date} is not a date, that month has ${days} days in ${year} (the year of a c2600's unset clock)`,
  clockBeforeBoot: (text: string, boot: string) =>
    `clock ${quoted(text)} is before the router booted at ${boot}, where its unset clock starts: use a time from then to Dec 31 23:59:59.999, e.g. "*Mar  1 02:07:30.000"`,

  // Names
  duplicateName: (name: string, kind: string, firstKind: string, firstName: string) =>
    `${kind} name ${quoted(name)} is already used by ${firstKind} ${quoted(firstName)}` +
    (name === firstName ? '' : ' (names are compared without case)'),

  // Link ends
  unknownEnd: (name: string) => `${quoted(name)} is neither a router, a host nor a peer of this topology`,
  unknownRouter: (name: string, routers: readonly string[]) =>
    routers.length === 0
      ? `unknown router ${quoted(name)}; this topology has no routers`
      : `unknown router ${quoted(name)}; the routers are: ${list(routers)}`,
  routerNeedsInterface: (router: string, interfaces: readonly string[]) =>
    `router ${quoted(router)} needs an interface, e.g. "${router} ${interfaces[0] ?? ''}"`,
  badPeerAddress: (text: string) => `${quoted(text)} is not an IPv4 address, e.g. 10.99.0.2`,
  peerBindsItself: (text: string) => `bind ${quoted(text)} is the peer's own address: bind is this machine's address that the peer talks to`,
  hostTakesNoInterface: (host: string) =>
    `host ${quoted(host)} has a single interface: name the host alone, or put it on a VLAN of the link with "${host} vlan 10"`,
  badVlan: (host: string, vlan: string) => `host ${quoted(host)}: VLAN ${vlan} is not a VLAN ID from 1 to 4094`,
  unknownInterface: (name: string, router: string, model: string, interfaces: readonly string[]) =>
    `unknown interface ${quoted(name)} on router ${quoted(router)}; a ${model} has ${list(interfaces)}` +
    (/^Serial/.test(name) && !interfaces.some((iface) => iface.startsWith('Serial'))
      ? ` (its Serial ports come with WAN interface cards: e.g. "wics: [WIC-2T]" gives Serial0/0 and Serial0/1)`
      : ''),
  serialNeedsSerial: (end: string) =>
    `${quoted(end)} is a Serial port: a serial link is a back-to-back cable between exactly two Serial ports, e.g. [R1 Serial0/0, R2 Serial0/0]`,
  tooManyWics: (count: number, slots: number) => `a c2600 has ${slots} WIC slots (W0, W1), not ${count}`,
  interfaceOnTwoLinks: (iface: string, router: string, link: string) =>
    `interface ${iface} of router ${quoted(router)} is already on link ${quoted(link)}`,
  hostOnTwoLinks: (host: string, link: string) => `host ${quoted(host)} is already on link ${quoted(link)}`,

  // Addresses
  notAddressWithPrefix: (text: string) => `address ${quoted(text)} is not ADDRESS/LENGTH, e.g. 13.13.13.14/24`,
  badAddress: (text: string) => `${quoted(text)} is not an IPv4 address (four numbers 0-255)`,
  leadingZero: (text: string, plain: string) =>
    `${quoted(text)} has an octet with a leading zero, which many tools read as octal: write ${plain}`,
  notUnicast: (address: string, kind: string, allowed: string) => `${address} is ${kind}, not a station's address: use ${allowed}`,
  badPrefixLength: (length: string) => `prefix length /${length} is out of range: use /0 to /32`,
  isNetworkAddress: (address: string, subnet: string) =>
    `${address} is the network address of ${subnet}, not an address inside it`,
  isBroadcastAddress: (address: string, subnet: string) =>
    `${address} is the broadcast address of ${subnet}, not an address inside it`,
  gatewayOutsideSubnet: (gateway: string, subnet: string) =>
    `gateway ${gateway} is not in the host's subnet ${subnet}`,
  gatewayIsOwnAddress: (gateway: string) => `gateway ${gateway} is the host's own address`,
  duplicateHostAddress: (address: string, other: string) => `address ${address} is already used by host ${quoted(other)}`,

  // Router configs
  unreadableConfig: (given: string, resolved: string, reason: string) =>
    `cannot read config file ${quoted(given)} (${resolved}): ${reason}`,
  configControlCharacter: (lineNumber: number, character: string, column: number) =>
    `config line ${lineNumber} holds the control character ${character} at column ${column}: a configuration is printable text, as "show running-config" prints it`,
  configTooLarge: (bytes: number, maximum: number) =>
    `the configuration is ${bytes} bytes, more than the ${maximum} a router's may have (a c2600's NVRAM holds 29688)`,
  configNameControlCharacter: (character: string) =>
    `the config file name holds the control character ${character}: write a file path, or the configuration as a literal block ("config: |")`,
  foldedConfig: () =>
    'an inline config must be a literal block ("config: |") so that every line stays a line; ">" folds lines together',
} as const;

/** The short reason behind a failed file read, from Node's error code. */
export function fileErrorReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'NOT_A_FILE':
      return 'it is not a regular file (a device, a pipe or a socket)';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
