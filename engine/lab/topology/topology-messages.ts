/** Every message a topology can fail with, in one place, worded for the engineer who wrote the file. */

const quoted = (text: string): string => JSON.stringify(text);
const list = (items: readonly string[]): string => items.join(', ');

export const messages = {
  // Reading and YAML syntax
  unreadableTopology: (reason: string) => `cannot read the topology file: ${reason}`,
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
  noPatternMatch: (value: string) => `${quoted(value)} is not valid here`,
  schemaViolation: (detail: string) => `does not fit the topology schema: ${detail}`,

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
  hostTakesNoInterface: (host: string) => `host ${quoted(host)} has a single interface: name the host alone`,
  unknownInterface: (name: string, router: string, model: string, interfaces: readonly string[]) =>
    `unknown interface ${quoted(name)} on router ${quoted(router)}; a ${model} has ${list(interfaces)}`,
  interfaceOnTwoLinks: (iface: string, router: string, link: string) =>
    `interface ${iface} of router ${quoted(router)} is already on link ${quoted(link)}`,
  hostOnTwoLinks: (host: string, link: string) => `host ${quoted(host)} is already on link ${quoted(link)}`,

  // Addresses
  notAddressWithPrefix: (text: string) => `address ${quoted(text)} is not ADDRESS/LENGTH, e.g. 13.13.13.14/24`,
  badAddress: (text: string) => `${quoted(text)} is not an IPv4 address (four numbers 0-255)`,
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
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
