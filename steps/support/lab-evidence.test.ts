import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Lab } from '../../engine/lab/index.ts';
import { labEvidence, type EvidenceGroup } from './lab-evidence.ts';

const INLINE = `routers:
  R1:
    model: c2600
    config: |
      hostname R1
      interface FastEthernet0/0
       ip address 10.0.0.1 255.255.255.0
hosts:
  pc1: { address: 10.0.0.2/24, gateway: 10.0.0.1 }
  pc2: { address: 10.0.1.2/24 }
links:
  lan: [R1 FastEthernet0/0, pc1]
  spare: { ends: [R1 FastEthernet0/1, pc2], capture: false }
`;

function evidence(groups: EvidenceGroup[], title: string): Map<string, string | Uint8Array> {
  const group = groups.find((candidate) => candidate.title === title);
  assert.ok(group, `no group "${title}" in ${groups.map((g) => g.title).join(', ')}`);
  return new Map(group.evidence.map((item) => [item.name, item.content]));
}

test('an inline lab: its YAML, the router console, debug log and startup-config, each captured link', () => {
  const lab = Lab.fromYaml(INLINE);
  lab.configure('R1', ['interface FastEthernet0/0', ' description LAN']);
  lab.ping('pc1', '10.0.0.1', { count: 2 });
  const groups = labEvidence(lab, INLINE);
  assert.deepEqual(groups.map((group) => group.title), ['topology', 'router R1', 'link lan']);
  assert.equal(evidence(groups, 'topology').get('topology.yaml'), INLINE);
  const router = evidence(groups, 'router R1');
  assert.match(String(router.get('console transcript')), /^R1\(config-if\)#description LAN$/m);
  assert.match(String(router.get('debug log')), /%SYS-5-CONFIG_I: Configured from console by console/);
  assert.match(String(router.get('startup-config')), /^ ip address 10\.0\.0\.1 255\.255\.255\.0$/m);
  const pcap = Buffer.from(evidence(groups, 'link lan').get('lan.pcap') as Uint8Array);
  assert.equal(pcap.readUInt32LE(0), 0xa1b2c3d4);
  assert.equal(pcap.length, 24 + 4 * (16 + 14 + 100), 'two echoes and two replies of 100 bytes, in Ethernet frames');
  assert.deepEqual([...evidence(groups, 'link lan').keys()], ['packets', 'lan.pcap', 'esp_sa', 'ikev1_decryption_table']);
  const packets = String(evidence(groups, 'link lan').get('packets'));
  assert.match(packets, /^link lan: 4 packets\n/);
  assert.match(packets, /^ +1 +[\d.]+ +pc1 +R1 +10\.0\.0\.2 +10\.0\.0\.1 +ICMP +114 +Echo request id=\d+ seq=0 ttl=\d+$/m);
});

test('the document\'s lab draws its IKE ladder, with the moment a step failed', () => {
  const file = fileURLToPath(new URL('../../scenarios/ted-doc/topology.yaml', import.meta.url));
  const lab = Lab.load(file);
  lab.ping('pc-daphne', 'pc-fred');
  const groups = labEvidence(lab, undefined, { timeMs: lab.nowMs(), step: 'the ping shows "!!!!!"' });
  assert.deepEqual(groups.map((group) => group.title).slice(0, 2), ['topology', 'IKE exchange']);
  const ladder = String(evidence(groups, 'IKE exchange').get('IKE ladder.svg'));
  assert.match(ladder, /<text class="label"[^>]*>TED probe<\/text>[\s\S]*<text class="label"[^>]*>QM3<\/text>/);
  assert.match(ladder, /failed: the ping shows &quot;!!!!!&quot;/);
  assert.ok(!groups.some((group) => group.title === 'IKE exchange' && group.evidence.length !== 1));
});

test('a lab that negotiated nothing has no ladder', () => {
  const lab = Lab.fromYaml(INLINE);
  lab.ping('pc1', '10.0.0.1', { count: 1 });
  assert.ok(!labEvidence(lab, INLINE).some((group) => group.title === 'IKE exchange'));
});

test('an empty console or log says so in its name', () => {
  const router = evidence(labEvidence(Lab.fromYaml(INLINE), INLINE), 'router R1');
  assert.deepEqual([...router.keys()], ['console transcript (empty)', 'debug log (empty)', 'startup-config']);
});

test('a lab from a file attaches the file as written', () => {
  const file = fileURLToPath(new URL('../../scenarios/examples/two-routers/topology.yaml', import.meta.url));
  const topology = evidence(labEvidence(Lab.load(file)), 'topology');
  assert.equal(topology.get('topology.yaml'), readFileSync(file, 'utf8'));
});
