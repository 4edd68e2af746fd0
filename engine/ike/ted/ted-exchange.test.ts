import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Acquire } from '../../ipsec/ipsec-port.ts';
import { CONSUME, PASS } from '../../net/packet-hooks.ts';
import { IpProtocol } from '../../wire/ip-protocols.ts';
import { writeUint32 } from '../../wire/bytes.ts';
import { decodeIsakmp, encodeIsakmp, readTedProbe, tedMessageKind, tedProbeMessage } from '../../wire/isakmp/index.ts';
import { decodeUdp } from '../../wire/udp.ts';
import { ip, MASK_24, statesSeen, subnet, tamperWithSent, twoRouters } from '../testing/two-routers.ts';

/**
 * The document's two routers with TED templates and no peer, IKE against a fake data plane: fred's
 * stand-in for the data plane hands UDP/500 datagrams for other addresses to his daemon, as the
 * real one does on a crypto map interface.
 */

const TEMPLATE = { discover: true, peers: [], dynamicMap: { name: 'ted-map', seq: 10 } };

function tedLab() {
  const lab = twoRouters({ seed: 11, daphne: { policy: TEMPLATE }, fred: { policy: TEMPLATE } });
  lab.daphne.node.setStaticRoutes([{ prefix: ip('12.12.12.0'), mask: MASK_24, nextHop: ip('11.11.11.2'), distance: 1 }]);
  lab.fred.node.setStaticRoutes([{ prefix: ip('13.13.13.0'), mask: MASK_24, nextHop: ip('11.11.11.1'), distance: 1 }]);
  for (const side of [lab.daphne, lab.fred]) {
    side.node.setInboundHook((datagram, { iface }) => {
      if (datagram.protocol !== IpProtocol.udp || side.node.isLocalAddress(datagram.destination)) return PASS;
      const udp = decodeUdp(datagram.payload, datagram.source, datagram.destination);
      if (!udp.ok) return PASS;
      const taken = side.daemon.interceptProbe({
        source: datagram.source, destination: datagram.destination, payload: udp.value.payload, interfaceName: iface.name, policies: [side.policy],
      });
      return taken ? CONSUME : PASS;
    });
  }
  const discover = (destination = '12.12.12.13'): void => {
    const selector = lab.daphne.policy.selectors[0]!;
    const acquire: Acquire = {
      policy: lab.daphne.policy, local: selector.local, remote: selector.remote,
      packetSource: ip('13.13.13.14'), packetDestination: ip(destination),
    };
    lab.daphne.daemon.acquire(acquire);
  };
  return { ...lab, discover };
}

test('a probe, its answer, then main mode and quick mode: both ends install the same keys for the negotiated proxies', () => {
  const lab = tedLab();
  lab.discover();
  lab.run(5_000);
  const daphne = lab.daphne.port.installs.at(-1)?.install;
  const fred = lab.fred.port.installs.at(-1)?.install;
  assert.ok(daphne && fred);
  assert.deepEqual(daphne.inbound, fred.outbound);
  assert.deepEqual(daphne.outbound, fred.inbound);
  assert.deepEqual([daphne.localProxy, daphne.remoteProxy], [subnet('13.13.13.0'), subnet('12.12.12.0')]);
  assert.equal(daphne.remote, ip('11.11.11.2'));
  assert.equal(daphne.isakmpConnId, 2, 'the probe held connection 1');
  assert.deepEqual(statesSeen(lab.daphne.events(), 1), ['PEER_DISCOVERY']);
  assert.deepEqual(statesSeen(lab.daphne.events(), 2), ['MM_NO_STATE', 'MM_SA_SETUP', 'MM_KEY_EXCH', 'QM_IDLE']);
  assert.deepEqual(lab.daphne.daemon.quickModeMessageIds(), lab.fred.daemon.quickModeMessageIds());
  assert.equal(lab.daphne.events().some((event) => event.kind === 'beginning-exchange'), false, 'main mode after a probe is not announced');
});

test('a lost answer: the probe goes again ten seconds later and the second answer is taken', () => {
  const lab = tedLab();
  tamperWithSent(lab.fred, (_bytes, index) => (index === 0 ? null : undefined));
  lab.discover();
  lab.run(9_000);
  assert.equal(lab.daphne.port.installs.length, 0);
  lab.run(6_000);
  assert.equal(lab.daphne.port.installs.length, 1);
  assert.deepEqual([lab.daphne.daemon.counters.retransmitted, lab.fred.daemon.counters.tedProbesAnswered], [1, 2]);
});

test('an answer that names another probe\'s message ID is not ours: dropped as having no SA', () => {
  const lab = tedLab();
  tamperWithSent(lab.fred, (bytes, index) => {
    const message = decodeIsakmp(bytes);
    if (index !== 0 || !message.ok || tedMessageKind(message.value) !== 'reply') return undefined;
    const forged = bytes.slice();
    writeUint32(forged, 20, (message.value.header.messageId + 1) >>> 0);
    return forged;
  });
  lab.discover();
  lab.run(5_000);
  assert.equal(lab.daphne.daemon.counters.noSa, 1);
  assert.equal(lab.daphne.daemon.counters.tedRepliesReceived, 0);
  assert.equal(lab.daphne.port.installs.length, 0, 'still waiting for a genuine answer');
});

test('a probe for a host fred does not protect is left alone: it is just a datagram', () => {
  const lab = tedLab();
  lab.daphne.node.setStaticRoutes([{ prefix: ip('0.0.0.0'), mask: 0, nextHop: ip('11.11.11.2'), distance: 1 }]);
  lab.discover('14.14.14.14');
  lab.run(5_000);
  assert.equal(lab.fred.daemon.counters.tedProbesAnswered, 0);
  assert.equal(lab.fred.events().length, 0);
});

test('a prober without TED V3 is answered the older way, from the probed host to the packet\'s source, and still finds its peer', () => {
  const lab = tedLab();
  tamperWithSent(lab.daphne, (bytes) => {
    const message = decodeIsakmp(bytes);
    const probe = message.ok && tedMessageKind(message.value) === 'probe' ? readTedProbe(message.value) : undefined;
    return probe?.ok ? encodeIsakmp(tedProbeMessage({ ...probe.value, tedV3: false })) : undefined;
  });
  lab.discover();
  lab.run(5_000);
  assert.equal(lab.fred.events().some((event) => event.kind === 'ted-v3'), false);
  assert.ok(lab.fred.events().some((event) => event.kind === 'packet-sent' && event.peer === ip('13.13.13.14') && event.state === 'PEER_DISCOVERY'));
  assert.ok(lab.daphne.events().some((event) => event.kind === 'packet-received' && event.peer === ip('12.12.12.13') && event.state === 'PEER_DISCOVERY'));
  assert.equal(lab.daphne.port.installs.at(-1)?.install.remote, ip('11.11.11.2'));
});
