import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ip, runPing } from '../../net/test-fixtures.ts';
import type { IpsecTraceEvent } from '../../ipsec/ipsec-trace.ts';
import { ipsecLab } from '../../ipsec/test-lab.ts';
import { renderIpsecDebugMessage } from './ipsec-debug-messages.ts';

/**
 * The IPsec messages of the TED document's debug logs, produced by the engine and rendered
 * here, must read exactly as the routers printed them (timestamps aside).
 */
const REFERENCE = new URL('../../../scenarios/ted-doc/reference/', import.meta.url);

/** The log's messages without their timestamps, continuation lines included. */
function referenceMessages(file: string): string[] {
  const messages: string[] = [];
  for (const line of readFileSync(new URL(file, REFERENCE), 'utf8').split('\n')) {
    const start = /^\*\w{3} +\d+ [\d:.]+: (.*)$/.exec(line);
    if (start) messages.push(start[1]!);
    else if (line.trim() !== '' && messages.length > 0) messages[messages.length - 1] += `\n${line}`;
  }
  return messages;
}

const DAPHNE_LOG = referenceMessages('daphne.debug.txt');
const FRED_LOG = referenceMessages('fred.debug.txt');

/** The reference messages from the one starting with `first`, as many as `count`. */
function excerpt(log: string[], first: string, count: number): string[] {
  const start = log.findIndex((message) => message.startsWith(first));
  assert.ok(start >= 0, `reference has ${first}`);
  return log.slice(start, start + count);
}

const rendered = (events: readonly IpsecTraceEvent[]) => events.map(renderIpsecDebugMessage);
const DAPHNE_IN = 0xf800d61f;
const FRED_IN = 0xa4790fa0;

/** The messages that follow quick mode's `deleting node` in a log: the pair being installed. */
function afterQuickMode(log: string[]): string[] {
  return log.slice(log.findIndex((message) => message.startsWith('ISAKMP (0:2): deleting node 409419560')) + 1);
}

test('Daphne: allocate flow twice, then initialize_sas and create_sa for the pair quick mode built', () => {
  const lab = ipsecLab({ daphnePolicy: { dynamicMap: { name: 'ted-map', seq: 10 } } });
  lab.installPairs({ daphneInboundSpi: DAPHNE_IN, daphneOutboundSpi: FRED_IN });
  assert.deepEqual(rendered(lab.traces.daphne.slice(0, 2)), excerpt(DAPHNE_LOG, 'ipsec allocate flow 0', 2));
  assert.deepEqual(rendered(lab.traces.daphne.slice(2)), afterQuickMode(DAPHNE_LOG).slice(0, 5));
});

test('fred: the same pair seen from the responder, with the SPIs swapped', () => {
  const lab = ipsecLab();
  lab.installPairs({ daphneInboundSpi: DAPHNE_IN, daphneOutboundSpi: FRED_IN });
  assert.deepEqual(rendered(lab.traces.fred.slice(0, 2)), excerpt(FRED_LOG, 'ipsec allocate flow 0', 2));
  assert.deepEqual(rendered(lab.traces.fred.slice(2)), afterQuickMode(FRED_LOG).slice(0, 5));
});

test('validate_proposal_request on both routers', () => {
  const lab = ipsecLab();
  const subnet = (a: string) => ({ address: ip(a), mask: 0xffffff00, protocol: 0, port: 0 });
  const daphneVerdict = lab.daphneIpsec.validateProposal(
    ip('11.11.11.1'), ip('11.11.11.2'), subnet('13.13.13.0'), subnet('12.12.12.0'), lab.policies.daphne.transformSets[0]!, undefined,
  );
  assert.ok(daphneVerdict.ok);
  assert.deepEqual(rendered(lab.traces.daphne), excerpt(DAPHNE_LOG, 'IPSEC(validate_proposal_request)', 1));
  lab.fredIpsec.validateProposal(
    ip('11.11.11.2'), ip('11.11.11.1'), subnet('12.12.12.0'), subnet('13.13.13.0'), lab.policies.fred.transformSets[0]!, undefined,
  );
  assert.deepEqual(rendered(lab.traces.fred), excerpt(FRED_LOG, 'IPSEC(validate_proposal_request)', 1));
});

test('spi_response: the queue event, then the SPI with the addresses in 15-character columns', () => {
  const lab = ipsecLab();
  const spi = lab.daphneIpsec.allocateSpi(ip('11.11.11.1'), ip('11.11.11.2'), 3);
  assert.deepEqual(lab.traces.daphne.map((e) => e.kind), ['key-engine-queue-event', 'spi-response']);
  assert.equal(lab.traces.daphne[1]!.kind === 'spi-response' && lab.traces.daphne[1]!.spi, spi);
  const event: IpsecTraceEvent = { subsystem: 'ipsec', kind: 'spi-response', spi: DAPHNE_IN, from: ip('11.11.11.1'), to: ip('11.11.11.2'), protocol: 50 };
  assert.deepEqual([renderIpsecDebugMessage({ subsystem: 'ipsec', kind: 'key-engine-queue-event' }), renderIpsecDebugMessage(event)],
    excerpt(DAPHNE_LOG, 'IPSEC(key_engine): got a queue event', 2));
  const fredEvent: IpsecTraceEvent = { ...event, spi: FRED_IN, from: ip('11.11.11.2'), to: ip('11.11.11.1'), protocol: 3 };
  assert.deepEqual(renderIpsecDebugMessage(fredEvent), excerpt(FRED_LOG, 'IPSEC(spi_response)', 1)[0]);
});

test('a discover entry prints the tunnel discover request of the document', () => {
  const lab = ipsecLab({ daphnePolicy: { discover: true, peers: [], dynamicMap: { name: 'ted-map', seq: 10 } } });
  runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 1 });
  assert.deepEqual(rendered(lab.traces.daphne), excerpt(DAPHNE_LOG, 'IPSEC(tunnel discover request)', 1));
});

test('the %CRYPTO syslog messages', () => {
  const texts = rendered([
    { subsystem: 'syslog', kind: 'invalid-spi', destination: ip('11.11.11.2'), protocol: 50, spi: 0x8fb7e1c4, source: ip('11.11.11.1') },
    { subsystem: 'syslog', kind: 'mac-verify-failed', connId: 2000 },
    { subsystem: 'syslog', kind: 'replay-check-failed', connId: 2000, sequenceNumber: 7 },
    { subsystem: 'syslog', kind: 'not-ipsec', destination: ip('13.13.13.14'), source: ip('12.12.12.13'), protocol: 1 },
  ]);
  assert.deepEqual(texts, [
    "%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi for destaddr=11.11.11.2, prot=50, spi=0x8FB7E1C4(2411192772), srcaddr=11.11.11.1",
    '%CRYPTO-4-RECVD_PKT_MAC_ERR: decrypt: mac verify failed for connection id=2000',
    '%CRYPTO-4-PKT_REPLAY_ERR: decrypt: replay check failed connection id=2000, seq=7',
    "%CRYPTO-4-RECVD_PKT_NOT_IPSEC: Rec'd packet not an IPSEC packet. (ip) vrf/dest_addr= /13.13.13.14, src_addr= 12.12.12.13, prot= 1",
  ]);
});

test('refusals in 12.2 words: a transform by its numbers (validate_proposal), then proxies (validate_proposal_request)', () => {
  const lab = ipsecLab();
  const subnet = (a: string) => ({ address: ip(a), mask: 0xffffff00, protocol: 0, port: 0 });
  const sha = { ...lab.policies.fred.transformSets[0]!, espAuth: 'esp-sha-hmac' as const };
  assert.equal(lab.fredIpsec.validateTransform(ip('11.11.11.2'), ip('11.11.11.1'), sha, undefined), false);
  lab.fredIpsec.validateProposal(ip('11.11.11.2'), ip('11.11.11.1'), subnet('12.12.12.0'), subnet('14.14.14.0'), lab.policies.fred.transformSets[0]!, undefined);
  assert.deepEqual(rendered(lab.traces.fred).map((text) => text.split('\n')[0]), [
    'IPSEC(validate_proposal): transform proposal (prot 3, trans 2, hmac_alg 2) not supported',
    'IPSEC(validate_proposal_request): proposal part #1,',
    'IPSEC(validate_proposal_request): proxy identities not supported',
  ]);
});

test('deleting a pair prints delete_sa with its identity and frees both engine connections', () => {
  const lab = ipsecLab();
  lab.installPairs({ daphneInboundSpi: DAPHNE_IN, daphneOutboundSpi: FRED_IN });
  lab.traces.daphne.length = 0;
  lab.daphneIpsec.clearSas();
  assert.deepEqual(rendered(lab.traces.daphne), [
    [
      'IPSEC(delete_sa): deleting SA,',
      '  (sa) sa_dest= 11.11.11.1, sa_prot= 50,',
      '    sa_spi= 0xF800D61F(4160804383),',
      '    sa_trans= esp-des esp-md5-hmac , sa_conn_id= 2000,',
      '  (identity) local= 11.11.11.1, remote= 11.11.11.2,',
      '    local_proxy= 13.13.13.0/255.255.255.0/0/0 (type=4),',
      '    remote_proxy= 12.12.12.0/255.255.255.0/0/0 (type=4)',
    ].join('\n'),
    [
      'IPSEC(delete_sa): deleting SA,',
      '  (sa) sa_dest= 11.11.11.2, sa_prot= 50,',
      '    sa_spi= 0xA4790FA0(2759397280),',
      '    sa_trans= esp-des esp-md5-hmac , sa_conn_id= 2001,',
      '  (identity) local= 11.11.11.1, remote= 11.11.11.2,',
      '    local_proxy= 13.13.13.0/255.255.255.0/0/0 (type=4),',
      '    remote_proxy= 12.12.12.0/255.255.255.0/0/0 (type=4)',
    ].join('\n'),
    'CryptoEngine0: delete connection 2000',
    'CryptoEngine0: delete connection 2001',
  ]);
});
