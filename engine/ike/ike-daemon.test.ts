import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PASS } from '../net/packet-hooks.ts';
import { decodeUdp } from '../wire/udp.ts';
import type { TransformProposal } from '../ipsec/ipsec-port.ts';
import { ExchangeType, decodeIsakmp } from '../wire/isakmp/index.ts';
import { POLICY_10, statesSeen, tamperWithSent, twoRouters, type TwoRoutersOptions } from './testing/two-routers.ts';

/**
 * Two routers negotiate for real over UDP/500: real Diffie-Hellman, real keys, real ciphers.
 * What one side installs as inbound must be exactly what the other installs as outbound.
 */

function negotiate(options: TwoRoutersOptions = {}, ms = 5_000) {
  const lab = twoRouters(options);
  lab.acquireFromDaphne();
  lab.run(ms);
  return lab;
}

function assertMirrored(lab: ReturnType<typeof twoRouters>, keyLengths: [number, number]) {
  const daphne = lab.daphne.port.installs.at(-1)?.install;
  const fred = lab.fred.port.installs.at(-1)?.install;
  assert.ok(daphne && fred, 'both sides installed an SA pair');
  assert.deepEqual(daphne.inbound, fred.outbound);
  assert.deepEqual(daphne.outbound, fred.inbound);
  assert.notDeepEqual(daphne.inbound.esp!.encryptionKey, daphne.outbound.esp!.encryptionKey);
  assert.deepEqual([daphne.inbound.esp!.encryptionKey.length, daphne.inbound.esp!.integrityKey.length], keyLengths);
  // Each side's inbound SPI is the one its own data plane handed out.
  assert.ok(lab.daphne.port.allocatedSpis.includes(daphne.inbound.esp!.spi));
  assert.ok(lab.fred.port.allocatedSpis.includes(fred.inbound.esp!.spi));
  return { daphne, fred };
}

test('main mode and quick mode complete and both ends derive the same keys', () => {
  const lab = negotiate();
  const { daphne, fred } = assertMirrored(lab, [8, 16]);
  assert.deepEqual(statesSeen(lab.daphne.events(), 1), ['MM_NO_STATE', 'MM_SA_SETUP', 'MM_KEY_EXCH', 'QM_IDLE']);
  assert.deepEqual(statesSeen(lab.fred.events(), 1), ['MM_SA_SETUP', 'MM_KEY_EXCH', 'QM_IDLE']);
  assert.deepEqual(lab.daphne.port.calls, ['allocateSpi', 'validateTransform', 'validateProposal', 'allocateFlows', 'installSaPair']);
  assert.deepEqual(lab.fred.port.calls, ['validateTransform', 'validateProposal', 'allocateSpi', 'allocateFlows', 'installSaPair']);
  assert.equal(daphne.isakmpConnId, 1);
  assert.equal(daphne.transform, lab.daphne.policy.transformSets[0]);
  assert.equal(fred.policy, lab.fred.policy);
  assert.deepEqual([daphne.localProxy, daphne.remoteProxy], [fred.remoteProxy, fred.localProxy]);
  assert.deepEqual([daphne.lifetimeSeconds, daphne.lifetimeKilobytes], [3600, 4_608_000]);
  assert.deepEqual(lab.daphne.daemon.isakmpSaRows().map((row) => row.state), ['QM_IDLE']);
  assert.deepEqual(lab.fred.daemon.isakmpSaRows().map((row) => row.state), ['QM_IDLE']);
  assert.equal(lab.daphne.daemon.counters.malformed + lab.fred.daemon.counters.malformed, 0);
});

test('both ends agree on Ka; the Wireshark row is the initiator cookie and Ka in hex', () => {
  const lab = negotiate();
  const [daphneKeys] = lab.daphne.daemon.wiresharkKeys();
  const [fredKeys] = lab.fred.daemon.wiresharkKeys();
  assert.ok(daphneKeys && fredKeys);
  assert.equal(daphneKeys.wiresharkRow, fredKeys.wiresharkRow);
  assert.match(daphneKeys.wiresharkRow, /^[0-9a-f]{16},[0-9a-f]{16}$/);
  assert.deepEqual(lab.daphne.keys, [daphneKeys]);
});

test('the main-mode datagrams are the ones RFC 2409 describes: MM1-MM4 in the clear, MM5 on encrypted', () => {
  const lab = twoRouters();
  const sent: Array<{ exchange: number; encrypted: boolean; payloads: string[] }> = [];
  tamperWithSent(lab.daphne, (bytes) => {
    const message = decodeIsakmp(bytes);
    assert.ok(message.ok);
    const { body } = message.value;
    sent.push({
      exchange: message.value.header.exchangeType,
      encrypted: body.encrypted,
      payloads: body.encrypted ? [] : body.payloads.map((payload) => payload.kind),
    });
    return undefined;
  });
  lab.acquireFromDaphne();
  lab.run(5_000);
  assert.deepEqual(sent, [
    { exchange: ExchangeType.identityProtection, encrypted: false, payloads: ['sa'] },
    { exchange: ExchangeType.identityProtection, encrypted: false, payloads: ['ke', 'nonce', 'vendor-id'] },
    { exchange: ExchangeType.identityProtection, encrypted: true, payloads: [] },
    { exchange: ExchangeType.quick, encrypted: true, payloads: [] },
    { exchange: ExchangeType.quick, encrypted: true, payloads: [] },
  ]);
});

test('other suites: 3DES/MD5/group 2 with esp-3des esp-sha-hmac, AES-256/SHA/group 5 with esp-aes 256', () => {
  const cases: Array<[typeof POLICY_10, TransformProposal, [number, number], number]> = [
    [{ ...POLICY_10, encryption: '3des', hash: 'md5', group: 2 },
      { name: 'strong', espCipher: { transform: 'esp-3des' }, espAuth: 'esp-sha-hmac', mode: 'tunnel' }, [24, 20], 24],
    [{ ...POLICY_10, encryption: 'aes', keyBits: 256, group: 5 },
      { name: 'aes', espCipher: { transform: 'esp-aes', keyBits: 256 }, espAuth: 'esp-sha-hmac', mode: 'tunnel' }, [32, 20], 32],
  ];
  for (const [policy, transform, lengths, kaLength] of cases) {
    const side = { config: { policies: [policy] }, policy: { transformSets: [transform] } };
    const lab = negotiate({ daphne: side, fred: side });
    assertMirrored(lab, lengths);
    assert.equal(lab.daphne.keys[0]!.encryptionKey.length, 2 * kaLength);
    const [connection] = lab.fred.daemon.engineConnections();
    assert.deepEqual(connection, { connId: 1, hash: policy.hash, encryption: policy.encryption, keyBits: kaLength * 8 });
  }
});

test('aggressive mode: three messages, then quick mode, same keys on both ends', () => {
  const lab = negotiate({ daphne: { config: { aggressiveModePeers: [0x0b0b0b02] } } });
  assertMirrored(lab, [8, 16]);
  assert.deepEqual(statesSeen(lab.daphne.events(), 1), ['AG_NO_STATE', 'AG_INIT_EXCH', 'QM_IDLE']);
  assert.deepEqual(statesSeen(lab.fred.events(), 1), ['AG_INIT_EXCH', 'QM_IDLE']);
  assert.ok(lab.daphne.events().some((e) => e.kind === 'beginning-exchange' && e.exchange === 'aggressive'));
  assert.equal(lab.fred.daemon.wiresharkKeys()[0]!.wiresharkRow, lab.daphne.daemon.wiresharkKeys()[0]!.wiresharkRow);
});

test('quick mode with PFS group 2 and group 5: a KE each way, and g^xy(qm) changes the keys', () => {
  const plain = assertMirrored(negotiate(), [8, 16]);
  for (const pfsGroup of [2, 5] as const) {
    const side = { policy: { pfsGroup } };
    const lab = negotiate({ daphne: side, fred: side });
    const { daphne } = assertMirrored(lab, [8, 16]);
    assert.equal(daphne.pfsGroup, pfsGroup);
    for (const events of [lab.daphne.events(), lab.fred.events()]) {
      assert.ok(events.some((e) => e.kind === 'processing-payload' && e.payload === 'KE' && e.messageId !== 0), `KE in quick mode, group ${pfsGroup}`);
    }
    // Same seed, same SPIs and nonces: only the PFS secret differs.
    assert.equal(daphne.inbound.esp!.spi, plain.daphne.inbound.esp!.spi);
    assert.notDeepEqual(daphne.inbound.esp!.encryptionKey, plain.daphne.inbound.esp!.encryptionKey);
  }
});

test('the shorter lifetime wins; the responder tells with a RESPONDER-LIFETIME notify', () => {
  const lab = negotiate({ fred: { policy: { lifetimeSeconds: 1800, lifetimeKilobytes: 100_000 } } });
  const { daphne, fred } = assertMirrored(lab, [8, 16]);
  assert.deepEqual([daphne.lifetimeSeconds, daphne.lifetimeKilobytes], [1800, 100_000]);
  assert.deepEqual([fred.lifetimeSeconds, fred.lifetimeKilobytes], [1800, 100_000]);
  const told = lab.daphne.events().flatMap((e) => (e.kind === 'responder-lifetime' ? [`${e.value}${e.unit}`] : []));
  assert.deepEqual(told, ['1800seconds', '100000kilobytes']);
  // A longer lifetime at the responder is not told: the initiator's stands.
  const longer = negotiate({ fred: { policy: { lifetimeSeconds: 7200 } } });
  assert.equal(assertMirrored(longer, [8, 16]).fred.lifetimeSeconds, 3600);
  assert.ok(!longer.daphne.events().some((e) => e.kind === 'responder-lifetime'));
});

test('a rekey runs a new quick mode under the same ISAKMP SA', () => {
  const lab = negotiate();
  const first = lab.daphne.port.installs[0]!.install;
  const selector = lab.daphne.policy.selectors[0]!;
  lab.daphne.daemon.rekey(lab.daphne.policy, selector.local, selector.remote, lab.fred.address);
  lab.run(1_000);
  assert.equal(lab.daphne.port.installs.length, 2);
  const { daphne } = assertMirrored(lab, [8, 16]);
  assert.equal(daphne.isakmpConnId, 1);
  assert.notEqual(daphne.inbound.esp!.spi, first.inbound.esp!.spi);
  assert.equal(lab.daphne.events().filter((e) => e.kind === 'beginning-exchange').length, 1);
  assert.equal(lab.daphne.events().filter((e) => e.kind === 'beginning-quick-mode').length, 2);
});

test('the same acquire repeated while negotiating starts one negotiation only', () => {
  const lab = twoRouters();
  lab.acquireFromDaphne();
  lab.acquireFromDaphne();
  lab.run(12);
  lab.acquireFromDaphne();
  lab.run(5_000);
  assert.equal(lab.daphne.events().filter((e) => e.kind === 'beginning-exchange').length, 1);
  assert.equal(lab.daphne.port.installs.length, 1);
});

test('an expired or cleared SA pair is announced with a DELETE; the peer removes its SAs', () => {
  const lab = negotiate();
  const inbound = lab.daphne.port.installs[0]!.install.inbound.esp!.spi;
  lab.daphne.daemon.expired(lab.fred.address, { esp: inbound }, 1);
  lab.run(1_000);
  assert.deepEqual(lab.fred.port.deleted, [{ peer: lab.daphne.address, protocol: 'esp', spis: [inbound] }]);
  assert.ok(lab.fred.events().some((e) => e.kind === 'delete-processing' && e.spiSize === 4));
  assert.ok(lab.fred.events().some((e) => e.kind === 'deleting-spi' && e.spi === inbound));
});

test('clear crypto isakmp deletes the SA on both ends; the next acquire starts phase 1 again', () => {
  const lab = negotiate();
  lab.daphne.daemon.clearIsakmp();
  lab.run(2_000);
  const reasons = (events: ReturnType<typeof lab.daphne.events>) => events.flatMap((e) => (e.kind === 'deleting-sa' ? [e.reason] : []));
  assert.deepEqual(reasons(lab.daphne.events()), ['manual-clear']);
  assert.deepEqual(reasons(lab.fred.events()), ['p1-delete-notify-in']);
  assert.deepEqual(lab.daphne.daemon.isakmpSaRows(), []);
  assert.deepEqual(lab.fred.daemon.isakmpSaRows(), []);
  assert.ok(lab.fred.events().some((e) => e.kind === 'engine-delete-connection' && e.connId === 1));
  lab.acquireFromDaphne();
  lab.run(5_000);
  assert.deepEqual(lab.daphne.daemon.isakmpSaRows().map((row) => [row.connId, row.state]), [[2, 'QM_IDLE']]);
  assertMirrored(lab, [8, 16]);
});

test('an ISAKMP SA that reaches its lifetime is deleted, and renegotiated when next needed', () => {
  const short = { config: { policies: [{ ...POLICY_10, lifetimeSeconds: 120 }] } };
  const lab = negotiate({ daphne: short, fred: short });
  lab.run(110_000);
  assert.equal(lab.daphne.daemon.isakmpSaRows().length, 1);
  lab.run(7_000);
  assert.deepEqual(lab.daphne.daemon.isakmpSaRows(), []);
  assert.deepEqual(lab.fred.daemon.isakmpSaRows(), []);
  const selector = lab.daphne.policy.selectors[0]!;
  lab.daphne.daemon.rekey(lab.daphne.policy, selector.local, selector.remote, lab.fred.address);
  lab.run(5_000);
  assert.equal(lab.daphne.events().filter((e) => e.kind === 'beginning-exchange').length, 2);
  assert.equal(assertMirrored(lab, [8, 16]).daphne.isakmpConnId, 2);
});

test('a lost message is retransmitted after 10 s and the exchange completes', () => {
  const lab = twoRouters();
  tamperWithSent(lab.daphne, (_bytes, index) => (index === 0 ? null : undefined));
  lab.acquireFromDaphne();
  lab.run(9_000);
  assert.equal(lab.daphne.port.installs.length, 0);
  lab.run(2_000);
  assertMirrored(lab, [8, 16]);
  assert.equal(lab.daphne.daemon.counters.retransmitted, 1);
  assert.deepEqual(lab.daphne.events().filter((e) => e.kind === 'retransmit-due').map((e) => e.timeMs), [10_000]);
});

test('a lost QM2: the initiator resends QM1, the responder answers the duplicate with QM2 again', () => {
  const lab = twoRouters();
  let quickModes = 0;
  tamperWithSent(lab.fred, (bytes) => {
    const message = decodeIsakmp(bytes);
    return message.ok && message.value.header.exchangeType === ExchangeType.quick && quickModes++ === 0 ? null : undefined;
  });
  lab.acquireFromDaphne();
  lab.run(15_000);
  assertMirrored(lab, [8, 16]);
  assert.ok(lab.fred.events().some((e) => e.kind === 'duplicate-packet' && e.phase === 2));
  assert.equal(lab.fred.port.installs.length, 1);
});

test('with crypto costs, each step waits for its operation: Dh phase 1 status 165 ms after generate alg parameter', () => {
  const lab = negotiate({ cpuCosts: { 'dh-keygen': 165, 'dh-shared': 205 } });
  assertMirrored(lab, [8, 16]);
  const events = lab.daphne.events();
  const generate = events.find((e) => e.kind === 'engine-generate-alg-parameter')!;
  const status = events.find((e) => e.kind === 'engine-dh-status')!;
  assert.equal(status.timeMs - generate.timeMs, 165);
});

test('a first message from another UDP port (ike-scan --sport=501) is answered at that port', () => {
  const lab = twoRouters();
  const sent: Uint8Array[] = [];
  // Daphne's own MM1 is kept, not sent; the copy below goes out from port 501.
  tamperWithSent(lab.daphne, (bytes) => {
    sent.push(bytes);
    return sent.length === 1 ? null : undefined;
  });
  lab.acquireFromDaphne();
  lab.run(50);
  const answeredPorts: number[] = [];
  lab.fred.node.setOutboundHook('FastEthernet0/0', (datagram) => {
    const udp = decodeUdp(datagram.payload, datagram.source, datagram.destination);
    if (udp.ok) answeredPorts.push(udp.value.destinationPort);
    return PASS;
  });
  // MM1 as ike-scan --sport=501 would send it.
  lab.daphne.node.sendUdp({ destination: lab.fred.address, sourcePort: 501, destinationPort: 500, payload: sent[0]! });
  lab.run(1_000);
  assert.deepEqual(answeredPorts, [501], 'MM2 went back to port 501');
});
