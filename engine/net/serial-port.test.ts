import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sim } from '../sim/sim.ts';
import { decodeSerialFrame } from '../wire/serial-frames.ts';
import { LINKTYPE_PPP_HDLC } from '../wire/pcap.ts';
import { IpNode } from './ip-node.ts';
import { Link } from './link.ts';
import { SERIAL_MEDIUM } from './link-medium.ts';
import { SerialPort, type SerialSettings } from './serial-port.ts';
import { ip, runPing } from './test-fixtures.ts';

const MASK_30 = ip('255.255.255.252');

/** Two routers on a back-to-back serial cable; r1 is the DCE (first end) and clocks it unless told otherwise. */
function serialPair(r1: Partial<SerialSettings> = {}, r2: Partial<SerialSettings> = {}) {
  const sim = new Sim(1);
  const [a, b] = ['r1', 'r2'].map((name) => new IpNode(sim, name, { forwarding: true }));
  const ends = [a!.addInterface('Serial0/0', ip('10.0.0.1'), MASK_30), b!.addInterface('Serial0/0', ip('10.0.0.2'), MASK_30)];
  for (const end of ends) end.serial = new SerialPort(end);
  const link = new Link(sim, 'wan', ends, { medium: SERIAL_MEDIUM });
  ends[0]!.serial!.configure({ encapsulation: 'hdlc', keepalive: true, clockRateBps: 64000, ...r1 });
  ends[1]!.serial!.configure({ encapsulation: 'hdlc', keepalive: true, ...r2 });
  return { sim, r1: a!, r2: b!, s1: ends[0]!, s2: ends[1]!, link };
}

test('two HDLC ends with keepalives and a clocked DCE are up; a ping crosses without ARP', () => {
  const { sim, r1, s1, s2 } = serialPair();
  assert.deepEqual([s1.lineUp, s2.lineUp, s1.serial!.dce, s2.serial!.dce], [true, true, true, false]);
  assert.equal(runPing(sim, r1, '10.0.0.2').marks, '!!!!!', 'no first echo lost to ARP: a serial line resolves nothing');
  assert.deepEqual(r1.arpTable(), [], 'a serial port has no ARP entries, not even its own');
});

test('without a clock rate at the DCE end the line protocol stays down at both ends, though the status is up', () => {
  const { s1, s2 } = serialPair({ clockRateBps: undefined }, { clockRateBps: 64000 });
  assert.deepEqual([s1.serial!.statusUp, s2.serial!.statusUp], [true, true]);
  assert.deepEqual([s1.lineUp, s2.lineUp], [false, false], 'the DTE end\'s clock rate clocks nothing');
});

test('mismatched encapsulations bring the line protocol down at both ends; agreeing on PPP brings it back', () => {
  const { sim, r1, s1, s2 } = serialPair({ encapsulation: 'ppp' });
  assert.deepEqual([s1.lineUp, s2.lineUp], [false, false]);
  assert.equal(runPing(sim, r1, '10.0.0.2').marks, '.....');
  s2.serial!.configure({ encapsulation: 'ppp', keepalive: true });
  assert.deepEqual([s1.lineUp, s2.lineUp], [true, true]);
  assert.equal(runPing(sim, r1, '10.0.0.2').marks, '!!!!!');
});

test('HDLC: the end that expects keepalives goes down when the other sends none; the one with none stays up', () => {
  const { s1, s2 } = serialPair({}, { keepalive: false });
  assert.deepEqual([s1.lineUp, s2.lineUp], [false, true]);
});

test('shutting one end down takes the other end\'s status down too; its neighbour hears of it', () => {
  const { s1, s2, link } = serialPair();
  let told = 0;
  link.onStateChange(() => told++);
  s2.adminUp = false;
  s2.serial!.announce();
  assert.equal(told, 1);
  assert.deepEqual([s1.serial!.statusUp, s1.lineUp], [false, false]);
});

test('frames on the cable are Cisco HDLC or PPP as each end is set, and the capture link type decodes both', () => {
  const { sim, r1, link } = serialPair({ encapsulation: 'ppp' }, { encapsulation: 'ppp' });
  const frames: Uint8Array[] = [];
  link.addFrameTap((_time, frame) => frames.push(frame));
  runPing(sim, r1, '10.0.0.2', { count: 1 });
  assert.equal(frames.length, 2);
  for (const frame of frames) {
    const decoded = decodeSerialFrame(frame);
    assert.ok(decoded.ok);
    assert.deepEqual([decoded.value.encapsulation, decoded.value.protocol], ['ppp', 0x0021]);
  }
  assert.equal(link.medium.pcapLinkType, LINKTYPE_PPP_HDLC);
});

test('a serial cable takes two ends, no more', () => {
  const { sim, link } = serialPair();
  const third = new IpNode(sim, 'r3', { forwarding: true }).addInterface('Serial0/0');
  assert.throws(() => link.attach(third), /at most 2 ends/);
});
