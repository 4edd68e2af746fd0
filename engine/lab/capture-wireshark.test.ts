import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPcap } from '../wire/pcap-reader.ts';
import { skipWithoutTshark } from './testing/tshark.ts';
import { Lab } from './lab.ts';

/** An independent decoder: Wireshark must decode, and with the saved keys decrypt, what the lab puts on a link. */

const TOPOLOGY = fileURLToPath(new URL('../../scenarios/examples/static-tunnel/topology.yaml', import.meta.url));

const skip = skipWithoutTshark;

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

/**
 * The AH ICV computed apart from the engine, with node:crypto's HMAC: RFC 2402 3.3.3.1 zeroes
 * TOS, flags and fragment offset, TTL and the checksum of the outer header (the lab sends no
 * options), and the ICV field itself, and truncates the HMAC to 96 bits.
 */
function independentAhIcv(datagram: Buffer, key: Buffer, hash: 'md5' | 'sha1'): { carried: string; computed: string } {
  const headerLength = (datagram[0]! & 0x0f) * 4;
  const input = Buffer.from(datagram);
  input[1] = 0;
  input.writeUInt16BE(0, 6);
  input[8] = 0;
  input.writeUInt16BE(0, 10);
  const icvStart = headerLength + 12;
  const carried = datagram.subarray(icvStart, icvStart + 12).toString('hex');
  input.fill(0, icvStart, icvStart + 12);
  const computed = createHmac(hash, key).update(input).digest().subarray(0, 12).toString('hex');
  return { carried, computed };
}

test('AH around ESP: tshark reads AH and decrypts the ESP inside it; every AH ICV checks out with node:crypto', { skip }, () => {
  const lab = Lab.load(TOPOLOGY);
  for (const router of ['R1', 'R2']) lab.configure(router, ['crypto ipsec transform-set ts ah-sha-hmac esp-3des esp-md5-hmac']);
  assert.equal(lab.ping('pc1', 'pc2').marks, '.!!!!');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tedlab-capture-'));
  lab.saveCapture('wan', dir);
  const ahRows = rows(path.join(dir, 'ah_sa'));
  assert.equal(ahRows.length, 2, 'one ah_sa row per direction');
  const keys = new Map(ahRows.map((row) => {
    const fields = row.split(',').map((field) => field.replace(/"/g, ''));
    return [Number.parseInt(fields[3]!, 16), Buffer.from(fields[7]!.slice(2), 'hex')] as const;
  }));

  const output = execFileSync('tshark', [
    '-r', path.join(dir, 'wan.pcap'), '-o', 'esp.enable_encryption_decode:TRUE', '-o', 'esp.enable_authentication_check:TRUE',
    ...rows(path.join(dir, 'esp_sa')).flatMap((row) => ['-o', `uat:esp_sa:${row}`]),
    '-Y', 'ah', '-T', 'fields', '-E', 'separator=|', '-e', 'ah.spi', '-e', 'ah.sequence', '-e', 'ah.icv', '-e', 'esp.icv_good', '-e', 'icmp.type',
  ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const frames = output.trimEnd().split('\n').map((line) => line.split('|'));
  assert.equal(frames.length, 8, '4 echoes and 4 replies under AH');
  assert.ok(frames.every(([, , , icvGood]) => icvGood === '1'), 'the ESP inside every AH decrypts with a good ICV');
  assert.deepEqual([...new Set(frames.map((frame) => frame[4]))].sort(), ['0', '8']);

  const records = readPcap(readFileSync(path.join(dir, 'wan.pcap')));
  assert.ok(records.ok);
  const ah = records.value.records.filter((record) => record.ipv4Bytes[9] === 51);
  assert.equal(ah.length, 8);
  for (const [index, record] of ah.entries()) {
    const datagram = Buffer.from(record.ipv4Bytes.subarray(0, (record.ipv4Bytes[2]! << 8) | record.ipv4Bytes[3]!));
    const spi = datagram.readUInt32BE((datagram[0]! & 0x0f) * 4 + 4);
    const key = keys.get(spi);
    assert.ok(key, `the ah_sa rows hold SPI 0x${spi.toString(16)}`);
    const { carried, computed } = independentAhIcv(datagram, key, 'sha1');
    assert.equal(carried, frames[index]![2]!.replace(/:/g, ''), 'the ICV tshark reads');
    assert.equal(computed, carried, `AH ICV of packet ${index}`);
  }
});
