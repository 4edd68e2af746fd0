import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeIcmp, encodeIcmp, quoteForIcmpError, type IcmpMessage } from './icmp.ts';
import { decodeIpv4, encodeIpv4 } from './ipv4.ts';
import { fromHex } from './test-hex.ts';

/** `tcpdump -i lo -X icmp` of `ping localhost` on Linux: echo request and its reply. */
const LINUX_ECHO_REQUEST = fromHex(`
  4500 0054 9210 4000 4001 aa96 7f00 0001 7f00 0001 0800 492b 5514 0001 2d08 f460
  0000 0000 6c83 0d00 0000 0000 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f 2021 2223
  2425 2627 2829 2a2b 2c2d 2e2f 3031 3233 3435 3637`);
const LINUX_ECHO_REPLY = fromHex(`
  4500 0054 9211 0000 4001 ea95 7f00 0001 7f00 0001 0000 512b 5514 0001 2d08 f460
  0000 0000 6c83 0d00 0000 0000 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f 2021 2223
  2425 2627 2829 2a2b 2c2d 2e2f 3031 3233 3435 3637`);

function icmpOf(datagram: Uint8Array): Uint8Array {
  const ip = decodeIpv4(datagram);
  assert.ok(ip.ok);
  return ip.value.payload;
}

test('a captured echo request decodes: identifier, sequence, data', () => {
  const result = decodeIcmp(icmpOf(LINUX_ECHO_REQUEST));
  assert.ok(result.ok);
  const message = result.value;
  assert.equal(message.kind, 'echo-request');
  if (message.kind !== 'echo-request') return;
  assert.equal(message.identifier, 21780);
  assert.equal(message.sequence, 1);
  assert.equal(message.data.length, 56);
});

test('answering the captured request reproduces the captured reply byte for byte', () => {
  const request = decodeIpv4(LINUX_ECHO_REQUEST);
  assert.ok(request.ok);
  const echo = decodeIcmp(request.value.payload);
  assert.ok(echo.ok && echo.value.kind === 'echo-request');
  if (!echo.ok || echo.value.kind !== 'echo-request') return;
  const replyIcmp = encodeIcmp({ ...echo.value, kind: 'echo-reply' });
  const reply = encodeIpv4({
    ...request.value, identification: 0x9211, dontFragment: false,
    source: request.value.destination, destination: request.value.source, payload: replyIcmp,
  });
  assert.deepEqual(reply, LINUX_ECHO_REPLY);
});

test('round trips of every message kind', () => {
  const quote = quoteForIcmpError(LINUX_ECHO_REQUEST);
  const messages: IcmpMessage[] = [
    { kind: 'echo-request', identifier: 7, sequence: 65535, data: fromHex('abcdabcdab') },
    { kind: 'echo-reply', identifier: 0, sequence: 0, data: new Uint8Array(0) },
    { kind: 'destination-unreachable', code: 13, nextHopMtu: 0, original: quote },
    { kind: 'destination-unreachable', code: 4, nextHopMtu: 1400, original: quote },
    { kind: 'time-exceeded', code: 0, original: quote },
    { kind: 'other', type: 5, code: 1, body: fromHex('0a0b0c0d') },
  ];
  for (const message of messages) {
    const decoded = decodeIcmp(encodeIcmp(message));
    assert.ok(decoded.ok, message.kind);
    assert.deepEqual(decoded.value, message);
  }
});

test('an error quotes the header and the first 8 payload bytes', () => {
  const quote = quoteForIcmpError(LINUX_ECHO_REQUEST);
  assert.equal(quote.length, 28);
  assert.deepEqual(quote.subarray(20), fromHex('0800 492b 5514 0001'));
  assert.equal(quoteForIcmpError(LINUX_ECHO_REQUEST.slice(0, 24)).length, 24);
  const bytes = encodeIcmp({ kind: 'destination-unreachable', code: 3, nextHopMtu: 0, original: quote });
  assert.deepEqual(bytes.subarray(0, 2), fromHex('0303'));
  assert.deepEqual(bytes.subarray(4, 8), fromHex('00000000'));
});

test('malformed ICMP gives typed errors', () => {
  const icmp = icmpOf(LINUX_ECHO_REQUEST);
  const truncated = decodeIcmp(icmp.slice(0, 7));
  assert.ok(!truncated.ok && truncated.error.code === 'truncated');
  const corrupted = icmp.slice();
  corrupted[20] ^= 0xff;
  const bad = decodeIcmp(corrupted);
  assert.ok(!bad.ok && bad.error.code === 'bad-checksum');
});
