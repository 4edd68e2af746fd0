import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IkeSubsystem } from './ike-events.ts';
import { twoRouters, type TwoRoutersOptions } from './testing/two-routers.ts';

/**
 * `traceWanted` lets the daemon skip events nobody prints. It must change only what reaches
 * the sink: the same negotiation, the same keys, and exactly the wanted events, in order.
 */

function negotiate(options: TwoRoutersOptions = {}) {
  const lab = twoRouters(options);
  lab.acquireFromDaphne();
  lab.run(5_000);
  return lab;
}

test('events of subsystems the sink does not want are skipped; everything else is as before', () => {
  const everything = negotiate();
  const asked: IkeSubsystem[] = [];
  const syslogOnly = negotiate({ traceWanted: (subsystem) => { asked.push(subsystem); return subsystem === 'syslog'; } });
  for (const side of ['daphne', 'fred'] as const) {
    assert.ok(everything[side].events().length > 20, 'the full log has the negotiation in it');
    assert.deepEqual(syslogOnly[side].events(), everything[side].events().filter((event) => event.subsystem === 'syslog'));
    assert.deepEqual(syslogOnly[side].port.installs, everything[side].port.installs);
    assert.deepEqual(syslogOnly[side].keys, everything[side].keys);
  }
  assert.ok(asked.includes('isakmp') && asked.includes('engine'));
});

test('a sink that wants everything gets the same events as one without traceWanted', () => {
  const everything = negotiate();
  const wanted = negotiate({ traceWanted: () => true });
  assert.deepEqual(wanted.daphne.events(), everything.daphne.events());
  assert.deepEqual(wanted.fred.events(), everything.fred.events());
});
