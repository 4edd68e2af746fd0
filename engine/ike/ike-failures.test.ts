import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concatBytes } from '../wire/bytes.ts';
import { ExchangeType, NotifyType } from '../wire/isakmp/index.ts';
import type { IkeTraceEvent } from './ike-events.ts';
import { POLICY_10, subnet, tamperWithSent, twoRouters, type Side, type TwoRoutersOptions } from './testing/two-routers.ts';

/**
 * Every way a negotiation fails ends in the state and messages IOS shows, and nothing that
 * arrives on UDP/500 makes the daemon throw.
 */

function attempt(options: TwoRoutersOptions, ms: number) {
  const lab = twoRouters(options);
  lab.acquireFromDaphne();
  lab.run(ms);
  return lab;
}

const kinds = (events: IkeTraceEvent[]) => events.map((event) => event.kind);
const count = (events: IkeTraceEvent[], kind: IkeTraceEvent['kind']) => events.filter((event) => event.kind === kind).length;

function sendRaw(from: Side, to: Side, payload: Uint8Array): void {
  from.node.sendUdp({ destination: to.address, sourcePort: 500, destinationPort: 500, payload });
}

test('pre-shared key mismatch: MM5 fails the responder\'s sanity check; the initiator retransmits five times and gives up', () => {
  const lab = attempt({ fred: { config: { presharedKeys: [{ key: 'not-abc123', address: 0, mask: 0 }] } } }, 30_000);
  assert.deepEqual(lab.daphne.daemon.isakmpSaRows().map((row) => row.state), ['MM_KEY_EXCH']);
  assert.deepEqual(lab.fred.daemon.isakmpSaRows().map((row) => row.state), ['MM_KEY_EXCH']);
  const fred = lab.fred.events();
  // Three copies of MM5 in 30 s, one message: IKMP_BAD_MESSAGE is throttled.
  assert.ok(lab.fred.daemon.counters.malformed + lab.fred.daemon.counters.badHash >= 3);
  assert.equal(count(fred, 'bad-message'), 1);
  assert.equal(fred.find((e) => e.kind === 'bad-message')?.subsystem, 'syslog');
  assert.ok(!kinds(fred).includes('authenticated'));
  lab.run(40_000);
  const daphne = lab.daphne.events();
  assert.equal(count(daphne, 'retransmitting'), 5);
  const deleted = daphne.find((e) => e.kind === 'deleting-sa');
  assert.ok(deleted?.kind === 'deleting-sa');
  assert.deepEqual([deleted.reason, deleted.state, deleted.timeMs - 20], ['death-by-retransmission-p1', 'MM_KEY_EXCH', 60_000]);
  assert.deepEqual(lab.daphne.daemon.isakmpSaRows(), []);
  assert.deepEqual([lab.daphne.port.installs, lab.fred.port.installs], [[], []]);
  assert.ok(lab.fred.daemon.counters.malformed >= 5);
});

test('ISAKMP policy mismatch: no offers accepted, NO-PROPOSAL-CHOSEN in the clear, the initiator ignores it and times out', () => {
  const lab = attempt({ fred: { config: { policies: [{ ...POLICY_10, encryption: '3des' }] } } }, 5_000);
  const fred = lab.fred.events();
  assert.deepEqual(fred.flatMap((e) => (e.kind === 'isakmp-mismatch' ? [e.mismatch] : [])), ['encryption', 'auth']);
  const tail = kinds(fred).slice(kinds(fred).indexOf('no-offers-accepted'));
  assert.deepEqual(tail.slice(0, 6), ['no-offers-accepted', 'phase1-not-acceptable', 'packet-sent', 'mode-failure', 'no-paranoid-keepalives', 'deleting-sa']);
  assert.ok(lab.daphne.events().some((e) => e.kind === 'notify-without-hash'));
  assert.deepEqual(lab.daphne.daemon.isakmpSaRows().map((row) => row.state), ['MM_NO_STATE']);
  lab.run(60_000);
  assert.ok(lab.daphne.events().some((e) => e.kind === 'deleting-sa' && e.reason === 'death-by-retransmission-p1'));
  assert.deepEqual(lab.fred.daemon.isakmpSaRows(), []);
});

/** The responder's last lines before it refuses: its verdict on the transform, and on the whole proposal. */
function refusedQuickMode(options: TwoRoutersOptions, notifyType: number, transformAcceptable: boolean) {
  const lab = attempt(options, 5_000);
  const fred = lab.fred.events();
  const refusal = kinds(fred).slice(kinds(fred).indexOf('phase2-not-acceptable'));
  assert.deepEqual(refusal, ['phase2-not-acceptable', 'packet-sent', 'deleting-node', 'mode-failure']);
  const verdicts = fred.flatMap((e) => (e.kind === 'ipsec-atts-verdict' ? [e.acceptable] : []));
  assert.deepEqual(verdicts, [transformAcceptable]);
  const notify = lab.daphne.events().find((e) => e.kind === 'notify-processing');
  assert.ok(notify?.kind === 'notify-processing');
  assert.equal(notify.notifyType, notifyType);
  // The notify names the SPI Daphne offered, so Daphne drops exactly that quick mode.
  assert.equal(notify.spi, lab.daphne.port.allocatedSpis[0]);
  assert.ok(lab.daphne.events().some((e) => e.kind === 'deleting-node' && e.reason === 'proposal-rejected-by-peer'));
  assert.deepEqual([lab.daphne.port.installs, lab.fred.port.installs], [[], []]);
  // Phase 1 stands: the next acquire goes straight to quick mode.
  assert.deepEqual(lab.daphne.daemon.isakmpSaRows().map((row) => row.state), ['QM_IDLE']);
  lab.run(60_000);
  assert.equal(count(lab.daphne.events(), 'retransmit-due'), 0);
}

test('transform-set mismatch: the transform is not acceptable, PROPOSAL_NOT_CHOSEN, no SAs', () => {
  refusedQuickMode({
    fred: { policy: { transformSets: [{ name: 'other', espCipher: { transform: 'esp-3des' }, espAuth: 'esp-sha-hmac', mode: 'tunnel' }] } },
  }, NotifyType.noProposalChosen, false);
});

test('crypto ACL mismatch: the transform is acceptable, the proxies are not; PROPOSAL_NOT_CHOSEN as IOS sends it', () => {
  refusedQuickMode({ fred: { policy: { selectors: [{ local: subnet('12.12.99.0'), remote: subnet('13.13.13.0') }] } } },
    NotifyType.noProposalChosen, true);
});

test('PFS required by the responder only: the offer without a group is refused', () => {
  refusedQuickMode({ fred: { policy: { pfsGroup: 2 } } }, NotifyType.noProposalChosen, false);
});

test('PFS offered to a responder without set pfs: accepted, and both ends run PFS in the offered group', () => {
  const lab = attempt({ daphne: { policy: { pfsGroup: 2 } } }, 5_000);
  const [daphne, fred] = [lab.daphne.port.installs[0]?.install, lab.fred.port.installs[0]?.install];
  assert.ok(daphne && fred);
  assert.deepEqual([daphne.pfsGroup, fred.pfsGroup], [2, 2]);
  assert.deepEqual(daphne.inbound, fred.outbound);
});

test('set pfs without a group (group1) takes a group2 offer; a named group2 refuses group5', () => {
  const taken = attempt({ daphne: { policy: { pfsGroup: 2 } }, fred: { policy: { pfsGroup: 1 } } }, 5_000);
  assert.equal(taken.fred.port.installs[0]?.install.pfsGroup, 2);
  refusedQuickMode({ daphne: { policy: { pfsGroup: 5 } }, fred: { policy: { pfsGroup: 2 } } }, NotifyType.noProposalChosen, false);
});

test('an unreachable peer: phase 1 is retransmitted five times, then given up', () => {
  const lab = twoRouters();
  lab.wan.goDown();
  lab.acquireFromDaphne();
  lab.run(70_000);
  const daphne = lab.daphne.events();
  assert.equal(count(daphne, 'retransmitting'), 5);
  assert.ok(daphne.some((e) => e.kind === 'deleting-sa' && e.reason === 'death-by-retransmission-p1' && e.state === 'MM_NO_STATE'));
  assert.deepEqual(lab.fred.events(), []);
});

test('truncated, garbage and unknown-cookie datagrams are dropped, counted and logged; nothing is opened', () => {
  const lab = twoRouters();
  const validHeaderForNoSa = concatBytes(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), Uint8Array.of(9, 9, 9, 9, 9, 9, 9, 9),
    Uint8Array.of(0, 0x10, ExchangeType.identityProtection, 0), new Uint8Array(4), Uint8Array.of(0, 0, 0, 28));
  const mm1WithoutSa = validHeaderForNoSa.slice();
  mm1WithoutSa.fill(0, 8, 16);
  const datagrams = [new Uint8Array(0), Uint8Array.of(1, 2, 3), new Uint8Array(100).fill(0xab), validHeaderForNoSa, mm1WithoutSa];
  for (const payload of datagrams) sendRaw(lab.daphne, lab.fred, payload);
  lab.run(100);
  const { counters } = lab.fred.daemon;
  assert.equal(counters.received, datagrams.length);
  assert.deepEqual([counters.malformed, counters.noSa], [4, 1]);
  // The message is printed once however many bad packets come at once; the counter counts them all.
  assert.equal(count(lab.fred.events(), 'bad-message'), 1);
  assert.equal(count(lab.fred.events(), 'no-sa'), 1);
  assert.deepEqual(lab.fred.daemon.isakmpSaRows(), []);
});

test('a forged MM5 (hash does not verify) is dropped; the genuine one, resent, still completes phase 1', () => {
  const lab = twoRouters();
  tamperWithSent(lab.daphne, (bytes, index) => {
    if (index !== 2) return undefined;
    const forged = bytes.slice();
    // Flipping a bit of the fourth DES block garbles it and flips the same bit of the fifth:
    // both lie inside the HASH data, so the payloads still parse and only the hash is wrong.
    forged[28 + 24] ^= 0x01;
    return forged;
  });
  lab.acquireFromDaphne();
  lab.run(15_000);
  assert.equal(lab.fred.daemon.counters.badHash, 1);
  assert.equal(lab.fred.port.installs.length, 1);
  assert.deepEqual(lab.fred.daemon.isakmpSaRows().map((row) => row.state), ['QM_IDLE']);
});

test('corrupted copies of every message, sent right after the real ones, never break the exchange', () => {
  const lab = twoRouters({ seed: 11 });
  const random = lab.sim.random.fork('corruption');
  let injecting = false;
  for (const [from, to] of [[lab.daphne, lab.fred], [lab.fred, lab.daphne]] as const) {
    tamperWithSent(from, (bytes) => {
      if (injecting) return undefined;
      for (let copy = 0; copy < 8; copy++) {
        const corrupted = bytes.slice(0, copy === 7 ? random.int(0, bytes.length) : bytes.length);
        if (copy < 7 && corrupted.length > 0) corrupted[random.int(0, corrupted.length - 1)] ^= 1 << random.int(0, 7);
        lab.sim.schedule(1, () => {
          injecting = true;
          sendRaw(from, to, corrupted);
          injecting = false;
        });
      }
      return undefined;
    });
  }
  lab.acquireFromDaphne();
  lab.run(20_000);
  const daphne = lab.daphne.port.installs.at(-1)?.install;
  const fred = lab.fred.port.installs.at(-1)?.install;
  assert.ok(daphne && fred);
  assert.deepEqual(daphne.inbound, fred.outbound);
  const dropped = (side: Side) => side.daemon.counters.malformed + side.daemon.counters.noSa + side.daemon.counters.unexpected
    + side.daemon.counters.badHash + side.daemon.counters.duplicates;
  assert.ok(dropped(lab.fred) > 20 && dropped(lab.daphne) > 20);
  for (const side of [lab.daphne, lab.fred]) assert.ok(side.daemon.isakmpSaRows().some((row) => row.state === 'QM_IDLE'));
});
