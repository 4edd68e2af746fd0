import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lab } from './lab.ts';

/** An independent decoder: Wireshark must decode, and with the saved keys decrypt, what the lab puts on a link. */

const TOPOLOGY = fileURLToPath(new URL('../../scenarios/examples/static-tunnel/topology.yaml', import.meta.url));

function tsharkAvailable(): boolean {
  try {
    execFileSync('tshark', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const skip = tsharkAvailable() ? false : process.env.CI ? false : 'tshark is not installed (.ci/run installs it)';

function rows(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter((line) => line !== '');
}

interface Frame {
  exchangeType: string;
  hash: string;
  icvGood: string;
  icmpType: string;
  malformed: string;
}

function decode(dir: string): Frame[] {
  const keys = [
    ...rows(path.join(dir, 'esp_sa')).flatMap((row) => ['-o', `uat:esp_sa:${row}`]),
    ...rows(path.join(dir, 'ikev1_decryption_table')).flatMap((row) => ['-o', `uat:ikev1_decryption_table:${row}`]),
  ];
  const fields = ['isakmp.exchangetype', 'isakmp.hash', 'esp.icv_good', 'icmp.type', '_ws.malformed'];
  const output = execFileSync(
    'tshark',
    ['-r', path.join(dir, 'wan.pcap'), '-o', 'esp.enable_encryption_decode:TRUE', '-o', 'esp.enable_authentication_check:TRUE',
      ...keys, '-T', 'fields', '-E', 'separator=|', ...fields.flatMap((field) => ['-e', field])],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return output.trimEnd().split('\n').map((line) => {
    const [exchangeType = '', hash = '', icvGood = '', icmpType = '', malformed = ''] = line.split('|');
    return { exchangeType, hash, icvGood, icmpType, malformed };
  });
}

test('tshark decodes main and quick mode, decrypts them with the saved Ka, and decrypts ESP with good ICVs', { skip }, () => {
  const lab = Lab.load(TOPOLOGY);
  assert.equal(lab.ping('pc1', 'pc2').marks, '.!!!!');
  assert.equal(lab.ping('pc1', 'pc2').marks, '!!!!!');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-capture-'));
  lab.saveCapture('wan', dir);
  assert.equal(rows(path.join(dir, 'esp_sa')).length, 2, 'one esp_sa row per direction');
  assert.equal(rows(path.join(dir, 'ikev1_decryption_table')).length, 1, 'one ISAKMP SA');

  const frames = decode(dir);
  assert.deepEqual(frames.map((frame) => frame.malformed).filter((value) => value !== ''), [], 'no malformed packet');
  const ike = frames.filter((frame) => frame.exchangeType !== '');
  assert.deepEqual(ike.map((frame) => frame.exchangeType), ['2', '2', '2', '2', '2', '2', '32', '32', '32'], 'MM1-MM6, QM1-QM3');
  assert.ok(ike.slice(4).every((frame) => /^[0-9a-f]{40}$/.test(frame.hash)), 'MM5, MM6 and QM1-QM3 decrypted: their HASH payloads read');
  const esp = frames.filter((frame) => frame.icvGood !== '');
  assert.equal(esp.length, 18, '9 echoes and 9 replies through the tunnel');
  assert.ok(esp.every((frame) => frame.icvGood === '1'), 'every ICV good');
  assert.deepEqual([...new Set(esp.map((frame) => frame.icmpType))].sort(), ['0', '8'], 'decrypted to echo requests and replies');
});
