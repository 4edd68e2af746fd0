import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IpProtocol } from '../wire/ip-protocols.ts';
import { formatIpv4 } from '../wire/ipv4-address.ts';
import { decodeIpv4 } from '../wire/ipv4.ts';
import { decodeUdp } from '../wire/udp.ts';
import { decodeIsakmp, tedMessageKind } from '../wire/isakmp/index.ts';
import { messages, tedSiteConfig, tedSites } from './testing/ted-sites.ts';

/**
 * Tunnel endpoint discovery between emulated routers: whole routers (IOS configuration, data
 * plane, IKE) on one WAN, every site with the same TED template and no peer configured.
 */

function indexOf(lines: readonly string[], text: string, from = 0): number {
  const index = lines.findIndex((line, at) => at >= from && line.includes(text));
  assert.ok(index >= 0, `"${text}" after line ${from} in:\n${lines.join('\n')}`);
  return index;
}

/** Each text occurs after the one before it. */
function assertInOrder(lines: readonly string[], texts: readonly string[]): void {
  texts.reduce((from, text) => indexOf(lines, text, from) + 1, 0);
}

test('two sites: the probe is answered, main mode and quick mode follow, the first echo is the only one lost', () => {
  const lab = tedSites(2);
  lab.debugAll();
  assert.equal(lab.ping(1, 2), '.!!!!');
  const prober = messages(lab.site(1).router.console.log());
  const responder = messages(lab.site(2).router.console.log());
  assertInOrder(prober, [
    'IPSEC(tunnel discover request)',
    'GOT A PEER DISCOVERY MESSAGE FROM THE SA MANAGER!!!',
    'src = 10.0.1.10 to 10.0.2.10, protocol 3, transform 2, hmac 1',
    'proxy source is 10.0.1.0/255.255.255.0 and my address (not used now) is 11.11.11.1',
    '1st ID is 11.11.11.1',
    '2nd ID is 10.0.1.0/255.255.255.0',
    'ISAKMP (0:1): sending packet to 10.0.2.10 (I) PEER_DISCOVERY via FastEthernet0/0:11.11.11.2',
    'ISAKMP (0:1): received packet from 11.11.11.2 (I) PEER_DISCOVERY',
    'ted negotiated proxies: 0 10.0.1.0/255.255.255.0:0, 10.0.2.0/255.255.255.0:0',
    'ISAKMP (0:2): sending packet to 11.11.11.2 (I) MM_NO_STATE',
    'deleting SA reason "delete_me flag/throw" state (I) PEER_DISCOVERY (peer 10.0.2.10)',
    'ISAKMP (0:2): SA has been authenticated with 11.11.11.2',
    'IPSEC(create_sa): sa created,',
  ]);
  assertInOrder(responder, [
    'ISAKMP (0:0): received packet from 10.0.1.10 (N) NEW SA',
    'ISAKMP (1): ID_IPV4_ADDR_SUBNET src 10.0.1.0/255.255.255.0 prot 0 port 0',
    'src (him) 4, 10.0.1.0/255.255.255.0 to dst (me) 0, 0.0.0.0/0.0.0.0',
    'peer can handle TED V3: changing source to 11.11.11.1 and dest to 11.11.11.2',
    'ISAKMP (0:1): sending packet to 11.11.11.1 (R) PEER_DISCOVERY',
    'ISAKMP (0:1): deleting node 0 error TRUE reason "delete_me flag/throw"',
    'ISAKMP (0:0): received packet from 11.11.11.1 (N) NEW SA',
    'ISAKMP (0:1): purging node 0',
    'IPSEC(create_sa): sa created,',
  ]);
  const counters = [lab.site(1).router.crypto.ike.counters, lab.site(2).router.crypto.ike.counters];
  assert.deepEqual(counters.map((c) => [c.tedProbesSent, c.tedRepliesReceived, c.tedProbesAnswered, c.tedProbesGivenUp]), [[1, 1, 0, 0], [0, 0, 1, 0]]);
  assert.match(lab.site(1).router.exec('show crypto isakmp sa'), /11\.11\.11\.2 +11\.11\.11\.1 +QM_IDLE +2 +0/);
  assert.equal(lab.site(2).router.crypto.ipsec.drops['ted-probe'], 1, 'the probe went no further than the responder');
});

/** The ISAKMP datagrams seen on the WAN: addresses and, for TED messages, which one. */
function tapIsakmp(lab: ReturnType<typeof tedSites>) {
  const seen: Array<{ source: string; destination: string; ted: string | undefined }> = [];
  lab.site(1).router.node.interface('FastEthernet0/0')!.link!.addTap((_time, bytes) => {
    const datagram = decodeIpv4(bytes);
    if (!datagram.ok || datagram.value.protocol !== IpProtocol.udp) return;
    const { source, destination } = datagram.value;
    const udp = decodeUdp(datagram.value.payload, source, destination);
    if (!udp.ok || udp.value.destinationPort !== 500) return;
    const message = decodeIsakmp(udp.value.payload);
    seen.push({ source: formatIpv4(source), destination: formatIpv4(destination), ted: message.ok ? tedMessageKind(message.value) : undefined });
  });
  return seen;
}

test('the probe goes from the dropped packet\'s source to its destination; the reply and main mode between the routers', () => {
  const lab = tedSites(2);
  const seen = tapIsakmp(lab);
  lab.ping(1, 2, 1);
  assert.deepEqual(seen.slice(0, 3), [
    { source: '10.0.1.10', destination: '10.0.2.10', ted: 'probe' },
    { source: '11.11.11.2', destination: '11.11.11.1', ted: 'reply' },
    { source: '11.11.11.1', destination: '11.11.11.2', ted: undefined },
  ]);
});

test('three sites with one template: every pair that talks builds its own tunnel, numbered after the template', () => {
  const lab = tedSites(3);
  assert.equal(lab.ping(1, 2), '.!!!!');
  assert.equal(lab.ping(1, 3), '.!!!!');
  assert.equal(lab.ping(2, 3), '.!!!!');
  const instances = (site: number) => lab.site(site).router.crypto.dynamicMapInstances(lab.site(site).router.device.config)
    .map((instance) => `${instance.seq} ${instance.peer >>> 0 & 0xff} ${instance.accessListLines.join()}`);
  assert.deepEqual(instances(1), [
    '11 2 access-list permit ip 10.0.1.0 0.0.0.255 10.0.2.0 0.0.0.255',
    '12 3 access-list permit ip 10.0.1.0 0.0.0.255 10.0.3.0 0.0.0.255',
  ]);
  assert.deepEqual(instances(3), [
    '11 1 access-list permit ip 10.0.3.0 0.0.0.255 10.0.1.0 0.0.0.255',
    '12 2 access-list permit ip 10.0.3.0 0.0.0.255 10.0.2.0 0.0.0.255',
  ]);
  const rows = lab.site(2).router.exec('show crypto isakmp sa').split('\n').slice(1);
  assert.deepEqual(rows.map((row) => row.split(/ +/).slice(0, 3).join(' ')), [
    '11.11.11.2 11.11.11.1 QM_IDLE', '11.11.11.3 11.11.11.2 QM_IDLE',
  ]);
});

test('a probe nobody answers is forwarded by a router without TED, sent again five times and given up', () => {
  const plain = `hostname S2
service timestamps debug datetime msec
interface FastEthernet0/0
 ip address 11.11.11.2 255.255.255.0
interface FastEthernet0/1
 ip address 10.0.2.1 255.255.255.0
ip route 10.0.1.0 255.255.255.0 11.11.11.1
end`;
  const lab = tedSites(2, { configs: { 2: plain } });
  lab.debugAll();
  const probesAtHost: Uint8Array[] = [];
  lab.site(2).host.bindUdp(500, (udp) => probesAtHost.push(udp.payload));
  assert.equal(lab.ping(1, 2), '.....');
  lab.sim.advance(60_000);
  assert.equal(probesAtHost.length, 6, 'the first probe and five retransmissions reached the probed host');
  const log = messages(lab.site(1).router.console.log());
  assert.equal(log.filter((line) => line.includes('sending packet to 10.0.2.10 (I) PEER_DISCOVERY')).length, 6);
  assertInOrder(log, [
    'ISAKMP (0:1): retransmitting phase 1 PEER_DISCOVERY...',
    'ISAKMP (0:1): incrementing error counter on sa: retransmit phase 1',
    'ISAKMP (0:1): retransmitting phase 1 PEER_DISCOVERY',
    'ISAKMP (0:1): deleting SA reason "death by retransmission P1" state (I) PEER_DISCOVERY (peer 10.0.2.10)',
    'ISAKMP (0:1): purging SA.',
  ]);
  const counters = lab.site(1).router.crypto.ike.counters;
  assert.deepEqual([counters.tedProbesSent, counters.retransmitted, counters.tedProbesGivenUp], [1, 5, 1]);
  assert.equal(lab.site(2).router.console.log(), '', 'the plain router printed nothing');
});

test('a dynamic map without discover answers a static peer, makes an instance, and never initiates', () => {
  const responderOnly = tedSiteConfig(2, [1]).replace(' discover\n', '\n');
  const staticMap = tedSiteConfig(1, [2])
    .replace('crypto map tedtag 10 ipsec-isakmp dynamic ted-map discover', 'crypto map tedtag 10 ipsec-isakmp\n set peer 11.11.11.2\n set transform-set ted-transforms\n match address 101')
    .replace('10.0.0.0 0.0.255.255', '10.0.2.0 0.0.0.255');
  const reversed = tedSites(2, { configs: { 2: responderOnly } });
  assert.equal(reversed.ping(2, 1), '.....', 'the dynamic side has nobody to ask');
  assert.doesNotMatch(reversed.site(2).router.console.log(), /discover/);
  assert.equal(reversed.site(2).router.crypto.ike.counters.sent, 0);

  const lab = tedSites(2, { configs: { 1: staticMap, 2: responderOnly } });
  assert.equal(lab.ping(1, 2), '.!!!!');
  const s2 = lab.site(2).router;
  const map = s2.exec('show crypto map');
  assert.match(map, /Crypto Map "tedtag" 11 ipsec-isakmp\n\s+Peer = 11\.11\.11\.1\n/);
  assert.match(map, /access-list permit ip 10\.0\.2\.0 0\.0\.0\.255 10\.0\.1\.0 0\.0\.0\.255\n\s+dynamic \(created from dynamic map ted-map\/10\)/);
  assert.match(s2.exec('show crypto ipsec sa'), /PERMIT, flags=\{\}/);
  s2.exec('clear crypto sa');
  lab.sim.advance(1_000);
  assert.doesNotMatch(s2.exec('show crypto map'), /"tedtag" 11/, 'the instance went with its SAs');
});

/** Where `purging SA` for the probe's connection falls among the main-mode messages. */
function purgeOrder(dhMs: Record<number, number>) {
  const lab = tedSites(2, { dhMs });
  lab.debugAll();
  lab.ping(1, 2);
  const position = (log: string[], text: string) => indexOf(log, text);
  const prober = messages(lab.site(1).router.console.log());
  const responder = messages(lab.site(2).router.console.log());
  return {
    proberPurgeBeforeMm2: position(prober, 'ISAKMP (0:1): purging SA.') < position(prober, '(0:2): received packet from 11.11.11.2 (I) MM_NO_STATE'),
    responderPurgeAfterMm2: position(responder, 'ISAKMP (0:1): purging SA.') === position(responder, '(R) MM_SA_SETUP') + 1,
  };
}

test('one CPU: a slow responder\'s purge waits for its Diffie-Hellman, and the prober purges before MM2 arrives', () => {
  assert.deepEqual(purgeOrder({ 2: 1_800 }), { proberPurgeBeforeMm2: true, responderPurgeAfterMm2: true });
  assert.deepEqual(purgeOrder({}), { proberPurgeBeforeMm2: false, responderPurgeAfterMm2: false });
});
