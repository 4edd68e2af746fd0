import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ip, runPing } from '../net/test-fixtures.ts';
import { DAPHNE_INBOUND_SPI, DAPHNE_OUTBOUND_SPI, ipsecLab, tracesOf } from './test-lab.ts';

test('the seconds lifetime: rekey once 30 s before it ends, then the pair ends and IKE is told', () => {
  const lab = ipsecLab();
  lab.installPairs({ lifetimeSeconds: 100 });
  const installedAt = lab.sim.now();
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 1 }).marks, '!');
  lab.sim.advance(installedAt + 69_999 - lab.sim.now());
  assert.equal(lab.events.daphne.rekeys.length, 0);
  lab.sim.advance(1);
  assert.equal(lab.events.daphne.rekeys.length, 1);
  const [rekey] = lab.events.daphne.rekeys;
  assert.equal(rekey!.peer, ip('11.11.11.2'));
  assert.equal(rekey!.policy.mapName, 'tedtag');
  assert.equal(tracesOf(lab.traces.daphne, 'lifetime-expiring')[0]?.sa.spi, DAPHNE_OUTBOUND_SPI);
  assert.equal(lab.daphneIpsec.snapshot()[0]!.idents[0]!.inbound[0]!.remainingSeconds, 30);
  lab.sim.advance(29_999);
  assert.equal(lab.events.daphne.expirations.length, 0);
  lab.sim.advance(1);
  assert.deepEqual(lab.events.daphne.expirations, [{ peer: ip('11.11.11.2'), inboundSpis: { esp: DAPHNE_INBOUND_SPI }, isakmpConnId: 2 }]);
  assert.equal(lab.events.daphne.rekeys.length, 1);
  const ident = lab.daphneIpsec.snapshot()[0]!.idents[0]!;
  assert.equal(ident.currentOutboundSpi, 0);
  assert.equal(ident.inbound.length, 0);
  assert.deepEqual(tracesOf(lab.traces.daphne, 'delete-connection').map((e) => e.connId), [2000, 2001]);
  assert.equal(lab.daphneIpsec.engineConnections().length, 0);
});

test('an SA that carried no traffic is not renegotiated: it just ends, and IKE is told', () => {
  const lab = ipsecLab();
  lab.installPairs({ lifetimeSeconds: 100 });
  lab.sim.advance(100_000);
  assert.equal(lab.events.daphne.rekeys.length, 0);
  assert.equal(lab.events.daphne.expirations.length, 1);
});

test('the end that answered the quick mode waits for the other to renegotiate; its pair just ends', () => {
  const lab = ipsecLab();
  lab.installPairs({ lifetimeSeconds: 100 });
  assert.equal(runPing(lab.sim, lab.pcFred, '13.13.13.14', { count: 1 }).marks, '!');
  lab.sim.advance(100_000);
  assert.equal(lab.events.daphne.rekeys.length, 1, 'Daphne started the quick mode: she renegotiates');
  assert.equal(lab.events.fred.rekeys.length, 0, 'fred answered it: he waits');
  assert.equal(lab.events.fred.expirations.length, 1);
});

test('the kilobyte lifetime counts protected bytes: 100-byte echoes against 1 KB', () => {
  const lab = ipsecLab();
  lab.installPairs({ lifetimeKilobytes: 1 });
  runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 9 });
  assert.equal(lab.events.daphne.rekeys.length, 0, '900 bytes is under 90% of 1024');
  runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 1 });
  assert.equal(lab.events.daphne.rekeys.length, 1, '1000 bytes crosses 921.6');
  assert.equal(lab.daphneIpsec.snapshot()[0]!.idents[0]!.outbound[0]!.remainingKilobytes, 0);
  runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 1 });
  assert.equal(lab.events.daphne.expirations.length, 1, '1100 bytes is past the hard limit');
  assert.equal(lab.events.daphne.rekeys.length, 1);
});

test('a new pair takes over outbound traffic while the old one still receives', () => {
  const lab = ipsecLab();
  lab.installPairs();
  lab.installPairs({ daphneInboundSpi: 0x11111111, daphneOutboundSpi: 0x22222222 });
  const ident = lab.daphneIpsec.snapshot()[0]!.idents[0]!;
  assert.equal(ident.currentOutboundSpi, 0x22222222);
  assert.deepEqual(ident.inbound.map((sa) => sa.connId), [2000, 2002]);
  assert.deepEqual(ident.outbound.map((sa) => sa.flowId), [2, 4]);
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 2 }).marks, '!!');
  assert.ok(lab.espOnWan('11.11.11.1').every((datagram) => datagram.payload[0] === 0x22));
});

test('clear crypto sa ends every pair and tells IKE; a DELETE from the peer ends pairs silently', () => {
  const lab = ipsecLab();
  lab.installPairs();
  lab.daphneIpsec.clearSas({ peer: ip('9.9.9.9') });
  assert.equal(lab.daphneIpsec.engineConnections().length, 2, 'another peer: nothing cleared');
  lab.daphneIpsec.clearSas();
  assert.equal(lab.events.daphne.expirations.length, 1);
  assert.equal(lab.daphneIpsec.engineConnections().length, 0);
  lab.fredIpsec.deleteSas(ip('11.11.11.1'), 'esp', [DAPHNE_INBOUND_SPI]);
  assert.equal(lab.fredIpsec.engineConnections().length, 0);
  assert.equal(lab.events.fred.expirations.length, 0);
  assert.deepEqual(tracesOf(lab.traces.fred, 'delete-sa-by-spi').map((e) => e.spi), [DAPHNE_INBOUND_SPI]);
  assert.equal(tracesOf(lab.traces.fred, 'delete-sa').length, 2);
});

test('a pair whose keys do not fit its transform is refused, never half installed', () => {
  const lab = ipsecLab();
  const short = { encryption: new Uint8Array(7), integrity: new Uint8Array(16) };
  lab.installPairs({ keys: { daphneToFred: short, fredToDaphne: short } });
  assert.deepEqual(lab.daphneIpsec.installErrors, ['SA pair with 11.11.11.2: encryption key of 7 bytes, expected 8']);
  assert.equal(lab.daphneIpsec.engineConnections().length, 0);
  assert.equal(tracesOf(lab.traces.daphne, 'create-sa').length, 0);
});
