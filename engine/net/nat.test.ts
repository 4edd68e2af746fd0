import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readUint16, writeUint16 } from '../wire/bytes.ts';
import { checksumVerifies, internetChecksum, pseudoHeaderSum } from '../wire/checksum.ts';
import { decodeIcmp, type IcmpMessage } from '../wire/icmp.ts';
import { formatIpv4, maskFromPrefixLength } from '../wire/ipv4-address.ts';
import { decodeIpv4, decodeQuotedIpv4, type Ipv4Datagram } from '../wire/ipv4.ts';
import { decodeUdp } from '../wire/udp.ts';
import type { AccessList } from './acl-types.ts';
import { Host } from './host.ts';
import type { Link } from './link.ts';
import { NAT_DEFAULT_TIMEOUTS, type NatListRule, type NatRule, type NatTranslation } from './nat-types.ts';
import { PASS } from './packet-hooks.ts';
import { host, ip, MASK_24, runPing, tedLab } from './test-fixtures.ts';

/** The TED lab with a second inside host and NAT on Daphne: Fa0/1 inside, Fa0/0 outside. */
function natLab(rules: NatRule[]) {
  const lab = tedLab();
  const pc2 = new Host(lab.sim, 'pc2', { address: ip('13.13.13.15'), mask: MASK_24, gateway: ip('13.13.13.13') });
  lab.lan1.attach(pc2.eth0);
  lab.daphne.nat.configure({ inside: ['FastEthernet0/1'], outside: ['FastEthernet0/0'], rules, timeouts: NAT_DEFAULT_TIMEOUTS });
  return { ...lab, pc2 };
}

function standardAcl(...sources: Array<{ address: number; wildcard: number }>): AccessList {
  return { name: '1', kind: 'standard', named: false, lines: sources.map((source) => ({ action: 'permit', source, matches: 0 })) };
}

const INSIDE_LAN = { address: ip('13.13.13.0'), wildcard: 0xff };

function overload(acl: AccessList = standardAcl(INSIDE_LAN)): NatListRule {
  return { kind: 'list', accessList: acl.name, acl, interfaceName: 'FastEthernet0/0', overload: true };
}

const STATIC: NatRule = { kind: 'static', local: ip('13.13.13.14'), global: ip('11.11.11.5') };

/** Every datagram on a link, decoded by the wire decoder (which verifies the header checksum). */
function capture(link: Link): Ipv4Datagram[] {
  const seen: Ipv4Datagram[] = [];
  link.addTap((_time, bytes) => {
    const decoded = decodeIpv4(bytes);
    assert.ok(decoded.ok, 'every datagram on the link has a good header checksum');
    seen.push(decoded.value);
  });
  return seen;
}

function icmpOf(datagram: Ipv4Datagram): IcmpMessage {
  const message = decodeIcmp(datagram.payload);
  assert.ok(message.ok, 'the ICMP checksum verifies');
  return message.value;
}

function row(t: NatTranslation): string {
  const at = (e?: { address: number; port?: number }) => (e ? `${formatIpv4(e.address)}${e.port === undefined ? '' : `:${e.port}`}` : '---');
  return [t.protocol ?? '---', at(t.insideGlobal), at(t.insideLocal), at(t.outsideLocal), at(t.outsideGlobal)].join(' ');
}

function udpPayload(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

test('PAT: the outside host sees the router\'s address, the replies reach the inside host', () => {
  const lab = natLab([overload()]);
  const wan = capture(lab.wan);
  const lan1 = capture(lab.lan1);
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13').marks, '!!!!!');
  const requests = wan.filter((d) => icmpOf(d).kind === 'echo-request');
  assert.equal(requests.length, 5);
  assert.ok(requests.every((d) => d.source === ip('11.11.11.1')));
  const replies = lan1.filter((d) => d.protocol === 1 && icmpOf(d).kind === 'echo-reply');
  assert.ok(replies.length === 5 && replies.every((d) => d.destination === ip('13.13.13.14') && d.source === ip('12.12.12.13')));
  assert.deepEqual(lab.daphne.nat.translations().map(row), ['icmp 11.11.11.1:1 13.13.13.14:1 12.12.12.13:1 12.12.12.13:1']);
  assert.deepEqual(lab.daphne.nat.counters(), { hits: 9, misses: 1, expired: 0, failed: 0 });
});

test('PAT: a second inside host with the same echo identifier gets the next free one from 1024', () => {
  const lab = natLab([overload()]);
  const wan = capture(lab.wan);
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13').marks, '!!!!!');
  assert.equal(runPing(lab.sim, lab.pc2, '12.12.12.13').marks, '!!!!!');
  const identifiers = wan.flatMap((d) => {
    const message = icmpOf(d);
    return message.kind === 'echo-request' ? [message.identifier] : [];
  });
  assert.deepEqual(identifiers, [1, 1, 1, 1, 1, 1024, 1024, 1024, 1024, 1024]);
  assert.deepEqual(lab.daphne.nat.translations().map(row), [
    'icmp 11.11.11.1:1 13.13.13.14:1 12.12.12.13:1 12.12.12.13:1',
    'icmp 11.11.11.1:1024 13.13.13.15:1 12.12.12.13:1 12.12.12.13:1024',
  ]);
});

test('the access list decides who is translated, and counts its matches', () => {
  const acl = standardAcl(host('13.13.13.15'));
  const lab = natLab([overload(acl)]);
  const lan2 = capture(lab.lan2);
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 1 }).marks, '!', 'fred routes 13.13.13.0 back to Daphne');
  assert.equal(runPing(lab.sim, lab.pc2, '12.12.12.13', { count: 1 }).marks, '!');
  const sources = lan2.filter((d) => icmpOf(d).kind === 'echo-request').map((d) => formatIpv4(d.source));
  assert.deepEqual(sources, ['13.13.13.14', '11.11.11.1']);
  assert.equal(acl.lines[0] && 'matches' in acl.lines[0] ? acl.lines[0].matches : -1, 1);
  assert.deepEqual(lab.daphne.nat.translations().map((t) => formatIpv4(t.insideLocal.address)), ['13.13.13.15']);
});

test('entries time out in virtual time: ICMP after 60 s idle, UDP after 300 s, DNS after 60 s', () => {
  const lab = natLab([overload()]);
  runPing(lab.sim, lab.pcDaphne, '12.12.12.13');
  const lastUse = lab.daphne.nat.translations()[0]!.lastUsedAt;
  lab.sim.advance(lastUse + 59_999 - lab.sim.now());
  assert.equal(lab.daphne.nat.translations().length, 1);
  lab.sim.advance(2);
  assert.equal(lab.daphne.nat.translations().length, 0);
  assert.equal(lab.daphne.nat.counters().expired, 1);

  lab.pcDaphne.sendUdp({ destination: ip('12.12.12.13'), sourcePort: 5000, destinationPort: 9, payload: udpPayload('x') });
  lab.pcDaphne.sendUdp({ destination: ip('12.12.12.13'), sourcePort: 5001, destinationPort: 53, payload: udpPayload('q') });
  lab.sim.advance(61_000);
  assert.deepEqual(lab.daphne.nat.translations().map((t) => t.insideLocal.port), [5000], 'the DNS flow went after 60 s');
  lab.sim.advance(238_000);
  assert.equal(lab.daphne.nat.translations().length, 1);
  lab.sim.advance(2_000);
  assert.equal(lab.daphne.nat.translations().length, 0);
});

/** A TCP segment from the node's address, checksummed over the pseudo-header. */
function tcpSegment(source: string, destination: string, ports: [number, number], flags: number): Uint8Array {
  const segment = new Uint8Array(20);
  writeUint16(segment, 0, ports[0]);
  writeUint16(segment, 2, ports[1]);
  segment[12] = 5 << 4;
  segment[13] = flags;
  writeUint16(segment, 16, internetChecksum(segment, pseudoHeaderSum(ip(source), ip(destination), 6, segment.length)));
  return segment;
}

test('TCP: syn-timeout until the far side answers, then tcp-timeout, finrst-timeout after a FIN', () => {
  const lab = natLab([overload()]);
  const lan2 = capture(lab.lan2);
  const send = (node: Host, from: string, to: string, ports: [number, number], flags: number) => {
    node.send({ protocol: 6, destination: ip(to), payload: tcpSegment(from, to, ports, flags) });
    lab.sim.advance(50);
  };
  const timeout = () => lab.daphne.nat.translations()[0]?.timeoutSeconds;
  send(lab.pcDaphne, '13.13.13.14', '12.12.12.13', [40000, 23], 0x02);
  assert.equal(timeout(), 60);
  const syn = lan2.find((d) => d.protocol === 6)!;
  assert.equal(syn.source, ip('11.11.11.1'));
  assert.ok(checksumVerifies(syn.payload, pseudoHeaderSum(syn.source, syn.destination, 6, syn.payload.length)));
  send(lab.pcFred, '12.12.12.13', '11.11.11.1', [23, 40000], 0x12);
  assert.equal(timeout(), 86400);
  send(lab.pcDaphne, '13.13.13.14', '12.12.12.13', [40000, 23], 0x11);
  assert.equal(timeout(), 60);
});

test('UDP/500 through PAT is translated like any UDP: the second host leaves from 1024 and the answer finds it', () => {
  const lab = natLab([overload()]);
  const atFred: string[] = [];
  lab.pcFred.bindUdp(500, (udp, datagram) => {
    atFred.push(`${formatIpv4(datagram.source)}:${udp.sourcePort}`);
    lab.pcFred.sendUdp({ destination: datagram.source, sourcePort: 500, destinationPort: udp.sourcePort, payload: udp.payload });
  });
  const answers: string[] = [];
  for (const inside of [lab.pcDaphne, lab.pc2]) {
    inside.bindUdp(500, (udp, datagram) => answers.push(`${inside.name} ${formatIpv4(datagram.source)}:${udp.sourcePort}->${udp.destinationPort}`));
  }
  lab.pcDaphne.sendUdp({ destination: ip('12.12.12.13'), sourcePort: 500, destinationPort: 500, payload: udpPayload('MM1 a') });
  lab.sim.advance(100);
  lab.pc2.sendUdp({ destination: ip('12.12.12.13'), sourcePort: 500, destinationPort: 500, payload: udpPayload('MM1 b') });
  lab.sim.advance(100);
  assert.deepEqual(atFred, ['11.11.11.1:500', '11.11.11.1:1024']);
  assert.deepEqual(answers, ['pc-daphne 12.12.12.13:500->500', 'pc2 12.12.12.13:500->500']);
});

test('static NAT: the outside reaches the inside host by its global address, and sees it by that address', () => {
  const lab = natLab([STATIC]);
  // Links deliver by address, without ARP: fred needs a host route to the global address.
  lab.fred.setStaticRoutes([...lab.fred.staticRoutes, { prefix: ip('11.11.11.5'), mask: maskFromPrefixLength(32), nextHop: ip('11.11.11.1'), distance: 1 }]);
  const lan1 = capture(lab.lan1);
  const lan2 = capture(lab.lan2);
  assert.equal(runPing(lab.sim, lab.pcFred, '11.11.11.5', { count: 2 }).marks, '!!');
  const inbound = lan1.filter((d) => icmpOf(d).kind === 'echo-request');
  assert.ok(inbound.length === 2 && inbound.every((d) => d.destination === ip('13.13.13.14')));
  assert.deepEqual(lab.daphne.nat.translations().map(row), [
    'icmp 11.11.11.5:1 13.13.13.14:1 12.12.12.13:1 12.12.12.13:1',
    '--- 11.11.11.5 13.13.13.14 --- ---',
  ]);
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 1 }).marks, '!');
  const outbound = lan2.filter((d) => icmpOf(d).kind === 'echo-request' && d.destination === ip('12.12.12.13'));
  assert.deepEqual(outbound.map((d) => formatIpv4(d.source)), ['11.11.11.5']);
});

function quotedSourceOf(message: IcmpMessage): string {
  assert.ok(message.kind === 'time-exceeded' || message.kind === 'destination-unreachable');
  assert.ok(checksumVerifies(message.original.subarray(0, 20)), 'the quoted header checksum verifies');
  const quoted = decodeQuotedIpv4(message.original);
  assert.ok(quoted.ok);
  return `${formatIpv4(quoted.value.header.source)}:${readUint16(quoted.value.leadingPayload, 0)}`;
}

test('ICMP errors through PAT reach the inside host quoting the datagram as it sent it', () => {
  const lab = natLab([overload()]);
  const errors: IcmpMessage[] = [];
  lab.pc2.addIcmpListener((message) => errors.push(message));
  // pc-daphne holds 11.11.11.1:500, so pc2's port 500 goes out as 1024.
  lab.pcDaphne.sendUdp({ destination: ip('12.12.12.13'), sourcePort: 500, destinationPort: 9, payload: udpPayload('a') });
  lab.sim.advance(100);
  const payload = udpPayload('probe');
  const udp = { sourcePort: 500, destinationPort: 33434, payload };
  lab.pc2.send({ protocol: 17, destination: ip('12.12.12.13'), ttl: 2, payload: encodeUdpFrom(lab.pc2.address, udp) });
  // Past pc-fred's unreachable rate limit, which the port 9 datagram used up.
  lab.sim.advance(1_000);
  lab.pc2.sendUdp({ destination: ip('12.12.12.13'), ...udp });
  lab.sim.advance(100);
  assert.deepEqual(errors.map((m) => m.kind), ['time-exceeded', 'destination-unreachable']);
  assert.deepEqual(errors.map(quotedSourceOf), ['13.13.13.15:500', '13.13.13.15:500']);
});

function encodeUdpFrom(source: number, udp: { sourcePort: number; destinationPort: number; payload: Uint8Array }): Uint8Array {
  const bytes = new Uint8Array(8 + udp.payload.length);
  writeUint16(bytes, 0, udp.sourcePort);
  writeUint16(bytes, 2, udp.destinationPort);
  writeUint16(bytes, 4, bytes.length);
  bytes.set(udp.payload, 8);
  writeUint16(bytes, 6, internetChecksum(bytes, pseudoHeaderSum(source, ip('12.12.12.13'), 17, bytes.length)));
  assert.ok(decodeUdp(bytes, source, ip('12.12.12.13')).ok);
  return bytes;
}

test('an inside host\'s error about a datagram from outside leaves quoting the static global', () => {
  const lab = natLab([STATIC]);
  lab.fred.setStaticRoutes([...lab.fred.staticRoutes, { prefix: ip('11.11.11.5'), mask: maskFromPrefixLength(32), nextHop: ip('11.11.11.1'), distance: 1 }]);
  const seen: Array<{ from: string; message: IcmpMessage }> = [];
  lab.pcFred.addIcmpListener((message, datagram) => seen.push({ from: formatIpv4(datagram.source), message }));
  lab.pcFred.sendUdp({ destination: ip('11.11.11.5'), sourcePort: 7000, destinationPort: 9, payload: udpPayload('x') });
  lab.sim.advance(100);
  assert.equal(seen.length, 1);
  assert.equal(seen[0]!.from, '11.11.11.5');
  const message = seen[0]!.message;
  assert.ok(message.kind === 'destination-unreachable' && message.code === 3);
  const quoted = decodeQuotedIpv4(message.original);
  assert.ok(quoted.ok && quoted.value.header.destination === ip('11.11.11.5'));
  assert.ok(checksumVerifies(message.original.subarray(0, 20)));
});

test('the outbound hook sees the translated datagram, the inbound hook the one not yet translated back', () => {
  const lab = natLab([overload()]);
  const out: string[] = [];
  const into: string[] = [];
  lab.daphne.setOutboundHook('FastEthernet0/0', (datagram, context) => {
    if (!context.locallyOriginated) out.push(formatIpv4(datagram.source));
    return PASS;
  });
  lab.daphne.setInboundHook((datagram, context) => {
    if (context.iface.name === 'FastEthernet0/0') into.push(formatIpv4(datagram.destination));
    return PASS;
  });
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 2 }).marks, '!!');
  assert.deepEqual(out, ['11.11.11.1', '11.11.11.1']);
  assert.deepEqual(into, ['11.11.11.1', '11.11.11.1']);
});

test('clear removes the dynamic entries and keeps the static one; a removed rule takes its entries along', () => {
  const lab = natLab([STATIC, overload()]);
  runPing(lab.sim, lab.pc2, '12.12.12.13', { count: 1 });
  runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 1 });
  assert.equal(lab.daphne.nat.translations().length, 3);
  assert.equal(lab.daphne.nat.clearDynamic(), 2);
  assert.deepEqual(lab.daphne.nat.translations().map(row), ['--- 11.11.11.5 13.13.13.14 --- ---']);
  runPing(lab.sim, lab.pc2, '12.12.12.13', { count: 1 });
  lab.daphne.nat.configure({ inside: ['FastEthernet0/1'], outside: ['FastEthernet0/0'], rules: [overload()], timeouts: NAT_DEFAULT_TIMEOUTS });
  assert.deepEqual(lab.daphne.nat.translations().map(row), ['icmp 11.11.11.1:2 13.13.13.15:2 12.12.12.13:2 12.12.12.13:2']);
});

test('a protocol without ports through PAT takes the address alone, for one inside host at a time', () => {
  const lab = natLab([overload()]);
  const lan2 = capture(lab.lan2);
  const esp = { protocol: 50, destination: ip('12.12.12.13'), payload: Uint8Array.of(0, 0, 1, 0, 0, 0, 0, 1) };
  lab.pcDaphne.send(esp);
  lab.pc2.send(esp);
  lab.sim.advance(100);
  assert.deepEqual(lan2.filter((d) => d.protocol === 50).map((d) => formatIpv4(d.source)), ['11.11.11.1']);
  assert.deepEqual(lab.daphne.nat.translations().map(row), ['--- 11.11.11.1 13.13.13.14 --- ---']);
  assert.equal(lab.daphne.nat.counters().failed, 1);
  assert.equal(runPing(lab.sim, lab.fred, '11.11.11.1', { count: 1 }).marks, '!', 'the router still answers for its own address');
});

test('nothing is translated between two inside interfaces, or without an outside one', () => {
  const lab = natLab([overload()]);
  lab.daphne.nat.configure({ inside: ['FastEthernet0/1', 'FastEthernet0/0'], outside: [], rules: [overload()], timeouts: NAT_DEFAULT_TIMEOUTS });
  const lan2 = capture(lab.lan2);
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 1 }).marks, '!');
  assert.equal(lan2[0]?.source, ip('13.13.13.14'));
  assert.deepEqual(lab.daphne.nat.translations(), []);
});

test('the outbound access list judges the translated datagram; its unreachable goes to the inside sender', () => {
  const lab = natLab([overload()]);
  const denyRouter = { name: '120', kind: 'extended' as const, named: false, lines: [
    { action: 'deny' as const, source: host('11.11.11.1'), destination: host('12.12.12.13'), matches: 0 },
    { action: 'permit' as const, source: { address: 0, wildcard: 0xffffffff }, destination: { address: 0, wildcard: 0xffffffff }, matches: 0 },
  ] };
  lab.daphneWan.outboundAcl = denyRouter;
  assert.equal(runPing(lab.sim, lab.pcDaphne, '12.12.12.13', { count: 1 }).marks, 'U');
  assert.equal(denyRouter.lines[0]!.matches, 1);
  assert.equal(lab.daphne.drops['acl-out'], 1);
});
