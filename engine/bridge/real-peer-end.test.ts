import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lab } from '../lab/lab.ts';
import { Sim } from '../sim/sim.ts';
import type { PeerTransport } from './real-peer-end.ts';
import { WallClock } from './wall-clock.ts';

/**
 * The bridge without the network: a lab whose peer is a transport of the test's, so what the
 * router sends to the real peer, and what comes back, can be seen on both sides.
 */

const TOPOLOGY = `
routers:
  R1:
    model: c2600
    config: |
      hostname R1
      crypto isakmp policy 10
       authentication pre-share
      crypto isakmp key s3cret address 10.99.0.2
      crypto ipsec transform-set ts esp-des esp-md5-hmac
      crypto map vpn 10 ipsec-isakmp
       set peer 10.99.0.2
       set transform-set ts
       match address 110
      interface FastEthernet0/0
       ip address 10.99.0.1 255.255.255.0
       crypto map vpn
      interface FastEthernet0/1
       ip address 10.1.1.1 255.255.255.0
      ip route 10.2.2.0 255.255.255.0 10.99.0.2
      access-list 110 permit ip 10.1.1.0 0.0.0.255 10.2.2.0 0.0.0.255
hosts:
  pc1: { address: 10.1.1.10/24, gateway: 10.1.1.1 }
peers:
  gw: { address: 10.99.0.2, bind: 10.99.0.1 }
links:
  wan: [R1 Fa0/0, gw]
  lan: [R1 Fa0/1, pc1]
`;

class Recorder implements PeerTransport {
  readonly udp: Array<{ payload: Uint8Array; localPort: number; peerPort: number }> = [];
  readonly ip: Uint8Array[] = [];
  constructor(private readonly canSendIp: boolean) {}
  sendUdp(payload: Uint8Array, localPort: number, peerPort: number): void {
    this.udp.push({ payload, localPort, peerPort });
  }
  sendIp(datagram: Uint8Array): boolean {
    if (this.canSendIp) this.ip.push(datagram);
    return this.canSendIp;
  }
}

test('what the router sends to the peer leaves as UDP from port 500; what the peer sends comes in from its own port', () => {
  const lab = Lab.fromYaml(TOPOLOGY);
  const transport = new Recorder(true);
  const end = lab.connectPeer('gw', transport);
  lab.run('R1', 'debug crypto isakmp');
  lab.ping('pc1', '10.2.2.10', { count: 1 });
  assert.ok(transport.udp.length >= 1, 'MM1 left for the real peer');
  assert.deepEqual([transport.udp[0]!.localPort, transport.udp[0]!.peerPort], [500, 500]);
  // The real peer answers from port 4500, say behind a translation: the router must answer there.
  end.fromUdp(Uint8Array.of(1, 2, 3), 4500, 500);
  lab.advance(100);
  assert.equal(end.counters.udpIn, 1);
  assert.match(lab.debugLog('R1'), /IKMP_BAD_MESSAGE: IKE message from 10\.99\.0\.2/, 'the datagram reached IKE, as from the peer');
});

test('what the bridge does not carry (plain ICMP, a stray datagram) is dropped and counted', () => {
  const lab = Lab.fromYaml(TOPOLOGY.replace('crypto map vpn\n', ''));
  const transport = new Recorder(false);
  const end = lab.connectPeer('gw', transport);
  lab.ping('pc1', '10.2.2.10', { count: 2 });
  assert.equal(transport.udp.length, 0, 'without the crypto map, no IKE');
  assert.equal(end.counters.dropped, 2, 'two echoes, plain ICMP, not bridged');
  end.fromIp(Uint8Array.of(0x45, 0, 0, 20));
  assert.equal(end.counters.dropped, 3, 'a datagram that does not decode, or is not from the peer to us, is dropped');
});

test('the peer\'s end answers ARP for the peer\'s address; ARP stays in the lab, and what the peer sends waits for the router\'s MAC', () => {
  const lab = Lab.fromYaml(TOPOLOGY);
  const transport = new Recorder(true);
  const end = lab.connectPeer('gw', transport);
  lab.run('R1', 'clear arp-cache');
  lab.run('R1', 'ping 10.99.0.2 repeat 1');
  assert.match(lab.run('R1', 'show ip arp 10.99.0.2'), /Internet\s+10\.99\.0\.2\s+0\s+0200\.[0-9a-f]{4}\.[0-9a-f]{4}\s+ARPA\s+FastEthernet0\/0/);
  assert.equal(transport.udp.length + transport.ip.length, 0, 'neither the ARP exchange nor the echo crossed to the real network');
  // The end forgets R1: what the peer sends next waits for the end's own request and R1's reply.
  end.arp.clear();
  lab.run('R1', 'debug crypto isakmp');
  end.fromUdp(Uint8Array.of(1, 2, 3), 500, 500);
  lab.advance(100);
  assert.match(lab.debugLog('R1'), /IKMP_BAD_MESSAGE: IKE message from 10\.99\.0\.2/, 'it arrived once R1 had answered');
});

test('a peer whose bind address no router on its link owns is a topology error', () => {
  assert.throws(() => Lab.fromYaml(TOPOLOGY.replace('bind: 10.99.0.1', 'bind: 10.99.0.9')), /talks to 10\.99\.0\.9, but no router interface on link "wan" has that address/);
});

test('the wall clock runs virtual time up to the milliseconds passed, never back, and not after it stops', () => {
  const sim = new Sim(1);
  let wall = 1_000;
  const clock = new WallClock(sim, () => wall);
  const fired: number[] = [];
  sim.schedule(50, () => fired.push(sim.now()));
  sim.schedule(500, () => fired.push(sim.now()));
  wall += 60;
  clock.catchUp();
  assert.deepEqual([fired, sim.now()], [[50], 60]);
  sim.advance(1_000);
  wall += 10;
  clock.catchUp();
  assert.equal(sim.now(), 1_060, 'virtual time ran ahead: the wall clock catches up first');
  clock.stop();
  wall += 5_000;
  clock.catchUp();
  assert.equal(sim.now(), 1_060);
});
