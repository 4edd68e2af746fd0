/**
 * Facts of the `show` layouts that are tables or one-line summaries: one row, one set of facts.
 * See protocol-facts.ts for what a fact is.
 */
import { IPV4, type Facts, type ShowLayout } from './fact-types.ts';

function tableRows(lines: readonly string[], header: RegExp, row: RegExp): RegExpExecArray[] {
  const start = lines.findIndex((line) => header.test(line));
  if (start < 0) return [];
  return lines.slice(start + 1).map((line) => row.exec(line)).filter((match) => match !== null);
}

/** `show crypto isakmp sa` (12.2: dst src state conn-id slot). */
const ISAKMP_SA_HEADER = /^dst src state conn-id slot\b/;
const isakmpSa: ShowLayout = {
  name: 'show crypto isakmp sa',
  recognises: (lines) => lines.some((line) => ISAKMP_SA_HEADER.test(line)),
  facts(lines) {
    const facts: Facts = new Map();
    const rows = tableRows(lines, ISAKMP_SA_HEADER, new RegExp(`^(${IPV4}) (${IPV4}) (\\S+) (\\d+) (\\d+)`));
    facts.set('ISAKMP SAs', String(rows.length));
    for (const [, dst, src, state, connId, slot] of rows) {
      const sa = `ISAKMP SA dst ${dst} src ${src}`;
      facts.set(`${sa}: state`, state!).set(`${sa}: conn-id`, connId!).set(`${sa}: slot`, slot!);
    }
    return facts;
  },
};

/** `show crypto engine connections active`: one row per connection, with its packet counts. */
const ENGINE_HEADER = /^ID Interface IP-Address State Algorithm Encrypt Decrypt$/;
const engineConnections: ShowLayout = {
  name: 'show crypto engine connections active',
  recognises: (lines) => lines.some((line) => ENGINE_HEADER.test(line)),
  facts(lines) {
    const facts: Facts = new Map();
    const rows = tableRows(lines, ENGINE_HEADER, /^(\d+) (\S+) (\S+) (\S+) (\S+) (\d+) (\d+)$/);
    facts.set('connections', String(rows.length));
    for (const [, id, iface, address, state, algorithm, encrypt, decrypt] of rows) {
      const connection = `connection ${id}`;
      facts.set(`${connection}: interface`, iface!).set(`${connection}: address`, address!)
        .set(`${connection}: state`, state!).set(`${connection}: algorithm`, algorithm!)
        .set(`${connection}: encrypted`, encrypt!).set(`${connection}: decrypted`, decrypt!);
    }
    return facts;
  },
};

/** `show ip interface brief`: an interface's address and its two states. */
const BRIEF_HEADER = /^Interface IP-Address OK\? Method Status Protocol$/;
const interfaceBrief: ShowLayout = {
  name: 'show ip interface brief',
  recognises: (lines) => lines.some((line) => BRIEF_HEADER.test(line)),
  facts(lines) {
    const facts: Facts = new Map();
    const rows = tableRows(lines, BRIEF_HEADER, /^(\S+) (\S+) (YES|NO) (\S+) (up|down|administratively down|deleted) (up|down)$/);
    for (const [, iface, address, , , status, protocol] of rows) {
      facts.set(`${iface}: address`, address!).set(`${iface}: status`, status!).set(`${iface}: protocol`, protocol!);
    }
    return facts;
  },
};

/** IOS's ping summary, from a router's ping or a host's. */
const SUCCESS_RATE = /^Success rate is (\d+) percent \((\d+)\/(\d+)\)/;
const ping: ShowLayout = {
  name: 'ping',
  recognises: (lines) => lines.some((line) => SUCCESS_RATE.test(line)),
  facts(lines) {
    const facts: Facts = new Map();
    for (const line of lines) {
      const rate = SUCCESS_RATE.exec(line);
      if (rate !== null) facts.set('success rate', `${rate[1]} percent (${rate[2]}/${rate[3]})`);
      else if (/^[!.UQMA?&]+$/.test(line)) facts.set('marks', line);
    }
    return facts;
  },
};

export const TABLE_LAYOUTS: readonly ShowLayout[] = [isakmpSa, engineConnections, interfaceBrief, ping];
