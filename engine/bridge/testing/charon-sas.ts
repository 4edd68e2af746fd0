/**
 * `swanctl --list-sas --pretty` as typed records. The pretty form is one item per line
 * (`key = value`, `name {`, `key = [`, `]`, `}`), so values may hold blanks without ambiguity,
 * which the one-line `--raw` form cannot promise.
 */

export interface ChildSaInfo {
  /** `net-2`: config name and unique id, as vici keys it */
  key: string;
  name: string;
  uniqueId: number;
  reqid: number;
  /** INSTALLED, REKEYED, ... (a CHILD_SA whose install failed is not listed at all) */
  state: string;
  mode: string;
  protocol: string;
  encap: boolean;
  /** hex, 8 digits, as charon prints them */
  spiIn: string;
  spiOut: string;
  encrAlg: string;
  encrKeysize?: number;
  integAlg?: string;
  dhGroup?: string;
  localTs: string[];
  remoteTs: string[];
  fields: ViciSection;
}

export interface IkeSaInfo {
  name: string;
  uniqueId: number;
  version: number;
  /** CONNECTING, ESTABLISHED, DELETING, ... */
  state: string;
  localHost: string;
  localPort: number;
  localId: string;
  remoteHost: string;
  remotePort: number;
  remoteId: string;
  initiator: boolean;
  /** the ISAKMP cookies, 16 hex digits each */
  initiatorSpi: string;
  responderSpi: string;
  encrAlg?: string;
  encrKeysize?: number;
  integAlg?: string;
  prfAlg?: string;
  dhGroup?: string;
  children: ChildSaInfo[];
  fields: ViciSection;
}

export type ViciValue = string | string[] | ViciSection;
export interface ViciSection {
  [key: string]: ViciValue;
}

/** Parses every `list-sa event` of the output into IKE_SA records. */
export function parseListSas(pretty: string): IkeSaInfo[] {
  const sas: IkeSaInfo[] = [];
  for (const [event, body] of parsePretty(pretty)) {
    if (event !== 'list-sa event') continue;
    for (const [name, sa] of Object.entries(body)) if (isSection(sa)) sas.push(ikeSa(name, sa));
  }
  return sas;
}

/** The top-level messages of a pretty dump, in order, each with its section tree. */
export function parsePretty(pretty: string): Array<[string, ViciSection]> {
  const messages: Array<[string, ViciSection]> = [];
  const stack: ViciSection[] = [];
  let list: string[] | undefined;
  for (const raw of pretty.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (list) {
      if (line === ']') list = undefined;
      else list.push(line);
      continue;
    }
    if (line === '}') {
      stack.pop();
      continue;
    }
    const open = /^(.*?)\s*\{$/.exec(line);
    if (open) {
      const section: ViciSection = {};
      if (stack.length === 0) messages.push([open[1]!, section]);
      else stack[stack.length - 1]![open[1]!] = section;
      stack.push(section);
      continue;
    }
    const pair = /^(\S+) = (.*)$/.exec(line);
    if (!pair || stack.length === 0) throw new Error(`charon-lab: unexpected swanctl line "${raw}"`);
    const target = stack[stack.length - 1]!;
    if (pair[2] === '[') target[pair[1]!] = list = [];
    else target[pair[1]!] = pair[2]!;
  }
  return messages;
}

function ikeSa(name: string, fields: ViciSection): IkeSaInfo {
  const children = fields['child-sas'];
  const text = (key: string): string => str(fields, key) ?? '';
  return {
    name,
    uniqueId: num(fields, 'uniqueid') ?? 0,
    version: num(fields, 'version') ?? 0,
    state: text('state'),
    localHost: text('local-host'),
    localPort: num(fields, 'local-port') ?? 0,
    localId: text('local-id'),
    remoteHost: text('remote-host'),
    remotePort: num(fields, 'remote-port') ?? 0,
    remoteId: text('remote-id'),
    initiator: str(fields, 'initiator') === 'yes',
    initiatorSpi: text('initiator-spi'),
    responderSpi: text('responder-spi'),
    ...optional('encrAlg', str(fields, 'encr-alg')),
    ...optional('encrKeysize', num(fields, 'encr-keysize')),
    ...optional('integAlg', str(fields, 'integ-alg')),
    ...optional('prfAlg', str(fields, 'prf-alg')),
    ...optional('dhGroup', str(fields, 'dh-group')),
    children: isSection(children) ? Object.entries(children).filter(([, child]) => isSection(child)).map(([key, child]) => childSa(key, child as ViciSection)) : [],
    fields,
  };
}

function childSa(key: string, fields: ViciSection): ChildSaInfo {
  const text = (name: string): string => str(fields, name) ?? '';
  return {
    key,
    name: text('name'),
    uniqueId: num(fields, 'uniqueid') ?? 0,
    reqid: num(fields, 'reqid') ?? 0,
    state: text('state'),
    mode: text('mode'),
    protocol: text('protocol'),
    encap: str(fields, 'encap') === 'yes',
    spiIn: text('spi-in'),
    spiOut: text('spi-out'),
    encrAlg: text('encr-alg'),
    ...optional('encrKeysize', num(fields, 'encr-keysize')),
    ...optional('integAlg', str(fields, 'integ-alg')),
    ...optional('dhGroup', str(fields, 'dh-group')),
    localTs: strings(fields, 'local-ts'),
    remoteTs: strings(fields, 'remote-ts'),
    fields,
  };
}

function isSection(value: ViciValue | undefined): value is ViciSection {
  return typeof value === 'object' && !Array.isArray(value);
}

function str(fields: ViciSection, key: string): string | undefined {
  const value = fields[key];
  return typeof value === 'string' ? value : undefined;
}

function num(fields: ViciSection, key: string): number | undefined {
  const value = str(fields, key);
  return value === undefined ? undefined : Number(value);
}

function strings(fields: ViciSection, key: string): string[] {
  const value = fields[key];
  return Array.isArray(value) ? value : [];
}

/** Spreads `{ key: value }` only when there is a value (exactOptionalPropertyTypes-proof). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
