import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NotifyType, ProtocolId } from '../wire/isakmp/index.ts';
import type { IkeContext } from './ike-context.ts';
import type { IkeEvent } from './ike-events.ts';
import { IsakmpSa } from './isakmp-sa.ts';
import { processPhase1Notifies } from './phase1-steps.ts';

/**
 * Notifies beside the peer's ID and HASH (MM5, MM6, AM2, AM3): each is reported, and
 * INITIAL-CONTACT brings down the SAs the peer lost when it started again.
 */

test('every notify is reported; INITIAL-CONTACT asks for the old SAs with that peer to go', () => {
  const events: IkeEvent[] = [];
  const contacted: IsakmpSa[] = [];
  const ctx = { emit: (event: IkeEvent) => events.push(event), initialContact: (sa: IsakmpSa) => contacted.push(sa) } as unknown as IkeContext;
  const sa = new IsakmpSa(3, 'R', 'main', 1, 2, new Uint8Array(8), new Uint8Array(8), 0);
  const cookies = new Uint8Array(16);
  processPhase1Notifies(ctx, sa, [
    { kind: 'id', idType: 1, protocolId: 0, port: 0, data: new Uint8Array(4) },
    { kind: 'notify', doi: 1, protocolId: ProtocolId.isakmp, notifyType: NotifyType.initialContact, spi: cookies, data: new Uint8Array(0) },
  ]);
  assert.deepEqual(events.map((event) => event.kind), ['notify-processing', 'initial-contact']);
  assert.deepEqual(contacted, [sa]);
  processPhase1Notifies(ctx, sa, [{ kind: 'notify', doi: 1, protocolId: 3, notifyType: NotifyType.responderLifetime, spi: new Uint8Array(4), data: new Uint8Array(0) }]);
  assert.equal(contacted.length, 1, 'other notifies bring nothing down');
});
