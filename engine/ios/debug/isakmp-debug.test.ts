import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { twoRouters, type LogEntry } from '../../ike/testing/two-routers.ts';
import type { PortCall } from '../../ike/testing/fake-ipsec-port.ts';
import { compareTranscript, formatDebugMessages, splitDebugMessages, type DebugMessage } from '../../lab/transcript/index.ts';
import { renderIkeEvent } from './isakmp-debug.ts';

/**
 * The debug output of a real main mode + quick mode between two emulated routers, against the
 * TED document's transcripts. The data plane's own lines (IPSEC(...), `ipsec allocate flow 0`)
 * are not IKE's: each block of them stands in the comparison as the port call that prints it,
 * so the test also checks where IKE calls the data plane. The TED probe's SA (conn 1) is not
 * built here: its lines are left out of the reference and its connection id is reserved.
 */

const REFERENCES = new URL('../../../scenarios/ted-doc/reference/', import.meta.url);
const reference = (name: string): DebugMessage[] => splitDebugMessages(readFileSync(new URL(name, REFERENCES), 'utf8'));

const PORT_MESSAGES: ReadonlyArray<[RegExp, PortCall | undefined]> = [
  [/^IPSEC\(key_engine\)/, undefined],
  [/^IPSEC\(spi_response\)/, 'allocateSpi'],
  [/^IPSEC\(validate_proposal_request\)/, 'validateProposal'],
  [/^ipsec allocate flow/, 'allocateFlows'],
  [/^IPSEC\((initialize_sas|create_sa)\)/, 'installSaPair'],
];

const portMarker = (call: PortCall): string => `[data plane: ${call}]`;

/** The reference from its main-mode start on, without the probe's lines, IPsec blocks as port calls. */
function expected(name: string, start: string): DebugMessage[] {
  const messages = reference(name);
  const from = messages.findLastIndex((message) => message.text.includes(start));
  assert.ok(from >= 0, `${start} in ${name}`);
  const out: DebugMessage[] = [];
  for (const message of messages.slice(from)) {
    if (message.text.includes('(0:1)') || message.text.includes('delete connection 1')) continue;
    const rule = PORT_MESSAGES.find(([pattern]) => pattern.test(message.text));
    if (rule === undefined) {
      out.push(message);
      continue;
    }
    // One call prints a block of messages (two flows, two SAs created): it stands once.
    const marker = rule[1] === undefined ? undefined : portMarker(rule[1]);
    if (marker !== undefined && out.at(-1)?.text !== marker) out.push({ timestamp: message.timestamp, text: marker });
  }
  return out;
}

function stamp(timeMs: number): string {
  const seconds = timeMs / 1000;
  return `*Mar  1 00:00:${seconds.toFixed(3).padStart(6, '0')}`;
}

/** The lab's log as the console would show it, from the same start on. */
function actual(log: readonly LogEntry[], start: string): DebugMessage[] {
  let lastTime = 0;
  // A transform the data plane accepts prints nothing (validate_proposal speaks only to refuse).
  const printing = log.filter((entry) => entry.kind !== 'port' || entry.call !== 'validateTransform');
  const messages = printing.map((entry): DebugMessage => {
    if (entry.kind === 'port') return { timestamp: stamp(lastTime), text: portMarker(entry.call) };
    lastTime = entry.event.timeMs;
    return { timestamp: stamp(entry.event.timeMs), text: renderIkeEvent(entry.event) };
  });
  const from = messages.findIndex((message) => message.text.includes(start));
  assert.ok(from >= 0, `${start} in the lab's log`);
  return messages.slice(from);
}

function negotiate() {
  const lab = twoRouters({ seed: 3 });
  // The TED probe's SA holds connection 1 on both routers in the document's run.
  lab.daphne.daemon.reserveConnectionId();
  lab.fred.daemon.reserveConnectionId();
  lab.acquireFromDaphne();
  lab.run(20_000);
  return lab;
}

test('the initiator prints what Daphne printed for main mode, quick mode and SA creation', () => {
  const lab = negotiate();
  const start = 'sending packet to 11.11.11.2 (I) MM_NO_STATE';
  const result = compareTranscript(
    formatDebugMessages(actual(lab.daphne.log, start)), formatDebugMessages(expected('daphne.debug.txt', start)), { kind: 'debug' });
  assert.ok(result.equal, result.diff);
});

test('the responder prints what fred printed for main mode, quick mode and SA creation', () => {
  const lab = negotiate();
  const start = 'received packet from 11.11.11.1 (N) NEW SA';
  const result = compareTranscript(
    formatDebugMessages(actual(lab.fred.log, start)), formatDebugMessages(expected('fred.debug.txt', start)), { kind: 'debug' });
  assert.ok(result.equal, result.diff);
});

test('the comparison notices a line out of place', () => {
  const lab = negotiate();
  const start = 'sending packet to 11.11.11.2 (I) MM_NO_STATE';
  const messages = actual(lab.daphne.log, start);
  const skeyid = messages.findIndex((message) => message.text.includes('SKEYID state generated'));
  [messages[skeyid], messages[skeyid + 1]] = [messages[skeyid + 1]!, messages[skeyid]!];
  const result = compareTranscript(formatDebugMessages(messages), formatDebugMessages(expected('daphne.debug.txt', start)), { kind: 'debug' });
  assert.ok(!result.equal);
});
