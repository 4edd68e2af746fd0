import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeTaggedEthernet, encodeTaggedEthernet, TPID_DOT1Q, vlanOf } from './dot1q.ts';
import { EtherType, ipv4PayloadOf } from './ethernet.ts';
import { BROADCAST_MAC } from './mac-address.ts';
import { fromHex } from './test-hex.ts';

// An ARP request for 10.0.10.1 from 10.0.10.10 (RFC 826 layout), as a PC behind an access port of VLAN 10 sends it.
const ARP = fromHex('0001 0800 06 04 0001 000c29aabbcc 0a000a0a 000000000000 0a000a01');

test('a tag goes after the source MAC: TPID 8100, TCI with priority 0 and the VLAN ID, then the EtherType (IEEE 802.1Q 9.3)', () => {
  const frame = encodeTaggedEthernet({ destination: BROADCAST_MAC, source: 0x000c29aabbcc, etherType: EtherType.arp, payload: ARP }, 10);
  assert.deepEqual(frame.subarray(0, 20), fromHex('ffffffffffff 000c29aabbcc 8100 000a 0806 0001'));
  assert.equal(frame.length, 60, 'padded to the same minimum as an untagged frame');
  assert.equal(vlanOf(frame), 10);
});

test('the priority and VLAN ID share the TCI: priority 5, VLAN 4094 is A0 0F FE... read back whole', () => {
  const frame = encodeTaggedEthernet({ destination: 1, source: 2, etherType: EtherType.ipv4, payload: new Uint8Array(100) }, 4094, 5);
  assert.deepEqual(frame.subarray(12, 18), fromHex('8100 affe 0800'));
  const decoded = decodeTaggedEthernet(frame);
  assert.ok(decoded.ok);
  assert.deepEqual(decoded.value.tag, { priority: 5, dropEligible: false, vlanId: 4094 });
  assert.equal(decoded.value.etherType, EtherType.ipv4);
  assert.equal(decoded.value.payload.length, 100);
  assert.equal(frame.length, 118, 'a long frame is not padded');
});

test('an untagged frame decodes without a tag and has no VLAN; without a VLAN the encoder writes plain Ethernet', () => {
  const plain = encodeTaggedEthernet({ destination: BROADCAST_MAC, source: 0x000c29aabbcc, etherType: EtherType.arp, payload: ARP }, undefined);
  assert.deepEqual(plain.subarray(12, 14), fromHex('0806'));
  const decoded = decodeTaggedEthernet(plain);
  assert.ok(decoded.ok);
  assert.equal(decoded.value.tag, undefined);
  assert.equal(vlanOf(plain), undefined);
});

test('the IPv4 datagram of a tagged frame is found past the tag, without the padding', () => {
  const datagram = fromHex('45000014 0001 0000 ff01 0000 0a000a01 0a000a0a');
  const frame = encodeTaggedEthernet({ destination: 1, source: 2, etherType: EtherType.ipv4, payload: datagram }, 20);
  assert.deepEqual(ipv4PayloadOf(frame), datagram);
});

test('a header cut inside the tag is a typed error', () => {
  const decoded = decodeTaggedEthernet(fromHex('ffffffffffff 000c29aabbcc 8100 00'));
  assert.equal(decoded.ok, false);
  if (!decoded.ok) assert.equal(decoded.error.code, 'truncated');
  assert.equal(TPID_DOT1Q, 0x8100);
});
