import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPing } from '../net/test-fixtures.ts';
import type { IpsecSubsystem } from './ipsec-trace.ts';
import { ipsecLab, tracesOf } from './test-lab.ts';

/** `traceWanted` lets the engine skip describing what nobody prints; the data plane works the same. */

function pingThroughTunnel(traceWanted?: (subsystem: IpsecSubsystem) => boolean) {
  const lab = ipsecLab(traceWanted === undefined ? {} : { traceWanted });
  lab.installPairs();
  const marks = runPing(lab.sim, lab.pcDaphne, '12.12.12.13').marks;
  return { lab, marks };
}

test('with only syslog wanted, installing SAs traces nothing, and the tunnel carries the same packets', () => {
  const everything = pingThroughTunnel();
  const syslogOnly = pingThroughTunnel((subsystem) => subsystem === 'syslog');
  assert.ok(tracesOf(everything.lab.traces.daphne, 'initialize-sas').length > 0, 'the full trace describes the SAs');
  assert.deepEqual(syslogOnly.lab.traces.daphne, everything.lab.traces.daphne.filter((event) => event.subsystem === 'syslog'));
  assert.deepEqual(syslogOnly.lab.traces.fred, everything.lab.traces.fred.filter((event) => event.subsystem === 'syslog'));
  assert.equal(syslogOnly.marks, everything.marks);
  assert.deepEqual(syslogOnly.lab.wanCapture, everything.lab.wanCapture);
  assert.deepEqual(syslogOnly.lab.daphneIpsec.espSaRows(), everything.lab.daphneIpsec.espSaRows());
});

test('a sink that wants everything gets what it gets without traceWanted', () => {
  assert.deepEqual(pingThroughTunnel(() => true).lab.traces, pingThroughTunnel().lab.traces);
});
