import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeEthernet, EtherType } from '../wire/ethernet.ts';
import { encodeIpv4 } from '../wire/ipv4.ts';
import { parseIpv4 } from '../wire/ipv4-address.ts';
import { formatMacColons } from '../wire/mac-address.ts';
import { LINKTYPE_ETHERNET } from '../wire/pcap.ts';
import { readPcap } from '../wire/pcap-reader.ts';
import { skipWithoutTshark } from './testing/tshark.ts';
import { Lab, type LinkPacket } from './lab.ts';

/** The links carry Ethernet: captures are LINKTYPE_ETHERNET, ARP included, and Wireshark reads them so. */

const TWO_ROUTERS = fileURLToPath(new URL('../../scenarios/examples/two-routers/topology.yaml', import.meta.url));

const skip = skipWithoutTshark;

/** R1 forgot its neighbours: its first echo and the second one's reply wait for ARP, and are dropped. */
function labAfterClearArp(): Lab {
  const lab = Lab.load(TWO_ROUTERS);
  lab.run('R1', 'clear arp-cache');
  assert.equal(lab.ping('pc1', 'pc2').marks, '..!!!');
  return lab;
}

test('a saved capture is Ethernet: its frames hold the ARP exchange and the datagrams', () => {
  const lab = labAfterClearArp();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-ethernet-'));
  const capture = readPcap(readFileSync(lab.saveCapture('wan', dir).pcap));
  assert.ok(capture.ok);
  assert.equal(capture.value.linkType, LINKTYPE_ETHERNET);
  assert.equal(capture.value.skipped, 2, 'the request and the reply carry no IPv4');
  assert.equal(capture.value.records.length, 8, 'four echoes through, four replies back');
});

test('tshark decodes the frames as Ethernet, ARP and IP: who asked whom, with which addresses', { skip }, () => {
  const lab = labAfterClearArp();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-ethernet-'));
  const { pcap } = lab.saveCapture('wan', dir);
  const fields = ['eth.src', 'eth.dst', 'arp.opcode', 'arp.src.proto_ipv4', 'arp.dst.proto_ipv4', 'ip.src', 'icmp.type', '_ws.malformed'];
  const output = execFileSync('tshark', ['-r', pcap, '-T', 'fields', '-E', 'separator=|', ...fields.flatMap((field) => ['-e', field])],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const frames = output.trimEnd().split('\n').map((line) => line.split('|'));
  const r1 = frames[0]![0]!;
  assert.deepEqual(frames[0], [r1, 'ff:ff:ff:ff:ff:ff', '1', '192.168.12.1', '192.168.12.2', '', '', ''], 'R1 asks for R2, broadcast');
  const r2 = frames[1]![0]!;
  assert.deepEqual(frames[1], [r2, r1, '2', '192.168.12.2', '192.168.12.1', '', '', ''], 'R2 answers R1 alone');
  assert.match(r1, /^00:03:6b:/, 'Cisco\'s OUI');
  const icmp = frames.slice(2);
  assert.equal(icmp.length, 8);
  assert.ok(icmp.every(([src, dst, , , , ipSource, type, malformed]) =>
    (src === r1 ? dst === r2 && ipSource === '10.1.1.10' && type === '8' : dst === r1 && ipSource === '10.2.2.10' && type === '0') && malformed === ''));
});

test('transmit wraps a datagram in a frame from one end\'s MAC to the other\'s; watch sees datagrams, watchFrames frames', () => {
  const lab = Lab.load(TWO_ROUTERS);
  const datagrams: LinkPacket[] = [];
  const frames: LinkPacket[] = [];
  lab.watch('wan', (packet) => datagrams.push(packet));
  lab.watchFrames('wan', (packet) => frames.push(packet));
  const datagram = encodeIpv4({
    tos: 0, identification: 7, dontFragment: false, moreFragments: false, fragmentOffset: 0, ttl: 9, protocol: 17,
    source: parseIpv4('192.168.12.2')!, destination: parseIpv4('192.168.12.1')!, options: new Uint8Array(0), payload: new Uint8Array(8),
  });
  lab.transmit('wan', datagram, { from: 'R2', to: 'R1' });
  lab.run('R1', 'clear arp-cache');
  lab.ping('R1', '192.168.12.2', { count: 1 });
  assert.deepEqual(datagrams[0]!.bytes, datagram, 'the datagram as given, without frame or padding');
  const first = decodeEthernet(frames[0]!.bytes);
  assert.ok(first.ok);
  assert.equal(frames[0]!.bytes.length, 60, 'padded to the minimum frame');
  assert.equal(first.value.etherType, EtherType.ipv4);
  assert.match(formatMacColons(first.value.source), /^00:03:6b:/);
  assert.equal(frames[0]!.from, 'R2');
  const arp = frames.filter((packet) => {
    const frame = decodeEthernet(packet.bytes);
    return frame.ok && frame.value.etherType === EtherType.arp;
  });
  assert.deepEqual(arp.map((packet) => packet.from), ['R1', 'R2']);
  assert.equal(datagrams.length, 1, 'watch saw no ARP, and R1\'s echo was dropped while it asked');
});
