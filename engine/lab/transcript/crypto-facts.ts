/**
 * Facts of the two long crypto `show` layouts, `show crypto ipsec sa` and `show crypto map`,
 * read block by block. See protocol-facts.ts for what a fact is.
 */
import type { Facts, ShowLayout } from './fact-types.ts';

const IPSEC_SECTION = /^(inbound|outbound) (esp|ah|pcp) sas:$/;
const COUNTER = /^#(.+?):? (\d+)$/;

/** What one flow of `show crypto ipsec sa` states, as it is read line by line. */
class IpsecFlow {
  readonly sections = new Map<string, number>();
  readonly outboundSpis: string[] = [];
  currentOutboundSpi: string | undefined;
  section: string | undefined;

  constructor(readonly name: string, private readonly facts: Facts) {}

  set(fact: string, value: string): void {
    this.facts.set(`${this.name}: ${fact}`, value);
  }

  read(line: string): void {
    const section = IPSEC_SECTION.exec(line);
    if (section !== null) return this.openSection(line.slice(0, -1));
    if (line.startsWith('#')) return this.readCounters(line);
    const [label, value] = splitLabel(line);
    if (label === 'current_peer') this.set('current peer', value.split(' ')[0]!);
    else if (label === 'current outbound spi') this.currentOutboundSpi = value;
    else if (label === 'spi') this.openSa(value);
    else if (label === 'transform') this.setSa('transform', value.replace(/ ?,$/, ''));
    else if (label === 'in use settings =') this.setSa('settings', value);
    else if (/^local crypto endpt\./.test(line)) this.readEndpoints(line);
    else if (/^slot: \d+, conn id: /.test(line)) this.readConnection(line);
  }

  /** The pairing: IOS sends on the SA whose SPI it names as current, which must be one of the outbound SAs. */
  finish(): void {
    for (const [section, count] of this.sections) this.set(section, String(count));
    if (this.currentOutboundSpi === undefined) return;
    const spi = this.currentOutboundSpi.replace(/^0x/i, '').toUpperCase();
    const paired = spi === '0' ? 'none (no SA)' : this.outboundSpis.includes(spi) ? 'an outbound SA' : 'no outbound SA';
    this.set('current outbound spi is', paired);
  }

  private openSection(name: string): void {
    this.section = name;
    this.sections.set(name, 0);
  }

  private openSa(value: string): void {
    if (this.section === undefined) return;
    this.sections.set(this.section, (this.sections.get(this.section) ?? 0) + 1);
    const hex = /^0x([0-9A-Fa-f]+)/.exec(value)?.[1]?.toUpperCase();
    if (this.section.startsWith('outbound') && hex !== undefined) this.outboundSpis.push(hex.replace(/^0+(?=.)/, ''));
  }

  private setSa(fact: string, value: string): void {
    if (this.section === undefined) return;
    this.set(`${this.section} SA ${this.sections.get(this.section)}: ${fact}`, value);
  }

  private readCounters(line: string): void {
    for (const piece of line.split(', ')) {
      const counter = COUNTER.exec(piece);
      if (counter !== null) this.set(`#${counter[1]}`, counter[2]!);
    }
  }

  private readEndpoints(line: string): void {
    for (const piece of line.split(', ')) {
      const [label, value] = splitLabel(piece);
      this.set(label.replace(/\.$/, ''), value);
    }
  }

  private readConnection(line: string): void {
    for (const piece of line.split(', ')) {
      const [label, value] = splitLabel(piece);
      if (label === 'conn id' || label === 'crypto map') this.setSa(label, value);
    }
  }
}

/** `label: value` (or `label =value`), split at the first colon. */
function splitLabel(line: string): [string, string] {
  const settings = /^(in use settings =)(.*)$/.exec(line);
  if (settings !== null) return [settings[1]!, settings[2]!.trim()];
  const colon = line.indexOf(':');
  return colon < 0 ? [line, ''] : [line.slice(0, colon), line.slice(colon + 1).trim()];
}

/** `(13.13.13.0/255.255.255.0/0/0)` -> `13.13.13.0/255.255.255.0`: protocol and port only when not 0 (any). */
function shortIdent(ident: string): string {
  return ident.replace(/^\(|\)$/g, '').replace(/\/0\/0$/, '');
}

const ipsecSa: ShowLayout = {
  name: 'show crypto ipsec sa',
  recognises: (lines) => lines.some((line) => line.startsWith('current_peer')) && lines.some((line) => line.startsWith('interface: ')),
  facts(lines) {
    const facts: Facts = new Map();
    let iface = '';
    let localIdent = '';
    let flow: IpsecFlow | undefined;
    let flows = 0;
    for (const line of lines) {
      if (line.startsWith('interface: ')) iface = line.slice('interface: '.length);
      else if (line.startsWith('local ident')) localIdent = shortIdent(splitLabel(line)[1]);
      else if (line.startsWith('remote ident')) {
        flow?.finish();
        flow = new IpsecFlow(`${iface} ${localIdent} to ${shortIdent(splitLabel(line)[1])}`, facts);
        flows++;
      } else flow?.read(line);
    }
    flow?.finish();
    facts.set('flows', String(flows));
    return facts;
  },
};

const MAP_ENTRY = /^Crypto Map "(\S+)" (\d+) (\S+)/;
const MAP_FACT = /^(Peer|Current peer|Security association lifetime|PFS \(Y\/N\)|Transform sets|Dynamic map template tag|Reverse Route Injection Enabled) ?[=:] ?(.*)$/;

const cryptoMap: ShowLayout = {
  name: 'show crypto map',
  recognises: (lines) => lines.some((line) => MAP_ENTRY.test(line)),
  facts(lines) {
    const facts: Facts = new Map();
    let entry = '';
    let interfacesOf: string | undefined;
    const add = (fact: string, value: string): void => {
      const previous = facts.get(fact);
      facts.set(fact, previous === undefined ? value : `${previous}; ${value}`);
    };
    for (const line of lines) {
      const header = MAP_ENTRY.exec(line);
      const fact = MAP_FACT.exec(line);
      const interfaces = /^Interfaces using crypto map (\S+):$/.exec(line);
      if (header !== null) {
        entry = `crypto map ${header[1]} ${header[2]}`;
        interfacesOf = undefined;
        facts.set(`${entry}: type`, header[3]!);
      } else if (interfaces !== null) interfacesOf = interfaces[1];
      else if (interfacesOf !== undefined) add(`crypto map ${interfacesOf}: interfaces`, line);
      else if (fact !== null) add(`${entry}: ${fact[1]}`, fact[2]!);
      else if (/^access-list /.test(line)) add(`${entry}: access list`, line);
      else if (line === 'Discover enabled') facts.set(`${entry}: discover`, 'enabled');
    }
    return facts;
  },
};

export const CRYPTO_LAYOUTS: readonly ShowLayout[] = [ipsecSa, cryptoMap];
