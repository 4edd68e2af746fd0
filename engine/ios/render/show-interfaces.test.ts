import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import { newInterface } from '../config/interfaces.ts';
import { configuredInterface, statistics } from './testing/interface-reports.ts';
import { renderInterface, renderShowInterfaces, renderShowInterfacesDescription, type InterfaceReport } from './show-interfaces.ts';


const ADDRESS = { address: parseIpv4('10.1.1.1')!, mask: parseIpv4('255.255.255.0')! };

// The layout of a c2600 FastEthernet on 12.2 (TEXT-SOURCES.md, "Interfaces"): the head lines and the
// AmdFE counter lines are in 2600 captures; the pre-12.3 queue line is the 12.x command reference's.
// The duplex line of a port whose line is down and the "interface resets" figure are inferred.
test('show interfaces FastEthernet0/0: the 2600 layout, with the port\'s MAC, address and counters', () => {
  const report: InterfaceReport = {
    config: configuredInterface('FastEthernet0/0', { address: ADDRESS, addressMethod: 'NVRAM' }),
    lineUp: true,
    mac: 0x00036b8f1a20,
    traffic: {
      nowMs: 3_725_000,
      statistics: statistics({
        packetsIn: 1208, bytesIn: 128614, broadcastsIn: 1043, packetsOut: 1363, bytesOut: 125298,
        lastInputMs: 3_725_000, lastOutputMs: 3_724_000,
      }),
    },
  };
  assert.deepEqual(renderInterface(report), [
    'FastEthernet0/0 is up, line protocol is up',
    '  Hardware is AmdFE, address is 0003.6b8f.1a20 (bia 0003.6b8f.1a20)',
    '  Internet address is 10.1.1.1/24',
    '  MTU 1500 bytes, BW 100000 Kbit, DLY 100 usec,',
    '     reliability 255/255, txload 1/255, rxload 1/255',
    '  Encapsulation ARPA, loopback not set',
    '  Keepalive set (10 sec)',
    '  Full-duplex, 100Mb/s, 100BaseTX/FX',
    '  ARP type: ARPA, ARP Timeout 04:00:00',
    '  Last input 00:00:00, output 00:00:01, output hang never',
    '  Last clearing of "show interface" counters never',
    '  Queueing strategy: fifo',
    '  Output queue 0/40, 0 drops; input queue 0/75, 0 drops',
    '  5 minute input rate 0 bits/sec, 0 packets/sec',
    '  5 minute output rate 0 bits/sec, 0 packets/sec',
    '     1208 packets input, 128614 bytes',
    '     Received 1043 broadcasts, 0 runts, 0 giants, 0 throttles',
    '     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored',
    '     0 watchdog, 0 multicast',
    '     0 input packets with dribble condition detected',
    '     1363 packets output, 125298 bytes, 0 underruns',
    '     0 output errors, 0 collisions, 1 interface resets',
    '     0 babbles, 0 late collision, 0 deferred',
    '     0 lost carrier, 0 no carrier',
    '     0 output buffer failures, 0 output buffers swapped out',
  ]);
});

test('rates show in thousands of bits and whole packets; the load is the rate\'s share of the bandwidth in 255ths', () => {
  const rate = { bitsPerSec: 43_400, packetsPerSec: 85.6 };
  const busy = { bitsPerSec: 50_000_000, packetsPerSec: 4000 };
  const lines = renderInterface({
    config: configuredInterface('FastEthernet0/1'),
    lineUp: true,
    traffic: { nowMs: 0, statistics: statistics({ inputRate: rate, outputRate: busy }) },
  })!;
  assert.ok(lines.includes('  5 minute input rate 43000 bits/sec, 86 packets/sec'));
  assert.ok(lines.includes('  5 minute output rate 50000000 bits/sec, 4000 packets/sec'));
  assert.ok(lines.includes('     reliability 255/255, txload 128/255, rxload 1/255'));
});

test('a shut port is administratively down; an unplugged one down/down, with the duplex it would negotiate', () => {
  const shut = renderInterface({ config: configuredInterface('FastEthernet0/1', { shutdown: true }), lineUp: false })!;
  assert.equal(shut[0], 'FastEthernet0/1 is administratively down, line protocol is down');
  assert.ok(shut.includes('     0 output errors, 0 collisions, 0 interface resets'));
  const unplugged = renderInterface({ config: configuredInterface('FastEthernet0/1'), lineUp: false })!;
  assert.equal(unplugged[0], 'FastEthernet0/1 is down, line protocol is down');
  assert.ok(unplugged.includes('  Auto-duplex, Auto Speed, 100BaseTX/FX'));
  const fixed = renderInterface({ config: configuredInterface('FastEthernet0/1', { duplex: 'half', speed: '10' }), lineUp: true })!;
  assert.ok(fixed.includes('  Half-duplex, 10Mb/s, 100BaseTX/FX'));
});

test('the description follows the hardware line; times since an event read 00:00:04 within a day, then 1d02h', () => {
  const lines = renderInterface({
    config: configuredInterface('FastEthernet0/0', { description: 'to fred' }),
    lineUp: true,
    traffic: { nowMs: 93_600_000, statistics: statistics({ lastInputMs: 93_596_000, lastOutputMs: 0, clearedAtMs: 93_000_000 }) },
  })!;
  assert.equal(lines[2], '  Description: to fred');
  assert.ok(lines.includes('  Last input 00:00:04, output 1d02h, output hang never'));
  assert.ok(lines.includes('  Last clearing of "show interface" counters 00:10:00'));
});

test('show interfaces lists hardware first, then loopbacks, and leaves out types it has no layout for', () => {
  const reports = ['Loopback0', 'Null0', 'FastEthernet0/1', 'FastEthernet0/0'].map((name) => ({
    config: { ...newInterface(name), shutdown: false },
    lineUp: true,
  }));
  const heads = renderShowInterfaces(reports).filter((line) => !line.startsWith(' '));
  assert.deepEqual(heads, [
    'FastEthernet0/0 is up, line protocol is up',
    'FastEthernet0/1 is up, line protocol is up',
    'Loopback0 is up, line protocol is up',
  ]);
});

// Column widths from later IOS (12.4) captures: unconfirmed for 12.2.
test('show interfaces description: short names, admin down, the description last (layout unconfirmed for 12.2)', () => {
  const reports: InterfaceReport[] = [
    { config: configuredInterface('FastEthernet0/1', { shutdown: true }), lineUp: false },
    { config: configuredInterface('FastEthernet0/0', { description: 'WAN to fred' }), lineUp: true },
  ];
  assert.deepEqual(renderShowInterfacesDescription(reports), [
    'Interface                      Status         Protocol Description',
    'Fa0/0                          up             up       WAN to fred',
    'Fa0/1                          admin down     down',
  ]);
});

// Recalled from 12.x output, no public 12.2 capture found: unconfirmed.
test('a Loopback: no MAC, ARP, keepalive or media lines, an empty output queue (layout unconfirmed for 12.2)', () => {
  const config = { ...newInterface('Loopback0'), address: { address: parseIpv4('1.1.1.1')!, mask: 0xffffffff } };
  const lines = renderInterface({ config, lineUp: true })!;
  assert.deepEqual(lines.slice(0, 6), [
    'Loopback0 is up, line protocol is up',
    '  Hardware is Loopback',
    '  Internet address is 1.1.1.1/32',
    '  MTU 1514 bytes, BW 8000000 Kbit, DLY 5000 usec,',
    '     reliability 255/255, txload 1/255, rxload 1/255',
    '  Encapsulation LOOPBACK, loopback not set',
  ]);
  assert.ok(lines.includes('  Output queue 0/0, 0 drops; input queue 0/75, 0 drops'));
  assert.ok(lines.includes('     0 output errors, 0 collisions, 0 interface resets'));
  assert.ok(!lines.some((line) => line.includes('ARP type') || line.includes('Keepalive')));
});

// A FastEthernet subinterface (TEXT-SOURCES.md, "Interfaces"): the layout of 12.4 captures (Gt96k FE
// subinterfaces), which end at `Last clearing`; unconfirmed for 12.2, and so are the two blanks in
// `Vlan ID  10.` and the ARPA line of a subinterface without `encapsulation dot1Q`.
test('show interfaces FastEthernet0/0.10: the port\'s MAC, the VLAN, ARP, and no counters of its own (layout unconfirmed for 12.2)', () => {
  const report: InterfaceReport = {
    config: configuredInterface('FastEthernet0/0.10', { address: ADDRESS, dot1q: 10, description: 'VLAN 10 gateway' }),
    lineUp: true,
    mac: 0x00036b8f1a20,
    traffic: { nowMs: 600_000, statistics: statistics({ packetsIn: 40, packetsOut: 40, clearedAtMs: 540_000 }) },
  };
  assert.deepEqual(renderInterface(report), [
    'FastEthernet0/0.10 is up, line protocol is up',
    '  Hardware is AmdFE, address is 0003.6b8f.1a20 (bia 0003.6b8f.1a20)',
    '  Description: VLAN 10 gateway',
    '  Internet address is 10.1.1.1/24',
    '  MTU 1500 bytes, BW 100000 Kbit, DLY 100 usec,',
    '     reliability 255/255, txload 1/255, rxload 1/255',
    '  Encapsulation 802.1Q Virtual LAN, Vlan ID  10.',
    '  ARP type: ARPA, ARP Timeout 04:00:00',
    '  Last clearing of "show interface" counters 00:01:00',
  ]);
  const offVlan = renderInterface({ config: configuredInterface('FastEthernet0/0.30'), lineUp: false })!;
  assert.equal(offVlan[0], 'FastEthernet0/0.30 is down, line protocol is down');
  assert.ok(offVlan.includes('  Encapsulation ARPA, loopback not set'));
});

test('show interfaces lists Serial ports and subinterfaces too, in show ip interface brief\'s order', () => {
  const reports = ['Serial0/1', 'FastEthernet0/0.10', 'Serial0/0', 'FastEthernet0/1', 'FastEthernet0/0'].map((name) => ({
    config: { ...newInterface(name), shutdown: false },
    lineUp: true,
  }));
  const heads = renderShowInterfaces(reports).filter((line) => !line.startsWith(' ')).map((line) => line.split(' ')[0]);
  assert.deepEqual(heads, ['FastEthernet0/0', 'FastEthernet0/0.10', 'Serial0/0', 'FastEthernet0/1', 'Serial0/1']);
  const rows = renderShowInterfacesDescription(reports).map((row) => row.split(' ')[0]);
  assert.deepEqual(rows, ['Interface', 'Fa0/0', 'Fa0/0.10', 'Se0/0', 'Fa0/1', 'Se0/1']);
});

test('bandwidth N applies to a FastEthernet as well', () => {
  const lines = renderInterface({ config: configuredInterface('FastEthernet0/0', { kept: ['bandwidth 10000'] }), lineUp: true })!;
  assert.ok(lines.includes('  MTU 1500 bytes, BW 10000 Kbit, DLY 100 usec,'));
});
