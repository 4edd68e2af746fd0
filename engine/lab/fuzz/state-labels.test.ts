import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SeenPacket } from '../testing/link-traffic.ts';
import { captureCases } from './fuzz-cases.ts';
import { StateLabeler } from './state-labels.ts';

const cases = new Map(captureCases().map((c) => [c.name, c.packets]));

function labels(packets: readonly SeenPacket[], labeler = new StateLabeler()): string[] {
  return packets.filter((p) => p.kind === 'isakmp').map((p) => labeler.label(p, 'setup'));
}

const MAIN = ['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6'].map((m) => `after ${m} (main)`);
const QUICK = ['QM1', 'QM2', 'QM3'].map((m) => `after ${m} (quick)`);
const DELETE = ['after INFO1 (informational)'];

test('each exchange of a clean run is labelled by its messages, in order', () => {
  assert.deepEqual(labels(cases.get('static main mode')!), [...MAIN, ...QUICK, ...DELETE]);
  assert.deepEqual(labels(cases.get('static aggressive mode')!), ['after AM1 (aggressive)', 'after AM2 (aggressive)', 'after AM3 (aggressive)', ...QUICK, ...DELETE]);
  assert.deepEqual(labels(cases.get('TED')!), ['after TED1 (TED)', 'after TED2 (TED)', ...MAIN, ...QUICK, ...DELETE]);
});

test('a retransmission keeps the label of its first sending; ESP and AH are labelled by protocol and phase', () => {
  const packets = cases.get('static AH+ESP')!;
  const labeler = new StateLabeler();
  const isakmp = packets.filter((p) => p.kind === 'isakmp');
  labels(isakmp.slice(0, 3), labeler);
  assert.equal(labeler.label(isakmp[1]!, 'setup'), 'after MM2 (main)');
  assert.equal(labeler.label(isakmp[3]!, 'rekey'), 'after MM4 (main, rekey)');
  assert.equal(labeler.label(packets.find((p) => p.kind === 'ah')!, 'after clear'), 'after AH (after clear)');
});

test('an answer with a responder cookie of its own starts a new exchange at position 2', () => {
  const [mm1, mm2] = cases.get('static main mode')!.filter((p) => p.kind === 'isakmp');
  const labeler = new StateLabeler();
  labels([mm1!, mm2!], labeler);
  const otherResponder = { ...mm2!, bytes: mm2!.bytes.slice() };
  otherResponder.bytes[28 + 8]! ^= 0xff;
  assert.equal(labeler.label(otherResponder, 'idle'), 'after MM2 (main, idle)');
  const alone = new StateLabeler();
  assert.equal(alone.label(mm2!, 'setup'), 'after MM2 (main)', 'seen without its MM1');
});

test('a second answer to the same turn keeps its position; a new quick mode starts at QM1 again', () => {
  const packets = cases.get('TED')!.filter((p) => p.kind === 'isakmp');
  const labeler = new StateLabeler();
  const [probe, reply] = packets;
  assert.equal(labeler.label(probe!, 'setup'), 'after TED1 (TED)');
  assert.equal(labeler.label(reply!, 'setup'), 'after TED2 (TED)');
  const secondReply = { ...reply!, bytes: reply!.bytes.slice() };
  secondReply.bytes[secondReply.bytes.length - 1]! ^= 1;
  assert.equal(labeler.label(secondReply, 'setup'), 'after TED2 (TED)', 'the same turn, other content');
  const quick = packets.filter((p) => p.exchangeType === 32);
  for (const packet of quick) labeler.label(packet, 'setup');
  const nextQuickMode = { ...quick[0]!, bytes: quick[0]!.bytes.slice() };
  nextQuickMode.bytes[28 + 20]! ^= 0x55;
  assert.equal(labeler.label(nextQuickMode, 'after clear'), 'after QM1 (quick, after clear)');
});
