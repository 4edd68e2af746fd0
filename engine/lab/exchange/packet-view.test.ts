import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ArpOperation, EtherType, IpProtocol, encodeArp, encodeEthernet, encodeIcmp, encodeIpv4, parseIpv4, type Ipv4Address,
} from '../../wire/index.ts';
import { IsakmpReader } from './isakmp-reader.ts';
import { LINKTYPE_ETHERNET, LINKTYPE_PPP_HDLC, LINKTYPE_RAW } from '../../wire/pcap.ts';
import { PacketDecoder, type CapturedFrame } from './packet-view.ts';

const address = (text: string): Ipv4Address => parseIpv4(text)!;
const MAC_A = 0x0003_6b8f_1a20;
const MAC_B = 0x0003_6b8f_1a21;

const echo = encodeIpv4({
  tos: 0, identification: 1, dontFragment: false, moreFragments: false, fragmentOffset: 0, ttl: 254,
  protocol: IpProtocol.icmp, source: address('10.0.0.1'), destination: address('10.0.0.2'), options: new Uint8Array(),
  payload: encodeIcmp({ kind: 'echo-request', identifier: 7, sequence: 3, data: new Uint8Array(72) }),
});

/** A frame from R1 to `to` (null: a broadcast). */
const decode = (linkType: number, bytes: Uint8Array, to: string | null = 'R2') =>
  new PacketDecoder(new IsakmpReader(new Map())).decode({ timeMs: 1500, link: 'l', linkType, from: 'R1', to: to ?? undefined, bytes } satisfies CapturedFrame);

test('ARP requests and replies read as Wireshark words them', () => {
  const request = encodeArp({ operation: ArpOperation.request, senderMac: MAC_A, senderAddress: address('10.0.0.1'), targetMac: 0, targetAddress: address('10.0.0.2') });
  const reply = encodeArp({ operation: ArpOperation.reply, senderMac: MAC_B, senderAddress: address('10.0.0.2'), targetMac: MAC_A, targetAddress: address('10.0.0.1') });
  const asked = decode(LINKTYPE_ETHERNET, encodeEthernet({ destination: 0xffff_ffff_ffff, source: MAC_A, etherType: EtherType.arp, payload: request }), null);
  assert.deepEqual([asked.protocol, asked.source, asked.destination, asked.info], ['ARP', 'R1', 'broadcast', 'Who has 10.0.0.2? Tell 10.0.0.1']);
  const answered = decode(LINKTYPE_ETHERNET, encodeEthernet({ destination: MAC_A, source: MAC_B, etherType: EtherType.arp, payload: reply }));
  assert.equal(answered.info, '10.0.0.2 is at 0003.6b8f.1a21');
});

test('the same echo request in every framing a link may use: Ethernet, 802.1Q, Cisco HDLC, PPP, raw IPv4', () => {
  const ethernet = encodeEthernet({ destination: MAC_B, source: MAC_A, etherType: EtherType.ipv4, payload: echo });
  const tagged = encodeEthernet({ destination: MAC_B, source: MAC_A, etherType: 0x8100, payload: Uint8Array.from([0x00, 0x0a, 0x08, 0x00, ...echo]) });
  const hdlc = Uint8Array.from([0x0f, 0x00, 0x08, 0x00, ...echo]);
  const ppp = Uint8Array.from([0xff, 0x03, 0x00, 0x21, ...echo]);
  for (const [linkType, bytes] of [[LINKTYPE_ETHERNET, ethernet], [LINKTYPE_ETHERNET, tagged], [LINKTYPE_PPP_HDLC, hdlc], [LINKTYPE_PPP_HDLC, ppp], [LINKTYPE_RAW, echo]] as const) {
    const view = decode(linkType, bytes);
    assert.deepEqual([view.protocol, view.source, view.destination, view.info], ['ICMP', '10.0.0.1', '10.0.0.2', 'Echo request id=7 seq=3 ttl=254'], `link type ${linkType}`);
  }
});

test('what is not IPv4 or ARP, or does not decode, is named, never thrown', () => {
  assert.equal(decode(LINKTYPE_ETHERNET, encodeEthernet({ destination: MAC_B, source: MAC_A, etherType: 0x86dd, payload: new Uint8Array(46) })).info, 'EtherType 0x86dd');
  assert.equal(decode(LINKTYPE_PPP_HDLC, Uint8Array.from([0x8f, 0x00, 0x80, 0x35, 0, 0, 0, 0])).info, 'Cisco HDLC protocol 0x8035');
  assert.equal(decode(LINKTYPE_PPP_HDLC, Uint8Array.from([0xff, 0x03, 0xc0, 0x21, 1, 1, 0, 4])).info, 'PPP protocol 0xc021');
  assert.equal(decode(LINKTYPE_PPP_HDLC, Uint8Array.from([0x12, 0x34, 0, 0])).info, 'malformed serial frame');
  assert.equal(decode(LINKTYPE_ETHERNET, Uint8Array.of(1, 2, 3)).info, 'malformed Ethernet frame');
  assert.equal(decode(LINKTYPE_RAW, Uint8Array.of(0x45, 0, 0)).info, 'malformed IPv4 datagram');
  assert.equal(decode(147, new Uint8Array(10)).info, 'link type 147');
});
