import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeededRandom } from '../../sim/random.ts';
import { decodeIpv4 } from '../../wire/ipv4.ts';
import { decodeUdp } from '../../wire/udp.ts';
import { IpProtocol } from '../../wire/ip-protocols.ts';
import { captureCases, samplePackets } from './fuzz-cases.ts';
import { dissect, MUTATORS, MUTATION_NAMES, mutate, mutateWith, type Dissected } from './mutations.ts';
import { bodyOf, regionsOf } from './packet-layout.ts';

const cases = captureCases();
const samples = samplePackets(cases);
const pool: Dissected[] = cases.flatMap((c) => c.packets).filter((p) => p.kind !== 'other').map((p) => dissect(p.bytes));

test('the captures hold every sort of packet the mutators are aimed at', () => {
  for (const key of ['isakmp 2', 'isakmp 2 encrypted', 'isakmp 4', 'isakmp 4 encrypted', 'isakmp 32 encrypted', 'isakmp 5 encrypted', 'isakmp 240', 'esp', 'ah']) {
    assert.ok(samples.has(key), `${key} (have: ${[...samples.keys()].join(', ')})`);
  }
});

test('every mutator applies to some captured packet, and names are unique', () => {
  assert.equal(new Set(MUTATION_NAMES).size, MUTATION_NAMES.length);
  for (const mutator of MUTATORS) {
    assert.ok([...samples.values()].some((p) => mutator.applies(dissect(p.bytes))), mutator.name);
  }
});

test('the layout finds the regions of each sort of packet', () => {
  const names = (key: string): string[] => {
    const packet = dissect(samples.get(key)!.bytes);
    return regionsOf(packet, bodyOf(packet)).map((region) => region.name);
  };
  assert.deepEqual(names('isakmp 2'), ['isakmp cookies', 'isakmp header fields', 'isakmp payloads']);
  assert.deepEqual(names('isakmp 32 encrypted'), ['isakmp cookies', 'isakmp header fields', 'isakmp encrypted body']);
  assert.deepEqual(names('esp'), ['esp spi', 'esp sequence', 'esp iv', 'esp ciphertext', 'esp icv']);
  assert.deepEqual(names('ah'), ['ah header', 'ah icv', 'esp spi', 'esp sequence', 'esp iv', 'esp ciphertext', 'esp icv']);
});

/** Body mutations keep the outer headers deliverable: IPv4 decodes, and so does UDP for ISAKMP. */
function assertDeliverable(bytes: Uint8Array, what: string): void {
  const ip = decodeIpv4(bytes);
  assert.ok(ip.ok, `${what}: IPv4 ${ip.ok ? '' : ip.error.message}`);
  if (ip.value.protocol !== IpProtocol.udp) return;
  const udp = decodeUdp(ip.value.payload, ip.value.source, ip.value.destination);
  assert.ok(udp.ok, `${what}: UDP ${udp.ok ? '' : udp.error.message}`);
  assert.equal(udp.value.destinationPort, 500, what);
}

test('every mutator but the outer ones keeps the datagram deliverable, for every sort of packet', () => {
  const random = new SeededRandom(3, 'mutations-test');
  for (const [key, sample] of samples) {
    const packet = dissect(sample.bytes);
    for (const mutator of MUTATORS.filter((m) => !m.outer && m.applies(packet))) {
      for (let i = 0; i < 20; i++) {
        const mutation = mutateWith(mutator.name, { packet, pool, random });
        assert.ok(mutation.datagrams.length >= 1);
        for (const datagram of mutation.datagrams) assertDeliverable(datagram, `${mutator.name} of ${key}: ${mutation.detail}`);
      }
    }
  }
});

test('the outer mutators break what they say, and nothing else', () => {
  const random = new SeededRandom(4, 'mutations-test');
  const packet = dissect(samples.get('isakmp 2')!.bytes);
  for (const mutator of MUTATORS.filter((m) => m.outer)) {
    for (let i = 0; i < 20; i++) {
      const [bytes] = mutateWith(mutator.name, { packet, pool, random }).datagrams;
      assert.notDeepEqual(bytes, packet.bytes, mutator.name);
      assert.deepEqual(bytes!.subarray(28), packet.bytes.subarray(28), `${mutator.name} leaves the ISAKMP message alone`);
    }
  }
});

test('field edits change the field they name', () => {
  const random = new SeededRandom(5, 'mutations-test');
  const esp = dissect(samples.get('esp')!.bytes);
  for (let i = 0; i < 10; i++) {
    const [spi] = mutateWith('esp-spi', { packet: esp, pool, random }).datagrams;
    assert.notDeepEqual(spi!.subarray(20, 24), esp.bytes.subarray(20, 24));
    assert.deepEqual(spi!.subarray(24), esp.bytes.subarray(24));
  }
  const mm1 = dissect(samples.get('isakmp 2')!.bytes);
  const swapped = mutateWith('isakmp-cookie-swap', { packet: mm1, pool, random }).datagrams[0]!;
  assert.deepEqual(swapped.subarray(28, 36), mm1.bytes.subarray(36, 44));
  assert.deepEqual(swapped.subarray(36, 44), mm1.bytes.subarray(28, 36));
  const reflected = mutateWith('reflect', { packet: mm1, pool, random });
  assert.equal(reflected.reflect, true);
  assert.deepEqual(reflected.datagrams[0]!.subarray(12, 16), mm1.bytes.subarray(16, 20));
});

test('the same seed gives the same mutations, and the weights keep outer breakage to a few percent', () => {
  const run = (seed: number): string[] => {
    const random = new SeededRandom(seed, 'mutations-test');
    const usage = new Map<string, number>();
    return pool.slice(0, 40).flatMap((packet) => Array.from({ length: 25 }, () => {
      const mutation = mutate({ packet, pool, random }, usage);
      return `${mutation.name} ${Buffer.concat(mutation.datagrams).toString('hex')}`;
    }));
  };
  const first = run(9);
  assert.deepEqual(run(9), first);
  assert.notDeepEqual(run(10), first);
  const outerNames = new Set(MUTATORS.filter((m) => m.outer).map((m) => m.name));
  const outerShare = first.filter((line) => outerNames.has(line.split(' ')[0]!)).length / first.length;
  assert.ok(outerShare > 0.01 && outerShare < 0.12, `outer share ${outerShare}`);
});

test('mutateWith refuses an unknown name and a mutator that does not apply', () => {
  const random = new SeededRandom(1);
  const esp = dissect(samples.get('esp')!.bytes);
  assert.throws(() => mutateWith('no-such', { packet: esp, pool, random }), /no mutator "no-such"/);
  assert.throws(() => mutateWith('isakmp-length', { packet: esp, pool, random }), /does not apply/);
});
