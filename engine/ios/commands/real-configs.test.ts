import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { bootedDevice } from '../testing/configured-device.ts';
import { runningConfigBody } from '../render/running-config.ts';
import { notModelledReports } from './not-modelled.ts';

/**
 * The three 12.2-era configurations of scenarios/examples/real-configs load without a refused
 * line, show every line back, and load again from what they show into the same configuration.
 */

const FOLDER = new URL('../../../scenarios/examples/real-configs/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, FOLDER), 'utf8');
const collapse = (line: string) => line.trim().replace(/\s+/g, ' ');

/** Lines IOS shows differently from how they were typed (passwords encrypted, comments dropped). */
function shownAsTyped(line: string): boolean {
  const text = collapse(line);
  return text !== '' && !text.startsWith('!') && text !== 'end' && !/^password 0 /.test(text);
}

function body(startup: string): string[] {
  return runningConfigBody(bootedDevice(startup).device.config);
}

for (const name of ['branch.cfg', 'edge.cfg', 'hub.cfg']) {
  test(`${name} loads, and show running-config shows every line of it back`, () => {
    const shown = new Set(body(read(name)).join('\n').split('\n').map(collapse));
    const missing = read(name).split('\n').filter(shownAsTyped).filter((line) => !shown.has(collapse(line)));
    assert.deepEqual(missing, []);
  });

  test(`${name} loads again from its own show running-config into the same configuration`, () => {
    const first = body(read(name));
    assert.deepEqual(body(first.join('\n')), first);
  });
}

test('each configuration lists what it has that the lab does not model, once per topic', () => {
  const topics = (name: string) => notModelledReports(bootedDevice(read(name)).device.config).map((report) => report.topic);
  assert.deepEqual(topics('branch.cfg').filter((topic) => ['QoS', 'SSH', 'AAA', 'DHCP server', 'time zone'].includes(topic)).sort(),
    ['AAA', 'DHCP server', 'QoS', 'SSH', 'time zone']);
  assert.ok(['key chains', 'time-ranges', 'AAA', 'syslog hosts', 'NTP'].every((topic) => topics('edge.cfg').includes(topic)), topics('edge.cfg').join());
  assert.ok(['voice', 'controllers', 'QoS', 'OSPF', 'ISAKMP keepalives'].every((topic) => topics('hub.cfg').includes(topic)), topics('hub.cfg').join());
  for (const name of ['branch.cfg', 'edge.cfg', 'hub.cfg']) assert.equal(new Set(topics(name)).size, topics(name).length);
});

test('QoS is behaviour, SSH and AAA are management', () => {
  const impacts = new Map(notModelledReports(bootedDevice(read('branch.cfg')).device.config).map((r) => [r.topic, r.impact]));
  assert.equal(impacts.get('QoS'), 'behaviour');
  assert.equal(impacts.get('SSH'), 'management');
  assert.equal(impacts.get('AAA'), 'management');
});
