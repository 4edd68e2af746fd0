import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import type { InterfaceConfig } from '../config/interfaces.ts';
import { configuredInterface, statistics } from './testing/interface-reports.ts';
import { renderInterface, renderShowInterfacesDescription, type InterfaceReport } from './show-interfaces.ts';

function serial(settings: Partial<InterfaceConfig> = {}): InterfaceConfig {
  return configuredInterface('Serial0/0', settings);
}

const ADDRESS = { address: parseIpv4('10.0.1.1')!, mask: parseIpv4('255.255.255.252')! };

// A 2600 WIC serial port under 12.2 (TEXT-SOURCES.md, "Interfaces"). Confirmed by captures: the
// hardware line (PowerQUICC captures), every line from `MTU` to `DCD=up ...` in the WFQ layout
// (a 12.4 GT96K capture, same lines) and the `Input queue: .../flushes` form (a 12.2(26) capture).
// Unconfirmed for 12.2: the absence of 12.4's `0 unknown protocol drops` line, `1 interface resets`.
test('show interfaces Serial0/0 with HDLC: weighted fair queueing, the serial counters and the modem signals', () => {
  const report: InterfaceReport = {
    config: serial({ address: ADDRESS }),
    lineUp: true,
    statusUp: true,
    traffic: {
      nowMs: 60_000,
      statistics: statistics({ packetsIn: 12, bytesIn: 1476, packetsOut: 316, bytesOut: 7592, lastInputMs: 58_000, lastOutputMs: 53_000 }),
    },
  };
  assert.deepEqual(renderInterface(report), [
    'Serial0/0 is up, line protocol is up',
    '  Hardware is PowerQUICC Serial',
    '  Internet address is 10.0.1.1/30',
    '  MTU 1500 bytes, BW 1544 Kbit, DLY 20000 usec,',
    '     reliability 255/255, txload 1/255, rxload 1/255',
    '  Encapsulation HDLC, loopback not set',
    '  Keepalive set (10 sec)',
    '  Last input 00:00:02, output 00:00:07, output hang never',
    '  Last clearing of "show interface" counters never',
    '  Input queue: 0/75/0/0 (size/max/drops/flushes); Total output drops: 0',
    '  Queueing strategy: weighted fair',
    '  Output queue: 0/1000/64/0 (size/max total/threshold/drops)',
    '     Conversations  0/1/256 (active/max active/max total)',
    '     Reserved Conversations 0/0 (allocated/max allocated)',
    '     Available Bandwidth 1158 kilobits/sec',
    '  5 minute input rate 0 bits/sec, 0 packets/sec',
    '  5 minute output rate 0 bits/sec, 0 packets/sec',
    '     12 packets input, 1476 bytes, 0 no buffer',
    '     Received 0 broadcasts, 0 runts, 0 giants, 0 throttles',
    '     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored, 0 abort',
    '     316 packets output, 7592 bytes, 0 underruns',
    '     0 output errors, 0 collisions, 1 interface resets',
    '     0 output buffer failures, 0 output buffers swapped out',
    '     0 carrier transitions',
    '     DCD=up  DSR=up  DTR=up  RTS=up  CTS=up',
  ]);
});

// `LCP Open` and `Open: IPCP, CDPCP` on lines of their own (12.4 folds them into the encapsulation
// line): recalled from 12.x output, unconfirmed for 12.2; `LCP Closed` alone: unconfirmed.
test('PPP shows its control protocols: LCP and IPCP open with the line, CDPCP while CDP runs (PPP lines unconfirmed for 12.2)', () => {
  const open = renderInterface({ config: serial({ encapsulation: 'ppp' }), lineUp: true, statusUp: true })!;
  assert.deepEqual(open.slice(4, 9), [
    '  Encapsulation PPP, loopback not set',
    '  Keepalive set (10 sec)',
    '  LCP Open',
    '  Open: IPCP, CDPCP',
    '  Last input never, output never, output hang never',
  ]);
  const noCdp = renderInterface({ config: serial({ encapsulation: 'ppp', kept: ['no cdp enable'] }), lineUp: true, statusUp: true })!;
  assert.ok(noCdp.includes('  Open: IPCP'));
  const closed = renderInterface({ config: serial({ encapsulation: 'ppp' }), lineUp: false, statusUp: true })!;
  assert.equal(closed[0], 'Serial0/0 is up, line protocol is down');
  assert.ok(closed.includes('  LCP Closed'));
  assert.ok(!closed.some((line) => line.includes('IPCP')));
});

test('bandwidth N sets BW, the load\'s scale and the bandwidth WFQ may reserve (75%)', () => {
  const lines = renderInterface({
    config: serial({ kept: ['bandwidth 64'] }),
    lineUp: true,
    traffic: { nowMs: 0, statistics: statistics({ outputRate: { bitsPerSec: 32_000, packetsPerSec: 4 } }) },
  })!;
  assert.ok(lines.includes('  MTU 1500 bytes, BW 64 Kbit, DLY 20000 usec,'));
  assert.ok(lines.includes('     reliability 255/255, txload 128/255, rxload 1/255'));
  assert.ok(lines.includes('     Available Bandwidth 48 kilobits/sec'));
  assert.ok(lines.includes('     Conversations  0/0/256 (active/max active/max total)'), 'nothing sent yet: no conversation');
});

// The signal states of a down line are inferred (the far end's signals drop with its status).
test('no keepalive; a far end shut down is down/down with no DCD; a shut port drops its own DTR and RTS (signals inferred)', () => {
  const quiet = renderInterface({ config: serial({ kept: ['no keepalive'] }), lineUp: true, statusUp: true })!;
  assert.ok(quiet.includes('  Keepalive not set'));
  const farShut = renderInterface({ config: serial(), lineUp: false, statusUp: false })!;
  assert.equal(farShut[0], 'Serial0/0 is down, line protocol is down');
  assert.equal(farShut.at(-1), '     DCD=down  DSR=down  DTR=up  RTS=up  CTS=down');
  const shut = renderInterface({ config: serial({ shutdown: true }), lineUp: false, statusUp: false })!;
  assert.equal(shut[0], 'Serial0/0 is administratively down, line protocol is down');
  assert.equal(shut.at(-1), '     DCD=down  DSR=down  DTR=down  RTS=down  CTS=down');
  assert.ok(shut.includes('     0 output errors, 0 collisions, 0 interface resets'));
});

test('show interfaces description lists a Serial port as Se0/0, with its status apart from its protocol (layout unconfirmed for 12.2)', () => {
  const rows = renderShowInterfacesDescription([{ config: serial({ description: 'to spoke1' }), lineUp: false, statusUp: true }]);
  assert.equal(rows[1], 'Se0/0                          up             down     to spoke1');
});
