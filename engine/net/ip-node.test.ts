import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeIpv4, encodeIpv4 } from '../wire/ipv4.ts';
import { decodeIcmp, type IcmpMessage } from '../wire/icmp.ts';
import { formatIpv4 } from '../wire/ipv4-address.ts';
import { any, entry, extendedAcl, host, ip, runPing, tedLab } from './test-fixtures.ts';

/** Decoded ICMP messages seen on a link, with their IP source. */
function icmpOnLink(link: ReturnType<typeof tedLab>['lan1']) {
  const seen: Array<{ from: string; message: IcmpMessage }> = [];
  link.addTap((_time, bytes) => {
    const ip = decodeIpv4(bytes);
    if (!ip.ok || ip.value.protocol !== 1) return;
    const icmp = decodeIcmp(ip.value.payload);
    if (icmp.ok) seen.push({ from: formatIpv4(ip.value.source), message: icmp.value });
  });
  return seen;
}

test('ping across two routers: 5/5, round trips from the link delays', () => {
  const lab = tedLab({ delays: { lan1: 1, wan: 5, lan2: 2 } });
  const result = runPing(lab.sim, lab.pcDaphne, '12.12.12.13');
  assert.equal(result.marks, '!!!!!');
  assert.deepEqual(result.roundTrips, [16, 16, 16, 16, 16]);
  assert.equal(result.successRate, 100);
  assert.equal(lab.sim.now(), 80, 'each echo leaves as soon as the previous reply arrives');
  assert.equal(lab.daphne.traffic.forwarded, 10);
  assert.equal(lab.pcFred.traffic.delivered, 5);
});

test('a router without a route answers host unreachable, rate-limited into U.U.U', () => {
  const lab = tedLab();
  lab.daphne.setStaticRoutes([]);
  const seen = icmpOnLink(lab.lan1);
  const result = runPing(lab.sim, lab.pcDaphne, '12.12.12.13');
  assert.equal(result.marks, 'U.U.U');
  assert.equal(result.successRate, 0);
  assert.equal(lab.daphne.drops['no-route'], 5);
  assert.equal(lab.daphne.traffic.icmpErrorsSent, 3);
  assert.equal(lab.daphne.traffic.icmpErrorsRateLimited, 2);
  const errors = seen.filter((s) => s.message.kind === 'destination-unreachable');
  assert.deepEqual(errors.map((s) => s.from), ['13.13.13.13', '13.13.13.13', '13.13.13.13']);
  assert.ok(errors.every((s) => s.message.kind === 'destination-unreachable' && s.message.code === 1));
});

test('TTL expiry: a routing loop between the routers returns time exceeded', () => {
  const lab = tedLab();
  // Each router's default route points at the other: 99.0.0.1 bounces until its TTL runs out.
  const result = runPing(lab.sim, lab.pcDaphne, '99.0.0.1');
  assert.equal(result.marks, '&&&&&');
  assert.equal(lab.daphne.drops['ttl-expired'] + lab.fred.drops['ttl-expired'], 5);
});

test('the host\'s own link down: nothing leaves, every echo times out', () => {
  const lab = tedLab();
  lab.lan1.goDown();
  const result = runPing(lab.sim, lab.pcDaphne, '12.12.12.13');
  assert.equal(result.marks, '.....');
  assert.equal(lab.sim.now(), 10_000);
  lab.lan1.comeUp();
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13').marks, '!!!!!');
});

test('the wan down: Daphne loses its connected route and the default through it', () => {
  const lab = tedLab();
  lab.wan.goDown();
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13').marks, 'U.U.U');
  assert.equal(lab.daphne.routingTable().routes().length, 1);
});

test('a lossy link: the same seed gives the same marks, another seed others', () => {
  const marks = (seed: number): string => {
    const lab = tedLab({ seed, wanLoss: 0.3 });
    return runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 20 }).marks;
  };
  const first = marks(1);
  assert.equal(marks(1), first);
  assert.notEqual(marks(2), first);
  assert.match(first, /^[!.]{20}$/);
  assert.match(first, /!/);
  assert.match(first, /\./);
});

test('an inbound ACL deny counts, drops and answers administratively prohibited', () => {
  const lab = tedLab();
  const acl = extendedAcl('110', [
    entry({ action: 'deny', protocol: 1, source: host('13.13.13.14'), destination: host('12.12.12.13'), icmpType: 8 }),
    entry({ action: 'permit', source: any(), destination: any() }),
  ]);
  lab.daphneLan.inboundAcl = acl;
  const seen = icmpOnLink(lab.lan1);
  const result = runPing(lab.sim, lab.pcDaphne, '12.12.12.13');
  assert.equal(result.marks, 'U.U.U');
  assert.equal(acl.lines[0] && 'matches' in acl.lines[0] ? acl.lines[0].matches : -1, 5);
  assert.equal(lab.daphne.drops['acl-in'], 5);
  const codes = seen.flatMap((s) => (s.message.kind === 'destination-unreachable' ? [s.message.code] : []));
  assert.deepEqual(codes, [13, 13, 13]);
  // Other traffic still passes: pc-fred's pings to pc-daphne come back in through the permit.
  assert.equal(runPing(lab.sim, lab.pcFred, '13.13.13.14').marks, '!!!!!');
});

test('an outbound ACL filters forwarded traffic but not the router\'s own', () => {
  const lab = tedLab();
  const acl = extendedAcl('120', [entry({ action: 'deny', protocol: 1, source: any(), destination: any(), icmpType: 8 })]);
  lab.daphneWan.outboundAcl = acl;
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13').marks, 'U.U.U');
  assert.equal(lab.daphne.drops['acl-out'], 5);
  assert.equal(runPing(lab.sim, lab.daphne, '12.12.12.13').marks, '!!!!!');
});

test('malformed datagrams are counted and dropped, never thrown', () => {
  const lab = tedLab();
  const good = encodeIpv4({
    tos: 0, identification: 1, dontFragment: false, moreFragments: false, fragmentOffset: 0, ttl: 64, protocol: 1,
    source: ip('13.13.13.14'), destination: ip('13.13.13.13'), options: new Uint8Array(0), payload: Uint8Array.of(8, 0, 0),
  });
  const badChecksum = good.slice();
  badChecksum[10] ^= 1;
  for (const bytes of [new Uint8Array(0), Uint8Array.of(0x45, 0), badChecksum, good]) {
    assert.doesNotThrow(() => lab.daphne.receive(lab.daphneLan, bytes));
  }
  assert.equal(lab.daphne.drops.malformed, 4, 'three bad IP headers and one truncated ICMP message');
});

test('an unknown protocol gets protocol unreachable; a closed UDP port, port unreachable', () => {
  const lab = tedLab();
  const heard: IcmpMessage[] = [];
  lab.pcDaphne.addIcmpListener((message) => heard.push(message));
  lab.pcDaphne.send({ protocol: 99, destination: ip('12.12.12.13'), payload: Uint8Array.of(1, 2, 3) });
  lab.sim.advance(1000);
  lab.pcDaphne.sendUdp({ destination: ip('12.12.12.13'), sourcePort: 500, destinationPort: 500, payload: Uint8Array.of(1) });
  lab.sim.settle();
  assert.deepEqual(heard.map((m) => (m.kind === 'destination-unreachable' ? m.code : -1)), [2, 3]);
  assert.equal(lab.pcFred.drops['protocol-unreachable'], 1);
  assert.equal(lab.pcFred.drops['port-unreachable'], 1);
});

test('UDP reaches the handler bound to its port, with the source the stack chose', () => {
  const lab = tedLab();
  const received: string[] = [];
  const unbind = lab.fred.bindUdp(500, (udp, datagram, iface) => {
    received.push(`${formatIpv4(datagram.source)}:${udp.sourcePort} ${iface.name} ${udp.payload.join(',')}`);
  });
  const sent = lab.daphne.sendUdp({ destination: ip('11.11.11.2'), sourcePort: 500, destinationPort: 500, payload: Uint8Array.of(4, 5) });
  assert.ok(sent.ok);
  lab.sim.settle();
  assert.deepEqual(received, ['11.11.11.1:500 FastEthernet0/0 4,5']);
  unbind();
  lab.daphne.sendUdp({ destination: ip('11.11.11.2'), sourcePort: 500, destinationPort: 500, payload: Uint8Array.of(6) });
  lab.sim.settle();
  assert.equal(received.length, 1);
});

test('a router pings its own address without touching a link', () => {
  const lab = tedLab();
  let transmitted = 0;
  lab.wan.addTap(() => transmitted++);
  const result = runPing(lab.sim, lab.daphne, '11.11.11.1');
  assert.equal(result.marks, '!!!!!');
  assert.deepEqual(result.roundTrips, [0, 0, 0, 0, 0]);
  assert.equal(transmitted, 0);
});

test('send reports why it could not send', () => {
  const lab = tedLab();
  lab.pcDaphne.setGateway(undefined);
  const result = lab.pcDaphne.send({ protocol: 1, destination: ip('12.12.12.13'), payload: new Uint8Array(8) });
  assert.deepEqual(result, { ok: false, reason: 'no-route' });
  const tooBig = lab.daphne.send({ protocol: 1, destination: ip('11.11.11.2'), payload: new Uint8Array(70_000) });
  assert.deepEqual(tooBig, { ok: false, reason: 'too-big' });
});
