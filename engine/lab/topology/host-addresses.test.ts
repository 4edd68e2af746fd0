import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIpv4 } from '../../wire/ipv4-address.ts';
import { parseGateway, parseHostAddress, parseStationAddress, subnetText, type HostAddress } from './host-addresses.ts';

function host(text: string): HostAddress {
  const parsed = parseHostAddress(text);
  return parsed.ok ? parsed.value : assert.fail(parsed.message);
}

const problem = (result: { ok: boolean; message?: string }) => (result.ok ? 'ok' : result.message);

test('address/length gives address, prefix length and mask', () => {
  assert.deepEqual(host('13.13.13.14/24'), { address: parseIpv4('13.13.13.14'), prefixLength: 24, mask: parseIpv4('255.255.255.0') });
  assert.deepEqual(host('10.0.0.1/8').mask, parseIpv4('255.0.0.0'));
  assert.equal(subnetText(host('172.16.5.9/20')), '172.16.0.0/20');
});

test('bad octets and prefix lengths are refused', () => {
  assert.equal(problem(parseHostAddress('10.1.1.300/24')), '"10.1.1.300" is not an IPv4 address (four numbers 0-255)');
  assert.equal(problem(parseHostAddress('10.1.1.1/33')), 'prefix length /33 is out of range: use /0 to /32');
  assert.equal(problem(parseHostAddress('10.1.1.1')), 'address "10.1.1.1" is not ADDRESS/LENGTH, e.g. 13.13.13.14/24');
});

test('network and broadcast addresses are not host addresses, except on /31 and /32', () => {
  assert.equal(problem(parseHostAddress('12.12.12.0/24')), '12.12.12.0 is the network address of 12.12.12.0/24, not an address inside it');
  assert.equal(problem(parseHostAddress('12.12.12.255/24')), '12.12.12.255 is the broadcast address of 12.12.12.0/24, not an address inside it');
  assert.equal(problem(parseHostAddress('10.0.0.4/30')), '10.0.0.4 is the network address of 10.0.0.4/30, not an address inside it');
  assert.equal(problem(parseHostAddress('10.0.0.4/31')), 'ok');
  assert.equal(problem(parseHostAddress('10.0.0.5/31')), 'ok');
  assert.equal(problem(parseHostAddress('10.0.0.5/32')), 'ok');
});

test('the gateway must be another station of the host subnet', () => {
  const pc = host('12.12.12.13/24');
  assert.deepEqual(parseGateway('12.12.12.12', pc), { ok: true, value: parseIpv4('12.12.12.12') });
  assert.equal(problem(parseGateway('12.12.13.12', pc)), "gateway 12.12.13.12 is not in the host's subnet 12.12.12.0/24");
  assert.equal(problem(parseGateway('12.12.12.13', pc)), "gateway 12.12.12.13 is the host's own address");
  assert.equal(problem(parseGateway('12.12.12.255', pc)), '12.12.12.255 is the broadcast address of 12.12.12.0/24, not an address inside it');
  assert.equal(problem(parseGateway('12.12.12.256', pc)), '"12.12.12.256" is not an IPv4 address (four numbers 0-255)');
});

test('octets are written without leading zeros, which many tools read as octal', () => {
  assert.equal(problem(parseHostAddress('010.1.1.10/24')), '"010.1.1.10" has an octet with a leading zero, which many tools read as octal: write 10.1.1.10');
  assert.equal(problem(parseGateway('10.1.1.01', host('10.1.1.10/24'))), '"10.1.1.01" has an octet with a leading zero, which many tools read as octal: write 10.1.1.1');
  assert.equal(problem(parseHostAddress('10.0.1.10/24')), 'ok', 'a zero octet is no leading zero');
});

test('a host or gateway address is a unicast address outside 0/8 and 127/8', () => {
  const use = 'use an address from 1.0.0.0 to 223.255.255.255 outside 127.0.0.0/8, e.g. 10.1.1.10';
  assert.equal(problem(parseHostAddress('127.0.0.1/8')), `127.0.0.1 is a loopback address, not a station's address: ${use}`);
  assert.equal(problem(parseHostAddress('224.0.0.5/24')), `224.0.0.5 is a multicast address, not a station's address: ${use}`);
  assert.equal(problem(parseHostAddress('255.255.255.255/32')), `255.255.255.255 is a reserved or broadcast address, not a station's address: ${use}`);
  assert.equal(problem(parseHostAddress('0.0.0.1/8')), `0.0.0.1 is in 0.0.0.0/8, "this network", not a station's address: ${use}`);
  assert.equal(problem(parseGateway('0.0.0.0', host('10.1.1.10/0'))), `0.0.0.0 is in 0.0.0.0/8, "this network", not a station's address: ${use}`);
  assert.equal(problem(parseHostAddress('1.0.0.1/8')), 'ok');
  assert.equal(problem(parseHostAddress('223.255.255.1/24')), 'ok');
});

test("a real peer's addresses may be on this machine's loopback, but are unicast", () => {
  assert.equal(problem(parseStationAddress('127.0.0.2', 'peer')), 'ok');
  assert.equal(problem(parseStationAddress('10.99.0.300', 'peer')), '"10.99.0.300" is not an IPv4 address, e.g. 10.99.0.2');
  assert.equal(
    problem(parseStationAddress('239.1.1.1', 'peer')),
    "239.1.1.1 is a multicast address, not a station's address: use an address from 1.0.0.0 to 223.255.255.255, e.g. 10.99.0.2",
  );
});
